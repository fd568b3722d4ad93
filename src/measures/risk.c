/*
 * risk.c - risk attitudes of The War Trap Revisited (Bueno de Mesquita 1985;
 * Bennett & Stam 2000, p. 464): a state's security under its actual alliance
 * portfolio, placed between the least and the most secure portfolios it could
 * have had (shi/eu.h; docs/eu.md).
 *
 * Within a region, with the capabilities and distances fixed, Sec_i is linear
 * in the utilities: Sec_i = K0 + sum_{x<y} C_xy U_xy, where C and K0 come from
 * the probabilities of the War Trap's E(U)_ji alone. A change of i's code with
 * k moves only the utilities of pairs that include i or k, so a move is
 * evaluated in O(m^2) rather than O(m^3). The exhaustive search recomputes
 * every utility for every portfolio instead, which makes it a check on the
 * incremental code as well as the truth for small regions.
 */
#include <shi/eu.h>
#include <shi/geography.h>
#include <shi/rng.h>
#include <shi/similarity.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct work {
    size_t m, ii; /* members of the region; i's position among them */
    shi_eu_util util;
    uint8_t *lev; /* m x m levels, symmetric, diagonal 3 */
    double *adj;  /* m x m adj(x at y) */
    double *coef; /* m x m: C_xy for x < y (upper triangle) */
    double *u;    /* m x m current utilities (upper triangle) */
    double *tmp_i, *tmp_k;
    int32_t *tab;             /* m x m x 16: the contingency table of each pair x < y */
    int32_t *ttab_i, *ttab_k; /* m x 16: the tables of a move's pairs with i and with k */
    double k0;
    long evals;
} work;

static void work_free(work *w)
{
    free(w->lev);
    free(w->adj);
    free(w->coef);
    free(w->u);
    free(w->tmp_i);
    free(w->tmp_k);
    free(w->tab);
    free(w->ttab_i);
    free(w->ttab_k);
}

/* Tau-b (or S) from a 4 x 4 table of counts, as shi_similarity_from_table
 * defines them, in O(16) with suffix sums: the search evaluates millions. An
 * undefined tau-b counts as 0. */
static double tab_u(const int32_t *c, shi_eu_util util)
{
    double n = 0, row[4] = {0}, col[4] = {0};
    for (int a = 0; a < 4; a++) {
        for (int b = 0; b < 4; b++) {
            n += c[a * 4 + b];
            row[a] += c[a * 4 + b];
            col[b] += c[a * 4 + b];
        }
    }
    if (util == SHI_EU_S) {
        double d = 0;
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                d += c[a * 4 + b] * (double)(a > b ? a - b : b - a);
            }
        }
        return n > 0 ? 1 - 2 * d / (3 * n) : 0.0;
    }
    /* up[a][b]: counts with a' > a and b' > b; dn[a][b]: a' > a and b' < b. */
    double up[4][4] = {{0}}, dn[4][4] = {{0}};
    for (int a = 2; a >= 0; a--) {
        double acc = 0;
        for (int b = 3; b >= 1; b--) {
            acc += c[(a + 1) * 4 + b];
            up[a][b - 1] = up[a + 1][b - 1] + acc;
        }
        acc = 0;
        for (int b = 0; b <= 2; b++) {
            acc += c[(a + 1) * 4 + b];
            dn[a][b + 1] = dn[a + 1][b + 1] + acc;
        }
    }
    double conc = 0, disc = 0, n1 = 0, n2 = 0;
    for (int a = 0; a < 4; a++) {
        for (int b = 0; b < 4; b++) {
            conc += c[a * 4 + b] * up[a][b];
            disc += c[a * 4 + b] * dn[a][b];
        }
        n1 += row[a] * (row[a] - 1) / 2;
        n2 += col[a] * (col[a] - 1) / 2;
    }
    double n0 = n * (n - 1) / 2, den = (n0 - n1) * (n0 - n2);
    return den > 0 ? (conc - disc) / sqrt(den) : 0.0;
}

/* The table of pair (x, y) from the current levels. */
static void tab_build(const work *w, size_t x, size_t y, int32_t *t)
{
    memset(t, 0, 16 * sizeof *t);
    const uint8_t *a = w->lev + x * w->m, *b = w->lev + y * w->m;
    for (size_t k = 0; k < w->m; k++) {
        t[a[k] * 4u + b[k]]++;
    }
}

static int32_t *tab_of(const work *w, size_t x, size_t y)
{
    return w->tab + ((x < y ? x : y) * w->m + (x < y ? y : x)) * 16;
}

/* U_xy over all m members (the region's), from the current levels; an
 * undefined tau-b counts as 0 during the search. */
static double pair_u(const work *w, size_t x, size_t y)
{
    shi_similarity_table t;
    memset(&t, 0, sizeof t);
    t.levels = 3;
    t.n = w->m;
    const uint8_t *a = w->lev + x * w->m, *b = w->lev + y * w->m;
    for (size_t k = 0; k < w->m; k++) {
        t.count[a[k] * 4u + b[k]]++;
    }
    shi_similarity s;
    shi_similarity_from_table(&t, &s);
    double v = w->util == SHI_EU_S ? s.s_abs : s.tau_b;
    return isnan(v) ? 0.0 : v;
}

static double share(double a, double b)
{
    return a + b > 0 ? a / (a + b) : 0.5;
}

static void add_coef(work *w, size_t x, size_t y, double c)
{
    size_t lo = x < y ? x : y, hi = x < y ? y : x;
    w->coef[lo * w->m + hi] += c;
}

/* K0 and C from E(U)_ji = (2 P_j - 1)(1 - U_ji) + sum_k W_jk (U_kj - U_ki). */
static void coefficients(work *w)
{
    size_t m = w->m, i = w->ii;
    const double *A = w->adj;
    for (size_t j = 0; j < m; j++) {
        double aji = A[j * m + i], aii = A[i * m + i], aij = A[i * m + j], ajj = A[j * m + j];
        if (j == i || isnan(aji) || isnan(aij) || isnan(ajj)) {
            continue; /* j cannot be scored: left out of Sec_i */
        }
        double b = 2 * share(aji, aii) - 1;
        w->k0 += b;
        add_coef(w, j, i, -b);
        for (size_t k = 0; k < m; k++) {
            double akj = A[k * m + j], aki = A[k * m + i];
            if (k == i || k == j || isnan(akj) || isnan(aki)) {
                continue;
            }
            double c = akj > aki ? akj : aki;
            double wjk = share(aji + c, aii) + share(aij + c, ajj) - 1;
            add_coef(w, k, j, wjk);
            add_coef(w, k, i, -wjk);
        }
    }
}

static double sec_full(work *w)
{
    double s = w->k0;
    for (size_t x = 0; x < w->m; x++) {
        for (size_t y = x + 1; y < w->m; y++) {
            w->u[x * w->m + y] = pair_u(w, x, y);
            s += w->coef[x * w->m + y] * w->u[x * w->m + y];
        }
    }
    w->evals++;
    return s;
}

static double cur_u(const work *w, size_t x, size_t y)
{
    return x < y ? w->u[x * w->m + y] : w->u[y * w->m + x];
}

static double coef_of(const work *w, size_t x, size_t y)
{
    return x < y ? w->coef[x * w->m + y] : w->coef[y * w->m + x];
}

/* Copy the table of pair (x, y) to t and move partner z's count from its old
 * cell (the levels lo_x, lo_y of x and y with z) to its current one. */
static void tab_moved(const work *w, size_t x, size_t y, const size_t *zs, const uint8_t *lo,
                      int nz, int32_t *t)
{
    size_t m = w->m, p = x < y ? x : y, q = x < y ? y : x;
    memcpy(t, tab_of(w, p, q), 16 * sizeof *t);
    for (int h = 0; h < nz; h++) {
        size_t z = zs[h];
        uint8_t op = p == x ? lo[2 * h] : lo[2 * h + 1], oq = p == x ? lo[2 * h + 1] : lo[2 * h];
        t[op * 4u + oq]--;
        t[w->lev[p * m + z] * 4u + w->lev[q * m + z]]++;
    }
}

/* The change of Sec when i's code with k becomes c; the new utilities and
 * tables of the pairs with i and with k are left in tmp_i/ttab_i and
 * tmp_k/ttab_k. Only partner k moves in a pair (i, x), only partner i in a
 * pair (k, x), and both in the pair (i, k). */
static double move_delta(work *w, size_t k, uint8_t c)
{
    size_t m = w->m, i = w->ii;
    uint8_t old = w->lev[i * m + k];
    w->lev[i * m + k] = w->lev[k * m + i] = c;
    double d = 0;
    for (size_t x = 0; x < m; x++) {
        if (x != i) {
            int32_t *t = w->ttab_i + x * 16;
            if (x == k) {
                const size_t zs[2] = {k, i};
                const uint8_t lo[4] = {old, 3, 3, old}; /* (i, k) at k; (i, k) at i */
                tab_moved(w, i, k, zs, lo, 2, t);
            } else {
                const size_t zs[1] = {k};
                const uint8_t lo[2] = {old, w->lev[x * m + k]};
                tab_moved(w, i, x, zs, lo, 1, t);
            }
            w->tmp_i[x] = tab_u(t, w->util);
            d += coef_of(w, i, x) * (w->tmp_i[x] - cur_u(w, i, x));
        }
        if (x != k && x != i) {
            int32_t *t = w->ttab_k + x * 16;
            const size_t zs[1] = {i};
            const uint8_t lo[2] = {old, w->lev[x * m + i]};
            tab_moved(w, k, x, zs, lo, 1, t);
            w->tmp_k[x] = tab_u(t, w->util);
            d += coef_of(w, k, x) * (w->tmp_k[x] - cur_u(w, k, x));
        }
    }
    w->lev[i * m + k] = w->lev[k * m + i] = old;
    w->evals++;
    return d;
}

static void set_u(work *w, size_t x, size_t y, double v)
{
    if (x < y) {
        w->u[x * w->m + y] = v;
    } else {
        w->u[y * w->m + x] = v;
    }
}

/* The tables and utilities of every pair from the current levels. */
static void tabs_init(work *w)
{
    for (size_t x = 0; x < w->m; x++) {
        for (size_t y = x + 1; y < w->m; y++) {
            int32_t *t = tab_of(w, x, y);
            tab_build(w, x, y, t);
            w->u[x * w->m + y] = tab_u(t, w->util);
        }
    }
}

/* Steepest ascent of sign * Sec from the current portfolio: take the best
 * single change of one code while it improves; ties go to the first (lowest
 * partner, then lowest code), so the path is deterministic. */
static double steepest(work *w, double sec, double sign)
{
    size_t m = w->m, i = w->ii;
    for (;;) {
        double best = 1e-12;
        size_t bk = m;
        uint8_t bc = 0;
        for (size_t k = 0; k < m; k++) {
            for (uint8_t c = 0; k != i && c <= 3; c++) {
                if (c == w->lev[i * m + k]) {
                    continue;
                }
                double d = sign * move_delta(w, k, c);
                if (d > best) {
                    best = d;
                    bk = k;
                    bc = c;
                }
            }
        }
        if (bk == m) {
            return sec;
        }
        sec += move_delta(w, bk, bc); /* and the chosen move's utilities in tmp_i, tmp_k */
        w->lev[i * m + bk] = w->lev[bk * m + i] = bc;
        for (size_t x = 0; x < m; x++) {
            if (x != i) {
                set_u(w, i, x, w->tmp_i[x]);
                memcpy(tab_of(w, i, x), w->ttab_i + x * 16, 16 * sizeof(int32_t));
            }
            if (x != bk && x != i) {
                set_u(w, bk, x, w->tmp_k[x]);
                memcpy(tab_of(w, bk, x), w->ttab_k + x * 16, 16 * sizeof(int32_t));
            }
        }
    }
}

/* Every portfolio of i (4^(m-1)), each scored from scratch. */
static void exhaustive(work *w, double *mx, double *mn)
{
    size_t m = w->m, i = w->ii, np = m - 1;
    unsigned long total = 1ul << (2 * np);
    uint8_t *save = malloc(m);
    memcpy(save, w->lev + i * m, m);
    for (unsigned long code = 0; code < total; code++) {
        size_t q = 0;
        for (size_t k = 0; k < m; k++) {
            if (k != i) {
                uint8_t c = (uint8_t)((code >> (2 * q++)) & 3u);
                w->lev[i * m + k] = w->lev[k * m + i] = c;
            }
        }
        double s = sec_full(w);
        *mx = code == 0 || s > *mx ? s : *mx;
        *mn = code == 0 || s < *mn ? s : *mn;
    }
    for (size_t k = 0; k < m; k++) {
        w->lev[i * m + k] = w->lev[k * m + i] = save[k];
    }
    free(save);
}

shi_risk_ga shi_risk_ga_default(void)
{
    /* EUGene 3.x's defaults (eu-formulas.md section 2). */
    const shi_risk_ga g = {50, 0.05, 8, 3, 0.01, 0};
    return g;
}

/* Sec of the portfolio `codes` (i's levels with the other members, in member
 * order without i), computed from scratch; the levels are left set. */
static double ga_eval(work *w, const uint8_t *codes)
{
    size_t m = w->m, i = w->ii, q = 0;
    for (size_t k = 0; k < m; k++) {
        if (k != i) {
            w->lev[i * m + k] = w->lev[k * m + i] = codes[q++];
        }
    }
    return sec_full(w);
}

/* Deterministic sampling (Goldberg 1989, ch. 4): each portfolio's expected
 * copies e = n f / sum f; first the whole parts, then the slots left to the
 * largest remainders (ties to the lower index). Fills parent[0..n). */
static void ga_select(const double *fit, size_t pop, size_t n, size_t *parent, double *rem)
{
    double sum = 0;
    for (size_t p = 0; p < pop; p++) {
        sum += fit[p];
    }
    size_t at = 0;
    for (size_t p = 0; p < pop; p++) {
        double e = sum > 0 ? (double)n * fit[p] / sum : (double)n / (double)pop;
        size_t whole = (size_t)floor(e);
        rem[p] = e - (double)whole;
        for (size_t c = 0; c < whole && at < n; c++) {
            parent[at++] = p;
        }
    }
    while (at < n) {
        size_t best = 0;
        for (size_t p = 1; p < pop; p++) {
            best = rem[p] > rem[best] ? p : best;
        }
        parent[at++] = best;
        rem[best] = -1;
    }
}

typedef struct ga_buf {
    uint8_t *pop, *next; /* population x np codes */
    double *val, *fit, *rem;
    size_t *order, *parent;
} ga_buf;

static void ga_buf_free(ga_buf *b)
{
    free(b->pop);
    free(b->next);
    free(b->val);
    free(b->fit);
    free(b->rem);
    free(b->order);
    free(b->parent);
}

static int ga_buf_init(ga_buf *b, size_t pop, size_t np)
{
    size_t cells = pop * (np ? np : 1);
    b->pop = malloc(cells);
    b->next = malloc(cells);
    b->val = malloc(pop * sizeof *b->val);
    b->fit = malloc(pop * sizeof *b->fit);
    b->rem = malloc(pop * sizeof *b->rem);
    b->order = malloc(pop * sizeof *b->order);
    b->parent = malloc(pop * sizeof *b->parent);
    return b->pop && b->next && b->val && b->fit && b->rem && b->order && b->parent ? 0 : -1;
}

/* Evaluate the generation: val = sign * Sec, fit = val - min (>= 0), and
 * order = indexes by val, best first (ties to the lower index). */
static void ga_score(work *w, ga_buf *b, size_t pop, size_t np, double sign)
{
    double lo = INFINITY;
    for (size_t p = 0; p < pop; p++) {
        b->val[p] = sign * ga_eval(w, b->pop + p * np);
        lo = b->val[p] < lo ? b->val[p] : lo;
        b->order[p] = p;
    }
    for (size_t p = 0; p < pop; p++) {
        b->fit[p] = b->val[p] - lo;
    }
    for (size_t a = 1; a < pop; a++) { /* insertion sort: stable, pop is small */
        size_t x = b->order[a], c = a;
        while (c > 0 && b->val[b->order[c - 1]] < b->val[x]) {
            b->order[c] = b->order[c - 1];
            c--;
        }
        b->order[c] = x;
    }
}

/* The next generation: the best `keep` cloned, the rest bred from parents by
 * deterministic sampling, one-point crossover of consecutive parents, then
 * mutation. */
static void ga_breed(ga_buf *b, const shi_risk_ga *ga, size_t pop, size_t np, shi_rng *rng)
{
    size_t keep = (size_t)ga->keep < pop ? (size_t)ga->keep : pop;
    for (size_t p = 0; p < keep; p++) {
        memcpy(b->next + p * np, b->pop + b->order[p] * np, np);
    }
    size_t n = pop - keep;
    ga_select(b->fit, pop, n, b->parent, b->rem);
    for (size_t a = n; a > 1; a--) { /* shuffle the parents (Fisher-Yates) */
        size_t j = (size_t)shi_rng_below(rng, a), t = b->parent[a - 1];
        b->parent[a - 1] = b->parent[j];
        b->parent[j] = t;
    }
    for (size_t c = 0; c < n; c += 2) {
        uint8_t *x = b->next + (keep + c) * np, *y = c + 1 < n ? x + np : NULL;
        const uint8_t *px = b->pop + b->parent[c] * np;
        const uint8_t *py = b->pop + b->parent[c + 1 < n ? c + 1 : c] * np;
        size_t cut = np > 1 ? 1 + (size_t)shi_rng_below(rng, np - 1) : np;
        memcpy(x, px, cut);
        memcpy(x + cut, py + cut, np - cut);
        if (y) {
            memcpy(y, py, cut);
            memcpy(y + cut, px + cut, np - cut);
        }
    }
    for (size_t q = keep * np; q < pop * np; q++) {
        if (shi_rng_uniform(rng) < ga->mutation) {
            b->next[q] = (uint8_t)shi_rng_below(rng, 4);
        }
    }
    uint8_t *t = b->pop;
    b->pop = b->next;
    b->next = t;
}

/* The GA's best sign * Sec, improved by steepest ascent; the levels are
 * restored to `save` (the actual portfolio) afterwards. -1 when out of memory. */
static int ga_search(work *w, const shi_risk_ga *ga, double sign, uint64_t stream,
                     const uint8_t *save, double *best)
{
    size_t m = w->m, i = w->ii, np = m - 1, pop = ga->population > 1 ? (size_t)ga->population : 2;
    ga_buf b = {0};
    if (ga_buf_init(&b, pop, np) != 0) {
        ga_buf_free(&b);
        return -1;
    }
    shi_rng rng;
    shi_rng_init(&rng, ga->seed, stream);
    for (size_t k = 0, q = 0; k < m; k++) { /* the actual portfolio first */
        if (k != i) {
            b.pop[q++] = save[i * m + k];
        }
    }
    for (size_t q = np; q < pop * np; q++) {
        b.pop[q] = (uint8_t)shi_rng_below(&rng, 4);
    }
    size_t maxgen = 10 * np > (size_t)ga->stable ? 10 * np : (size_t)ga->stable;
    double top = -INFINITY;
    int calm = 0;
    for (size_t gen = 0; gen < maxgen && calm < ga->stable; gen++) {
        ga_score(w, &b, pop, np, sign);
        double v = b.val[b.order[0]];
        calm = v > top + ga->tolerance ? 0 : calm + 1;
        top = v > top ? v : top;
        ga_breed(&b, ga, pop, np, &rng);
    }
    ga_score(w, &b, pop, np, sign);
    double sec = ga_eval(w, b.pop + b.order[0] * np);
    tabs_init(w);
    *best = steepest(w, sec, sign); /* the final hill-climb */
    memcpy(w->lev, save, m * m);
    ga_buf_free(&b);
    return 0;
}

static shi_status work_init(work *w, const shi_eu_system *s, const shi_eu_opts *o, size_t i,
                            shi_eu_region g, size_t *idx)
{
    size_t m = 0;
    for (size_t k = 0; k < s->n; k++) {
        if ((shi_eu_involved(s->ccode[k], s->year) >> g) & 1u) {
            if (k == i) {
                w->ii = m;
            }
            idx[m++] = k;
        }
    }
    w->m = m;
    w->util = o->util;
    w->lev = malloc(m * m);
    w->adj = malloc(m * m * sizeof *w->adj);
    w->coef = calloc(m * m, sizeof *w->coef);
    w->u = calloc(m * m, sizeof *w->u);
    w->tmp_i = malloc(m * sizeof *w->tmp_i);
    w->tmp_k = malloc(m * sizeof *w->tmp_k);
    w->tab = malloc(m * m * 16 * sizeof *w->tab);
    w->ttab_i = malloc(m * 16 * sizeof *w->ttab_i);
    w->ttab_k = malloc(m * 16 * sizeof *w->ttab_k);
    if (!w->lev || !w->adj || !w->coef || !w->u || !w->tmp_i || !w->tmp_k || !w->tab ||
        !w->ttab_i || !w->ttab_k) {
        return SHI_EIO;
    }
    double mpd = o->mpd > 0 ? o->mpd : shi_eu_era_mpd(s->year);
    for (size_t x = 0; x < m; x++) {
        for (size_t y = 0; y < m; y++) {
            size_t a = idx[x], b = idx[y];
            w->lev[x * m + y] = x == y ? 3 : s->ally[a * s->n + b];
            double c = s->cap[a], d = x == y ? 0.0 : (o->mpd < 0 ? 0.0 : s->miles[a * s->n + b]);
            w->adj[x * m + y] = o->mpd < 0 ? c : shi_lsg(c, d, mpd);
        }
    }
    return SHI_OK;
}

/* The searches of the steepest and GA methods: SecMax and SecMin. -1 when
 * out of memory. */
static int search(work *w, double sec, shi_risk_method method, const shi_risk_ga *ga,
                  uint64_t stream, double *mx, double *mn)
{
    uint8_t *save = malloc(w->m * w->m);
    if (!save) {
        return -1;
    }
    memcpy(save, w->lev, w->m * w->m);
    int rc = 0;
    if (method == SHI_RISK_GA) {
        rc = ga_search(w, ga, 1.0, 2 * stream, save, mx);
        rc = rc == 0 ? ga_search(w, ga, -1.0, 2 * stream + 1, save, mn) : rc;
        /* Elitism keeps the actual portfolio's Sec as a floor; rounding aside. */
        *mx = *mx > sec ? *mx : sec;
        *mn = *mn < sec ? *mn : sec;
    } else {
        tabs_init(w);
        *mx = steepest(w, sec, 1.0);
        memcpy(w->lev, save, w->m * w->m);
        tabs_init(w);
        *mn = steepest(w, sec, -1.0);
    }
    free(save);
    return rc;
}

static shi_status risk_run(const shi_eu_system *s, const shi_eu_opts *o, size_t i, shi_eu_region g,
                           shi_risk_method method, const shi_risk_ga *ga, shi_risk_result *out,
                           shi_err *err)
{
    static const shi_eu_opts def = {0};
    o = o ? o : &def;
    memset(out, 0, sizeof *out);
    out->sec = out->sec_max = out->sec_min = out->r_raw = out->r = NAN;
    if (i >= s->n || !((shi_eu_involved(s->ccode[i], s->year) >> g) & 1u)) {
        return shi_err_set(err, SHI_EUSAGE, "risk: state %d is not involved in %s in %d",
                           i < s->n ? s->ccode[i] : -1, shi_eu_region_name(g), s->year);
    }
    if (!s->ally || isnan(s->cap[i])) {
        out->reason = !s->ally ? SHI_EU_NO_ALLIANCE : SHI_EU_NO_CAP;
        return SHI_OK;
    }
    work w = {0};
    size_t *idx = malloc((s->n ? s->n : 1) * sizeof *idx);
    if (!idx || work_init(&w, s, o, i, g, idx) != SHI_OK) {
        free(idx);
        work_free(&w);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    free(idx);
    out->partners = (int)w.m - 1;
    if (method == SHI_RISK_EXHAUSTIVE && w.m - 1 > SHI_RISK_EXHAUSTIVE_MAX) {
        work_free(&w);
        return shi_err_set(err, SHI_EUSAGE,
                           "risk: the exhaustive search allows at most %d partners (4^%d "
                           "portfolios); %s has %d in %d: use --method steepest",
                           SHI_RISK_EXHAUSTIVE_MAX, SHI_RISK_EXHAUSTIVE_MAX, shi_eu_region_name(g),
                           out->partners, s->year);
    }
    coefficients(&w);
    double sec = sec_full(&w), mx = sec, mn = sec;
    /* The GA's stream: (state, year, region); the direction is its last bit. */
    uint64_t stream =
        ((uint64_t)(unsigned)s->year * 1000u + (uint64_t)(unsigned)s->ccode[i]) * SHI_EU_NREGION +
        (uint64_t)g;
    if (method == SHI_RISK_EXHAUSTIVE) {
        exhaustive(&w, &mx, &mn);
    } else if (search(&w, sec, method, ga, stream, &mx, &mn) != 0) {
        work_free(&w);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    out->sec = sec;
    out->sec_max = mx;
    out->sec_min = mn;
    out->evaluations = w.evals;
    /* R and its transform (Bennett & Stam 2000, p. 464). */
    out->r_raw = mx > mn ? (2 * sec - mx - mn) / (mx - mn) : 0.0;
    /* Sec is within [SecMin, SecMax] by construction; rounding in the
     * subtraction can put R an ulp outside [-1, 1] (85 of 21,739 rows of
     * 1816-2016 came out as -1.0000000000000002). */
    out->r_raw = out->r_raw > 1 ? 1.0 : out->r_raw < -1 ? -1.0 : out->r_raw;
    out->r = shi_wr_risk_exponent(out->r_raw);
    out->reason = SHI_EU_OK;
    work_free(&w);
    return SHI_OK;
}

shi_status shi_risk_compute(const shi_eu_system *s, const shi_eu_opts *o, size_t i, shi_eu_region g,
                            shi_risk_method method, shi_risk_result *out, shi_err *err)
{
    const shi_risk_ga ga = shi_risk_ga_default();
    return risk_run(s, o, i, g, method, &ga, out, err);
}

shi_status shi_risk_compute_ga(const shi_eu_system *s, const shi_eu_opts *o, size_t i,
                               shi_eu_region g, const shi_risk_ga *ga, shi_risk_result *out,
                               shi_err *err)
{
    const shi_risk_ga def = shi_risk_ga_default();
    return risk_run(s, o, i, g, SHI_RISK_GA, ga ? ga : &def, out, err);
}
