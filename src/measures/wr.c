/*
 * wr.c - War and Reason: the international interaction game of Bueno de
 * Mesquita & Lalman (1992), its utilities, probabilities and equilibria, as
 * EUGene computes them (shi/eu.h; docs/eu.md).
 */
#include <shi/eu.h>

#include <math.h>
#include <string.h>

enum { SQ = 0, NEGO, ACQA, ACQB, CAPA, CAPB, WARA, WARB };

const char *shi_wr_outcome_name(shi_wr_outcome o)
{
    static const char *const names[] = {"",     "SQ",   "Nego", "AcqA", "AcqB",
                                        "CapA", "CapB", "WarA", "WarB"};
    return (unsigned)o <= SHI_WR_NOUTCOME ? names[o] : "";
}

shi_wr_opts shi_wr_opts_default(void)
{
    /* Bennett & Stam (2000, p. 465): alpha = tau = gamma = 1. */
    shi_wr_opts o = {1.0, 1.0, 1.0, 0, 0, 0, SHI_RISK_STEEPEST};
    return o;
}

double shi_wr_risk_exponent(double r_raw)
{
    /* Bueno de Mesquita (1985), as Bennett & Stam (2000, p. 464): R in [-1, 1]
     * to r in [0.5, 2]; R = -1 (risk-averse) gives 2. */
    return (1 - r_raw / 3) / (1 + r_raw / 3);
}

void shi_wr_utilities(const shi_wr_input *in, const shi_wr_opts *o, shi_wr_utils *u)
{
    /* Eqs. A1.1-A1.6 (War and Reason, pp. 293-294): a demand's utility from
     * the similarity K, curved by the risk exponent r. */
    double k = in->k;
    double a_a = 2 - 4 * pow((1 + k) / 4, in->ra); /* U^A(Delta_A) */
    double a_b = 2 - 4 * pow((3 - k) / 4, in->ra); /* U^A(Delta_B) */
    double a_sq = 2 - 4 * pow(0.5, in->ra);
    double b_b = 2 - 4 * pow((1 + k) / 4, in->rb); /* U^B(Delta_B) */
    double b_a = 2 - 4 * pow((3 - k) / 4, in->rb); /* U^B(Delta_A) */
    double b_sq = 2 - 4 * pow(0.5, in->rb);
    double phi_a = o->phi_alt ? (a_sq + 1) / 2 : a_sq;
    double phi_b = o->phi_alt ? (b_sq + 1) / 2 : b_sq;
    if (o->phi_a_for_b) {
        phi_b = phi_a; /* EUGene 3.x's slip, copied on request (docs/eu.md) */
    }
    double p = in->pa, q = in->pb;
    double ea = p * a_a + (1 - p) * a_b, eb = q * b_b + (1 - q) * b_a;
    /* Table 2.2 (p. 47) as EUGene implements it. */
    u->ua[SQ] = a_sq;
    u->ua[ACQA] = a_b;
    u->ua[ACQB] = a_a;
    u->ua[NEGO] = ea;
    u->ua[CAPA] = a_b - o->gamma * (1 - p);
    u->ua[CAPB] = a_a - phi_a * p;
    u->ua[WARA] = ea - phi_a * p - o->alpha * (1 - p);
    u->ua[WARB] = ea - phi_a * p - o->tau * (1 - p);
    u->ub[SQ] = b_sq;
    u->ub[ACQA] = b_b;
    u->ub[ACQB] = b_a;
    u->ub[NEGO] = eb;
    u->ub[CAPA] = b_b - phi_b * q;
    u->ub[CAPB] = b_a - o->gamma * (1 - q);
    u->ub[WARA] = eb - phi_b * q - o->tau * (1 - q);
    u->ub[WARB] = eb - phi_b * q - o->alpha * (1 - q);
}

/* A mover picks `first` only when it is strictly better for it. */
static int pick(const double *v, int first, int second)
{
    return v[first] > v[second] ? first : second;
}

shi_wr_outcome shi_wr_induction(const shi_wr_utils *u)
{
    const double *a = u->ua, *b = u->ub;
    int n12 = pick(a, CAPA, WARB);
    int n11 = pick(b, CAPB, WARA);
    int n10 = n11; /* the same choice as node 11 */
    int n9 = pick(b, NEGO, n12);
    int n8 = pick(a, CAPA, WARB);
    int n7 = pick(a, NEGO, n11);
    int n6 = pick(b, n7, n8);
    int n5 = pick(a, n9, n10);
    int n4 = pick(a, ACQA, n6);
    int n3 = b[n5] > b[ACQB] ? n5 : ACQB; /* B resists only if strictly better */
    int n2 = pick(b, SQ, n4);
    int n1 = pick(a, n2, n3);
    return (shi_wr_outcome)(n1 + 1);
}

static int sq_holds(const double *a, const double *b)
{
    if (!(a[SQ] > a[NEGO])) {
        return 0;
    }
    int c1 = a[CAPA] > a[WARB] && b[WARA] > b[CAPB] && b[NEGO] > b[CAPA] && b[SQ] > b[NEGO];
    int c2 = a[NEGO] > a[CAPB] && a[CAPA] > a[WARB] && b[CAPB] > b[WARA] && b[NEGO] > b[CAPA] &&
             b[SQ] > b[NEGO];
    int c3 = a[WARB] > a[CAPA] && b[WARA] > b[CAPB] && b[SQ] > b[NEGO];
    int c4 = a[NEGO] > a[CAPB] && a[WARB] > a[CAPA] && b[CAPB] > b[WARA] && b[SQ] > b[NEGO];
    return c1 || c2 || c3 || c4;
}

static int acqa_holds(const double *a, const double *b)
{
    int c1 = a[ACQA] > a[WARA] && a[CAPA] > a[WARB] && b[CAPA] > b[NEGO] && b[WARA] > b[ACQB];
    int c2 = a[CAPA] > a[WARA] && b[CAPA] > b[NEGO] &&
             (b[WARA] > b[CAPB] || (b[CAPB] > b[WARA] && a[CAPA] > a[CAPB]));
    return c1 || c2;
}

static int acqb_holds(const double *a, const double *b)
{
    int c1 = b[CAPB] > b[WARA] && ((a[CAPB] > a[NEGO] && b[NEGO] > b[CAPA] && a[CAPA] > a[WARB]) ||
                                   (a[CAPB] > a[NEGO] && a[WARB] > a[CAPA]) ||
                                   (a[CAPB] > a[CAPA] && b[CAPA] > b[NEGO] && a[CAPA] > a[WARB]));
    int c2 = b[WARA] > b[CAPB] && a[WARA] > a[CAPA] && b[CAPA] > b[NEGO] && a[CAPA] > a[WARB] &&
             b[ACQB] > b[WARA];
    return c1 || c2;
}

shi_wr_outcome shi_wr_logical(const shi_wr_utils *u, unsigned *conds)
{
    const double *a = u->ua, *b = u->ub;
    unsigned c = 0;
    if (sq_holds(a, b)) {
        c |= 1u << SHI_WR_SQ;
    }
    /* The Basic War Theorem (War and Reason, p. 72) without its fourth
     * condition a(CapA) > a(WarB), as Bennett & Stam (2000, fn. 24). */
    if (a[WARA] > a[ACQA] && b[CAPA] > b[NEGO] && b[WARA] > b[ACQB]) {
        c |= 1u << SHI_WR_WARA;
    }
    if (acqa_holds(a, b)) { /* p. 80 */
        c |= 1u << SHI_WR_ACQA;
    }
    if (acqb_holds(a, b)) { /* p. 81 */
        c |= 1u << SHI_WR_ACQB;
    }
    if (conds) {
        *conds = c;
    }
    /* Bennett & Stam coded WarA where WarA and SQ both hold. */
    static const shi_wr_outcome order[] = {SHI_WR_WARA, SHI_WR_SQ, SHI_WR_ACQA, SHI_WR_ACQB};
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        if (c & (1u << order[k])) {
            return order[k];
        }
    }
    return SHI_WR_NEGO; /* the residual */
}

/* The 0.999 rule of War and Reason (p. 291): an off-diagonal tau of 1. */
static double cap999(double t)
{
    return t >= 1.0 ? 0.999 : t;
}

/* Eqs. A1.7-A1.10: K's weight for A and for B, summed over the signs. */
static void add_weight(double lam, double ta, double tb, double ra, double rb, double *pos_a,
                       double *abs_a, double *pos_b, double *abs_b)
{
    double d = ta - tb;
    double wa = (d / 2) * exp(ra * d), wb = (-d / 2) * exp(-rb * d);
    if (wa > 0) {
        *pos_a += lam * wa;
    }
    if (wb > 0) {
        *pos_b += lam * wb;
    }
    *abs_a += lam * fabs(wa);
    *abs_b += lam * fabs(wb);
}

/* P^A and P^B: A, B, and the members involved in relevant_region(A, B). */
static shi_eu_reason probs(const shi_eu_year *y, size_t a, size_t b, double ra, double rb, double k,
                           double *pa, double *pb)
{
    size_t n = shi_eu_year_n(y);
    double lam_a = shi_eu_adj(y, a, b), lam_b = shi_eu_adj(y, b, b);
    if (isnan(lam_a) || isnan(lam_b)) {
        return SHI_EU_NO_DISTANCE;
    }
    double pos_a = 0, abs_a = 0, pos_b = 0, abs_b = 0;
    add_weight(lam_a, 1.0, k, ra, rb, &pos_a, &abs_a, &pos_b, &abs_b);
    add_weight(lam_b, k, 1.0, ra, rb, &pos_a, &abs_a, &pos_b, &abs_b);
    size_t nm;
    const size_t *mem = shi_eu_region_members(y, shi_eu_region_at(y, a, b), &nm);
    const double *A = shi_eu_adj_matrix(y), *U = shi_eu_util_matrix(y);
    for (size_t m = 0; m < nm; m++) {
        size_t q = mem[m];
        if (q == a || q == b) {
            continue;
        }
        double ka = A[q * n + a], kb = A[q * n + b];
        double ta = U[q * n + a], tb = U[q * n + b];
        if (isnan(ka) || isnan(kb) || isnan(ta) || isnan(tb)) {
            continue;
        }
        add_weight(ka > kb ? ka : kb, cap999(ta), cap999(tb), ra, rb, &pos_a, &abs_a, &pos_b,
                   &abs_b);
    }
    if (!(abs_a > 0) || !(abs_b > 0)) {
        return SHI_EU_NO_PROB;
    }
    *pa = pos_a / abs_a;
    *pb = pos_b / abs_b;
    return SHI_EU_OK;
}

void shi_wr_dyad(const shi_eu_year *y, size_t a, size_t b, double risk_a, double risk_b,
                 const shi_wr_opts *o, shi_wr_result *r)
{
    memset(r, 0, sizeof *r);
    shi_eu_result e;
    shi_eu_bilateral(y, a, b, &e);
    if (e.reason != SHI_EU_OK) {
        r->reason = e.reason;
        return;
    }
    double k = cap999(e.util);
    double pa = NAN, pb = NAN;
    shi_eu_reason why = probs(y, a, b, risk_a, risk_b, k, &pa, &pb);
    if (why != SHI_EU_OK) {
        r->reason = why;
        return;
    }
    r->in.k = k;
    r->in.ra = shi_wr_risk_exponent(risk_a);
    r->in.rb = shi_wr_risk_exponent(risk_b);
    r->in.pa = pa;
    r->in.pb = pb;
    shi_wr_utilities(&r->in, o, &r->u);
    r->induction = shi_wr_induction(&r->u);
    r->logical = shi_wr_logical(&r->u, &r->conds);
    r->reason = SHI_EU_OK;
}
