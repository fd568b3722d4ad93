/*
 * mid5.c - importers for the COW Militarized Interstate Disputes data, version
 * 5.0 (Palmer, Glenn, Roseanne W. McManus, Vito D'Orazio, Michael R. Kenwick,
 * Mikaela Karstens, Chase Bloch, Nick Dietrich, Kayla Kahn, Kellan Ritter, and
 * Michael J. Soules. 2022. "The MID5 Dataset, 2011-2014: Procedures, Coding
 * Rules, and Description." Conflict Management and Peace Science 39(4):
 * 470-482): the dispute-level participant file MIDB_5.0.csv (1816-2014), the
 * incident file MIDI_5.0.csv and the incident-participant file MIDIP_5.0.csv
 * (1992-2014). The files have CRLF line ends and code missing values as -9.
 *
 * All three readers are column specs read by one loop (read_mid5): each integer
 * column has a range and says whether -9 (missing) is allowed.
 */
#include <shi/csv.h>
#include <shi/io_conflict.h>

#include <stdlib.h>
#include <string.h>

#include "spec.h"

/* An integer column of the files: range, message, and whether -9 (missing)
 * is allowed; -9 becomes SHI_NA_I8 in the int8_t columns and -1 in the int32_t
 * counts (both -1). */
#define INT_COL(n, l, h, na9, msg, dst)                                                            \
    {                                                                                              \
        n, .type = SHI_I_INT, .lo = l, .hi = h, .what = msg, .na = -1, .na_code = {-9},            \
           .nna = (na9) ? 1 : 0, SHI_I_TO(dst)                                                     \
    }
#define DISPNUM(d) INT_COL("dispnum", 1, 99999999, 0, "expected a dispute number (1 or more)", d)
#define INCIDNUM(d)                                                                                \
    INT_COL("incidnum", 1, 999999999, 0, "expected an incident number (1 or more)", d)
#define CCODE(d) INT_COL("ccode", 1, 999, 0, "expected a country code 1-999", d)
#define DAY(n, d) INT_COL(n, 1, 31, 1, "expected a day 1-31 or -9", d)
#define MONTH(n, d) INT_COL(n, 1, 12, 1, "expected a month 1-12 or -9", d)
#define YEAR(n, d) INT_COL(n, 1816, 2100, 0, "expected a year 1816-2100", d)
/* The six date columns, start then end, that all three files have. */
#define DATES(t)                                                                                   \
    DAY("stday", (t)->stday), MONTH("stmon", (t)->stmon), YEAR("styear", (t)->styear),             \
        DAY("endday", (t)->endday), MONTH("endmon", (t)->endmon), YEAR("endyear", (t)->endyear)
#define FLAG(n, d) INT_COL(n, 0, 1, 0, "expected 0 or 1", d)
#define REVTYPE(n, d) INT_COL(n, 0, 4, 1, "expected a revision type 0-4 or -9", d)
#define FATALITY(d) INT_COL("fatality", 0, 6, 1, "expected a fatality level 0-6 or -9", d)
#define FATALPRE(d)                                                                                \
    INT_COL("fatalpre", 0, 99999999, 1, "expected a number of deaths (0 or more) or -9", d)
#define ACTION(n, d) INT_COL(n, 0, 21, 0, "expected an action code 0-21", d)
#define HOSTLEV(d) INT_COL("hostlev", 1, 5, 0, "expected a hostility level 1-5", d)
#define STABB(d)                                                                                   \
    {                                                                                              \
        "stabb", .type = SHI_I_TEXT, .lo = 1, .hi = 3,                                             \
                 .what = "expected a country letter code of 1-3 characters", SHI_I_TO(d)           \
    }

/* Read a file of `ncols` columns whose row key starts at column 0. With
 * `stabb`, the last spec is the stabb column, required last but checked
 * third, where the files have it (dispnum, [incidnum,] stabb, ccode, ...). */
static shi_status read_mid5(const char *path, const shi_i_col *cols, size_t ncols, int stabb,
                            size_t styear, size_t endyear, const shi_i_dest *dest, shi_err *err)
{
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, ncols, dest, err);
    size_t nint = stabb ? ncols - 1 : ncols;
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, 0, 2, err)) != SHI_OK ||
            (s = shi_i_parse(&rd, nint, ncols, err)) != SHI_OK ||
            (s = shi_i_parse(&rd, 2, nint, err)) != SHI_OK) {
            break;
        }
        if (rd.iv[endyear] < rd.iv[styear]) {
            s = shi_i_bad(&rd, endyear, "expected an end year >= the start year", err);
            break;
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}

/* ---- MIDB: dispute participants ------------------------------------------ */

void shi_midb_table_destroy(shi_midb_table *t)
{
    if (!t) {
        return;
    }
    free(t->dispnum);
    free(t->ccode);
    free(t->stabb);
    free(t->stday);
    free(t->stmon);
    free(t->styear);
    free(t->endday);
    free(t->endmon);
    free(t->endyear);
    free(t->sidea);
    free(t->revstate);
    free(t->revtype1);
    free(t->revtype2);
    free(t->fatality);
    free(t->fatalpre);
    free(t->hiact);
    free(t->hostlev);
    free(t->orig);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_midb5(const char *path, shi_midb_table *out, shi_err *err)
{
    const shi_i_col cols[] = {
        DISPNUM(out->dispnum),
        CCODE(out->ccode),
        DATES(out),
        FLAG("sidea", out->sidea),
        INT_COL("revstate", 0, 1, 1, "expected 0, 1 or -9", out->revstate),
        REVTYPE("revtype1", out->revtype1),
        REVTYPE("revtype2", out->revtype2),
        FATALITY(out->fatality),
        FATALPRE(out->fatalpre),
        ACTION("hiact", out->hiact),
        HOSTLEV(out->hostlev),
        FLAG("orig", out->orig),
        STABB(out->stabb),
    };
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, 0, NULL, 0};
    return read_mid5(path, cols, sizeof cols / sizeof cols[0], 1, 4, 7, &dest, err);
}

/* ---- MIDI: incidents ------------------------------------------------------ */

void shi_midi_table_destroy(shi_midi_table *t)
{
    if (!t) {
        return;
    }
    free(t->dispnum);
    free(t->incidnum);
    free(t->stday);
    free(t->stmon);
    free(t->styear);
    free(t->endday);
    free(t->endmon);
    free(t->endyear);
    free(t->duration);
    free(t->fatality);
    free(t->fatalpre);
    free(t->action);
    free(t->hostlev);
    free(t->numa);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_midi5(const char *path, shi_midi_table *out, shi_err *err)
{
    const shi_i_col cols[] = {
        DISPNUM(out->dispnum),
        INCIDNUM(out->incidnum),
        DATES(out),
        INT_COL("duration", 0, 99999999, 1, "expected a duration in days (0 or more) or -9",
                out->duration),
        FATALITY(out->fatality),
        FATALPRE(out->fatalpre),
        ACTION("action", out->action),
        HOSTLEV(out->hostlev),
        INT_COL("numa", 0, 999, 0, "expected a number of states (0 or more)", out->numa),
    };
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, 0, NULL, 0};
    return read_mid5(path, cols, sizeof cols / sizeof cols[0], 0, 4, 7, &dest, err);
}

/* ---- MIDIP: incident participants ---------------------------------------- */

void shi_midip_table_destroy(shi_midip_table *t)
{
    if (!t) {
        return;
    }
    free(t->dispnum);
    free(t->incidnum);
    free(t->ccode);
    free(t->stabb);
    free(t->stday);
    free(t->stmon);
    free(t->styear);
    free(t->endday);
    free(t->endmon);
    free(t->endyear);
    free(t->insidea);
    free(t->sidea);
    free(t->fatality);
    free(t->fatalpre);
    free(t->action);
    free(t->hostlev);
    free(t->revtype1);
    free(t->revtype2);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_midip5(const char *path, shi_midip_table *out, shi_err *err)
{
    const shi_i_col cols[] = {
        DISPNUM(out->dispnum),
        INCIDNUM(out->incidnum),
        CCODE(out->ccode),
        DATES(out),
        FLAG("insidea", out->insidea),
        FLAG("sidea", out->sidea),
        FATALITY(out->fatality),
        FATALPRE(out->fatalpre),
        ACTION("action", out->action),
        HOSTLEV(out->hostlev),
        REVTYPE("revtype1", out->revtype1),
        REVTYPE("revtype2", out->revtype2),
        STABB(out->stabb),
    };
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, 0, NULL, 0};
    return read_mid5(path, cols, sizeof cols / sizeof cols[0], 1, 5, 8, &dest, err);
}
