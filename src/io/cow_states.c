/*
 * cow_states.c - importers for the COW State System Membership list and the
 * COW Major Powers list (Correlates of War Project 2017, 2025).
 *
 * Both files give one row per spell, with start and end as separate year,
 * month and day columns; a state that left and re-entered has several rows.
 */
#include <shi/csv.h>
#include <shi/io.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

void shi_spell_recs_destroy(shi_spell_recs *r)
{
    if (r) {
        free(r->v);
        memset(r, 0, sizeof *r);
    }
}

static const char *const cow_missing[] = {"", "-9", NULL};

/* An integer that must be present and within [lo, hi] (`what` names the range). */
#define COW_INT(col, l, h, range)                                                                  \
    {                                                                                              \
        col, .type = SHI_I_INT, .lo = l, .hi = h, .what = "value out of range " range,             \
             .what_missing = "expected a value (missing is not allowed)"                           \
    }

/* The same, part of the key (a state and the day its spell starts). */
#define COW_KEY(col, l, h, range)                                                                  \
    {                                                                                              \
        col, .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = l, .hi = h,                              \
             .what = "value out of range " range,                                                  \
             .what_missing = "expected a value (missing is not allowed)"                           \
    }

static shi_status read_spells(const char *path, int with_name, shi_spell_recs *out, shi_err *err)
{
    enum { C_ABB, C_CCODE, C_START, C_END = C_START + 3, C_VERSION = C_END + 3, C_NAME, NCOLS };
    /* Required in the order of the files' columns; stateabb is checked last. */
    static const shi_i_col cols[NCOLS] = {
        {"stateabb", .type = SHI_I_TEXT, .lo = 1, .hi = 7,
         .what = "expected a 1-7 letter abbreviation"},
        COW_KEY("ccode", 1, 999, "1-999"),
        COW_KEY("styear", 1800, 2100, "1800-2100"),
        COW_KEY("stmonth", 1, 12, "1-12"),
        COW_KEY("stday", 1, 31, "1-31"),
        COW_INT("endyear", 1800, 2100, "1800-2100"),
        COW_INT("endmonth", 1, 12, "1-12"),
        COW_INT("endday", 1, 31, "1-31"),
        COW_INT("version", 1900, 2100, "1900-2100"),
        {"statenme", .type = SHI_I_TEXT, .lo = 0, .hi = HUGE_VAL},
    };
    const shi_col_ref extra[] = {SHI_COL_REF(out->v)};
    const shi_i_dest dest = {&out->n, &out->cap, 16, NULL, NULL, 0, extra, 1};
    shi_csv_opts o = {0};
    o.missing = cow_missing;
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, &o, cols, with_name ? NCOLS : NCOLS - 1, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, C_CCODE, C_NAME, err)) != SHI_OK) {
            break;
        }
        shi_spell_rec *r = &out->v[out->n];
        memset(r, 0, sizeof *r);
        const int64_t *v = rd.iv;
        r->start = (int32_t)(v[C_START] * 10000 + v[C_START + 1] * 100 + v[C_START + 2]);
        r->end = (int32_t)(v[C_END] * 10000 + v[C_END + 1] * 100 + v[C_END + 2]);
        if (r->end < r->start) {
            s = shi_i_bad(&rd, C_END, "spell ends before it starts", err);
            break;
        }
        if ((s = shi_i_parse(&rd, C_ABB, C_ABB + 1, err)) != SHI_OK) {
            break;
        }
        r->ccode = (int)v[C_CCODE];
        snprintf(r->abb, sizeof r->abb, "%s", shi_i_text(&rd, C_ABB));
        if (with_name) {
            snprintf(r->name, sizeof r->name, "%s", shi_i_text(&rd, C_NAME));
        }
        shi_csv_field_pos(rd.csv, (size_t)rd.idx[C_CCODE], &r->line, &r->col);
        out->version = (int)v[C_VERSION];
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}

shi_status shi_io_read_cow_states(const char *path, shi_spell_recs *out, shi_err *err)
{
    return read_spells(path, 1, out, err);
}

shi_status shi_io_read_cow_majors(const char *path, shi_spell_recs *out, shi_err *err)
{
    return read_spells(path, 0, out, err);
}
