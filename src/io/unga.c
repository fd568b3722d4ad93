/*
 * unga.c - importer for the UN General Assembly ideal points and agreement
 * shares of Bailey, Strezhnev & Voeten (2017, "Estimating Dynamic State
 * Preferences from United Nations Voting Data", Journal of Conflict
 * Resolution 61(2): 430-456), June 2024 release,
 * IdealpointestimatesAll_Jun2024.csv (Harvard Dataverse doi:10.7910/DVN/LEJUQZ).
 *
 * One row per country-session. The first column has an empty name and holds R
 * row numbers; it is ignored. year = 1945 + session. "NA" is missing. The
 * *Agree columns are the share of votes agreeing with six reference states.
 */
#include <shi/csv.h>
#include <shi/io_dyad.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

const int shi_unga_ref_ccode[SHI_UNGA_NREF] = {2, 365, 140, 710, 750, 666};
const char *const shi_unga_ref_column[SHI_UNGA_NREF] = {"USAgree",    "RUSSAgree",  "BrazilAgree",
                                                        "ChinaAgree", "IndiaAgree", "IsraelAgree"};

void shi_unga_table_destroy(shi_unga_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode);
    free(t->session);
    free(t->year);
    free(t->nvotes);
    free(t->ideal);
    for (int k = 0; k < SHI_UNGA_NREF; k++) {
        free(t->agree[k]);
    }
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_unga(const char *path, shi_unga_table *out, shi_err *err)
{
    enum { C_CCODE, C_SESSION, C_NVOTES, C_IDEAL, C_AGREE, NCOLS = C_AGREE + SHI_UNGA_NREF };
    shi_i_col cols[NCOLS] = {
        {"ccode", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,
         .what = "expected a COW code 1-999", SHI_I_TO(out->ccode)},
        {"session", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 155,
         .what = "expected a session 1-155", SHI_I_TO(out->session)},
        {"NVotesAll", .type = SHI_I_INT, .flags = SHI_I_OPTIONAL, .lo = 0, .hi = 10000,
         .what = "expected a number of votes 0-10000 or NA", .na = -1, SHI_I_TO(out->nvotes)},
        /* Plausible bounds (issue 20, defect 6): the June 2024 release spans
         * -3.15..3.22 and at most 158 votes a session. */
        {"IdealPointAll", .type = SHI_I_REAL, .flags = SHI_I_OPTIONAL, .lo = -10, .hi = 10,
         .what = "expected an ideal point -10..10 or NA", .na = (double)NAN, SHI_I_TO(out->ideal)},
    };
    for (int k = 0; k < SHI_UNGA_NREF; k++) {
        cols[C_AGREE + k] = (shi_i_col){shi_unga_ref_column[k],
                                        .type = SHI_I_REAL,
                                        .flags = SHI_I_OPTIONAL,
                                        .lo = 0,
                                        .hi = 1,
                                        .what = "expected a share between 0 and 1, or NA",
                                        .na = (double)NAN,
                                        SHI_I_TO(out->agree[k])};
    }
    static const char *const na[] = {"NA", "", NULL};
    shi_csv_opts o = {0};
    o.missing = na;
    const shi_col_ref extra[] = {SHI_COL_REF(out->year)};
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_CCODE, extra, 1};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, &o, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_row(&rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        out->year[shi_i_at(&rd)] = (int32_t)(1945 + rd.iv[C_SESSION]);
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}
