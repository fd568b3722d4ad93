/*
 * owid_pop.c - importer for Our World in Data's population series ("Population",
 * https://ourworldindata.org/population-growth; HYDE, Gapminder and UN World
 * Population Prospects; CC BY 4.0), file population.csv with columns Entity,
 * Code, Year, "Population (historical estimates)", years -10000..2021.
 *
 * Rows are keyed by OWID's Code: ISO 3166 alpha-3, OWID_xxx, or empty for
 * continents and income groups. Aggregates are kept and marked (kind).
 */
#include <shi/csv.h>
#include <shi/io_econ.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fields.h"

/* OWID's codes for aggregates (the World and its regions); sorted. */
static const char *const owid_agg_codes[] = {"OWID_AFR", "OWID_ASI", "OWID_EU27", "OWID_EUR",
                                             "OWID_HIC", "OWID_LIC", "OWID_LMC",  "OWID_NAM",
                                             "OWID_OCE", "OWID_SAM", "OWID_UMC",  "OWID_WRL"};

/* Entity names OWID gives to aggregates that have no code; sorted. */
static const char *const owid_agg_names[] = {"Africa",
                                             "Asia",
                                             "Europe",
                                             "European Union (27)",
                                             "High-income countries",
                                             "Low-income countries",
                                             "Lower-middle-income countries",
                                             "North America",
                                             "Oceania",
                                             "South America",
                                             "Upper-middle-income countries",
                                             "World"};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int in_list(const char *s, const char *const *list, size_t n)
{
    return bsearch(&s, list, n, sizeof list[0], cmp_str) != NULL;
}

static int8_t kind_of(const char *code, const char *name)
{
    size_t n = strlen(code);
    if (n == 3 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z' &&
        code[2] >= 'A' && code[2] <= 'Z') {
        return SHI_AREA_COUNTRY;
    }
    if (n > 0) {
        return (
            int8_t)(in_list(code, owid_agg_codes, sizeof owid_agg_codes / sizeof owid_agg_codes[0])
                        ? SHI_AREA_AGGREGATE
                        : SHI_AREA_OTHER);
    }
    return (int8_t)(in_list(name, owid_agg_names, sizeof owid_agg_names / sizeof owid_agg_names[0])
                        ? SHI_AREA_AGGREGATE
                        : SHI_AREA_OTHER);
}

void shi_owid_pop_table_destroy(shi_owid_pop_table *t)
{
    if (!t) {
        return;
    }
    free(t->code);
    free(t->name);
    free(t->year);
    free(t->pop);
    free(t->kind);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

static int reserve(shi_owid_pop_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {SHI_COL_REF(t->code), SHI_COL_REF(t->name), SHI_COL_REF(t->year),
                                SHI_COL_REF(t->pop),  SHI_COL_REF(t->kind), SHI_COL_REF(t->line),
                                SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 4096);
}

/* Code: "", or letters, digits and '_' shorter than SHI_ECON_CODE_MAX. */
static int code_ok(const char *f)
{
    size_t n = strlen(f);
    if (n >= SHI_ECON_CODE_MAX) {
        return 0;
    }
    for (size_t k = 0; k < n; k++) {
        char c = f[k];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_')) {
            return 0;
        }
    }
    return 1;
}

shi_status shi_io_read_owid_population(const char *path, shi_owid_pop_table *out, shi_err *err)
{
    enum { C_ENTITY, C_CODE, C_YEAR, NCOLS };
    static const char *const cols[NCOLS] = {"Entity", "Code", "Year"};
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[NCOLS];
    s = shi_csv_require(csv, cols, NCOLS, idx, err);
    long ipop = shi_csv_find(csv, "Population (historical estimates)");
    if (ipop < 0) {
        ipop = shi_csv_find(csv, "population");
    }
    if (s == SHI_OK && ipop < 0) {
        s = shi_err_set_at(err, SHI_EDATA, shi_csv_name(csv), 1, 1,
                           "missing column 'Population (historical estimates)' (or "
                           "'population') in the header");
    }
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
        const char *name = shi_csv_field(csv, (size_t)idx[C_ENTITY]);
        size_t nname = strlen(name);
        if (nname == 0 || nname >= SHI_ECON_NAME_MAX) {
            s = shi_csv_field_error(csv, (size_t)idx[C_ENTITY], err,
                                    "expected an entity name of 1-63 bytes");
            break;
        }
        const char *code = shi_csv_field(csv, (size_t)idx[C_CODE]);
        if (!code_ok(code)) {
            s = shi_csv_field_error(csv, (size_t)idx[C_CODE], err,
                                    "expected an ISO3 or OWID code (letters, digits, '_', at "
                                    "most 15) or nothing");
            break;
        }
        int64_t yr = 0;
        if (!shi_i_plain_int(shi_csv_field(csv, (size_t)idx[C_YEAR]), &yr, 15) || yr < -10000 ||
            yr > 2100) {
            s = shi_csv_field_error(csv, (size_t)idx[C_YEAR], err, "expected a year -10000..2100");
            break;
        }
        const char *pf = shi_csv_field(csv, (size_t)ipop);
        int64_t pop = 0;
        if (pf[0] == '\0') {
            out->pop[r] = (double)NAN;
        } else if (shi_i_plain_int(pf, &pop, 15) && pop >= 0) {
            out->pop[r] = (double)pop;
        } else {
            s = shi_csv_field_error(csv, (size_t)ipop, err,
                                    "expected a population (a whole number, 0 or more) or nothing");
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[C_CODE], &line, &col);
        memcpy(out->code[r], code, strlen(code) + 1);
        memcpy(out->name[r], name, nname + 1);
        out->year[r] = (int32_t)yr;
        out->kind[r] = kind_of(code, name);
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
