/*
 * similarity.c - S, tau-b, kappa and pi of two alliance portfolios.
 * Formulas and sources are given in include/shi/similarity.h and
 * docs/similarity.md.
 *
 * Everything is computed from the contingency table of the two rows. The
 * unweighted measures use integer sums (exact in a double up to 2^53), so they
 * do not depend on the order of the states and are exactly symmetric in a and b.
 */
#include <shi/similarity.h>

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define NaN ((double)NAN)

const char *shi_sim_metric_name(shi_sim_metric metric)
{
    switch (metric) {
    case SHI_SIM_NOMINAL:
        return "nominal";
    case SHI_SIM_ABSOLUTE:
        return "absolute";
    case SHI_SIM_SQUARED:
        return "squared";
    }
    return "?";
}

/* Integer numerator of the disagreement weight d(i,j) of `metric`; the
 * denominator is 1 (nominal), L (absolute) or L^2 (squared). */
static unsigned int dnum(shi_sim_metric metric, unsigned int i, unsigned int j)
{
    unsigned int g = i > j ? i - j : j - i;
    switch (metric) {
    case SHI_SIM_NOMINAL:
        return g != 0;
    case SHI_SIM_ABSOLUTE:
        return g;
    case SHI_SIM_SQUARED:
        return g * g;
    }
    return 0;
}

static double dden(shi_sim_metric metric, unsigned int levels)
{
    switch (metric) {
    case SHI_SIM_NOMINAL:
        return 1.0;
    case SHI_SIM_ABSOLUTE:
        return (double)levels;
    case SHI_SIM_SQUARED:
        return (double)levels * (double)levels;
    }
    return NaN;
}

static int metric_ok(shi_sim_metric metric)
{
    return metric == SHI_SIM_NOMINAL || metric == SHI_SIM_ABSOLUTE || metric == SHI_SIM_SQUARED;
}

/* Exact check of every level and weight: the error for the first invalid state,
 * or SHI_OK. Run only when the fast checks in shi_similarity_tabulate flag
 * something (which may be a -0.0 weight or an overflowing sum: both fine). */
static shi_status check_all(const uint8_t *a, const uint8_t *b, const double *w, size_t n,
                            unsigned int levels, shi_err *err)
{
    for (size_t k = 0; k < n; k++) {
        if (a[k] > levels || b[k] > levels) {
            int in_a = a[k] > levels;
            return shi_err_set(
                err, SHI_EDATA, "similarity: level of state %zu must be 0-%u, got %u in row %c", k,
                levels, in_a ? (unsigned int)a[k] : (unsigned int)b[k], in_a ? 'a' : 'b');
        }
        if (w != NULL && !(w[k] >= 0.0 && w[k] <= DBL_MAX)) {
            return shi_err_set(err, SHI_EDATA,
                               "similarity: weight of state %zu must be finite and >= 0, got %g", k,
                               w[k]);
        }
    }
    return SHI_OK;
}

/* Nonzero when some byte of a[0..n) exceeds `levels` (< 128). Eight bytes at a
 * time: for a byte x, ((x & 0x7f) + (127 - levels)) | x has its top bit set
 * exactly when x > levels, and no carry crosses into the next byte. */
static int any_above(const uint8_t *a, size_t n, unsigned int levels)
{
    const uint64_t ones = 0x0101010101010101u, low7 = 0x7f * ones, top = 0x80 * ones;
    const uint64_t add = (uint64_t)(127 - levels) * ones;
    uint64_t bad = 0;
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        uint64_t v;
        memcpy(&v, a + k, sizeof v);
        bad |= (((v & low7) + add) | v) & top;
    }
    for (; k < n; k++) {
        bad |= a[k] > levels;
    }
    return bad != 0;
}

/* Lanes: the pass spreads states over LANES sub-tables (state k into lane
 * k % LANES) and adds them up at the end, so that the many states in the same
 * cell (mostly "no alliance" with both) do not wait on one another's update. */
#define LANES 4

shi_status shi_similarity_tabulate(shi_similarity_table *t, const uint8_t *a, const uint8_t *b,
                                   const double *w, size_t n, unsigned int levels, shi_err *err)
{
    if (t == NULL || a == NULL || b == NULL) {
        return shi_err_set(err, SHI_EUSAGE, "similarity: table and both rows are required");
    }
    if (levels < 1 || levels > SHI_SIM_MAX_LEVEL) {
        return shi_err_set(err, SHI_EUSAGE, "similarity: top level must be 1-%d, got %u",
                           SHI_SIM_MAX_LEVEL, levels);
    }
    if (n < 1 || n > (size_t)INT32_MAX) {
        return shi_err_set(err, SHI_EUSAGE, "similarity: number of states must be 1-%ld, got %zu",
                           (long)INT32_MAX, n);
    }
    const unsigned int k1 = levels + 1, cells = k1 * k1;
    uint32_t cnt[LANES * SHI_SIM_CELLS];
    memset(cnt, 0, (size_t)LANES * cells * sizeof cnt[0]);
    t->levels = levels;
    t->n = n;
    t->weighted = w != NULL;
    /* Levels are checked before the pass (they index the table); weights
     * after it: a sign bit anywhere, or a NaN or infinity reaching a cell, sends
     * us to the exact check. */
    if (any_above(a, n, levels) || any_above(b, n, levels)) {
        return check_all(a, b, w, n, levels, err);
    }
    const size_t n4 = n - n % LANES;
    uint32_t *c0 = cnt, *c1 = cnt + cells, *c2 = cnt + 2 * cells, *c3 = cnt + 3 * cells;
    size_t k;
    if (w == NULL) {
        for (k = 0; k < n4; k += LANES) {
            c0[a[k] * k1 + b[k]]++;
            c1[a[k + 1] * k1 + b[k + 1]]++;
            c2[a[k + 2] * k1 + b[k + 2]]++;
            c3[a[k + 3] * k1 + b[k + 3]]++;
        }
        for (; k < n; k++) {
            c0[a[k] * k1 + b[k]]++;
        }
    } else {
        double wt[LANES * SHI_SIM_CELLS];
        memset(wt, 0, (size_t)LANES * cells * sizeof wt[0]);
        double *w0 = wt, *w1 = wt + cells, *w2 = wt + 2 * cells, *w3 = wt + 3 * cells;
        for (k = 0; k < n4; k += LANES) {
            unsigned int x0 = a[k] * k1 + b[k], x1 = a[k + 1] * k1 + b[k + 1];
            unsigned int x2 = a[k + 2] * k1 + b[k + 2], x3 = a[k + 3] * k1 + b[k + 3];
            c0[x0]++;
            c1[x1]++;
            c2[x2]++;
            c3[x3]++;
            w0[x0] += w[k];
            w1[x1] += w[k + 1];
            w2[x2] += w[k + 2];
            w3[x3] += w[k + 3];
        }
        for (; k < n; k++) {
            unsigned int x0 = a[k] * k1 + b[k];
            c0[x0]++;
            w0[x0] += w[k];
        }
        uint64_t sign = 0;
        for (k = 0; k < n; k++) {
            uint64_t bits;
            memcpy(&bits, w + k, sizeof bits);
            sign |= bits;
        }
        int finite = 1;
        for (unsigned int c = 0; c < cells; c++) {
            t->weight[c] = ((w0[c] + w1[c]) + w2[c]) + w3[c];
            finite &= t->weight[c] <= DBL_MAX; /* false for NaN and infinity */
        }
        if ((sign >> 63) != 0 || !finite) {
            shi_status st = check_all(a, b, w, n, levels, err);
            if (st != SHI_OK) {
                return st;
            }
        }
    }
    for (unsigned int c = 0; c < cells; c++) {
        uint32_t sum = cnt[c];
        for (unsigned int l = 1; l < LANES; l++) {
            sum += cnt[l * cells + c];
        }
        t->count[c] = sum;
    }
    return SHI_OK;
}

/* S with w_k = 1: 1 - 2 sum_ij c_ij d(i,j) / n. */
static double s_unweighted(const shi_similarity_table *t, shi_sim_metric metric)
{
    const unsigned int k1 = t->levels + 1;
    uint64_t sum = 0;
    for (unsigned int i = 0; i < k1; i++) {
        for (unsigned int j = 0; j < k1; j++) {
            sum += (uint64_t)t->count[i * k1 + j] * dnum(metric, i, j);
        }
    }
    return 1.0 - 2.0 * (double)sum / (dden(metric, t->levels) * (double)t->n);
}

/* S with weights: 1 - 2 sum_ij W_ij d(i,j) / sum_ij W_ij. The cells are added in
 * pairs (W_ij + W_ji) in a fixed order, so S(a,b) == S(b,a) exactly. */
static double s_weighted(const shi_similarity_table *t, shi_sim_metric metric)
{
    if (!t->weighted) {
        return NaN;
    }
    const unsigned int k1 = t->levels + 1;
    const double *wt = t->weight;
    double total = 0.0, dis = 0.0;
    for (unsigned int i = 0; i < k1; i++) {
        total += wt[i * k1 + i];
        for (unsigned int j = i + 1; j < k1; j++) {
            double pair = wt[i * k1 + j] + wt[j * k1 + i];
            total += pair;
            dis += pair * (double)dnum(metric, i, j);
        }
    }
    if (!(total > 0.0 && total <= DBL_MAX)) {
        return NaN;
    }
    return 1.0 - 2.0 * dis / (dden(metric, t->levels) * total);
}

/* Kendall's tau-b from the table. A[i][j] = number of states with x_a >= i and
 * x_b >= j; then the pairs concordant with cell (i,j) (both levels higher) are
 * A[i+1][j+1], and the discordant ones (a higher, b lower) A[i+1][0] - A[i+1][j]. */
static double tau_b(const shi_similarity_table *t)
{
    const unsigned int k1 = t->levels + 1, k2 = k1 + 1;
    int64_t suf[(SHI_SIM_MAX_LEVEL + 2) * (SHI_SIM_MAX_LEVEL + 2)];
    for (unsigned int j = 0; j < k2; j++) {
        suf[k1 * k2 + j] = 0;
    }
    for (unsigned int i = k1; i-- > 0;) {
        int64_t row = 0;
        suf[i * k2 + k1] = 0;
        for (unsigned int j = k1; j-- > 0;) {
            row += t->count[i * k1 + j];
            suf[i * k2 + j] = suf[(i + 1) * k2 + j] + row;
        }
    }
    int64_t p = 0, q = 0, tie_a = 0, tie_b = 0;
    for (unsigned int i = 0; i < k1; i++) {
        int64_t r = 0, c = 0;
        const int64_t below = suf[(i + 1) * k2];
        for (unsigned int j = 0; j < k1; j++) {
            int64_t cij = t->count[i * k1 + j];
            p += cij * suf[(i + 1) * k2 + j + 1];
            q += cij * (below - suf[(i + 1) * k2 + j]);
            r += cij;
            c += t->count[j * k1 + i];
        }
        tie_a += r * (r - 1) / 2;
        tie_b += c * (c - 1) / 2;
    }
    int64_t n = (int64_t)t->n;
    int64_t n0 = n * (n - 1) / 2;
    if (n0 - tie_a <= 0 || n0 - tie_b <= 0) {
        return NaN;
    }
    return (double)(p - q) / sqrt((double)(n0 - tie_a) * (double)(n0 - tie_b));
}

/* Expected disagreement of independent draws from marginals u and v (integer
 * totals, levels 0..L), with the integer weight numerators of each metric:
 *   e[0] = sum_ij u_i v_j [i != j] = U V - sum_i u_i v_i
 *   e[1] = sum_ij u_i v_j |i - j|     (by running sums, O(L))
 *   e[2] = sum_ij u_i v_j (i - j)^2  = V sum u_i i^2 + U sum v_j j^2 - 2 (sum u_i i)(sum v_j j)
 * All terms are integers held exactly in doubles (n up to about 10^6). */
static void expected(const double *u, const double *v, unsigned int k1, double e[3])
{
    double su = 0, sv = 0, diag = 0, u1 = 0, v1 = 0, u2 = 0, v2 = 0, ab = 0;
    double u0_run = 0, u1_run = 0, v0_run = 0, v1_run = 0;
    for (unsigned int i = 0; i < k1; i++) {
        double x = (double)i;
        /* pairs with the other index below i */
        ab += v[i] * (x * u0_run - u1_run) + u[i] * (x * v0_run - v1_run);
        u0_run += u[i];
        u1_run += u[i] * x;
        v0_run += v[i];
        v1_run += v[i] * x;
        su += u[i];
        sv += v[i];
        diag += u[i] * v[i];
        u1 += u[i] * x;
        v1 += v[i] * x;
        u2 += u[i] * x * x;
        v2 += v[i] * x * x;
    }
    e[SHI_SIM_NOMINAL] = su * sv - diag;
    e[SHI_SIM_ABSOLUTE] = ab;
    e[SHI_SIM_SQUARED] = (sv * u2 + su * v2) - 2.0 * u1 * v1;
}

void shi_similarity_from_table(const shi_similarity_table *t, shi_similarity *out)
{
    const unsigned int k1 = t->levels + 1;
    const double n = (double)t->n, L = (double)t->levels;
    double r[SHI_SIM_MAX_LEVEL + 1] = {0}, c[SHI_SIM_MAX_LEVEL + 1] = {0};
    double m[SHI_SIM_MAX_LEVEL + 1];
    uint64_t o_nom = 0, o_abs = 0, o_sq = 0;
    for (unsigned int i = 0; i < k1; i++) {
        for (unsigned int j = 0; j < k1; j++) {
            uint64_t cij = t->count[i * k1 + j];
            uint64_t g = i > j ? i - j : j - i;
            r[i] += (double)cij;
            c[j] += (double)cij;
            o_nom += g != 0 ? cij : 0;
            o_abs += g * cij;
            o_sq += g * g * cij;
        }
    }
    for (unsigned int i = 0; i < k1; i++) {
        m[i] = r[i] + c[i];
    }
    const double obs[3] = {(double)o_nom, (double)o_abs, (double)o_sq};
    double ek[3], ep[3];
    expected(r, c, k1, ek);
    expected(m, m, k1, ep);
    double kap[3], pi[3];
    for (int d = 0; d < 3; d++) {
        /* kappa: D_o / D_e = (obs / n) / (ek / n^2); pi: (obs / n) / (ep / (2n)^2) */
        kap[d] = ek[d] > 0.0 ? 1.0 - n * obs[d] / ek[d] : NaN;
        pi[d] = ep[d] > 0.0 ? 1.0 - 4.0 * n * obs[d] / ep[d] : NaN;
    }
    out->s_abs = 1.0 - 2.0 * obs[SHI_SIM_ABSOLUTE] / (L * n);
    out->s_sq = 1.0 - 2.0 * obs[SHI_SIM_SQUARED] / (L * L * n);
    out->s_abs_w = s_weighted(t, SHI_SIM_ABSOLUTE);
    out->s_sq_w = s_weighted(t, SHI_SIM_SQUARED);
    out->tau_b = tau_b(t);
    out->kappa_nom = kap[SHI_SIM_NOMINAL];
    out->kappa_abs = kap[SHI_SIM_ABSOLUTE];
    out->kappa_sq = kap[SHI_SIM_SQUARED];
    out->pi_nom = pi[SHI_SIM_NOMINAL];
    out->pi_abs = pi[SHI_SIM_ABSOLUTE];
    out->pi_sq = pi[SHI_SIM_SQUARED];
}

shi_status shi_similarity_compute(const uint8_t *a, const uint8_t *b, const double *w, size_t n,
                                  unsigned int levels, shi_similarity *out, shi_err *err)
{
    shi_similarity_table t;
    shi_status st = shi_similarity_tabulate(&t, a, b, w, n, levels, err);
    if (st != SHI_OK) {
        if (out != NULL) {
            out->s_abs = out->s_sq = out->s_abs_w = out->s_sq_w = out->tau_b = NaN;
            out->kappa_nom = out->kappa_abs = out->kappa_sq = NaN;
            out->pi_nom = out->pi_abs = out->pi_sq = NaN;
        }
        return st;
    }
    if (out == NULL) {
        return shi_err_set(err, SHI_EUSAGE, "similarity: output record is required");
    }
    shi_similarity_from_table(&t, out);
    return SHI_OK;
}

double shi_similarity_s(const uint8_t *a, const uint8_t *b, const double *w, size_t n,
                        unsigned int levels, shi_sim_metric metric)
{
    shi_similarity_table t;
    if (!metric_ok(metric) || shi_similarity_tabulate(&t, a, b, w, n, levels, NULL) != SHI_OK) {
        return NaN;
    }
    return w != NULL ? s_weighted(&t, metric) : s_unweighted(&t, metric);
}

double shi_similarity_tau_b(const uint8_t *a, const uint8_t *b, size_t n, unsigned int levels)
{
    shi_similarity_table t;
    if (shi_similarity_tabulate(&t, a, b, NULL, n, levels, NULL) != SHI_OK) {
        return NaN;
    }
    return tau_b(&t);
}

double shi_similarity_kappa(const uint8_t *a, const uint8_t *b, size_t n, unsigned int levels,
                            shi_sim_metric metric)
{
    shi_similarity_table t;
    if (!metric_ok(metric) || shi_similarity_tabulate(&t, a, b, NULL, n, levels, NULL) != SHI_OK) {
        return NaN;
    }
    shi_similarity r;
    shi_similarity_from_table(&t, &r);
    return metric == SHI_SIM_NOMINAL    ? r.kappa_nom
           : metric == SHI_SIM_ABSOLUTE ? r.kappa_abs
                                        : r.kappa_sq;
}

double shi_similarity_pi(const uint8_t *a, const uint8_t *b, size_t n, unsigned int levels,
                         shi_sim_metric metric)
{
    shi_similarity_table t;
    if (!metric_ok(metric) || shi_similarity_tabulate(&t, a, b, NULL, n, levels, NULL) != SHI_OK) {
        return NaN;
    }
    shi_similarity r;
    shi_similarity_from_table(&t, &r);
    return metric == SHI_SIM_NOMINAL ? r.pi_nom : metric == SHI_SIM_ABSOLUTE ? r.pi_abs : r.pi_sq;
}
