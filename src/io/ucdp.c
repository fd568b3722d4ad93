/*
 * ucdp.c - importers for the UCDP/PRIO Armed Conflict Dataset 25.1
 * (ucdp-prio-acd-251.csv, conflict-years 1946-2024) and the Gleditsch-Ward
 * state list (gw_states.csv). Sources: include/shi/io_conflict.h; the
 * Gleditsch-Ward -> COW conversion is shi_gw_to_cow (capdist.c).
 */
#include <shi/csv.h>
#include <shi/io_conflict.h>

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fields.h"

void shi_ucdp_table_destroy(shi_ucdp_table *t)
{
    if (!t) {
        return;
    }
    free(t->conflict_id);
    free(t->year);
    free(t->type);
    free(t->intensity);
    free(t->a0);
    free(t->b0);
    free(t->na);
    free(t->nb);
    free(t->nprim_a);
    free(t->nprim_b);
    free(t->line);
    free(t->col);
    free(t->gw);
    free(t->gw_line);
    free(t->gw_col);
    memset(t, 0, sizeof *t);
}

static int reserve(shi_ucdp_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    const shi_col_ref cols[] = {
        SHI_COL_REF(t->conflict_id), SHI_COL_REF(t->year), SHI_COL_REF(t->type),
        SHI_COL_REF(t->intensity),   SHI_COL_REF(t->a0),   SHI_COL_REF(t->b0),
        SHI_COL_REF(t->na),          SHI_COL_REF(t->nb),   SHI_COL_REF(t->nprim_a),
        SHI_COL_REF(t->nprim_b),     SHI_COL_REF(t->line), SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

static int reserve_gw(shi_ucdp_table *t, size_t need)
{
    if (need <= t->capgw) {
        return 0;
    }
    const shi_col_ref cols[] = {SHI_COL_REF(t->gw), SHI_COL_REF(t->gw_line),
                                SHI_COL_REF(t->gw_col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->capgw, need, 4096);
}

/* Append the codes of one gwno field ("", "651", "200,  2") to the pool;
 * *count is increased by their number. */
static shi_status codes(shi_ucdp_table *t, const shi_csv *csv, long i, unsigned *count,
                        shi_err *err)
{
    const char *f = shi_csv_field(csv, (size_t)i);
    long line, col;
    shi_csv_field_pos(csv, (size_t)i, &line, &col);
    const char *p = f;
    while (*p == ' ') {
        p++;
    }
    if (*p == '\0') {
        return SHI_OK; /* a non-state side */
    }
    for (;;) {
        while (*p == ' ') {
            p++;
        }
        long v = 0;
        int nd = 0;
        for (; *p >= '0' && *p <= '9' && nd < 4; p++, nd++) {
            v = v * 10 + (*p - '0');
        }
        while (*p == ' ') {
            p++;
        }
        if (nd == 0 || v < 2 || v > 999 || (*p != ',' && *p != '\0') || *count >= 255) {
            return shi_csv_field_error(csv, (size_t)i, err,
                                       "expected Gleditsch-Ward codes 2-999 separated by commas "
                                       "(at most 255)");
        }
        if (reserve_gw(t, t->ngw + 1) != 0) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        t->gw[t->ngw] = (int16_t)v;
        t->gw_line[t->ngw] = (int32_t)line;
        t->gw_col[t->ngw] = (int32_t)(col + (p - f));
        t->ngw++;
        (*count)++;
        if (*p == '\0') {
            return SHI_OK;
        }
        p++;
    }
}

shi_status shi_io_read_ucdp_acd(const char *path, shi_ucdp_table *out, shi_err *err)
{
    enum { C_ID, C_YEAR, C_TYPE, C_INT, C_A, C_A2, C_B, C_B2, NCOLS };
    static const char *const cols[NCOLS] = {"conflict_id",     "year",      "type_of_conflict",
                                            "intensity_level", "gwno_a",    "gwno_a_2nd",
                                            "gwno_b",          "gwno_b_2nd"};
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[NCOLS];
    s = shi_csv_require(csv, cols, NCOLS, idx, err);
    size_t first = out->n;
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (reserve(out, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        size_t r = out->n;
        int64_t id, yr, ty, in;
        if ((s = shi_i_int_in(csv, idx[C_ID], 1, 99999999, "expected a conflict id >= 1", &id,
                              err)) != SHI_OK ||
            (s = shi_i_int_in(csv, idx[C_YEAR], 1946, 2100, "expected a year 1946-2100", &yr,
                              err)) != SHI_OK ||
            (s = shi_i_int_in(csv, idx[C_TYPE], 1, 4, "expected a type of conflict 1-4", &ty,
                              err)) != SHI_OK ||
            (s = shi_i_int_in(csv, idx[C_INT], 1, 2, "expected an intensity level 1-2", &in,
                              err)) != SHI_OK) {
            break;
        }
        unsigned na = 0, nb = 0, pa, pb;
        size_t a0 = out->ngw;
        if ((s = codes(out, csv, idx[C_A], &na, err)) != SHI_OK) {
            break;
        }
        pa = na;
        if ((s = codes(out, csv, idx[C_A2], &na, err)) != SHI_OK) {
            break;
        }
        size_t b0 = out->ngw;
        if ((s = codes(out, csv, idx[C_B], &nb, err)) != SHI_OK) {
            break;
        }
        pb = nb;
        if ((s = codes(out, csv, idx[C_B2], &nb, err)) != SHI_OK) {
            break;
        }
        if (na > 255 || nb > 255) {
            s = shi_csv_field_error(csv, (size_t)idx[C_A2], err, "more than 255 states on a side");
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[C_A], &line, &col);
        out->conflict_id[r] = (int32_t)id;
        out->year[r] = (int32_t)yr;
        out->type[r] = (int8_t)ty;
        out->intensity[r] = (int8_t)in;
        out->a0[r] = (uint32_t)a0;
        out->b0[r] = (uint32_t)b0;
        out->na[r] = (uint8_t)na;
        out->nb[r] = (uint8_t)nb;
        out->nprim_a[r] = (uint8_t)pa;
        out->nprim_b[r] = (uint8_t)pb;
        out->line[r] = (int32_t)line;
        out->col[r] = (int32_t)col;
        out->n++;
    }
    if (s == SHI_OK && out->n == first) {
        s = shi_err_set_at(err, SHI_EDATA, path, 2, 0, "no records after the header");
    }
    shi_csv_free(csv);
    return s;
}

void shi_gw_table_destroy(shi_gw_table *t)
{
    if (!t) {
        return;
    }
    free(t->gwcode);
    free(t->start);
    free(t->end);
    memset(t, 0, sizeof *t);
}

/* A date YYYY-MM-DD as YYYYMMDD, or -1. */
static long date_of(const char *f)
{
    if (strlen(f) != 10 || f[4] != '-' || f[7] != '-') {
        return -1;
    }
    long v = 0;
    for (int k = 0; k < 10; k++) {
        if (k == 4 || k == 7) {
            continue;
        }
        if (f[k] < '0' || f[k] > '9') {
            return -1;
        }
        v = v * 10 + (f[k] - '0');
    }
    long m = v / 100 % 100, d = v % 100;
    return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? v : -1;
}

shi_status shi_io_read_gw_states(const char *path, shi_gw_table *out, shi_err *err)
{
    enum { C_CODE, C_START, C_END, NCOLS };
    static const char *const cols[NCOLS] = {"gwcode", "startdate", "enddate"};
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[NCOLS];
    s = shi_csv_require(csv, cols, NCOLS, idx, err);
    size_t first = out->n;
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (out->n == out->cap) {
            const shi_col_ref c[] = {SHI_COL_REF(out->gwcode), SHI_COL_REF(out->start),
                                     SHI_COL_REF(out->end)};
            if (shi_grow_columns(c, 3, &out->cap, out->n + 1, 256) != 0) {
                s = shi_err_set(err, SHI_EIO, "out of memory");
                break;
            }
        }
        int64_t code;
        if ((s = shi_i_int_in(csv, idx[C_CODE], 2, 999, "expected a Gleditsch-Ward code 2-999",
                              &code, err)) != SHI_OK) {
            break;
        }
        long d0 = date_of(shi_csv_field(csv, (size_t)idx[C_START]));
        long d1 = date_of(shi_csv_field(csv, (size_t)idx[C_END]));
        if (d0 < 0 || d1 < 0 || d1 < d0) {
            s = shi_csv_field_error(csv, (size_t)idx[d0 < 0 ? C_START : C_END], err,
                                    "expected a date YYYY-MM-DD, the end not before the start");
            break;
        }
        out->gwcode[out->n] = (int16_t)code;
        out->start[out->n] = (int32_t)d0;
        out->end[out->n] = (int32_t)d1;
        out->n++;
    }
    if (s == SHI_OK && out->n == first) {
        s = shi_err_set_at(err, SHI_EDATA, path, 2, 0, "no records after the header");
    }
    shi_csv_free(csv);
    return s;
}

int shi_gw_known(const shi_gw_table *t, int gw)
{
    for (size_t i = 0; i < t->n; i++) {
        if (t->gwcode[i] == gw) {
            return 1;
        }
    }
    return 0;
}
