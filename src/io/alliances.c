/*
 * alliances.c - importers for alliance dyad-years: the ATOP 5.1 directed
 * dyad-year file (Leeds, Ritter, Mitchell & Long 2002, "Alliance Treaty
 * Obligations and Provisions, 1815-1944", International Interactions 28:
 * 237-260; ATOP codebook v5.1), and a generic file for users who bring their
 * own alliance data (ccode1, ccode2, year, level).
 *
 * shi does not ship the COW Formal Alliances data: its maintainer asked
 * software packages not to redistribute them. Users who have them can write
 * the generic file (see docs/dyad_sources.md).
 *
 * Level (the usual ordinal for Signorino-Ritter S): 3 defense or offense,
 * 2 neutrality or non-aggression, 1 consultation only, 0 none.
 */
#include <shi/csv.h>
#include <shi/io_dyad.h>

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fields.h"

void shi_alliance_table_destroy(shi_alliance_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode1);
    free(t->ccode2);
    free(t->year);
    free(t->flags);
    free(t->level);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

int shi_atop_level(unsigned flags)
{
    if (flags & (SHI_ATOP_DEFENSE | SHI_ATOP_OFFENSE)) {
        return 3;
    }
    if (flags & (SHI_ATOP_NEUTRAL | SHI_ATOP_NONAGG)) {
        return 2;
    }
    if (flags & SHI_ATOP_CONSUL) {
        return 1;
    }
    return 0;
}

static int reserve(shi_alliance_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {
        SHI_COL_REF(t->ccode1), SHI_COL_REF(t->ccode2), SHI_COL_REF(t->year), SHI_COL_REF(t->flags),
        SHI_COL_REF(t->level),  SHI_COL_REF(t->line),   SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

/* The dyad-year key shared by both files: idx[0..2] = ccode1, ccode2, year. */
static shi_status key_at(const shi_csv *csv, const long *idx, shi_alliance_table *t, size_t r,
                         shi_err *err)
{
    int64_t c1, c2, yr;
    shi_status s;
    if ((s = shi_i_int_in(csv, idx[0], 1, 999, "expected a COW code 1-999", &c1, err)) != SHI_OK ||
        (s = shi_i_int_in(csv, idx[1], 1, 999, "expected a COW code 1-999", &c2, err)) != SHI_OK ||
        (s = shi_i_int_in(csv, idx[2], 1815, 2100, "expected a year 1815-2100", &yr, err)) !=
            SHI_OK) {
        return s;
    }
    if (c1 == c2) {
        return shi_csv_field_error(csv, (size_t)idx[1], err, "expected a state other than ccode1");
    }
    long line, col;
    shi_csv_field_pos(csv, (size_t)idx[0], &line, &col);
    t->ccode1[r] = (int32_t)c1;
    t->ccode2[r] = (int32_t)c2;
    t->year[r] = (int32_t)yr;
    t->line[r] = (int32_t)line;
    t->col[r] = (int32_t)col;
    return SHI_OK;
}

/* Read either format: with `atop`, five 0/1 obligation columns; else one level. */
static shi_status read_dyads(const char *path, int atop, shi_alliance_table *out, shi_err *err)
{
    static const char *const atop_cols[] = {"ccode1",       "ccode2",       "year",
                                            "atop_defense", "atop_offense", "atop_neutral",
                                            "atop_nonagg",  "atop_consul"};
    static const char *const gen_cols[] = {"ccode1", "ccode2", "year", "level"};
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[8];
    s = atop ? shi_csv_require(csv, atop_cols, 8, idx, err)
             : shi_csv_require(csv, gen_cols, 4, idx, err);
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
        if ((s = key_at(csv, idx, out, r, err)) != SHI_OK) {
            break;
        }
        if (atop) {
            unsigned flags = 0;
            for (int k = 0; k < 5; k++) {
                int64_t b;
                if ((s = shi_i_int_in(csv, idx[3 + k], 0, 1, "expected 0 or 1", &b, err)) !=
                    SHI_OK) {
                    break;
                }
                if (b) {
                    flags |= 1u << k;
                }
            }
            if (s != SHI_OK) {
                break;
            }
            out->flags[r] = (uint8_t)flags;
            out->level[r] = (int8_t)shi_atop_level(flags);
        } else {
            int64_t lv;
            if ((s = shi_i_int_in(csv, idx[3], 0, 3, "expected an alliance level 0-3", &lv, err)) !=
                SHI_OK) {
                break;
            }
            out->flags[r] = SHI_ALLY_NO_FLAGS;
            out->level[r] = (int8_t)lv;
        }
        out->n++;
    }
    if (s == SHI_OK && out->n == first) {
        s = shi_err_set_at(err, SHI_EDATA, path, 2, 0, "no records after the header");
    }
    shi_csv_free(csv);
    return s;
}

shi_status shi_io_read_atop(const char *path, shi_alliance_table *out, shi_err *err)
{
    return read_dyads(path, 1, out, err);
}

shi_status shi_io_read_alliances(const char *path, shi_alliance_table *out, shi_err *err)
{
    return read_dyads(path, 0, out, err);
}
