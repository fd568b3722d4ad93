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

#include "spec.h"

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

/* Read either format: with `atop`, five 0/1 obligation columns; else one level. */
static shi_status read_dyads(const char *path, int atop, shi_alliance_table *out, shi_err *err)
{
    enum { C_C1, C_C2, C_YEAR, C_LEVEL, C_OBLIG = C_LEVEL, NCOLS_ATOP = C_OBLIG + 5 };
    static const char *const oblig[5] = {"atop_defense", "atop_offense", "atop_neutral",
                                         "atop_nonagg", "atop_consul"};
    shi_i_col cols[NCOLS_ATOP] = {
        [C_C1] = {"ccode1", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,
                  .what = "expected a COW code 1-999", SHI_I_TO(out->ccode1)},
        [C_C2] = {"ccode2", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,
                  .what = "expected a COW code 1-999", SHI_I_TO(out->ccode2)},
        [C_YEAR] = {"year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1815, .hi = 2100,
                    .what = "expected a year 1815-2100", SHI_I_TO(out->year)},
        [C_LEVEL] = {"level", .type = SHI_I_INT, .lo = 0, .hi = 3,
                     .what = "expected an alliance level 0-3", SHI_I_TO(out->level)},
    };
    if (atop) {
        for (int k = 0; k < 5; k++) {
            cols[C_OBLIG + k] = (shi_i_col){oblig[k], .type = SHI_I_INT, .lo = 0, .hi = 1,
                                            .what = "expected 0 or 1"};
        }
    }
    size_t ncols = atop ? NCOLS_ATOP : C_LEVEL + 1;
    /* flags (and, for ATOP, level) are derived from the obligation columns. */
    const shi_col_ref extra[] = {SHI_COL_REF(out->flags), SHI_COL_REF(out->level)};
    const shi_i_dest dest = {&out->n,   &out->cap, 1024,  &out->line,
                             &out->col, C_C1,      extra, atop ? 2 : 1};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, ncols, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, 0, C_YEAR + 1, err)) != SHI_OK) {
            break;
        }
        if (rd.iv[C_C1] == rd.iv[C_C2]) {
            s = shi_i_bad(&rd, C_C2, "expected a state other than ccode1", err);
            break;
        }
        if ((s = shi_i_parse(&rd, C_YEAR + 1, ncols, err)) != SHI_OK) {
            break;
        }
        size_t r = shi_i_at(&rd);
        if (atop) {
            unsigned flags = 0;
            for (int k = 0; k < 5; k++) {
                flags |= rd.iv[C_OBLIG + k] ? 1u << k : 0u;
            }
            out->flags[r] = (uint8_t)flags;
            out->level[r] = (int8_t)shi_atop_level(flags);
        } else {
            out->flags[r] = SHI_ALLY_NO_FLAGS;
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}

shi_status shi_io_read_atop(const char *path, shi_alliance_table *out, shi_err *err)
{
    return read_dyads(path, 1, out, err);
}

shi_status shi_io_read_alliances(const char *path, shi_alliance_table *out, shi_err *err)
{
    return read_dyads(path, 0, out, err);
}
