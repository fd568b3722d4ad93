/*
 * igo.c - importers for the Correlates of War Intergovernmental Organizations
 * data, version 3 (Pevehouse, Jon C. W., Timothy Nordstrom, Roseanne W.
 * McManus and Anne Spencer Jamison. 2020. "Tracking organizations in the
 * world: The Correlates of War IGO Version 3.0 datasets". Journal of Peace
 * Research 57(3): 492-503), in peacesciencer's two summaries of it:
 *
 * cow_igo_ndy.csv[.gz]: non-directed dyad-years (ccode1 < ccode2) with
 * dyadigos, the IGOs in which both states are full members; every dyad-year
 * of two system members 1816-2014 is listed, zeros included.
 * cow_igo_sy.csv: state-years with the sums of full, associate and observer
 * memberships and of any type.
 *
 * COW's own files code a missing membership -9; "", "NA" and -9 are missing
 * here (-1 in the tables), never 0. Whether a code is a state is the panel's
 * check (data_relations.c), which keeps each row's position for it.
 */
#include <shi/csv.h>
#include <shi/io_dyad.h>

#include <stdlib.h>
#include <string.h>

#include "gz.h"

static const char *const igo_na[] = {"", "NA", "-9", NULL};

#define COW(col, dst)                                                                              \
    {                                                                                              \
        col, .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,                            \
             .what = "expected a COW code 1-999", SHI_I_TO(dst)                                    \
    }
#define YEAR(dst)                                                                                  \
    {                                                                                              \
        "year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1816, .hi = 2100,                     \
                .what = "expected a year 1816-2100", SHI_I_TO(dst)                                 \
    }
#define COUNT(col, hi_, what_, dst)                                                                \
    {                                                                                              \
        col, .type = SHI_I_INT, .flags = SHI_I_OPTIONAL, .lo = 0, .hi = hi_, .what = what_,        \
             .na = -1, SHI_I_TO(dst)                                                               \
    }

/* ---- dyad-years ------------------------------------------------------------ */

void shi_igo_dyad_table_destroy(shi_igo_dyad_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode1);
    free(t->ccode2);
    free(t->year);
    free(t->shared);
    free(t->line);
    free(t->col);
    free(t->col2);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_igo_dyadic(const char *path, shi_igo_dyad_table *out, shi_err *err)
{
    enum { C_C1, C_C2, C_YEAR, C_N, NCOLS };
    const shi_i_col cols[NCOLS] = {
        COW("ccode1", out->ccode1),
        COW("ccode2", out->ccode2),
        YEAR(out->year),
        COUNT("dyadigos", 254, "expected a count of shared full memberships 0-254 or NA",
              out->shared),
    };
    const shi_col_ref extra[] = {{(void **)&out->col2, sizeof *out->col2}};
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_C1, extra, 1};
    shi_csv_opts o = {0};
    o.missing = igo_na;
    shi_i_reader rd;
    char *data = NULL;
    shi_status s = shi_i_open_gz(&rd, path, &o, cols, NCOLS, &dest, &data, err);
    s = shi_i_read_nondirected(&rd, s, NCOLS, &out->col2, err);
    free(data);
    return s;
}

/* ---- state-years ------------------------------------------------------------ */

void shi_igo_state_table_destroy(shi_igo_state_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode);
    free(t->year);
    free(t->full);
    free(t->assoc);
    free(t->observer);
    free(t->any);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_igo_states(const char *path, shi_igo_state_table *out, shi_err *err)
{
    enum { C_CCODE, C_YEAR, C_FULL, C_ASSOC, C_OBS, C_ANY, NCOLS };
    static const char what[] = "expected a count of memberships 0-1000 or NA";
    const shi_i_col cols[NCOLS] = {
        COW("ccode", out->ccode),
        YEAR(out->year),
        COUNT("sum_igo_full", 1000, what, out->full),
        COUNT("sum_igo_associate", 1000, what, out->assoc),
        COUNT("sum_igo_observer", 1000, what, out->observer),
        COUNT("sum_igo_anytype", 1000, what, out->any),
    };
    const shi_i_dest dest = {&out->n, &out->cap, 256, &out->line, &out->col, C_CCODE, NULL, 0};
    shi_csv_opts o = {0};
    o.missing = igo_na;
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, &o, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_row(&rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        int all = !rd.na[C_FULL] && !rd.na[C_ASSOC] && !rd.na[C_OBS] && !rd.na[C_ANY];
        if (all && rd.iv[C_ANY] != rd.iv[C_FULL] + rd.iv[C_ASSOC] + rd.iv[C_OBS]) {
            s = shi_i_bad(&rd, C_ANY,
                          "expected sum_igo_full + sum_igo_associate + sum_igo_observer", err);
            break;
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}
