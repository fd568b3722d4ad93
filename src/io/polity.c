/*
 * polity.c - importer for Polity5 (Marshall, Monty G., and Ted Robert Gurr.
 * 2020. Polity5: Political Regime Characteristics and Transitions,
 * 1800-2018. Dataset Users' Manual. Center for Systemic Peace), country-year
 * file p5v2018.csv (a CSV export with a UTF-8 BOM and CRLF line ends).
 *
 * democ, autoc and polity carry the special codes -66 (interruption), -77
 * (interregnum) and -88 (transition): they become missing (NaN) and the
 * polity column's code is kept in `special`. polity2 is kept as published:
 * Polity's own conversion (-77 -> 0, -88 prorated, -66 left empty), with ""
 * missing. ccode is Polity's country code; shi_polity_to_cow maps the few
 * codes that differ from COW's.
 */
#include <shi/csv.h>
#include <shi/io_more.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fields.h"

void shi_polity_table_destroy(shi_polity_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode);
    free(t->year);
    free(t->scode);
    free(t->democ);
    free(t->autoc);
    free(t->polity);
    free(t->polity2);
    free(t->special);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

static int reserve(shi_polity_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {SHI_COL_REF(t->ccode),   SHI_COL_REF(t->year),
                                SHI_COL_REF(t->scode),   SHI_COL_REF(t->democ),
                                SHI_COL_REF(t->autoc),   SHI_COL_REF(t->polity),
                                SHI_COL_REF(t->polity2), SHI_COL_REF(t->special),
                                SHI_COL_REF(t->line),    SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

/* A score in [lo, hi]. With `specials`, -66/-77/-88 give NaN and *code; with
 * `empty_ok`, "" gives NaN. */
static shi_status score_at(const shi_csv *csv, long i, long lo, long hi, int specials, int empty_ok,
                           const char *what, double *v, int *code, shi_err *err)
{
    int64_t x;
    int miss = 0;
    *code = 0;
    if (!shi_i_plain_int(shi_csv_field(csv, (size_t)i), &x, 9)) {
        shi_status s = shi_csv_int(csv, (size_t)i, &x, &miss, err);
        if (s != SHI_OK) {
            return s;
        }
    }
    if (miss && empty_ok) {
        *v = (double)NAN;
        return SHI_OK;
    }
    if (!miss && specials && (x == -66 || x == -77 || x == -88)) {
        *v = (double)NAN;
        *code = (int)x;
        return SHI_OK;
    }
    if (miss || x < lo || x > hi) {
        return shi_csv_field_error(csv, (size_t)i, err, what);
    }
    *v = (double)x;
    return SHI_OK;
}

shi_status shi_io_read_polity5(const char *path, shi_polity_table *out, shi_err *err)
{
    enum { C_CCODE, C_SCODE, C_YEAR, C_DEMOC, C_AUTOC, C_POLITY, C_POLITY2, NCOLS };
    static const char *const cols[NCOLS] = {"ccode", "scode",  "year",   "democ",
                                            "autoc", "polity", "polity2"};
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
        int64_t cc, yr;
        int sd = 0, sa = 0, sp = 0, s2 = 0;
        if ((s = shi_i_int_in(csv, idx[C_CCODE], 1, 999, "expected a country code 1-999", &cc,
                              err)) != SHI_OK) {
            break;
        }
        const char *sc = shi_csv_field(csv, (size_t)idx[C_SCODE]);
        size_t nsc = strlen(sc);
        if (nsc < 1 || nsc > 3) {
            s = shi_csv_field_error(csv, (size_t)idx[C_SCODE], err,
                                    "expected a country letter code of 1-3 characters");
            break;
        }
        if ((s = shi_i_int_in(csv, idx[C_YEAR], 1700, 2100, "expected a year 1700-2100", &yr,
                              err)) != SHI_OK ||
            (s = score_at(csv, idx[C_DEMOC], 0, 10, 1, 1, "expected 0-10, -66, -77 or -88",
                          &out->democ[r], &sd, err)) != SHI_OK ||
            (s = score_at(csv, idx[C_AUTOC], 0, 10, 1, 1, "expected 0-10, -66, -77 or -88",
                          &out->autoc[r], &sa, err)) != SHI_OK ||
            (s = score_at(csv, idx[C_POLITY], -10, 10, 1, 0, "expected -10..10, -66, -77 or -88",
                          &out->polity[r], &sp, err)) != SHI_OK ||
            (s = score_at(csv, idx[C_POLITY2], -10, 10, 0, 1, "expected -10..10 or nothing",
                          &out->polity2[r], &s2, err)) != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[C_CCODE], &line, &col);
        out->ccode[r] = (int32_t)cc;
        out->year[r] = (int32_t)yr;
        memcpy(out->scode[r], sc, nsc + 1);
        out->special[r] = (int8_t)sp;
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

int shi_polity_to_cow(int pcode, int year)
{
    switch (pcode) {
    case 364: /* USSR 1922-1991 */
        return 365;
    case 769: /* Pakistan before the secession of Bangladesh */
        return 770;
    case 818: /* Vietnam from 1976 */
        return 816;
    case 342: /* Serbia (before 1918 and from 2006) */
    case 347: /* Yugoslavia / Serbia and Montenegro 1991-2006 */
        return 345;
    case 529: /* Ethiopia from 1993 */
        return 530;
    case 626: /* North Sudan from 2011; COW's 626 is South Sudan */
        return year >= 2011 ? 625 : 626;
    case 525: /* South Sudan */
        return 626;
    default:
        return pcode;
    }
}
