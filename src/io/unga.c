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

#include "../core/mem.h"
#include "fields.h"

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

static int reserve(shi_unga_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    shi_col_ref cols[7 + SHI_UNGA_NREF];
    size_t n = 0;
    cols[n++] = SHI_COL_REF(t->ccode);
    cols[n++] = SHI_COL_REF(t->session);
    cols[n++] = SHI_COL_REF(t->year);
    cols[n++] = SHI_COL_REF(t->nvotes);
    cols[n++] = SHI_COL_REF(t->ideal);
    for (int k = 0; k < SHI_UNGA_NREF; k++) {
        cols[n++] = SHI_COL_REF(t->agree[k]);
    }
    cols[n++] = SHI_COL_REF(t->line);
    cols[n++] = SHI_COL_REF(t->col);
    return shi_grow_columns(cols, n, &t->cap, need, 1024);
}

shi_status shi_io_read_unga(const char *path, shi_unga_table *out, shi_err *err)
{
    enum { C_CCODE, C_SESSION, C_NVOTES, C_IDEAL, C_AGREE, NCOLS = C_AGREE + SHI_UNGA_NREF };
    const char *cols[NCOLS] = {"ccode", "session", "NVotesAll", "IdealPointAll"};
    for (int k = 0; k < SHI_UNGA_NREF; k++) {
        cols[C_AGREE + k] = shi_unga_ref_column[k];
    }
    static const char *const na[] = {"NA", "", NULL};
    shi_csv_opts o = {0};
    o.missing = na;
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, &o, err);
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
        int64_t cc, ses, nv;
        int miss = 0;
        if ((s = shi_i_int_in(csv, idx[C_CCODE], 1, 999, "expected a COW code 1-999", &cc, err)) !=
                SHI_OK ||
            (s = shi_i_int_in(csv, idx[C_SESSION], 1, 155, "expected a session 1-155", &ses,
                              err)) != SHI_OK ||
            (s = shi_csv_int(csv, (size_t)idx[C_NVOTES], &nv, &miss, err)) != SHI_OK) {
            break;
        }
        if (!miss && nv < 0) {
            s = shi_csv_field_error(csv, (size_t)idx[C_NVOTES], err,
                                    "expected a number of votes (0 or more) or NA");
            break;
        }
        out->nvotes[r] = miss ? -1 : (int32_t)nv;
        if ((s = shi_csv_real(csv, (size_t)idx[C_IDEAL], &out->ideal[r], &miss, err)) != SHI_OK) {
            break;
        }
        for (int k = 0; k < SHI_UNGA_NREF; k++) {
            double *v = &out->agree[k][r];
            if ((s = shi_csv_real(csv, (size_t)idx[C_AGREE + k], v, &miss, err)) != SHI_OK) {
                break;
            }
            if (!miss && (*v < 0 || *v > 1)) {
                s = shi_csv_field_error(csv, (size_t)idx[C_AGREE + k], err,
                                        "expected a share between 0 and 1, or NA");
                break;
            }
        }
        if (s != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[C_CCODE], &line, &col);
        out->ccode[r] = (int32_t)cc;
        out->session[r] = (int32_t)ses;
        out->year[r] = (int32_t)(1945 + ses);
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
