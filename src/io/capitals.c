/*
 * capitals.c - importer for capital cities with dates and coordinates,
 * cow_capitals_peacesciencer.csv (Miller 2022, "peacesciencer: An R Package
 * for Quantitative Peace Science Research", Conflict Management and Peace
 * Science 39(6): 755-779; capitals coded by Miller, geocoded with
 * OpenStreetMap Nominatim).
 *
 * One row per capital spell: ccode, statenme, capital, stdate, enddate (ISO
 * dates YYYY-MM-DD), lat, lng. The coordinates are geocoder output and can be
 * 0.1-0.3 degrees from a city's centre (Beijing is 40.19 N).
 */
#include <shi/csv.h>
#include <shi/io_dyad.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

void shi_capital_table_destroy(shi_capital_table *t)
{
    if (!t) {
        return;
    }
    free(t->ccode);
    free(t->start);
    free(t->end);
    free(t->lat);
    free(t->lon);
    free(t->name);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Parse an ISO date "YYYY-MM-DD" (exactly that form) that exists in the
 * Gregorian calendar, with the year in 1800-2100, into yyyymmdd. */
static int parse_iso_date(const char *f, int32_t *out)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int k = 0; k < 10; k++) {
        int dash = k == 4 || k == 7;
        if (dash ? f[k] != '-' : (f[k] < '0' || f[k] > '9')) {
            return -1;
        }
    }
    if (f[10] != '\0') {
        return -1;
    }
    int y = (f[0] - '0') * 1000 + (f[1] - '0') * 100 + (f[2] - '0') * 10 + (f[3] - '0');
    int m = (f[5] - '0') * 10 + (f[6] - '0');
    int d = (f[8] - '0') * 10 + (f[9] - '0');
    if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1) {
        return -1;
    }
    if (d > mdays[m - 1] + (m == 2 && is_leap(y))) {
        return -1;
    }
    *out = (int32_t)(y * 10000 + m * 100 + d);
    return 0;
}

static int date_num(const char *f, double *v)
{
    int32_t d;
    if (parse_iso_date(f, &d) != 0) {
        return 0;
    }
    *v = d;
    return 1;
}

shi_status shi_io_read_capitals(const char *path, shi_capital_table *out, shi_err *err)
{
    enum { C_CCODE, C_NAME, C_START, C_END, C_LAT, C_LON, NCOLS };
    static const char *const date = "expected a calendar date YYYY-MM-DD in 1800-2100";
    const shi_i_col cols[NCOLS] = {
        {"ccode", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999,
         .what = "expected a COW code 1-999", SHI_I_TO(out->ccode)},
        {"capital", .type = SHI_I_TEXT, .lo = 1, .hi = SHI_CAPITAL_NAME_MAX - 1,
         .what = "expected a capital's name of 1-63 bytes", SHI_I_TO(out->name)},
        {"stdate", .type = SHI_I_CUSTOM, .flags = SHI_I_KEY, .lo = -HUGE_VAL, .hi = HUGE_VAL,
         .what = date, .parse = date_num, SHI_I_TO(out->start)},
        {"enddate", .type = SHI_I_CUSTOM, .lo = -HUGE_VAL, .hi = HUGE_VAL, .what = date,
         .parse = date_num, SHI_I_TO(out->end)},
        {"lat", .type = SHI_I_REAL, .lo = -90, .hi = 90, .what = "expected a latitude in [-90, 90]",
         SHI_I_TO(out->lat)},
        {"lng", .type = SHI_I_REAL, .lo = -180, .hi = 180,
         .what = "expected a longitude in [-180, 180]", SHI_I_TO(out->lon)},
    };
    const shi_i_dest dest = {&out->n, &out->cap, 256, &out->line, &out->col, C_CCODE, NULL, 0};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, 0, C_LAT, err)) != SHI_OK) {
            break;
        }
        if (rd.v[C_END] < rd.v[C_START]) {
            s = shi_i_bad(&rd, C_END, "expected an end date not before stdate", err);
            break;
        }
        if ((s = shi_i_parse(&rd, C_LAT, NCOLS, err)) != SHI_OK) {
            break;
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}
