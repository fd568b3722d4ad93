/*
 * coop_evo.c - evolution over the prisoner's dilemma (Moran process, discrete
 * replicator dynamics) and the shadow-of-the-future thresholds, analytic and
 * simulated. Formulas and derivations: docs/coop.md.
 */
#include <shi/coop.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#    include <omp.h>
#endif

/* ---- Moran process ------------------------------------------------------- */

typedef struct moran_out {
    long winner; /* type that fixed, or m when the run hit max_steps */
    long steps;
    int failed;
} moran_out;

void shi_coop_moran_start(const shi_coop_moran_opts *o, size_t m, long *init)
{
    const long N = o->pop;
    for (size_t a = 0; a < m; a++) {
        init[a] = o->init ? o->init[a] : N / (long)m + ((long)a < N % (long)m);
    }
}

/* One run; counts n (m longs) is the workspace, sums S (m doubles) another. */
static void moran_run(const double *U, size_t m, const shi_coop_moran_opts *o, shi_rng *rng,
                      long *n, double *S, double *f, moran_out *res)
{
    const long N = o->pop;
    shi_coop_moran_start(o, m, n);
    /* S[a] = sum_b n_b U[a][b], kept up to date in O(m) per step. */
    for (size_t a = 0; a < m; a++) {
        S[a] = 0.0;
        for (size_t b = 0; b < m; b++) {
            S[a] += (double)n[b] * U[a * m + b];
        }
    }
    long step = 0;
    for (;;) {
        for (size_t a = 0; a < m; a++) {
            if (n[a] == N) {
                res->winner = (long)a;
                res->steps = step;
                return;
            }
        }
        if (step >= o->max_steps) {
            res->winner = (long)m;
            res->steps = step;
            return;
        }
        /* Birth proportional to fitness. */
        double F = 0.0;
        for (size_t a = 0; a < m; a++) {
            f[a] = n[a] ? exp(o->w * (S[a] - U[a * m + a]) / (double)(N - 1)) : 0.0;
            F += (double)n[a] * f[a];
        }
        double u = shi_rng_uniform(rng) * F, c = 0.0;
        size_t born = m - 1;
        for (size_t a = 0; a < m; a++) {
            c += (double)n[a] * f[a];
            if (u < c && n[a]) {
                born = a;
                break;
            }
        }
        while (n[born] == 0) { /* rounding at the top end: take the last type present */
            born--;
        }
        /* Death uniformly among the N - 1 others. */
        uint64_t d = shi_rng_below(rng, (uint64_t)(N - 1));
        size_t died = 0;
        for (size_t a = 0; a < m; a++) {
            uint64_t na = (uint64_t)(n[a] - (a == born));
            if (d < na) {
                died = a;
                break;
            }
            d -= na;
        }
        if (died != born) {
            n[born]++;
            n[died]--;
            for (size_t a = 0; a < m; a++) {
                S[a] += U[a * m + born] - U[a * m + died];
            }
        }
        step++;
    }
}

shi_status shi_coop_moran(const double *U, size_t m, const shi_coop_moran_opts *o, long *fixed,
                          double *mean_steps, double *final_share, shi_err *err)
{
    if (m < 1) {
        return shi_err_set(err, SHI_EUSAGE, "the Moran process needs at least one type");
    }
    if (o->pop < 2) {
        return shi_err_set(err, SHI_EUSAGE, "population size must be at least 2, got %ld", o->pop);
    }
    if (!(o->w >= 0.0 && isfinite(o->w))) {
        return shi_err_set(err, SHI_EUSAGE, "selection intensity w must be >= 0, got %g", o->w);
    }
    if (o->runs < 1 || o->max_steps < 0) {
        return shi_err_set(err, SHI_EUSAGE, "runs must be >= 1 and max steps >= 0");
    }
    if (o->threads < 0) {
        return shi_err_set(err, SHI_EUSAGE, "threads must be >= 0, got %d", o->threads);
    }
    if (o->init) {
        long sum = 0;
        for (size_t a = 0; a < m; a++) {
            if (o->init[a] < 0) {
                return shi_err_set(err, SHI_EUSAGE, "initial counts must be >= 0");
            }
            sum += o->init[a];
        }
        if (sum != o->pop) {
            return shi_err_set(err, SHI_EUSAGE,
                               "initial counts sum to %ld, not the population size %ld", sum,
                               o->pop);
        }
    }
    for (size_t a = 0; a < m * m; a++) {
        if (!isfinite(U[a])) {
            return shi_err_set(err, SHI_EUSAGE,
                               "payoff matrix has a missing entry (play with self-play)");
        }
    }
    moran_out *out = calloc((size_t)o->runs, sizeof *out);
    if (!out) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    /* Final counts per run, for the mean final shares. */
    long *fin = calloc((size_t)o->runs * m, sizeof *fin);
    if (!fin) {
        free(out);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    long runs = o->runs;
#ifdef _OPENMP
    int nth = o->threads > 0 ? o->threads : omp_get_max_threads();
#    pragma omp parallel for schedule(dynamic, 1) num_threads(nth)
#endif
    for (long r = 0; r < runs; r++) {
        double *S = malloc(2 * m * sizeof *S);
        if (!S) {
            out[r].failed = 1;
            continue;
        }
        shi_rng rng;
        shi_rng_init(&rng, o->seed, (uint64_t)r);
        moran_run(U, m, o, &rng, fin + (size_t)r * m, S, S + m, &out[r]);
        free(S);
    }
    shi_status st = SHI_OK;
    for (size_t a = 0; a <= m; a++) {
        fixed[a] = 0;
    }
    for (size_t a = 0; a < m; a++) {
        final_share[a] = 0.0;
    }
    double steps = 0.0;
    long nfixed = 0;
    for (long r = 0; r < runs; r++) {
        if (out[r].failed) {
            st = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        fixed[out[r].winner]++;
        if (out[r].winner < (long)m) {
            steps += (double)out[r].steps;
            nfixed++;
        }
        for (size_t a = 0; a < m; a++) {
            final_share[a] += (double)fin[(size_t)r * m + a] / (double)o->pop / (double)runs;
        }
    }
    *mean_steps = nfixed ? steps / (double)nfixed : (double)NAN;
    free(fin);
    free(out);
    return st;
}

/* ---- replicator dynamics ------------------------------------------------- */

shi_status shi_coop_replicator(const double *U, size_t m, const double *x0, long gens, double *traj,
                               shi_err *err)
{
    if (m < 1 || gens < 0) {
        return shi_err_set(err, SHI_EUSAGE, "replicator dynamics need types and gens >= 0");
    }
    double umin = 0.0;
    for (size_t a = 0; a < m * m; a++) {
        if (!isfinite(U[a])) {
            return shi_err_set(err, SHI_EUSAGE,
                               "payoff matrix has a missing entry (play with self-play)");
        }
        if (U[a] < umin) {
            umin = U[a];
        }
    }
    const double c = -umin; /* background fitness: f >= 0 */
    double sum = 0.0;
    for (size_t a = 0; a < m; a++) {
        double x = x0 ? x0[a] : 1.0 / (double)m;
        if (!(x >= 0.0)) {
            return shi_err_set(err, SHI_EUSAGE, "initial shares must be >= 0");
        }
        traj[a] = x;
        sum += x;
    }
    if (fabs(sum - 1.0) > 1e-9) {
        return shi_err_set(err, SHI_EUSAGE, "initial shares must sum to 1, got %.12g", sum);
    }
    for (long g = 0; g < gens; g++) {
        const double *x = traj + (size_t)g * m;
        double *y = traj + (size_t)(g + 1) * m;
        double fbar = 0.0;
        for (size_t a = 0; a < m; a++) {
            double f = c;
            for (size_t b = 0; b < m; b++) {
                f += x[b] * U[a * m + b];
            }
            y[a] = x[a] * f;
            fbar += y[a];
        }
        if (!(fbar > 0.0)) {
            return shi_err_set(err, SHI_EUSAGE,
                               "mean fitness is zero in generation %ld; replicator dynamics "
                               "undefined",
                               g + 1);
        }
        for (size_t a = 0; a < m; a++) {
            y[a] /= fbar;
        }
    }
    return SHI_OK;
}

/* ---- thresholds ---------------------------------------------------------- */

shi_status shi_coop_thresholds_compute(const shi_coop_payoffs *p, double k,
                                       shi_coop_thresholds *out, shi_err *err)
{
    shi_status s = shi_coop_payoffs_check(p, err);
    if (s != SHI_OK) {
        return s;
    }
    if (!(k >= 0.0 && isfinite(k))) {
        return shi_err_set(err, SHI_EUSAGE, "relative-gains coefficient k must be >= 0, got %g", k);
    }
    /* The relative-gains game: u = (1+k) pi_i - k pi_j turns the (C,D) cell
     * into (S', T') with T' = T + k (T - S), S' = S - k (T - S); R and P are
     * unchanged because the gap is zero on the diagonal. */
    double T = p->T + k * (p->T - p->S), S = p->S - k * (p->T - p->S);
    out->grim = (T - p->R) / (T - p->P);
    out->tft_alld = out->grim;
    out->tft_alt = (T - p->R) / (p->R - S);
    out->tft = out->tft_alld > out->tft_alt ? out->tft_alld : out->tft_alt;
    return SHI_OK;
}

shi_status shi_coop_threshold_simulate(const shi_coop_player *incumbent,
                                       const shi_coop_player *deviants, size_t ndev,
                                       const shi_coop_game *g, const double *grid, size_t ngrid,
                                       long samples, uint64_t seed, int threads, double *dstar,
                                       double *gap, shi_err *err)
{
    if (ndev < 1 || ngrid < 1 || samples < 1) {
        return shi_err_set(err, SHI_EUSAGE, "need deviants, a delta grid and samples >= 1");
    }
    if (threads < 0) {
        return shi_err_set(err, SHI_EUSAGE, "threads must be >= 0, got %d", threads);
    }
    for (size_t gi = 0; gi < ngrid; gi++) {
        if (!(grid[gi] > 0.0 && grid[gi] < 1.0) || (gi > 0 && !(grid[gi] > grid[gi - 1]))) {
            return shi_err_set(err, SHI_EUSAGE,
                               "delta grid must be ascending values in (0, 1), got %g", grid[gi]);
        }
    }
    shi_coop_game gg = *g;
    gg.delta = grid[0];
    shi_status st = shi_coop_game_check(&gg, err);
    if (st != SHI_OK) {
        return st;
    }
    size_t per = 1 + ndev;
    /* For each sample and pairing: utility sum and turns. */
    double *u = malloc((size_t)samples * per * sizeof *u);
    double *l = malloc((size_t)samples * per * sizeof *l);
    double *gaps = malloc(ngrid * sizeof *gaps);
    int *bad = calloc((size_t)samples, sizeof *bad);
    if (!u || !l || !gaps || !bad) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    for (size_t gi = 0; gi < ngrid; gi++) {
        gg.delta = grid[gi];
#ifdef _OPENMP
        int nth = threads > 0 ? threads : omp_get_max_threads();
#    pragma omp parallel for schedule(dynamic, 16) num_threads(nth)
#endif
        for (long s = 0; s < samples; s++) {
            for (size_t q = 0; q < per; q++) {
                /* Same stream for every pairing: common game lengths. */
                shi_rng rng;
                shi_rng_init(&rng, seed, (uint64_t)gi * (uint64_t)samples + (uint64_t)s);
                const shi_coop_player *b = q == 0 ? incumbent : &deviants[q - 1];
                shi_coop_match_result res;
                if (shi_coop_match(incumbent, b, &gg, &rng, &res, NULL, NULL) != SHI_OK) {
                    bad[s] = 1;
                    break;
                }
                size_t at = (size_t)s * per + q;
                if (q == 0) {
                    /* Self-play: the mean of both copies. */
                    u[at] = 0.5 * (shi_coop_utility(res.score[0], res.score[1], gg.k) +
                                   shi_coop_utility(res.score[1], res.score[0], gg.k));
                } else {
                    u[at] = shi_coop_utility(res.score[1], res.score[0], gg.k);
                }
                l[at] = (double)res.turns;
            }
        }
        double best = -HUGE_VAL, inc = 0.0;
        for (size_t q = 0; q < per; q++) {
            double su = 0.0, sl = 0.0;
            for (long s = 0; s < samples; s++) {
                if (bad[s]) {
                    st = shi_err_set(err, SHI_EIO, "out of memory");
                    goto cleanup;
                }
                su += u[(size_t)s * per + q];
                sl += l[(size_t)s * per + q];
            }
            if (q == 0) {
                inc = su / sl;
            } else if (su / sl > best) {
                best = su / sl;
            }
        }
        gaps[gi] = inc - best;
    }
    /* Smallest grid delta from which on the incumbent always resists; a
     * relative tolerance absorbs rounding in sums of exactly equal payoffs. */
    *dstar = (double)NAN;
    for (size_t gi = ngrid; gi-- > 0;) {
        if (gaps[gi] < -1e-12) {
            break;
        }
        *dstar = grid[gi];
    }
    if (gap) {
        memcpy(gap, gaps, ngrid * sizeof *gaps);
    }
    st = SHI_OK;
cleanup:
    free(u);
    free(l);
    free(gaps);
    free(bad);
    return st;
}
