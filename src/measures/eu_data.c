/*
 * eu_data.c - one year's expected-utility system from the data view: members,
 * CINC, alliance levels and distances (shi/eu.h; conventions in docs/eu.md).
 */
#include <shi/eu.h>
#include <shi/geography.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#    include <omp.h>
#endif

typedef struct risk_cols_t {
    int32_t *year, *ccode, *region, *partners;
    double *sec, *mx, *mn, *r_raw, *r;
    size_t reason;
} risk_cols_t;

typedef struct sysbuf {
    int *ccode;
    size_t *idx; /* registry index of each member */
    double *cap, *miles;
    uint8_t *ally;
} sysbuf;

static void sysbuf_free(sysbuf *b)
{
    free(b->ccode);
    free(b->idx);
    free(b->cap);
    free(b->miles);
    free(b->ally);
}

/* Alliance levels among the members: the stronger of the two directions
 * (ATOP's obligations are directed; EUGene's COW codes are symmetric), none
 * where the data list nothing. */
static void fill_ally(const shi_dyadic *dy, int year, const size_t *idx, size_t m, uint8_t *out)
{
    for (size_t p = 0; p < m; p++) {
        for (size_t q = 0; q < m; q++) {
            uint8_t v = 3;
            if (p != q) {
                uint8_t a = dy->ally_level[shi_dy_pair(dy, year, idx[p], idx[q])];
                uint8_t b = dy->ally_level[shi_dy_pair(dy, year, idx[q], idx[p])];
                a = a == SHI_NA_U8 ? 0 : a;
                b = b == SHI_NA_U8 ? 0 : b;
                v = a > b ? a : b;
            }
            out[p * m + q] = v;
        }
    }
}

/* Great-circle miles between the capitals on 1 January; 0 for direct land
 * contiguity (EUGene's default contiguity level 1, Bennett & Stam fn. 21). */
static void fill_miles(const shi_dyadic *dy, int year, const size_t *idx, size_t m, double *out)
{
    int have_contig = year >= dy->contig_y0 && year <= dy->contig_y1;
    for (size_t p = 0; p < m; p++) {
        size_t ip = shi_dy_one(dy, year, idx[p]);
        for (size_t q = 0; q < m; q++) {
            size_t iq = shi_dy_one(dy, year, idx[q]);
            double d = NAN;
            if (p == q) {
                d = 0;
            } else if (have_contig && dy->contig[shi_dy_pair(dy, year, idx[p], idx[q])] == 1) {
                d = 0;
            } else if (!isnan(dy->cap_lat[ip]) && !isnan(dy->cap_lat[iq])) {
                d = shi_great_circle_km(dy->cap_lat[ip], dy->cap_lon[ip], dy->cap_lat[iq],
                                        dy->cap_lon[iq]) /
                    SHI_KM_PER_MILE;
            }
            out[p * m + q] = d;
        }
    }
}

/* The year's system from the data view into b (sys points into it); -1 when
 * out of memory. Members, CINC, levels (NULL outside the alliance years) and
 * miles. */
static int build_system(sysbuf *b, const shi_data *d, int year, shi_eu_system *sys)
{
    const shi_states *s = &d->states;
    const shi_dyadic *dy = &d->dy;
    size_t n = s->n, m = 0;
    memset(b, 0, sizeof *b);
    b->ccode = malloc((n ? n : 1) * sizeof *b->ccode);
    b->idx = malloc((n ? n : 1) * sizeof *b->idx);
    b->cap = malloc((n ? n : 1) * sizeof *b->cap);
    if (!b->ccode || !b->idx || !b->cap) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!shi_states_member(s, &s->v[i], year)) {
            continue;
        }
        long row = shi_panel_row(&d->caps, s->v[i].ccode, year);
        b->ccode[m] = s->v[i].ccode;
        b->idx[m] = i;
        b->cap[m] = row >= 0 ? shi_panel_get(&d->caps, d->cinc, (size_t)row) : (double)NAN;
        m++;
    }
    int have_ally = year >= dy->ally_y0 && year <= dy->ally_y1;
    size_t mm = m * m > 0 ? m * m : 1;
    b->miles = malloc(mm * sizeof *b->miles);
    b->ally = have_ally ? malloc(mm) : NULL;
    if (!b->miles || (have_ally && !b->ally)) {
        return -1;
    }
    if (have_ally) {
        fill_ally(dy, year, b->idx, m, b->ally);
    }
    fill_miles(dy, year, b->idx, m, b->miles);
    const shi_eu_system v = {year, m, b->ccode, b->cap, b->ally, b->miles};
    *sys = v;
    return 0;
}

shi_status shi_eu_year_from_data(shi_eu_year **out, const shi_data *d, int year,
                                 const shi_eu_opts *o, shi_err *err)
{
    *out = NULL;
    if (!d->dy_loaded || year < d->dy.y0 || year > d->dy.y1) {
        return SHI_OK;
    }
    sysbuf b;
    shi_eu_system sys;
    if (build_system(&b, d, year, &sys) != 0) {
        sysbuf_free(&b);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    shi_status st = shi_eu_year_new(out, &sys, o, err);
    sysbuf_free(&b);
    return st;
}

shi_status shi_eu_risks(const shi_data *d, int year, const shi_eu_opts *o, shi_risk_method method,
                        const uint8_t *need, double *risk, uint8_t *why, shi_err *err)
{
    if (!d->dy_loaded || year < d->dy.y0 || year > d->dy.y1) {
        return SHI_OK;
    }
    sysbuf b;
    shi_eu_system sys;
    if (build_system(&b, d, year, &sys) != 0) {
        sysbuf_free(&b);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    shi_status st = SHI_OK;
    for (size_t i = 0; i < sys.n && st == SHI_OK; i++) {
        for (int g = 0; g < SHI_EU_NREGION && st == SHI_OK; g++) {
            size_t at = (size_t)sys.ccode[i] * SHI_EU_NREGION + (size_t)g;
            if (sys.ccode[i] < 0 || sys.ccode[i] >= 1000 || !need[at]) {
                continue;
            }
            shi_risk_result r;
            st = shi_risk_compute(&sys, o, i, (shi_eu_region)g, method, &r, err);
            risk[at] = r.reason == SHI_EU_OK ? r.r_raw : (double)NAN;
            if (why) {
                why[at] = (uint8_t)r.reason;
            }
        }
    }
    sysbuf_free(&b);
    return st;
}

/* Is ccode among the states of the filter (all when there is none)? */
static int wanted(const int *states, size_t n, int ccode)
{
    for (size_t k = 0; k < n; k++) {
        if (states[k] == ccode) {
            return 1;
        }
    }
    return n == 0;
}

static shi_status risk_cols(shi_frame *f, size_t nrow, risk_cols_t *c, shi_err *err)
{
    static const shi_value_label regions[] = {
        {0, "europe"}, {1, "middleeast"}, {2, "africa"}, {3, "asia"}, {4, "americas"}};
    shi_status s;
    if ((s = shi_frame_init(f, "state_region_year", nrow, err)) ||
        (s = shi_frame_add_i32(f, "year", "Year", &c->year, err)) ||
        (s = shi_frame_add_i32(f, "ccode", "COW state code", &c->ccode, err)) ||
        (s = shi_frame_add_i32(f, "region", "EUGene region", &c->region, err)) ||
        (s = shi_frame_add_i32(f, "partners", "Region members other than the state", &c->partners,
                               err)) ||
        (s = shi_frame_add_f64(f, "sec", "Security: sum of E(U)_ji (higher: less secure)", 4,
                               &c->sec, err)) ||
        (s = shi_frame_add_f64(f, "sec_max", "Sec of the least secure portfolio found", 4, &c->mx,
                               err)) ||
        (s = shi_frame_add_f64(f, "sec_min", "Sec of the most secure portfolio found", 4, &c->mn,
                               err)) ||
        (s = shi_frame_add_f64(f, "risk", "Risk attitude R in [-1, 1] (1: risk-acceptant)", 4,
                               &c->r_raw, err)) ||
        (s = shi_frame_add_f64(f, "risk_r", "Risk exponent r in [0.5, 2]", 4, &c->r, err)) ||
        (s = shi_frame_add_str(f, "risk_reason", "Why risk is missing (empty: computed)", err)) ||
        (s = shi_frame_set_labels(f, "region", "eu_region", regions, 5, err))) {
        return s;
    }
    c->reason = (size_t)shi_frame_find(f, "risk_reason");
    return SHI_OK;
}

/* The rows: every (year, member in the filter, region it is involved in). */
static size_t risk_rows(const shi_data *d, const shi_risk_request *q, risk_cols_t *c)
{
    size_t nrow = 0;
    for (int y = q->y0; y <= q->y1; y++) {
        for (size_t i = 0; i < d->states.n; i++) {
            const shi_state *st = &d->states.v[i];
            if (!shi_states_member(&d->states, st, y) ||
                !wanted(q->states, q->nstates, st->ccode)) {
                continue;
            }
            unsigned inv = shi_eu_involved(st->ccode, y);
            for (int g = 0; g < SHI_EU_NREGION; g++) {
                if ((inv >> g) & 1u) {
                    if (c) {
                        c->year[nrow] = y;
                        c->ccode[nrow] = st->ccode;
                        c->region[nrow] = g;
                    }
                    nrow++;
                }
            }
        }
    }
    return nrow;
}

/* Does this process compute row r? */
static int mine(const shi_risk_request *q, size_t r)
{
    return !q->split || q->split->nproc <= 1 ||
           r % (size_t)q->split->nproc == (size_t)q->split->rank;
}

/* The risk attitude of row r by the request's method. */
static shi_status row_compute(const risk_cols_t *c, const shi_eu_system *sys,
                              const shi_risk_request *q, size_t r, shi_risk_result *res,
                              shi_err *err)
{
    size_t i = 0;
    while (i < sys->n && sys->ccode[i] != c->ccode[r]) {
        i++;
    }
    shi_eu_region g = (shi_eu_region)c->region[r];
    return q->method == SHI_RISK_GA ? shi_risk_compute_ga(sys, q->eu, i, g, q->ga, res, err)
                                    : shi_risk_compute(sys, q->eu, i, g, q->method, res, err);
}

/* One row: its values into the columns and why[r] = the missing reason |
 * (status << 8) of a failure. */
static void risk_row(const risk_cols_t *c, const shi_eu_system *sys, const shi_risk_request *q,
                     size_t r, uint64_t *why)
{
    shi_risk_result res;
    shi_status s1 = row_compute(c, sys, q, r, &res, NULL);
    c->partners[r] = res.partners;
    c->sec[r] = res.sec;
    c->mx[r] = res.sec_max;
    c->mn[r] = res.sec_min;
    c->r_raw[r] = res.r_raw;
    c->r[r] = res.r;
    why[r] = (uint64_t)res.reason | (uint64_t)s1 << 8;
}

/* Rows [r0, r1) of one year that this process computes, split over threads;
 * each row is independent. The others get -0.0 (and 0), which leaves any
 * value unchanged when the processes' frames are added. */
static shi_status risk_year(const risk_cols_t *c, const shi_data *d, const shi_risk_request *q,
                            int year, size_t r0, size_t r1, uint64_t *why, shi_err *err)
{
    sysbuf b;
    shi_eu_system sys;
    if (build_system(&b, d, year, &sys) != 0) {
        sysbuf_free(&b);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
#ifdef _OPENMP
#    pragma omp parallel for schedule(dynamic, 1)                                                  \
        num_threads(q->threads > 0 ? q->threads : omp_get_max_threads())
#endif
    for (long r = (long)r0; r < (long)r1; r++) {
        if (mine(q, (size_t)r)) {
            risk_row(c, &sys, q, (size_t)r, why);
        } else {
            c->partners[r] = 0;
            c->sec[r] = c->mx[r] = c->mn[r] = c->r_raw[r] = c->r[r] = -0.0;
            why[r] = 0;
        }
    }
    sysbuf_free(&b);
    return SHI_OK;
}

/* Add the processes' frames: every value comes from its one process. */
static shi_status risk_gather(const risk_cols_t *c, size_t n, uint64_t *why,
                              const shi_risk_split *sp, shi_err *err)
{
    double *cols[5] = {c->sec, c->mx, c->mn, c->r_raw, c->r};
    uint64_t *part = malloc((n ? n : 1) * sizeof *part);
    if (!part) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t r = 0; r < n; r++) {
        part[r] = (uint64_t)(uint32_t)c->partners[r];
    }
    int rc = sp->sum_u64(part, n, sp->ctx) || sp->sum_u64(why, n, sp->ctx);
    for (int k = 0; k < 5 && rc == 0; k++) {
        rc = sp->sum_f64(cols[k], n, sp->ctx);
    }
    for (size_t r = 0; r < n; r++) {
        c->partners[r] = (int32_t)(uint32_t)part[r];
    }
    free(part);
    return rc == 0 ? SHI_OK : shi_err_set(err, SHI_EIO, "MPI: the sum over processes failed");
}

/* The reasons into the frame; the first failing row's error again (the same
 * on any number of threads or processes). */
static shi_status risk_finish(shi_frame *f, const risk_cols_t *c, const shi_data *d,
                              const shi_risk_request *q, const uint64_t *why, shi_err *err)
{
    for (size_t r = 0; r < f->nrow; r++) {
        if (why[r] >> 8) {
            sysbuf b;
            shi_eu_system sys;
            shi_risk_result res;
            if (build_system(&b, d, c->year[r], &sys) != 0) {
                sysbuf_free(&b);
                return shi_err_set(err, SHI_EIO, "out of memory");
            }
            shi_status s = row_compute(c, &sys, q, r, &res, err);
            sysbuf_free(&b);
            return s != SHI_OK ? s : (shi_status)(why[r] >> 8);
        }
        shi_eu_reason why_r = (shi_eu_reason)(why[r] & 0xffu);
        shi_status s = why_r == SHI_EU_OK
                           ? SHI_OK
                           : shi_frame_set_str(f, c->reason, r, shi_eu_reason_text(why_r), err);
        if (s != SHI_OK) {
            return s;
        }
    }
    return SHI_OK;
}

shi_status shi_risk_frame(shi_frame *f, const shi_data *d, const shi_risk_request *q, shi_err *err)
{
    memset(f, 0, sizeof *f);
    if (!d->dy_loaded || q->y0 < d->dy.y0 || q->y1 > d->dy.y1 || q->y0 > q->y1) {
        return shi_err_set(err, SHI_EUSAGE, "risk: years %d-%d are outside the dyadic data", q->y0,
                           q->y1);
    }
    risk_cols_t c;
    shi_status s = risk_cols(f, risk_rows(d, q, NULL), &c, err);
    if (s != SHI_OK) {
        return s;
    }
    risk_rows(d, q, &c);
    uint64_t *why = calloc(f->nrow ? f->nrow : 1, sizeof *why);
    if (!why) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    /* Every process runs every year (with its share of the rows), so that
     * all reach the sums even when a row fails. */
    size_t r0 = 0;
    while (r0 < f->nrow && s == SHI_OK) {
        size_t r1 = r0;
        while (r1 < f->nrow && c.year[r1] == c.year[r0]) {
            r1++;
        }
        s = risk_year(&c, d, q, c.year[r0], r0, r1, why, err);
        r0 = r1;
    }
    if (s == SHI_OK && q->split && q->split->nproc > 1) {
        s = risk_gather(&c, f->nrow, why, q->split, err);
    }
    if (s == SHI_OK) {
        s = risk_finish(f, &c, d, q, why, err);
    }
    free(why);
    return s;
}
