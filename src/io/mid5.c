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
 * All three readers share one table-driven parser: each integer column has a
 * range and says whether -9 (missing) is allowed; -9 becomes SHI_NA8 in the
 * int8_t columns and -1 in the int32_t counts.
 */
#include <shi/csv.h>
#include <shi/io_econ.h>

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fields.h"

/* One integer column: its name, its valid range, whether -9 is allowed, and the
 * message when the value is bad. */
typedef struct col_spec {
    const char *name;
    long lo, hi;
    int na;
    const char *what;
} col_spec;

#define DISPNUM                                                                                    \
    {                                                                                              \
        "dispnum", 1, 99999999, 0, "expected a dispute number (1 or more)"                         \
    }
#define INCIDNUM                                                                                   \
    {                                                                                              \
        "incidnum", 1, 999999999, 0, "expected an incident number (1 or more)"                     \
    }
#define CCODE                                                                                      \
    {                                                                                              \
        "ccode", 1, 999, 0, "expected a country code 1-999"                                        \
    }
#define DAY(n)                                                                                     \
    {                                                                                              \
        n, 1, 31, 1, "expected a day 1-31 or -9"                                                   \
    }
#define MONTH(n)                                                                                   \
    {                                                                                              \
        n, 1, 12, 1, "expected a month 1-12 or -9"                                                 \
    }
#define YEAR(n)                                                                                    \
    {                                                                                              \
        n, 1816, 2100, 0, "expected a year 1816-2100"                                              \
    }
#define FLAG(n)                                                                                    \
    {                                                                                              \
        n, 0, 1, 0, "expected 0 or 1"                                                              \
    }
#define REVTYPE(n)                                                                                 \
    {                                                                                              \
        n, 0, 4, 1, "expected a revision type 0-4 or -9"                                           \
    }
#define FATALITY                                                                                   \
    {                                                                                              \
        "fatality", 0, 6, 1, "expected a fatality level 0-6 or -9"                                 \
    }
#define FATALPRE                                                                                   \
    {                                                                                              \
        "fatalpre", 0, 99999999, 1, "expected a number of deaths (0 or more) or -9"                \
    }
#define ACTION(n)                                                                                  \
    {                                                                                              \
        n, 0, 21, 0, "expected an action code 0-21"                                                \
    }
#define HOSTLEV                                                                                    \
    {                                                                                              \
        "hostlev", 1, 5, 0, "expected a hostility level 1-5"                                       \
    }

/* Parse the n integer columns of the current record into v (-9 kept as -9). */
static shi_status parse_ints(const shi_csv *csv, const long *idx, const col_spec *spec, size_t n,
                             int64_t *v, shi_err *err)
{
    for (size_t k = 0; k < n; k++) {
        size_t i = (size_t)idx[k];
        int miss = 0;
        if (!shi_i_plain_int(shi_csv_field(csv, i), &v[k], 9)) {
            shi_status s = shi_csv_int(csv, i, &v[k], &miss, err);
            if (s != SHI_OK) {
                return s;
            }
        }
        int ok =
            !miss && ((v[k] >= spec[k].lo && v[k] <= spec[k].hi) || (spec[k].na && v[k] == -9));
        if (!ok) {
            return shi_csv_field_error(csv, i, err, spec[k].what);
        }
    }
    return SHI_OK;
}

/* Find the spec's columns (and stabb at idx[n], if `stabb`). */
static shi_status require(const shi_csv *csv, const col_spec *spec, size_t n, int stabb, long *idx,
                          shi_err *err)
{
    const char *names[32];
    for (size_t k = 0; k < n; k++) {
        names[k] = spec[k].name;
    }
    if (stabb) {
        names[n++] = "stabb";
    }
    return shi_csv_require(csv, names, n, idx, err);
}

static int8_t na8(int64_t v)
{
    return (int8_t)(v == -9 ? SHI_NA8 : v);
}

static int32_t na32(int64_t v)
{
    return (int32_t)(v == -9 ? -1 : v);
}

/* stabb: 1-3 characters, copied into dst. */
static shi_status stabb_at(const shi_csv *csv, long i, char dst[4], shi_err *err)
{
    const char *f = shi_csv_field(csv, (size_t)i);
    size_t len = strlen(f);
    if (len < 1 || len > 3) {
        return shi_csv_field_error(csv, (size_t)i, err,
                                   "expected a country letter code of 1-3 characters");
    }
    memcpy(dst, f, len + 1);
    return SHI_OK;
}

/* The end year must not come before the start year. */
static shi_status years_ordered(const shi_csv *csv, long iend, int64_t st, int64_t end,
                                shi_err *err)
{
    if (end < st) {
        return shi_csv_field_error(csv, (size_t)iend, err,
                                   "expected an end year >= the start year");
    }
    return SHI_OK;
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

static int midb_reserve(shi_midb_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {
        SHI_COL_REF(t->dispnum),  SHI_COL_REF(t->ccode),    SHI_COL_REF(t->stabb),
        SHI_COL_REF(t->stday),    SHI_COL_REF(t->stmon),    SHI_COL_REF(t->styear),
        SHI_COL_REF(t->endday),   SHI_COL_REF(t->endmon),   SHI_COL_REF(t->endyear),
        SHI_COL_REF(t->sidea),    SHI_COL_REF(t->revstate), SHI_COL_REF(t->revtype1),
        SHI_COL_REF(t->revtype2), SHI_COL_REF(t->fatality), SHI_COL_REF(t->fatalpre),
        SHI_COL_REF(t->hiact),    SHI_COL_REF(t->hostlev),  SHI_COL_REF(t->orig),
        SHI_COL_REF(t->line),     SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

shi_status shi_io_read_midb5(const char *path, shi_midb_table *out, shi_err *err)
{
    enum {
        B_DISPNUM,
        B_CCODE,
        B_STDAY,
        B_STMON,
        B_STYEAR,
        B_ENDDAY,
        B_ENDMON,
        B_ENDYEAR,
        B_SIDEA,
        B_REVSTATE,
        B_REVTYPE1,
        B_REVTYPE2,
        B_FATALITY,
        B_FATALPRE,
        B_HIACT,
        B_HOSTLEV,
        B_ORIG,
        NB
    };
    static const col_spec spec[NB] = {
        DISPNUM,
        CCODE,
        DAY("stday"),
        MONTH("stmon"),
        YEAR("styear"),
        DAY("endday"),
        MONTH("endmon"),
        YEAR("endyear"),
        FLAG("sidea"),
        {"revstate", 0, 1, 1, "expected 0, 1 or -9"},
        REVTYPE("revtype1"),
        REVTYPE("revtype2"),
        FATALITY,
        FATALPRE,
        ACTION("hiact"),
        HOSTLEV,
        FLAG("orig"),
    };
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[NB + 1];
    s = require(csv, spec, NB, 1, idx, err);
    size_t first = out->n;
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (midb_reserve(out, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        size_t r = out->n;
        int64_t v[NB];
        if ((s = parse_ints(csv, idx, spec, 2, v, err)) != SHI_OK ||
            (s = stabb_at(csv, idx[NB], out->stabb[r], err)) != SHI_OK ||
            (s = parse_ints(csv, idx + 2, spec + 2, NB - 2, v + 2, err)) != SHI_OK ||
            (s = years_ordered(csv, idx[B_ENDYEAR], v[B_STYEAR], v[B_ENDYEAR], err)) != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[B_DISPNUM], &line, &col);
        out->dispnum[r] = (int32_t)v[B_DISPNUM];
        out->ccode[r] = (int32_t)v[B_CCODE];
        out->stday[r] = na8(v[B_STDAY]);
        out->stmon[r] = na8(v[B_STMON]);
        out->styear[r] = (int32_t)v[B_STYEAR];
        out->endday[r] = na8(v[B_ENDDAY]);
        out->endmon[r] = na8(v[B_ENDMON]);
        out->endyear[r] = (int32_t)v[B_ENDYEAR];
        out->sidea[r] = (int8_t)v[B_SIDEA];
        out->revstate[r] = na8(v[B_REVSTATE]);
        out->revtype1[r] = na8(v[B_REVTYPE1]);
        out->revtype2[r] = na8(v[B_REVTYPE2]);
        out->fatality[r] = na8(v[B_FATALITY]);
        out->fatalpre[r] = na32(v[B_FATALPRE]);
        out->hiact[r] = (int8_t)v[B_HIACT];
        out->hostlev[r] = (int8_t)v[B_HOSTLEV];
        out->orig[r] = (int8_t)v[B_ORIG];
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

static int midi_reserve(shi_midi_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {
        SHI_COL_REF(t->dispnum),  SHI_COL_REF(t->incidnum), SHI_COL_REF(t->stday),
        SHI_COL_REF(t->stmon),    SHI_COL_REF(t->styear),   SHI_COL_REF(t->endday),
        SHI_COL_REF(t->endmon),   SHI_COL_REF(t->endyear),  SHI_COL_REF(t->duration),
        SHI_COL_REF(t->fatality), SHI_COL_REF(t->fatalpre), SHI_COL_REF(t->action),
        SHI_COL_REF(t->hostlev),  SHI_COL_REF(t->numa),     SHI_COL_REF(t->line),
        SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

shi_status shi_io_read_midi5(const char *path, shi_midi_table *out, shi_err *err)
{
    enum {
        I_DISPNUM,
        I_INCIDNUM,
        I_STDAY,
        I_STMON,
        I_STYEAR,
        I_ENDDAY,
        I_ENDMON,
        I_ENDYEAR,
        I_DURATION,
        I_FATALITY,
        I_FATALPRE,
        I_ACTION,
        I_HOSTLEV,
        I_NUMA,
        NI
    };
    static const col_spec spec[NI] = {
        DISPNUM,
        INCIDNUM,
        DAY("stday"),
        MONTH("stmon"),
        YEAR("styear"),
        DAY("endday"),
        MONTH("endmon"),
        YEAR("endyear"),
        {"duration", 0, 99999999, 1, "expected a duration in days (0 or more) or -9"},
        FATALITY,
        FATALPRE,
        ACTION("action"),
        HOSTLEV,
        {"numa", 0, 999, 0, "expected a number of states (0 or more)"},
    };
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[NI];
    s = require(csv, spec, NI, 0, idx, err);
    size_t first = out->n;
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (midi_reserve(out, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        size_t r = out->n;
        int64_t v[NI];
        if ((s = parse_ints(csv, idx, spec, NI, v, err)) != SHI_OK ||
            (s = years_ordered(csv, idx[I_ENDYEAR], v[I_STYEAR], v[I_ENDYEAR], err)) != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[I_DISPNUM], &line, &col);
        out->dispnum[r] = (int32_t)v[I_DISPNUM];
        out->incidnum[r] = (int32_t)v[I_INCIDNUM];
        out->stday[r] = na8(v[I_STDAY]);
        out->stmon[r] = na8(v[I_STMON]);
        out->styear[r] = (int32_t)v[I_STYEAR];
        out->endday[r] = na8(v[I_ENDDAY]);
        out->endmon[r] = na8(v[I_ENDMON]);
        out->endyear[r] = (int32_t)v[I_ENDYEAR];
        out->duration[r] = na32(v[I_DURATION]);
        out->fatality[r] = na8(v[I_FATALITY]);
        out->fatalpre[r] = na32(v[I_FATALPRE]);
        out->action[r] = (int8_t)v[I_ACTION];
        out->hostlev[r] = (int8_t)v[I_HOSTLEV];
        out->numa[r] = (int32_t)v[I_NUMA];
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

static int midip_reserve(shi_midip_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {
        SHI_COL_REF(t->dispnum),  SHI_COL_REF(t->incidnum), SHI_COL_REF(t->ccode),
        SHI_COL_REF(t->stabb),    SHI_COL_REF(t->stday),    SHI_COL_REF(t->stmon),
        SHI_COL_REF(t->styear),   SHI_COL_REF(t->endday),   SHI_COL_REF(t->endmon),
        SHI_COL_REF(t->endyear),  SHI_COL_REF(t->insidea),  SHI_COL_REF(t->sidea),
        SHI_COL_REF(t->fatality), SHI_COL_REF(t->fatalpre), SHI_COL_REF(t->action),
        SHI_COL_REF(t->hostlev),  SHI_COL_REF(t->revtype1), SHI_COL_REF(t->revtype2),
        SHI_COL_REF(t->line),     SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

shi_status shi_io_read_midip5(const char *path, shi_midip_table *out, shi_err *err)
{
    enum {
        P_DISPNUM,
        P_INCIDNUM,
        P_CCODE,
        P_STDAY,
        P_STMON,
        P_STYEAR,
        P_ENDDAY,
        P_ENDMON,
        P_ENDYEAR,
        P_INSIDEA,
        P_SIDEA,
        P_FATALITY,
        P_FATALPRE,
        P_ACTION,
        P_HOSTLEV,
        P_REVTYPE1,
        P_REVTYPE2,
        NP
    };
    static const col_spec spec[NP] = {
        DISPNUM,
        INCIDNUM,
        CCODE,
        DAY("stday"),
        MONTH("stmon"),
        YEAR("styear"),
        DAY("endday"),
        MONTH("endmon"),
        YEAR("endyear"),
        FLAG("insidea"),
        FLAG("sidea"),
        FATALITY,
        FATALPRE,
        ACTION("action"),
        HOSTLEV,
        REVTYPE("revtype1"),
        REVTYPE("revtype2"),
    };
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[NP + 1];
    s = require(csv, spec, NP, 1, idx, err);
    size_t first = out->n;
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (midip_reserve(out, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        size_t r = out->n;
        int64_t v[NP];
        /* File order: dispnum, incidnum, stabb, ccode, ... */
        if ((s = parse_ints(csv, idx, spec, 2, v, err)) != SHI_OK ||
            (s = stabb_at(csv, idx[NP], out->stabb[r], err)) != SHI_OK ||
            (s = parse_ints(csv, idx + 2, spec + 2, NP - 2, v + 2, err)) != SHI_OK ||
            (s = years_ordered(csv, idx[P_ENDYEAR], v[P_STYEAR], v[P_ENDYEAR], err)) != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[P_DISPNUM], &line, &col);
        out->dispnum[r] = (int32_t)v[P_DISPNUM];
        out->incidnum[r] = (int32_t)v[P_INCIDNUM];
        out->ccode[r] = (int32_t)v[P_CCODE];
        out->stday[r] = na8(v[P_STDAY]);
        out->stmon[r] = na8(v[P_STMON]);
        out->styear[r] = (int32_t)v[P_STYEAR];
        out->endday[r] = na8(v[P_ENDDAY]);
        out->endmon[r] = na8(v[P_ENDMON]);
        out->endyear[r] = (int32_t)v[P_ENDYEAR];
        out->insidea[r] = (int8_t)v[P_INSIDEA];
        out->sidea[r] = (int8_t)v[P_SIDEA];
        out->fatality[r] = na8(v[P_FATALITY]);
        out->fatalpre[r] = na32(v[P_FATALPRE]);
        out->action[r] = (int8_t)v[P_ACTION];
        out->hostlev[r] = (int8_t)v[P_HOSTLEV];
        out->revtype1[r] = na8(v[P_REVTYPE1]);
        out->revtype2[r] = na8(v[P_REVTYPE2]);
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
