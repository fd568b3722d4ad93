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

#include "fields.h"
#include "spec.h"

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

shi_status shi_io_read_owid_population(const char *path, shi_owid_pop_table *out, shi_err *err)
{
    enum { C_ENTITY, C_CODE, C_YEAR, C_POP, NCOLS };
    const shi_i_col cols[NCOLS] = {
        {"Entity", .type = SHI_I_TEXT, .flags = SHI_I_KEY | SHI_I_REPEAT, .lo = 1,
         .hi = SHI_ECON_NAME_MAX - 1, .what = "expected an entity name of 1-63 bytes",
         SHI_I_TO(out->name)},
        {"Code", .type = SHI_I_TEXT, .lo = 0, .hi = SHI_ECON_CODE_MAX - 1, .valid = shi_i_word,
         .what = "expected an ISO3 or OWID code (letters, digits, '_', at most 15) or nothing",
         SHI_I_TO(out->code)},
        {"Year", .type = SHI_I_INT, .flags = SHI_I_PLAIN | SHI_I_KEY, .lo = -10000, .hi = 2100,
         .what = "expected a year -10000..2100", SHI_I_TO(out->year)},
        {"Population (historical estimates)", .alias = "population", .type = SHI_I_INT,
         .flags = SHI_I_PLAIN | SHI_I_OPTIONAL | SHI_I_DOUBLE, .lo = 0, .hi = HUGE_VAL,
         .na = (double)NAN, .what = "expected a population (a whole number, 0 or more) or nothing",
         SHI_I_TO(out->pop)},
    };
    const shi_col_ref extra[] = {SHI_COL_REF(out->kind)};
    const shi_i_dest dest = {&out->n, &out->cap, 4096, &out->line, &out->col, C_CODE, extra, 1};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_row(&rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        size_t r = shi_i_at(&rd);
        out->kind[r] = kind_of(out->code[r], out->name[r]);
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}
