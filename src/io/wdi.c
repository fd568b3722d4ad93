/*
 * wdi.c - importer for the World Bank's World Development Indicators bulk
 * CSV (World Bank, World Development Indicators, https://data.worldbank.org,
 * CC BY 4.0): files API_<indicator>_DS2_en_csv_v2_<n>.csv, one record per
 * economy or aggregate, one column per year.
 *
 * The wide file becomes a long table (iso3, year, value) holding every cell,
 * empty cells as NaN. Aggregates (WLD, EUU, income groups, ...) are kept and
 * marked from a fixed list of the 49 aggregate codes of the WDI bulk files.
 */
#include <shi/csv.h>
#include <shi/io_econ.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "spec.h"

/* The aggregate codes of the WDI bulk files (2023-2026 releases), sorted for
 * bsearch. Every other code in those files is one of WDI's 217 economies. */
static const char *const wdi_aggregates[] = {
    "AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "EAS", "ECA", "ECS", "EMU", "EUU", "FCS",
    "HIC", "HPC", "IBD", "IBT", "IDA", "IDB", "IDX", "INX", "LAC", "LCN", "LDC", "LIC", "LMC",
    "LMY", "LTE", "MEA", "MIC", "MNA", "NAC", "OED", "OSS", "PRE", "PSS", "PST", "SAS", "SSA",
    "SSF", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC", "WLD"};

static int cmp_code(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int shi_wdi_is_aggregate(const char *iso3)
{
    if (!iso3) {
        return 0;
    }
    return bsearch(&iso3, wdi_aggregates, sizeof wdi_aggregates / sizeof wdi_aggregates[0],
                   sizeof wdi_aggregates[0], cmp_code) != NULL;
}

void shi_wdi_table_destroy(shi_wdi_table *t)
{
    if (!t) {
        return;
    }
    free(t->iso3);
    free(t->year);
    free(t->value);
    free(t->kind);
    free(t->ind);
    free(t->line);
    free(t->col);
    free(t->indicators);
    memset(t, 0, sizeof *t);
}

/* A year header: 1-4 digits, 1900-2100. */
static int year_name(const char *f, int *y)
{
    int v = 0, nd = 0;
    for (; f[nd] >= '0' && f[nd] <= '9' && nd < 5; nd++) {
        v = v * 10 + (f[nd] - '0');
    }
    if (nd != 4 || f[nd] != '\0' || v < 1900 || v > 2100) {
        return 0;
    }
    *y = v;
    return 1;
}

/* Index of indicator (code, name) in t, adding it if new; -1 if out of memory
 * or too many. */
static int indicator_index(shi_wdi_table *t, const char *code, const char *name)
{
    for (size_t k = 0; k < t->nind; k++) {
        if (strcmp(t->indicators[k].code, code) == 0) {
            return (int)k;
        }
    }
    if (t->nind >= INT16_MAX) {
        return -1;
    }
    shi_wdi_indicator *q = realloc(t->indicators, (t->nind + 1) * sizeof *q);
    if (!q) {
        return -1;
    }
    t->indicators = q;
    shi_wdi_indicator *d = &q[t->nind];
    memset(d, 0, sizeof *d);
    memcpy(d->code, code, strlen(code) + 1);
    memcpy(d->name, name, strlen(name) + 1);
    return (int)t->nind++;
}

shi_status shi_io_read_wdi(const char *path, shi_wdi_table *out, shi_err *err)
{
    enum { C_CODE, C_INAME, C_ICODE, NCOLS };
    /* The key columns are specs; the year columns are a wide block whose cells
     * become rows, so this importer grows its table itself. */
    static const shi_i_col cols[NCOLS] = {
        {"Country Code", .type = SHI_I_TEXT, .flags = SHI_I_KEY, .lo = 3, .hi = 3,
         .valid = shi_i_upper3, .what = "expected a country code of 3 letters A-Z"},
        {"Indicator Name", .type = SHI_I_TEXT, .lo = 0, .hi = sizeof out->indicators[0].name - 1,
         .what = "expected an indicator name of at most 159 bytes"},
        {"Indicator Code", .type = SHI_I_TEXT, .flags = SHI_I_KEY, .lo = 1,
         .hi = sizeof out->indicators[0].code - 1,
         .what = "expected an indicator code of 1-31 bytes"},
    };
    shi_csv_opts opts = {0};
    opts.skip_lines = 4;
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, &opts, cols, NCOLS, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    const shi_csv *csv = rd.csv;
    const long *idx = rd.idx;
    /* The year columns: every named column after the first four must be a year;
     * unnamed ones (the trailing empty column) are skipped. */
    size_t nc = shi_csv_ncols(csv);
    size_t *ycol = malloc((nc ? nc : 1) * sizeof *ycol);
    int *yval = malloc((nc ? nc : 1) * sizeof *yval);
    size_t ny = 0;
    if (!ycol || !yval) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t k = 0; s == SHI_OK && k < nc; k++) {
        const char *h = shi_csv_colname(csv, k);
        if ((long)k == idx[C_CODE] || (long)k == idx[C_INAME] || (long)k == idx[C_ICODE] ||
            strcmp(h, "Country Name") == 0 || h[0] == '\0') {
            continue;
        }
        if (!year_name(h, &yval[ny])) {
            s = shi_err_set_at(err, SHI_EDATA, shi_csv_name(csv), 5, 0,
                               "expected a year 1900-2100 as the name of column %zu, got '%s'",
                               k + 1, h);
            break;
        }
        ycol[ny++] = k;
    }
    if (s == SHI_OK && ny == 0) {
        s = shi_err_set_at(err, SHI_EDATA, shi_csv_name(csv), 5, 0,
                           "no year columns in the header");
    }
    const shi_col_ref tcols[] = {SHI_COL_REF(out->iso3),  SHI_COL_REF(out->year),
                                 SHI_COL_REF(out->value), SHI_COL_REF(out->kind),
                                 SHI_COL_REF(out->ind),   SHI_COL_REF(out->line),
                                 SHI_COL_REF(out->col)};
    size_t first_rec = out->nrec;
    int ind = -1;
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, C_CODE, C_INAME, err)) != SHI_OK) {
            break;
        }
        const char *code = shi_i_text(&rd, C_CODE);
        const char *icode = shi_i_text(&rd, C_ICODE);
        if (ind < 0) {
            /* The first record names the file's indicator. */
            if ((s = shi_i_parse(&rd, C_ICODE, NCOLS, err)) != SHI_OK ||
                (s = shi_i_parse(&rd, C_INAME, C_ICODE, err)) != SHI_OK) {
                break;
            }
            if ((ind = indicator_index(out, icode, shi_i_text(&rd, C_INAME))) < 0) {
                s = shi_err_set(err, SHI_EIO, "out of memory");
                break;
            }
        } else if (strcmp(icode, out->indicators[ind].code) != 0) {
            char what[96];
            snprintf(what, sizeof what, "expected the file's one indicator code '%s'",
                     out->indicators[ind].code);
            s = shi_i_bad(&rd, C_ICODE, what, err);
            break;
        }
        if (shi_grow_columns(tcols, sizeof tcols / sizeof tcols[0], &out->cap, out->n + ny, 4096) !=
            0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        int8_t kind = (int8_t)(shi_wdi_is_aggregate(code) ? SHI_AREA_AGGREGATE : SHI_AREA_COUNTRY);
        size_t r0 = out->n;
        for (size_t k = 0; k < ny; k++) {
            size_t r = r0 + k;
            int miss = 0;
            if ((s = shi_csv_real(csv, ycol[k], &out->value[r], &miss, err)) != SHI_OK) {
                break;
            }
            long line, col;
            shi_csv_field_pos(csv, ycol[k], &line, &col);
            memcpy(out->iso3[r], code, 4);
            out->year[r] = (int32_t)yval[k];
            out->kind[r] = kind;
            out->ind[r] = (int16_t)ind;
            out->line[r] = (int32_t)line;
            out->col[r] = (int32_t)col;
        }
        if (s != SHI_OK) {
            break; /* the bad record's cells are not kept */
        }
        out->n += ny;
        out->nrec++;
    }
    if (s == SHI_OK && out->nrec == first_rec) {
        s = shi_err_set_at(err, SHI_EDATA, path, 6, 0, "no records after the header");
    }
    free(ycol);
    free(yval);
    return shi_i_close(&rd, s, err);
}

double shi_wdi_value(const shi_wdi_table *t, int ind, const char *iso3, int year)
{
    for (size_t r = 0; r < t->n; r++) {
        if (t->ind[r] == ind && t->year[r] == year && strcmp(t->iso3[r], iso3) == 0) {
            return t->value[r];
        }
    }
    return (double)NAN;
}
