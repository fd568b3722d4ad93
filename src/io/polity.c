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
#include <shi/io_national.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

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

/* A score in [lo, hi] stored as a double; -66/-77/-88 (interruption,
 * interregnum, transition) are NaN, and so is "" when `opt`. */
#define SCORE(col, l, h, specials, opt, msg, dst)                                                  \
    {                                                                                              \
        col, .type = SHI_I_INT, .flags = SHI_I_DOUBLE | (opt), .lo = l, .hi = h, .what = msg,      \
             .na = (double)NAN, .na_code = {-66, -77, -88}, .nna = (specials) ? 3 : 0,             \
             SHI_I_TO(dst)                                                                         \
    }

shi_status shi_io_read_polity5(const char *path, shi_polity_table *out, shi_err *err)
{
    enum { C_CCODE, C_SCODE, C_YEAR, C_DEMOC, C_AUTOC, C_POLITY, C_POLITY2, NCOLS };
    static const char *const score = "expected 0-10, -66, -77 or -88";
    const shi_i_col cols[NCOLS] = {
        {"ccode", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,
         .what = "expected a country code 1-999", SHI_I_TO(out->ccode)},
        {"scode", .type = SHI_I_TEXT, .lo = 1, .hi = 3,
         .what = "expected a country letter code of 1-3 characters", SHI_I_TO(out->scode)},
        {"year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1700, .hi = 2100,
         .what = "expected a year 1700-2100", SHI_I_TO(out->year)},
        SCORE("democ", 0, 10, 1, SHI_I_OPTIONAL, score, out->democ),
        SCORE("autoc", 0, 10, 1, SHI_I_OPTIONAL, score, out->autoc),
        SCORE("polity", -10, 10, 1, 0, "expected -10..10, -66, -77 or -88", out->polity),
        SCORE("polity2", -10, 10, 0, SHI_I_OPTIONAL, "expected -10..10 or nothing", out->polity2),
    };
    const shi_col_ref extra[] = {SHI_COL_REF(out->special)};
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_CCODE, extra, 1};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_row(&rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        /* The polity column's special code, kept apart from the NaN score. */
        out->special[shi_i_at(&rd)] = (int8_t)(rd.na[C_POLITY] ? rd.iv[C_POLITY] : 0);
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
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
