/*
 * cmd_align.c - `shi align A B`: the issue-area scorecard of a pair.
 */
#include "cli.h"

#include <math.h>
#include <string.h>

#include <shi/align.h>

/* One row per year and indicator with a value. */
static shi_status year_rows(shi_table *t, const shi_align *al, int y0, int y1, shi_err *err)
{
    const char *names[] = {"year", "area", "indicator", "value", "trend", "direction"};
    const char types[] = {'i', 's', 's', 'f', 'f', 's'};
    const shi_align_indicator *ind = shi_align_indicators();
    shi_status s = SHI_OK;
    for (int c = 0; c < 6 && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], c == 4 ? 5 : 4, err);
    }
    for (int y = y0; y <= y1 && s == SHI_OK; y++) {
        for (int k = 0; k < SHI_AL_N && s == SHI_OK; k++) {
            double v = al->value[k][y - al->ys];
            if (isnan(v)) {
                continue;
            }
            if ((s = shi_table_int(t, y, err)) ||
                (s = shi_table_str(t, shi_area_name(ind[k].area), err)) ||
                (s = shi_table_str(t, ind[k].name, err)) || (s = shi_table_real(t, v, err)) ||
                (s = shi_table_real(t, al->slope[k][y - al->ys], err))) {
                break;
            }
            s = shi_table_str(t, shi_direction_name(al->dir[k][y - al->ys]), err);
        }
    }
    return s;
}

/* The summary row of indicator k in its area's sphere. */
static shi_status summary_row(shi_table *t, const shi_align *al, shi_area area, int k,
                              const char *sphere, shi_err *err)
{
    const shi_align_indicator *ind = shi_align_indicators();
    int f0, f1;
    double sl;
    shi_direction kd = shi_align_indicator_direction(al, k, &sl);
    shi_status s;
    if ((s = shi_table_str(t, shi_area_name(area), err)) ||
        (s = shi_table_str(t, ind[k].name, err))) {
        return s;
    }
    if (shi_align_indicator_span(al, k, &f0, &f1)) {
        if ((s = shi_table_int(t, f0, err)) ||
            (s = shi_table_real(t, al->value[k][f0 - al->ys], err)) ||
            (s = shi_table_int(t, f1, err)) ||
            (s = shi_table_real(t, al->value[k][f1 - al->ys], err))) {
            return s;
        }
    } else {
        for (int q = 0; q < 4 && s == SHI_OK; q++) {
            s = shi_table_missing(t, err);
        }
    }
    if (s == SHI_OK) {
        s = shi_table_str(t, shi_direction_name(kd), err);
    }
    return s == SHI_OK ? shi_table_str(t, sphere, err) : s;
}

/* --summary: one row per indicator and area over the whole period. */
static shi_status summary_rows(shi_table *t, const shi_align *al, shi_err *err)
{
    const char *names[] = {"area",      "indicator", "first_year", "first",
                           "last_year", "last",      "direction",  "sphere"};
    const char types[] = {'s', 's', 'i', 'f', 'i', 'f', 's', 's'};
    const shi_align_indicator *ind = shi_align_indicators();
    shi_status s = SHI_OK;
    for (int c = 0; c < 8 && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], 4, err);
    }
    for (int area = 0; area < SHI_AREA_N && s == SHI_OK; area++) {
        double score;
        shi_direction ad = shi_align_area_direction(al, (shi_area)area, &score);
        for (int k = 0; k < SHI_AL_N && s == SHI_OK; k++) {
            if ((int)ind[k].area == area) {
                s = summary_row(t, al, (shi_area)area, k, shi_align_sphere_name(ad), err);
            }
        }
    }
    return s;
}

/* The years (default 1992 to the last of the data) and the two states. */
static shi_status align_pair(shi_cli *cli, const char *years, const char *const *pos, int *y0,
                             int *y1, const shi_state **a, const shi_state **b)
{
    shi_status s;
    if ((s = cli_data(cli, SHI_DATA_RELATIONS | SHI_DATA_ENERGY, NULL, NULL)) != SHI_OK) {
        return s;
    }
    const shi_panel *p = &cli->data.caps;
    *y0 = 1992 > p->year_min ? 1992 : p->year_min;
    *y1 = p->year_max;
    if ((s = cli_years_pair(cli, years, pos, y0, y1, a, b)) != SHI_OK) {
        return s;
    }
    if (*a == *b) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "align: the two states are the same");
    }
    return SHI_OK;
}

int cmd_align(shi_cli *cli, int argc, char **argv)
{
    const char *years = NULL, *model = NULL, *format = NULL, *out = NULL;
    int window = 5, summary = 0, help, y0, y1;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "years", &years, "A-B",
         "years (default 1992 to the last year of the data)"},
        {OPT_INT, 'w', "window", &window, "W", "years in each trend window (default 5)"},
        {OPT_FLAG, 's', "summary", &summary, NULL,
         "one row per indicator and area over the whole period: spheres of congruity"},
        {OPT_STRING, 'm', "model", &model, "FILE", "threat model (YAML)"},
        {OPT_STRING, 0, "format", &format, "FMT", "table (default), csv, tsv or json"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[2];
    size_t npos;
    shi_status s = cli_parse("align", "shi align A B [--years A-B] [--window W] [--summary]", opts,
                             argc, argv, pos, 2, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (npos != 2) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "align: needs two states, e.g. 'shi align RUS CHN'");
    }
    shi_threat_model m = shi_threat_model_default();
    const shi_state *a, *b;
    shi_align al;
    if ((model && (s = shi_threat_model_load(&m, model, &cli->err))) ||
        (s = align_pair(cli, years, pos, &y0, &y1, &a, &b)) ||
        (s = shi_align_compute(&al, &cli->data, &m, a->ccode, b->ccode, y0, y1, window,
                               &cli->err))) {
        return s;
    }
    shi_table *t = shi_table_new();
    s = !t        ? shi_err_set(&cli->err, SHI_EIO, "out of memory")
        : summary ? summary_rows(t, &al, &cli->err)
                  : year_rows(t, &al, y0, y1, &cli->err);
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    shi_table_free(t);
    shi_align_destroy(&al);
    return s;
}
