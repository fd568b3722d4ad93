/*
 * dyadvars_eu.c - the eu and wr families of the dyad-year variables: War Trap
 * expected utility in both directions with its parts, and the War and Reason
 * equilibria (shi/eu.h, docs/eu.md). A value that cannot be computed is
 * missing, and the reason column says why.
 */
#include "dyadvars_eu.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const shi_value_label OUTCOMES[] = {{1, "SQ"},   {2, "Nego"}, {3, "AcqA"}, {4, "AcqB"},
                                           {5, "CapA"}, {6, "CapB"}, {7, "WarA"}, {8, "WarB"}};
static const shi_value_label REGIONS[] = {
    {0, "europe"}, {1, "middleeast"}, {2, "africa"}, {3, "asia"}, {4, "americas"}};

static shi_status eu_cols(shi_frame *f, dv_eu_cols *k, shi_err *err)
{
    shi_status s;
    if ((s = shi_frame_add_f64(f, "eu12", "War Trap E(U) of 1 challenging 2", 4, &k->eu12, err)) ||
        (s = shi_frame_add_f64(f, "eu21", "War Trap E(U) of 2 challenging 1", 4, &k->eu21, err)) ||
        (s = shi_frame_add_f64(f, "eu_bil12", "E(U)12: bilateral term", 4, &k->bil12, err)) ||
        (s = shi_frame_add_f64(f, "eu_bil21", "E(U)21: bilateral term", 4, &k->bil21, err)) ||
        (s = shi_frame_add_f64(f, "eu_third12", "E(U)12: third-party terms", 4, &k->third12,
                               err)) ||
        (s = shi_frame_add_f64(f, "eu_third21", "E(U)21: third-party terms", 4, &k->third21,
                               err)) ||
        (s = shi_frame_add_f64(f, "eu_u12", "Utility U12 (tau-b or S) in the relevant region", 4,
                               &k->u12, err)) ||
        (s = shi_frame_add_f64(f, "eu_p12", "P of 1 winning alone against 2 (discounted)", 4,
                               &k->p12, err)) ||
        (s = shi_frame_add_f64(f, "eu_p21", "P of 2 winning alone against 1 (discounted)", 4,
                               &k->p21, err)) ||
        (s = shi_frame_add_i32(f, "eu_region12", "Relevant region of (1, 2)", &k->region12, err)) ||
        (s = shi_frame_add_i32(f, "eu_nthird12", "Third parties counted in E(U)12", &k->n3, err)) ||
        (s = shi_frame_add_str(f, "eu_reason", "Why E(U) is missing (empty: computed)", err)) ||
        (s = shi_frame_set_labels(f, "eu_region12", "eu_region", REGIONS, 5, err))) {
        return s;
    }
    k->reason = shi_frame_find(f, "eu_reason");
    return SHI_OK;
}

static shi_status wr_cols(shi_frame *f, dv_eu_cols *k, shi_err *err)
{
    shi_status s;
    if ((s = shi_frame_add_i32(f, "wr_induction", "War and Reason equilibrium, backward induction",
                               &k->ind, err)) ||
        (s = shi_frame_add_i32(f, "wr_logical", "War and Reason outcome, logical conditions",
                               &k->log, err)) ||
        (s = shi_frame_add_i32(f, "wr_c_sq", "Logical condition for SQ holds", &k->c_sq, err)) ||
        (s = shi_frame_add_i32(f, "wr_c_wara", "Logical condition for WarA holds", &k->c_wara,
                               err)) ||
        (s = shi_frame_add_i32(f, "wr_c_acqa", "Logical condition for AcqA holds", &k->c_acqa,
                               err)) ||
        (s = shi_frame_add_i32(f, "wr_c_acqb", "Logical condition for AcqB holds", &k->c_acqb,
                               err)) ||
        (s = shi_frame_add_f64(f, "wr_k", "K: tau-b of 1 and 2 (1 made 0.999)", 4, &k->wk, err)) ||
        (s = shi_frame_add_f64(f, "wr_pa", "P^A: 1's probability of success", 4, &k->pa, err)) ||
        (s = shi_frame_add_f64(f, "wr_pb", "P^B: 2's probability of success", 4, &k->pb, err)) ||
        (s = shi_frame_add_str(f, "wr_reason", "Why the game is missing (empty: solved)", err)) ||
        (s = shi_frame_set_labels(f, "wr_induction", "wr_outcome", OUTCOMES, 8, err)) ||
        (s = shi_frame_set_labels(f, "wr_logical", "wr_outcome", OUTCOMES, 8, err))) {
        return s;
    }
    static const char *const flags[] = {"wr_c_sq", "wr_c_wara", "wr_c_acqa", "wr_c_acqb"};
    for (size_t q = 0; q < 4; q++) {
        if ((s = shi_frame_set_flag(f, flags[q], err)) != SHI_OK) {
            return s;
        }
    }
    k->wreason = shi_frame_find(f, "wr_reason");
    return SHI_OK;
}

static shi_status risk_cols(shi_frame *f, dv_eu_cols *k, shi_err *err)
{
    shi_status s;
    if ((s = shi_frame_add_f64(f, "risk1", "Risk attitude R of 1 in relevant_region(1, 2)", 4,
                               &k->rk1, err)) ||
        (s = shi_frame_add_f64(f, "risk2", "Risk attitude R of 2 in relevant_region(2, 1)", 4,
                               &k->rk2, err)) ||
        (s = shi_frame_add_f64(f, "risk_r1", "Risk exponent r of 1, (1 - R/3) / (1 + R/3)", 4,
                               &k->rr1, err)) ||
        (s = shi_frame_add_f64(f, "risk_r2", "Risk exponent r of 2, (1 - R/3) / (1 + R/3)", 4,
                               &k->rr2, err)) ||
        (s = shi_frame_add_i32(f, "risk_region1", "Region of risk1: relevant_region(1, 2)", &k->rg1,
                               err)) ||
        (s = shi_frame_add_i32(f, "risk_region2", "Region of risk2: relevant_region(2, 1)", &k->rg2,
                               err)) ||
        (s = shi_frame_add_str(f, "risk_reason", "Why a risk attitude is missing (empty: both)",
                               err)) ||
        (s = shi_frame_set_labels(f, "risk_region1", "eu_region", REGIONS, 5, err)) ||
        (s = shi_frame_set_labels(f, "risk_region2", "eu_region", REGIONS, 5, err))) {
        return s;
    }
    k->rreason = shi_frame_find(f, "risk_reason");
    return SHI_OK;
}

shi_status dv_eu_add_cols(shi_frame *f, unsigned mask, dv_eu_cols *k, shi_err *err)
{
    memset(k, 0, sizeof *k);
    k->reason = k->wreason = k->rreason = -1;
    shi_status s = SHI_OK;
    if (mask & SHI_DV_EU) {
        s = eu_cols(f, k, err);
    }
    if (s == SHI_OK && (mask & SHI_DV_WR)) {
        s = wr_cols(f, k, err);
    }
    if (s == SHI_OK && (mask & SHI_DV_RISK)) {
        s = risk_cols(f, k, err);
    }
    return s;
}

static int set_reason(shi_frame *f, long col, size_t r, shi_eu_reason why)
{
    return shi_frame_set_str(f, (size_t)col, r, shi_eu_reason_text(why), NULL) == SHI_OK ? 0 : -1;
}

static int eu_row(const dv_eu_cols *k, shi_frame *f, size_t r, const shi_eu_year *y, long a, long b)
{
    shi_eu_result e12, e21;
    shi_eu_dyad(y, (size_t)a, (size_t)b, &e12);
    shi_eu_dyad(y, (size_t)b, (size_t)a, &e21);
    k->eu12[r] = e12.eu;
    k->eu21[r] = e21.eu;
    k->bil12[r] = e12.bilateral;
    k->bil21[r] = e21.bilateral;
    k->third12[r] = e12.third;
    k->third21[r] = e21.third;
    k->u12[r] = e12.util;
    k->p12[r] = e12.p;
    k->p21[r] = e21.p;
    k->region12[r] = (int32_t)e12.region;
    k->n3[r] = e12.reason == SHI_EU_OK ? e12.nthird : SHI_NA_I32;
    shi_eu_reason why = e12.reason != SHI_EU_OK ? e12.reason : e21.reason;
    return why == SHI_EU_OK ? 0 : set_reason(f, k->reason, r, why);
}

static int wr_row(const dv_eu_cols *k, shi_frame *f, size_t r, const shi_eu_year *y, long a, long b,
                  const shi_wr_opts *o, const double *risk)
{
    shi_wr_result w;
    double ra = 0, rb = 0; /* risk-neutral unless asked (docs/eu.md) */
    if (risk) {
        int ca = f->cols[1].i32[r], cb = f->cols[2].i32[r];
        ra = risk[ca * SHI_EU_NREGION + (int)shi_eu_region_at(y, (size_t)a, (size_t)b)];
        rb = risk[cb * SHI_EU_NREGION + (int)shi_eu_region_at(y, (size_t)b, (size_t)a)];
        if (isnan(ra) || isnan(rb)) {
            return set_reason(f, k->wreason, r, SHI_EU_NO_RISK);
        }
    }
    shi_wr_dyad(y, (size_t)a, (size_t)b, ra, rb, o, &w);
    if (w.reason != SHI_EU_OK) {
        return set_reason(f, k->wreason, r, w.reason);
    }
    k->ind[r] = (int32_t)w.induction;
    k->log[r] = (int32_t)w.logical;
    k->c_sq[r] = (w.conds >> SHI_WR_SQ) & 1u;
    k->c_wara[r] = (w.conds >> SHI_WR_WARA) & 1u;
    k->c_acqa[r] = (w.conds >> SHI_WR_ACQA) & 1u;
    k->c_acqb[r] = (w.conds >> SHI_WR_ACQB) & 1u;
    k->wk[r] = w.in.k;
    k->pa[r] = w.in.pa;
    k->pb[r] = w.in.pb;
    return 0;
}

/* The risk attitudes the rows [r0, r1) need: R_A in relevant_region(A, B)
 * and R_B in relevant_region(B, A), computed once per state and region. */
static int risks(double **out, uint8_t **why, const shi_frame *f, size_t r0, size_t r1,
                 const shi_eu_year *y, const shi_data *d, int year, const shi_dyadvars_opts *o,
                 const shi_wr_opts *wo)
{
    size_t cells = 1000 * SHI_EU_NREGION;
    uint8_t *need = calloc(cells, 1);
    double *risk = malloc(cells * sizeof *risk);
    *why = calloc(cells, 1);
    if (!need || !risk || !*why) {
        free(need);
        free(risk);
        free(*why);
        *why = NULL;
        return -1;
    }
    for (size_t c = 0; c < cells; c++) {
        risk[c] = NAN;
    }
    for (size_t r = r0; r < r1; r++) {
        int c1 = f->cols[1].i32[r], c2 = f->cols[2].i32[r];
        long a = shi_eu_year_pos(y, c1), b = shi_eu_year_pos(y, c2);
        if (a >= 0 && b >= 0 && a != b) {
            need[c1 * SHI_EU_NREGION + (int)shi_eu_region_at(y, (size_t)a, (size_t)b)] = 1;
            need[c2 * SHI_EU_NREGION + (int)shi_eu_region_at(y, (size_t)b, (size_t)a)] = 1;
        }
    }
    int rc = shi_eu_risks(d, year, o->eu, (shi_risk_method)wo->risk_method, need, risk, *why,
                          NULL) == SHI_OK
                 ? 0
                 : -1;
    free(need);
    *out = risk;
    return rc;
}

/* The risk family of one row: each side's R in its relevant region with the
 * other, the exponent r, the regions, and the first reason a side is missing. */
static int risk_row(const dv_eu_cols *k, shi_frame *f, size_t r, const shi_eu_year *y, long a,
                    long b, const double *risk, const uint8_t *why)
{
    int c[2] = {f->cols[1].i32[r], f->cols[2].i32[r]};
    long p[2] = {a, b};
    double *rk[2] = {k->rk1, k->rk2}, *rr[2] = {k->rr1, k->rr2};
    int32_t *rg[2] = {k->rg1, k->rg2};
    shi_eu_reason first = SHI_EU_OK;
    for (int s = 0; s < 2; s++) {
        shi_eu_region g = shi_eu_region_at(y, (size_t)p[s], (size_t)p[1 - s]);
        size_t at = (size_t)c[s] * SHI_EU_NREGION + (size_t)g;
        rg[s][r] = (int32_t)g;
        if (!isnan(risk[at])) {
            rk[s][r] = risk[at];
            rr[s][r] = shi_wr_risk_exponent(risk[at]);
        } else if (first == SHI_EU_OK) {
            first = why[at] != SHI_EU_OK ? (shi_eu_reason)why[at] : SHI_EU_NO_RISK;
        }
    }
    return first == SHI_EU_OK ? 0 : set_reason(f, k->rreason, r, first);
}

/* A row whose states are not both members of the year's system (or a year
 * outside the dyadic data): every family's reason says so. */
static int missing_row(const dv_eu_cols *k, shi_frame *f, size_t r, unsigned mask,
                       shi_eu_reason why)
{
    int rc = 0;
    if (mask & SHI_DV_EU) {
        rc = set_reason(f, k->reason, r, why);
    }
    if (rc == 0 && (mask & SHI_DV_WR)) {
        rc = set_reason(f, k->wreason, r, why);
    }
    if (rc == 0 && (mask & SHI_DV_RISK)) {
        rc = set_reason(f, k->rreason, r, why);
    }
    return rc;
}

int dv_eu_fill_year(const dv_eu_cols *k, shi_frame *f, size_t r0, size_t r1, unsigned mask,
                    const shi_data *d, int year, const shi_dyadvars_opts *o)
{
    if (r0 >= r1 || !(mask & (SHI_DV_EU | SHI_DV_WR | SHI_DV_RISK))) {
        return 0;
    }
    shi_eu_year *y = NULL;
    if (shi_eu_year_from_data(&y, d, year, o->eu, NULL) != SHI_OK) {
        return -1;
    }
    shi_wr_opts wo = o->wr ? *o->wr : shi_wr_opts_default();
    /* --add wr,risk: the game takes the risk attitudes the risk family reports. */
    wo.use_risk = wo.use_risk || (mask & SHI_DV_RISK);
    long pos[1000]; /* COW codes are below 1000 */
    for (int c = 0; c < 1000; c++) {
        pos[c] = y ? shi_eu_year_pos(y, c) : -1;
    }
    double *risk = NULL;
    uint8_t *why = NULL;
    if (y && (((mask & SHI_DV_WR) && wo.use_risk) || (mask & SHI_DV_RISK)) &&
        risks(&risk, &why, f, r0, r1, y, d, year, o, &wo) != 0) {
        free(risk);
        shi_eu_year_free(y);
        return -1;
    }
    int rc = 0;
    for (size_t r = r0; r < r1 && rc == 0; r++) {
        int c1 = f->cols[1].i32[r], c2 = f->cols[2].i32[r];
        long a = c1 >= 0 && c1 < 1000 ? pos[c1] : -1, b = c2 >= 0 && c2 < 1000 ? pos[c2] : -1;
        if (a < 0 || b < 0 || a == b) {
            /* Outside the dyadic years or not members: missing, with the reason. */
            rc = missing_row(k, f, r, mask, !y ? SHI_EU_NO_ALLIANCE : SHI_EU_NO_MEMBER);
            continue;
        }
        if (mask & SHI_DV_EU) {
            rc = eu_row(k, f, r, y, a, b);
        }
        if (rc == 0 && (mask & SHI_DV_WR)) {
            rc = wr_row(k, f, r, y, a, b, &wo, wo.use_risk ? risk : NULL);
        }
        if (rc == 0 && (mask & SHI_DV_RISK)) {
            rc = risk_row(k, f, r, y, a, b, risk, why);
        }
    }
    free(risk);
    free(why);
    shi_eu_year_free(y);
    return rc;
}
