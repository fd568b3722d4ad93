/*
 * cow_states.c - importers for the COW State System Membership list and the
 * COW Major Powers list (Correlates of War Project 2017, 2025).
 *
 * Both files give one row per spell, with start and end as separate year,
 * month and day columns; a state that left and re-entered has several rows.
 */
#include <shi/csv.h>
#include <shi/io.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

void shi_spell_recs_destroy(shi_spell_recs *r)
{
    if (r) {
        free(r->v);
        memset(r, 0, sizeof *r);
    }
}

static const char *const cow_missing[] = {"", "-9", NULL};

/* Read an integer field that must be present and within [lo, hi]. */
static shi_status int_in(const shi_csv *csv, long i, long lo, long hi, int64_t *v, shi_err *err)
{
    int miss = 0;
    shi_status s = shi_csv_int(csv, (size_t)i, v, &miss, err);
    if (s != SHI_OK) {
        return s;
    }
    if (miss) {
        return shi_csv_field_error(csv, (size_t)i, err,
                                   "expected a value (missing is not allowed)");
    }
    if (*v < lo || *v > hi) {
        char what[96];
        snprintf(what, sizeof what, "value out of range %ld-%ld", lo, hi);
        return shi_csv_field_error(csv, (size_t)i, err, what);
    }
    return SHI_OK;
}

/* Read a date from three columns (year, month, day) into yyyymmdd. */
static shi_status date_at(const shi_csv *csv, const long *idx, int32_t *out, shi_err *err)
{
    int64_t y, m, d;
    shi_status s = int_in(csv, idx[0], 1800, 2100, &y, err);
    if (s == SHI_OK) {
        s = int_in(csv, idx[1], 1, 12, &m, err);
    }
    if (s == SHI_OK) {
        s = int_in(csv, idx[2], 1, 31, &d, err);
    }
    if (s == SHI_OK) {
        *out = (int32_t)(y * 10000 + m * 100 + d);
    }
    return s;
}

static shi_status read_spells(const char *path, int with_name, shi_spell_recs *out, shi_err *err)
{
    static const char *const cols[] = {"stateabb", "ccode",    "styear", "stmonth", "stday",
                                       "endyear",  "endmonth", "endday", "version", "statenme"};
    shi_csv_opts o = {0};
    o.missing = cow_missing;
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, &o, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[10];
    s = shi_csv_require(csv, cols, with_name ? 10 : 9, idx, err);
    size_t first = out->n;
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (SHI_GROW(out->v, out->cap, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        shi_spell_rec *r = &out->v[out->n];
        memset(r, 0, sizeof *r);
        int64_t cc, ver;
        if ((s = int_in(csv, idx[1], 1, 999, &cc, err)) != SHI_OK ||
            (s = date_at(csv, idx + 2, &r->start, err)) != SHI_OK ||
            (s = date_at(csv, idx + 5, &r->end, err)) != SHI_OK ||
            (s = int_in(csv, idx[8], 1900, 2100, &ver, err)) != SHI_OK) {
            break;
        }
        if (r->end < r->start) {
            s = shi_csv_field_error(csv, (size_t)idx[5], err, "spell ends before it starts");
            break;
        }
        const char *abb = shi_csv_field(csv, (size_t)idx[0]);
        if (strlen(abb) == 0 || strlen(abb) >= sizeof r->abb) {
            s = shi_csv_field_error(csv, (size_t)idx[0], err, "expected a 1-7 letter abbreviation");
            break;
        }
        r->ccode = (int)cc;
        snprintf(r->abb, sizeof r->abb, "%s", abb);
        if (with_name) {
            snprintf(r->name, sizeof r->name, "%s", shi_csv_field(csv, (size_t)idx[9]));
        }
        shi_csv_field_pos(csv, (size_t)idx[1], &r->line, &r->col);
        out->version = (int)ver;
        out->n++;
    }
    if (s == SHI_OK && out->n == first) {
        s = shi_err_set_at(err, SHI_EDATA, path, 2, 0, "no records after the header");
    }
    shi_csv_free(csv);
    return s;
}

shi_status shi_io_read_cow_states(const char *path, shi_spell_recs *out, shi_err *err)
{
    return read_spells(path, 1, out, err);
}

shi_status shi_io_read_cow_majors(const char *path, shi_spell_recs *out, shi_err *err)
{
    return read_spells(path, 0, out, err);
}
