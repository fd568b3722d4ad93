/*
 * relations.c - the relations data (shi/relations.h): release and lookups by
 * binary search over the sorted rows. Loading is in data_relations.c.
 */
#include <shi/relations.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

void shi_relations_destroy(shi_relations *r)
{
    if (!r) {
        return;
    }
    free(r->arms_s);
    free(r->arms_r);
    free(r->arms_year);
    free(r->arms_tiv);
    free(r->armst_c);
    free(r->armst_year);
    free(r->armst_imp);
    free(r->armst_exp);
    free(r->tn_c);
    free(r->tn_year);
    free(r->tn_imp);
    free(r->tn_exp);
    free(r->td_a);
    free(r->td_b);
    free(r->td_year);
    free(r->td_f1);
    free(r->td_f2);
    free(r->ev_j);
    free(r->ev_i);
    free(r->ev_year);
    free(r->ev_conf);
    free(r->veto_year);
    free(r->veto_date);
    free(r->veto_m);
    memset(r, 0, sizeof *r);
}

/* ---- lookups -------------------------------------------------------------- */

/* First row with key >= (k1, k2, k3) in rows sorted by three int keys. */
static size_t lower3(const int32_t *a, const int32_t *b, const int32_t *c, size_t n, int k1, int k2,
                     int k3)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int less = a[mid] < k1 || (a[mid] == k1 && (b[mid] < k2 || (b[mid] == k2 && c[mid] < k3)));
        if (less) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

double shi_rel_arms(const shi_relations *r, int s, int rc, int y0, int y1)
{
    if (r->narms == 0 || y1 < r->arms_y0 || y0 > r->arms_y1) {
        return (double)NAN;
    }
    double sum = 0;
    for (size_t k = lower3(r->arms_s, r->arms_r, r->arms_year, r->narms, s, rc, y0);
         k < r->narms && r->arms_s[k] == s && r->arms_r[k] == rc && r->arms_year[k] <= y1; k++) {
        sum += r->arms_tiv[k];
    }
    return sum;
}

static double arms_total(const shi_relations *r, int c, int y0, int y1, int exports)
{
    if (r->narmst == 0 || y1 < r->arms_y0 || y0 > r->arms_y1) {
        return (double)NAN;
    }
    /* Rows sorted by (c, year): lower bound on (c, y0). */
    size_t lo = 0, hi = r->narmst;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->armst_c[mid] < c || (r->armst_c[mid] == c && r->armst_year[mid] < y0)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    double sum = 0;
    for (size_t k = lo; k < r->narmst && r->armst_c[k] == c && r->armst_year[k] <= y1; k++) {
        sum += exports ? r->armst_exp[k] : r->armst_imp[k];
    }
    return sum;
}

double shi_rel_arms_imports(const shi_relations *r, int c, int y0, int y1)
{
    return arms_total(r, c, y0, y1, 0);
}

double shi_rel_arms_exports(const shi_relations *r, int c, int y0, int y1)
{
    return arms_total(r, c, y0, y1, 1);
}

int shi_rel_trade(const shi_relations *r, int a, int b, int year, double *a_from_b,
                  double *b_from_a)
{
    *a_from_b = *b_from_a = (double)NAN;
    int lo = a < b ? a : b, hi = a < b ? b : a;
    size_t k = lower3(r->td_a, r->td_b, r->td_year, r->ntd, lo, hi, year);
    if (k >= r->ntd || r->td_a[k] != lo || r->td_b[k] != hi || r->td_year[k] != year) {
        return 0;
    }
    *a_from_b = a < b ? r->td_f1[k] : r->td_f2[k];
    *b_from_a = a < b ? r->td_f2[k] : r->td_f1[k];
    return 1;
}

double shi_rel_conflict(const shi_relations *r, int j, int i, int year)
{
    size_t k = lower3(r->ev_j, r->ev_i, r->ev_year, r->nev, j, i, year);
    if (k >= r->nev || r->ev_j[k] != j || r->ev_i[k] != i || r->ev_year[k] != year) {
        return (double)NAN;
    }
    return r->ev_conf[k];
}

void shi_rel_trade_total(const shi_relations *r, int c, int year, double *imports, double *exports)
{
    *imports = *exports = (double)NAN;
    size_t lo = 0, hi = r->ntn;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->tn_c[mid] < c || (r->tn_c[mid] == c && r->tn_year[mid] < year)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < r->ntn && r->tn_c[lo] == c && r->tn_year[lo] == year) {
        *imports = r->tn_imp[lo];
        *exports = r->tn_exp[lo];
    }
}

int shi_rel_vetoes(const shi_relations *r, int a, int b, int year, int *na, int *nb)
{
    *na = *nb = -1;
    if (r->nveto == 0 || year < r->veto_y0 || year > r->veto_y1 || !shi_rel_p5(a, year) ||
        !shi_rel_p5(b, year)) {
        return -1;
    }
    /* Rows in date order: a lower bound on the year. */
    size_t lo = 0, hi = r->nveto;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->veto_year[mid] < year) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    int joint = 0;
    *na = *nb = 0;
    for (size_t k = lo; k < r->nveto && r->veto_year[k] == year; k++) {
        int ha = 0, hb = 0;
        for (int q = 0; q < SHI_REL_VETO_M; q++) {
            ha |= r->veto_m[k * SHI_REL_VETO_M + q] == a;
            hb |= r->veto_m[k * SHI_REL_VETO_M + q] == b;
        }
        *na += ha;
        *nb += hb;
        joint += ha && hb;
    }
    return joint;
}
