/*
 * nuclear.c - importer for Our World in Data's nuclear-weapons country-year
 * file (OWID, Bastian Herre, "Nuclear Weapons",
 * https://ourworldindata.org/nuclear-weapons): status after Bleek, Philipp C.
 * 2017, "When Did (and Didn't) States Proliferate? Chronicling the Spread of
 * Nuclear Weapons", Belfer Center discussion paper, extended by OWID; tests;
 * stockpiles from the Federation of American Scientists.
 *
 * Rows are keyed by OWID's Code (ISO 3166 alpha-3, OWID_xxx, or empty); the
 * caller maps ISO3 to COW codes with the state registry. Status 3 means the
 * country possessed nuclear weapons that year.
 */
#include <shi/csv.h>
#include <shi/io_national.h>

#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "spec.h"

void shi_nuclear_table_destroy(shi_nuclear_table *t)
{
    if (!t) {
        return;
    }
    free(t->iso3);
    free(t->name);
    free(t->year);
    free(t->status);
    free(t->tests);
    free(t->stockpile);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_nuclear_status(const char *path, shi_nuclear_table *out, shi_err *err)
{
    enum { C_CODE, C_YEAR, C_STATUS, C_TESTS, C_STOCK, C_NAME, NCOLS };
    const shi_i_col cols[NCOLS] = {
        {"Code", .type = SHI_I_TEXT, .flags = SHI_I_KEY | SHI_I_REPEAT, .lo = 0,
         .hi = SHI_NUC_CODE_MAX - 1, .valid = shi_i_word,
         .what = "expected an ISO3 or OWID code (letters, digits, '_', at most 11) or nothing",
         SHI_I_TO(out->iso3)},
        {"Year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1900, .hi = 2100,
         .what = "expected a year 1900-2100", SHI_I_TO(out->year)},
        {"nuclear_weapons_status", .type = SHI_I_INT, .lo = 0, .hi = 3,
         .what = "expected a nuclear status 0-3", SHI_I_TO(out->status)},
        {"nuclear_weapons_tests", .type = SHI_I_INT, .flags = SHI_I_OPTIONAL, .lo = 0,
         .hi = 1000000, .na = -1, .what = "expected a number of tests (0 or more) or nothing",
         SHI_I_TO(out->tests)},
        {"nuclear_weapons_stockpile", .type = SHI_I_INT, .flags = SHI_I_OPTIONAL, .lo = 0,
         .hi = 1000000, .na = -1, .what = "expected a number of warheads (0 or more) or nothing",
         SHI_I_TO(out->stockpile)},
        {"Admin", .alias = "Entity", .type = SHI_I_TEXT, .flags = SHI_I_KEY, .lo = 1,
         .hi = SHI_NUC_NAME_MAX - 1, .what = "expected a country name of 1-63 bytes",
         SHI_I_TO(out->name)},
    };
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, C_CODE, NULL, 0};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        /* In the files' order: Code, the name, then the numbers. */
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, C_CODE, C_YEAR, err)) != SHI_OK ||
            (s = shi_i_parse(&rd, C_NAME, NCOLS, err)) != SHI_OK ||
            (s = shi_i_parse(&rd, C_YEAR, C_NAME, err)) != SHI_OK) {
            break;
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}
