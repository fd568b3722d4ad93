/*
 * coop_strategies.c - the strategy table of the iterated prisoner's dilemma.
 *
 * To add a strategy: write a static function with the shi_coop_fn signature
 * below and add one row to `table` (name, aliases, definition, citation,
 * function, parameter). Nothing else needs to change; the CLI, tournaments and
 * `shi coop strategies` read this table.
 *
 * Conventions: a strategy sees realised moves (after noise) through
 * shi_coop_view, keeps its private state in shi_coop_mem (zeroed at the start
 * of a match) and draws random numbers only from the match's `rng`, so it is
 * reentrant. Definitions follow the cited sources; where a source is vague
 * (notably the first-tournament programs, which Axelrod 1980 describes in one
 * or two sentences) the row says "approximation" and docs/coop.md gives the
 * reading chosen. These are our own implementations from the published
 * descriptions.
 */
#include <shi/coop.h>

#include <math.h>
#include <stddef.h>

enum { C = SHI_COOP_C, D = SHI_COOP_D };

/* 1 with probability p. */
static int coin(shi_rng *rng, double p)
{
    return shi_rng_uniform(rng) < p;
}

static int last_opp(const shi_coop_view *v)
{
    return v->opp[v->t - 1];
}

/* A memory-one strategy: cooperate first, then with probability p[k] where k
 * indexes the previous turn (own move, opponent's move) as CC, CD, DC, DD. */
static int memory_one(const shi_coop_view *v, const double p[4], shi_rng *rng)
{
    if (v->t == 0) {
        return C;
    }
    int k = 2 * v->me[v->t - 1] + v->opp[v->t - 1];
    if (p[k] >= 1.0) {
        return C;
    }
    if (p[k] <= 0.0) {
        return D;
    }
    return coin(rng, p[k]) ? C : D;
}

/* Zero-determinant four-vectors (Press & Dyson 2012, eq. 7 and Fig. 2):
 * with own payoffs S_X = (R, S, T, P) and the opponent's S_Y = (R, T, S, P)
 * over the previous turn CC, CD, DC, DD, the strategy p with
 *     p - (1, 1, 0, 0) = phi [(S_X - l) - chi (S_Y - l)]
 * enforces s_X - l = chi (s_Y - l) on the long-run scores. Extortion takes
 * l = P (Press & Dyson), generosity l = R (Stewart & Plotkin 2012). phi is
 * fixed by the payoffs: the largest value keeping every p in [0, 1] for the
 * generous strategy, half of it for the extortioner, which gives Stewart &
 * Plotkin's published vectors at 5,3,1,0: (8/9, 1/2, 1/3, 0) for Extort-2 and
 * (1, 1/8, 1, 1/4) for ZD-GTFT-2. */
void shi_coop_zd_vector(const shi_coop_payoffs *pay, int generous, double chi, double p[4])
{
    double R = pay->R, S = pay->S, T = pay->T, P = pay->P;
    if (!generous) {
        double a = (chi - 1) * (R - P), b = chi * (T - P) + (P - S), c = (T - P) + chi * (P - S);
        double phi = 0.5 * fmin(1.0 / a, fmin(1.0 / b, 1.0 / c));
        p[0] = 1 - phi * a;
        p[1] = 1 - phi * b;
        p[2] = phi * c;
        p[3] = 0;
    } else {
        double a = (R - S) + chi * (T - R), b = (T - R) + chi * (R - S), c = (chi - 1) * (R - P);
        double phi = fmin(1.0 / a, fmin(1.0 / b, 1.0 / c));
        p[0] = 1;
        p[1] = 1 - phi * a;
        p[2] = phi * b;
        p[3] = phi * c;
    }
}

/* ---- the strategies ------------------------------------------------------ */

static int s_cooperator(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)v, (void)par, (void)m, (void)rng;
    return C;
}

static int s_defector(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)v, (void)par, (void)m, (void)rng;
    return D;
}

static int s_tft(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    return v->t == 0 ? C : last_opp(v);
}

static int s_tf2t(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    if (v->t < 2) {
        return C;
    }
    return (v->opp[v->t - 1] == D && v->opp[v->t - 2] == D) ? D : C;
}

static int s_ttft(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    if (v->t == 0) {
        return C;
    }
    return (v->opp[v->t - 1] == D || (v->t >= 2 && v->opp[v->t - 2] == D)) ? D : C;
}

static int s_grudger(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    return v->opp_d > 0 ? D : C;
}

static int s_wsls(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    /* Win (R or T): keep the move; lose (P or S): switch. Both reduce to
     * "cooperate iff both players made the same move last turn". */
    if (v->t == 0) {
        return C;
    }
    return v->me[v->t - 1] == v->opp[v->t - 1] ? C : D;
}

static int s_gtft(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)m;
    if (v->t == 0 || last_opp(v) == C) {
        return C;
    }
    return coin(rng, par) ? C : D;
}

static int s_stft(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    return v->t == 0 ? D : last_opp(v);
}

static int s_htft(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    size_t from = v->t >= 3 ? v->t - 3 : 0;
    for (size_t s = from; s < v->t; s++) {
        if (v->opp[s] == D) {
            return D;
        }
    }
    return C;
}

static int s_alternator(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    return v->t % 2 == 0 ? C : D;
}

static int s_random(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)v, (void)m;
    return coin(rng, par) ? C : D;
}

static int s_bully(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    return v->t == 0 ? D : 1 - last_opp(v);
}

static int s_antitft(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    return v->t == 0 ? C : 1 - last_opp(v);
}

static int s_soft_majority(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    return v->t - v->opp_d >= v->opp_d ? C : D;
}

static int s_hard_majority(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    return v->opp_d >= v->t - v->opp_d ? D : C;
}

static int s_adaptive(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)rng;
    /* m->x[a], m->i[a]: payoff summed over, and number of, own moves a so far;
     * updated with the previous turn on each call, so each turn costs O(1). */
    if (v->t > 0) {
        int a = v->me[v->t - 1], b = v->opp[v->t - 1];
        const shi_coop_payoffs *p = v->pay;
        double pay = a == C ? (b == C ? p->R : p->S) : (b == C ? p->T : p->P);
        m->x[a] += pay;
        m->i[a]++;
    }
    if (v->t < 6) {
        return C;
    }
    if (v->t < 11) {
        return D;
    }
    if (par > 0.5) {
        /* Reading "total" (the Axelrod library's Adaptive): the move with the
         * larger payoff summed so far, which favours the move played more
         * often; a tie gives D. */
        return m->x[C] > m->x[D] ? C : D;
    }
    double ac = m->x[C] / (double)m->i[C], ad = m->x[D] / (double)m->i[D];
    return ac >= ad ? C : D;
}

static int s_handshake(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    if (v->t == 0) {
        return C;
    }
    if (v->t == 1) {
        return D;
    }
    return (v->opp[0] == C && v->opp[1] == D) ? C : D;
}

static int s_joss(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)m;
    /* Joss cooperates first (Axelrod 1980): the coin only follows a
     * cooperation of the opponent, and there is none before turn 0. */
    if (v->t == 0) {
        return C;
    }
    if (last_opp(v) == D) {
        return D;
    }
    return coin(rng, par) ? D : C;
}

static int s_tester(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)rng;
    /* m->i[0] = 1 once Tester has apologised for its probe. */
    if (v->t == 0) {
        return D;
    }
    if (v->opp_d > 0) {
        if (!m->i[0]) {
            m->i[0] = 1;
            return C;
        }
        return last_opp(v);
    }
    if (v->t <= 2) {
        return C;
    }
    return v->t % 2 == 1 ? D : C;
}

static int s_tullock(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m;
    if (v->t < 11) {
        return C;
    }
    int c = 0;
    for (size_t s = v->t - 10; s < v->t; s++) {
        c += v->opp[s] == C;
    }
    double p = c / 10.0 - 0.1;
    return p > 0.0 && coin(rng, p) ? C : D;
}

static int s_davis(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    if (v->t < 10) {
        return C;
    }
    return v->opp_d > 0 ? D : C;
}

static int s_feld(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m;
    if (v->t == 0) {
        return C;
    }
    if (last_opp(v) == D) {
        return D;
    }
    double t = v->t < 200 ? (double)v->t : 200.0;
    return coin(rng, 1.0 - 0.5 * t / 200.0) ? C : D;
}

static int s_grofman(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m;
    if (v->t == 0 || v->me[v->t - 1] == v->opp[v->t - 1]) {
        return C;
    }
    return coin(rng, 2.0 / 7.0) ? C : D;
}

static int s_shubik(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)rng;
    /* m->i[0]: length of the last retaliation; m->i[1]: defections still due. */
    if (v->t == 0) {
        return C;
    }
    if (m->i[1] > 0) {
        m->i[1]--;
        return D;
    }
    if (last_opp(v) == D && v->me[v->t - 1] == C) {
        m->i[0]++;
        m->i[1] = m->i[0] - 1;
        return D;
    }
    return C;
}

static int s_downing(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)rng;
    /* Downing models the opponent as responding to our previous move:
     * alpha = P(opp C | we played C), beta = P(opp C | we played D), estimated
     * from counts m->i[0] (our C), m->i[1] (opp C after it), m->i[2] (our D),
     * m->i[3] (opp C after it), with 1/2 before any evidence. It then picks the
     * move with the higher long-run payoff per turn if always played:
     * C: alpha R + (1 - alpha) S;  D: beta T + (1 - beta) P. */
    if (v->t >= 2) {
        int mine = v->me[v->t - 2], resp = v->opp[v->t - 1];
        m->i[2 * mine]++;
        m->i[2 * mine + 1] += resp == C;
    }
    double alpha = m->i[0] ? (double)m->i[1] / (double)m->i[0] : 0.5;
    double beta = m->i[2] ? (double)m->i[3] / (double)m->i[2] : 0.5;
    const shi_coop_payoffs *p = v->pay;
    double ec = alpha * p->R + (1.0 - alpha) * p->S;
    double ed = beta * p->T + (1.0 - beta) * p->P;
    if (ec > ed) {
        return C;
    }
    if (ed > ec) {
        return D;
    }
    return v->t == 0 ? D : 1 - v->me[v->t - 1];
}

static int s_fbf(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m;
    static const double p[4] = {1.0, 0.0, 1.0, 2.0 / 3.0};
    return memory_one(v, p, rng);
}

static int s_prober(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    if (v->t == 0) {
        return D;
    }
    if (v->t < 3) {
        return C;
    }
    if (v->opp[1] == C && v->opp[2] == C) {
        return D;
    }
    return last_opp(v);
}

static int s_gradual(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)rng;
    /* m->i[0]: punishing defections still due; m->i[1]: calming cooperations due;
     * m->i[2]: punishments begun. The punishment after a defection is n
     * defections: with the default reading n counts every defection of the
     * opponent so far, also those met while punishing or calming (the
     * Axelrod library's "Gradual"); with the reading "original" n counts only
     * the defections that began a punishment (the library's
     * "OriginalGradual", which it gives as Beaufils et al.'s). */
    if (m->i[0] > 0) {
        if (--m->i[0] == 0) {
            m->i[1] = 2;
        }
        return D;
    }
    if (m->i[1] > 0) {
        m->i[1]--;
        return C;
    }
    if (v->t > 0 && last_opp(v) == D) {
        m->i[2]++;
        m->i[0] = (par > 0.5 ? m->i[2] : (long)v->opp_d) - 1;
        if (m->i[0] == 0) {
            m->i[1] = 2;
        }
        return D;
    }
    return C;
}

static int s_cycler_ccd(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    return v->t % 3 == 2 ? D : C;
}

static int s_cycler_ddc(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    return v->t % 3 == 2 ? C : D;
}

static int s_cycler_dc(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m, (void)rng;
    return v->t % 2 == 0 ? D : C;
}

static int s_soft_grudger(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)rng;
    /* m->i[0]: 1-based position in the punishment D,D,D,D,C,C (0 = none). */
    static const unsigned char seq[6] = {D, D, D, D, C, C};
    if (m->i[0] > 0) {
        int mv = seq[m->i[0] - 1];
        m->i[0] = m->i[0] == 6 ? 0 : m->i[0] + 1;
        return mv;
    }
    if (v->t > 0 && last_opp(v) == D) {
        m->i[0] = 2;
        return D;
    }
    return C;
}

/* Press & Dyson (2012) zero-determinant strategies, recomputed from the
 * payoffs in use (see shi_coop_zd_vector). */
static int s_extort2(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m;
    double p[4];
    shi_coop_zd_vector(v->pay, 0, 2.0, p);
    return memory_one(v, p, rng);
}

static int s_zdgtft2(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)par, (void)m;
    double p[4];
    shi_coop_zd_vector(v->pay, 1, 2.0, p);
    return memory_one(v, p, rng);
}

static int s_champion(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)m;
    if (v->t < 10) {
        return C;
    }
    if (v->t < 25) {
        return last_opp(v);
    }
    if (par > 0.5) {
        /* Reading "inclusive" (the Axelrod library's): the opponent's share of
         * defections at least 40 %, so exactly 60 % cooperation qualifies,
         * and at least a uniform draw on [0, 1). */
        double dshare = (double)v->opp_d / (double)v->t;
        if (last_opp(v) == D && dshare >= 0.4 && dshare >= shi_rng_uniform(rng)) {
            return D;
        }
        return C;
    }
    double rate = (double)(v->t - v->opp_d) / (double)v->t;
    if (last_opp(v) == D && rate < 0.6 && shi_rng_uniform(rng) > rate) {
        return D;
    }
    return C;
}

static int s_worse(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)m;
    /* The default reading counts turns from 0 (so the first move is C); the
     * reading "t+1" (the Axelrod library's) from 1, defecting with
     * probability 1/1000 on the first move and surely from the 1000th. */
    double p = ((double)v->t + (par > 0.5 ? 1.0 : 0.0)) / 1000.0;
    if (p >= 1.0) {
        return D;
    }
    return coin(rng, p) ? D : C;
}

static int s_forgiver(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng)
{
    (void)m, (void)rng;
    return (double)v->opp_d > par * (double)v->t ? D : C;
}

/* ---- the table ----------------------------------------------------------- */

#define AX80 "Axelrod 1980, JCR 24(1) (first tournament)"
#define AX84 "Axelrod 1984, The Evolution of Cooperation"
#define BDM96 "Beaufils, Delahaye & Mathieu 1996, Artificial Life V"

/* name, aliases, definition, citation, fn, has_par, par, lo, hi, stochastic, readings */
static const shi_coop_strategy table[] = {
    {"Cooperator", "Always Cooperate,ALLC", "always cooperates", AX84, s_cooperator, 0, 0, 0, 0, 0,
     NULL},
    {"Defector", "Always Defect,ALLD", "always defects", AX84, s_defector, 0, 0, 0, 0, 0, NULL},
    {"Tit For Tat", "TFT,Rapoport", "cooperates first, then copies the opponent's last move",
     AX80 " (Rapoport's entry, the winner)", s_tft, 0, 0, 0, 0, 0, NULL},
    {"Tit For Two Tats", "TF2T", "defects only after two consecutive defections of the opponent",
     AX80 " (sample rule that would have won)", s_tf2t, 0, 0, 0, 0, 0, NULL},
    {"Two Tits For Tat", "TTFT,2TFT",
     "defects if the opponent defected in either of the last two turns", AX84, s_ttft, 0, 0, 0, 0,
     0, NULL},
    {"Grudger", "Grim Trigger,Grim,Spiteful,Friedman",
     "cooperates until the opponent defects once, then defects forever",
     "Friedman 1971, Rev. Econ. Stud. 38(1); " AX80 " (Friedman's entry)", s_grudger, 0, 0, 0, 0, 0,
     NULL},
    {"Win-Stay Lose-Shift", "WSLS,Pavlov",
     "cooperates first; repeats its move after R or T, switches after P or S",
     "Nowak & Sigmund 1993, Nature 364; Kraines & Kraines 1989, Theory and Decision 26", s_wsls, 0,
     0, 0, 0, 0, NULL},
    {"Generous TFT", "GTFT,Generous Tit For Tat",
     "TFT, but after a defection cooperates with probability g (parameter, default 1/3: the "
     "optimum min(1-(T-R)/(R-S), (R-P)/(T-P)) at 5,3,1,0)",
     "Nowak & Sigmund 1992, Nature 355", s_gtft, 1, 1.0 / 3.0, 0, 1, 1, NULL},
    {"Suspicious TFT", "STFT,Mistrust,Suspicious Tit For Tat",
     "defects first, then copies the opponent's last move", "Boyd & Lorberbaum 1987, Nature 327",
     s_stft, 0, 0, 0, 0, 0, NULL},
    {"Hard TFT", "HTFT,Hard Tit For Tat",
     "cooperates first; defects if the opponent defected in any of the last three turns", BDM96,
     s_htft, 0, 0, 0, 0, 0, NULL},
    {"Alternator", "Cycler CD", "cooperates first, then alternates D, C, D, ...",
     "Mittal & Deb 2009, IEEE Trans. Evol. Comput. 13(3)", s_alternator, 0, 0, 0, 0, 0, NULL},
    {"Random", "RAND", "cooperates with probability p (parameter, default 1/2)",
     AX80 " (the RANDOM entry)", s_random, 1, 0.5, 0, 1, 1, NULL},
    {"Bully", "Reverse TFT,Reverse Tit For Tat",
     "defects first, then plays the opposite of the opponent's last move",
     "Nachbar 1992, J. Econ. Behav. Organ. 19(3)", s_bully, 0, 0, 0, 0, 0, NULL},
    {"Anti TFT", "Anti Tit For Tat",
     "cooperates first, then plays the opposite of the opponent's last move",
     "Hilbe, Nowak & Traulsen 2013, PLoS ONE 8(11)", s_antitft, 0, 0, 0, 0, 0, NULL},
    {"Soft Go By Majority", "Soft Majority,Go By Majority",
     "cooperates while the opponent has cooperated at least as often as it defected", AX84,
     s_soft_majority, 0, 0, 0, 0, 0, NULL},
    {"Hard Go By Majority", "Hard Majority",
     "defects while the opponent has defected at least as often as it cooperated (so first)",
     AX84 "; Mittal & Deb 2009", s_hard_majority, 0, 0, 0, 0, 0, NULL},
    {"Adaptive", "",
     "plays C x6 then D x5, then the move with the higher average payoff so far (ties: C); "
     "Adaptive(total): the higher total payoff (ties: D), the Axelrod library's reading",
     "Li, Hingston & Kendall 2011, IEEE Trans. Comput. Intell. AI Games 3(4)", s_adaptive, 0, 0, 0,
     0, 0, "average,total"},
    {"Handshake", "",
     "plays C, D; cooperates forever if the opponent opened C, D, else defects forever",
     "Robson 1990, J. Theor. Biol. 144(3)", s_handshake, 0, 0, 0, 0, 0, NULL},
    {"Joss", "Sneaky TFT",
     "cooperates first; TFT, but after a cooperation defects with probability q (parameter, "
     "default 0.1)",
     AX80, s_joss, 1, 0.1, 0, 1, 1, NULL},
    {"Tester", "Gladstein",
     "defects first; if the opponent ever defects, apologises with C and plays TFT; otherwise "
     "cooperates on turns 2-3 and then defects every other turn",
     "Axelrod 1980, JCR 24(3) (second tournament, Gladstein's entry); " AX84, s_tester, 0, 0, 0, 0,
     0, NULL},
    {"Tullock", "",
     "cooperates for 11 turns, then with probability (opponent's cooperation rate over the last "
     "10 turns) - 0.1",
     AX80, s_tullock, 0, 0, 0, 0, 1, NULL},
    {"Davis", "", "cooperates for 10 turns, then defects forever once the opponent has defected",
     AX80, s_davis, 0, 0, 0, 0, 0, NULL},
    {"Feld", "",
     "TFT, but cooperates after a cooperation only with probability falling linearly from 1 to "
     "0.5 at turn 200",
     AX80, s_feld, 0, 0, 0, 0, 1, NULL},
    {"Grofman", "",
     "cooperates if both made the same move last turn, else cooperates with probability 2/7", AX80,
     s_grofman, 0, 0, 0, 0, 1, NULL},
    {"Shubik", "",
     "retaliates with 1, 2, 3, ... defections for each defection met while cooperating", AX80,
     s_shubik, 0, 0, 0, 0, 0, NULL},
    {"Downing", "",
     "approximation: estimates P(opp C | own C) and P(opp C | own D) and plays the move with the "
     "higher long-run payoff; defects first",
     AX80 " (Downing 1975, after Downing's entry)", s_downing, 0, 0, 0, 0, 0, NULL},
    {"Firm But Fair", "FBF",
     "cooperates after CC and DC, defects after CD (suckered), cooperates w.p. 2/3 after DD",
     "Frean 1994, Proc. R. Soc. B 257", s_fbf, 0, 0, 0, 0, 1, NULL},
    {"Prober", "",
     "plays D, C, C; defects forever if the opponent cooperated on turns 2-3, else plays TFT",
     BDM96, s_prober, 0, 0, 0, 0, 0, NULL},
    {"Gradual", "",
     "cooperates; after a defection defects n times, n = the opponent's defections so far, then "
     "cooperates twice; Gradual(original): n = the punishments begun (the Axelrod library's "
     "OriginalGradual)",
     BDM96, s_gradual, 0, 0, 0, 0, 0, "all,original"},
    {"Cycler CCD", "Periodic CCD,Per Kind", "plays C, C, D repeatedly", BDM96 "; Mittal & Deb 2009",
     s_cycler_ccd, 0, 0, 0, 0, 0, NULL},
    {"Cycler DDC", "Periodic DDC,Per Nasty", "plays D, D, C repeatedly", BDM96, s_cycler_ddc, 0, 0,
     0, 0, 0, NULL},
    {"Cycler DC", "Periodic DC",
     "defects first, then alternates C, D, ... (the deviation that tests TFT against S)",
     AX84 " (the alternating deviation of Proposition 2)", s_cycler_dc, 0, 0, 0, 0, 0, NULL},
    {"Soft Grudger", "", "cooperates; answers a defection with D, D, D, D, C, C", BDM96,
     s_soft_grudger, 0, 0, 0, 0, 0, NULL},
    {"Extort-2", "Extort2,ZD Extort 2",
     "zero-determinant extortioner, chi = 2, recomputed from the payoffs: P(C) after CC, CD, "
     "DC, DD = 8/9, 1/2, 1/3, 0 at 5,3,1,0",
     "Press & Dyson 2012, PNAS 109(26); Stewart & Plotkin 2012, PNAS 109(26)", s_extort2, 0, 0, 0,
     0, 1, NULL},
    {"ZD-GTFT-2", "ZDGTFT2,Generous ZD",
     "generous zero-determinant strategy, chi = 2, recomputed from the payoffs: P(C) after CC, "
     "CD, DC, DD = 1, 1/8, 1, 1/4 at 5,3,1,0",
     "Stewart & Plotkin 2012, PNAS 109(26)", s_zdgtft2, 0, 0, 0, 0, 1, NULL},
    {"Champion", "",
     "C for 10 turns, TFT to turn 25, then defects after a defection if the opponent cooperated "
     "less than 60% and a uniform draw exceeds its cooperation rate; Champion(inclusive): at "
     "most 60%, the Axelrod library's reading",
     "Axelrod 1980, JCR 24(3) (second tournament, Champion's entry)", s_champion, 0, 0, 0, 0, 1,
     "strict,inclusive"},
    {"Worse And Worse", "",
     "defects with probability t/1000 on turn t (0-based); Worse And Worse(t+1): (t+1)/1000, the "
     "Axelrod library's reading",
     BDM96, s_worse, 0, 0, 0, 0, 1, "t,t+1"},
    {"Forgiver", "",
     "defects while the opponent's share of defections exceeds f (parameter, default 0.1)",
     "threshold rule in the spirit of Soft Go By Majority (" AX84 ")", s_forgiver, 1, 0.1, 0, 1, 0,
     NULL},
};

const shi_coop_strategy *shi_coop_strategies(size_t *n)
{
    *n = sizeof table / sizeof table[0];
    return table;
}
