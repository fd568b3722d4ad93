/*
 * cmd_align.c - `shi align A B`: the issue-area scorecard of a pair.
 */
#include "cli.h"

#include <math.h>
#include <string.h>

#include <shi/align.h>

int cmd_align(shi_cli *cli, int argc, char **argv)
{
    const char *years = NULL, *model = NULL, *format = NULL, *out = NULL;
    int window = 5, summary = 0;
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
    int help;
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
    if (model && (s = shi_threat_model_load(&m, model, &cli->err)) != SHI_OK) {
        return s;
    }
    if ((s = cli_data(cli, SHI_DATA_RELATIONS, NULL, NULL)) != SHI_OK) {
        return s;
    }
    const shi_panel *p = &cli->data.caps;
    int y0 = 1992 > p->year_min ? 1992 : p->year_min, y1 = p->year_max;
    if (years && (s = cli_years("years", years, p->year_min, p->year_max, &y0, &y1, &cli->err))) {
        return s;
    }
    const shi_state *a, *b;
    if ((s = shi_states_resolve(&cli->data.states, pos[0], y1, &a, &cli->err)) ||
        (s = shi_states_resolve(&cli->data.states, pos[1], y1, &b, &cli->err))) {
        return s;
    }
    if (a == b) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "align: the two states are the same");
    }
    shi_align al;
    if ((s = shi_align_compute(&al, &cli->data, &m, a->ccode, b->ccode, y0, y1, window,
                               &cli->err))) {
        return s;
    }
    const shi_align_indicator *ind = shi_align_indicators();
    shi_table *t = shi_table_new();
    if (!t) {
        shi_align_destroy(&al);
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    if (!summary) {
        const char *names[] = {"year", "area", "indicator", "value", "trend", "direction"};
        const char types[] = {'i', 's', 's', 'f', 'f', 's'};
        for (int c = 0; c < 6 && s == SHI_OK; c++) {
            s = shi_table_column(t, names[c], types[c], c == 4 ? 5 : 4, &cli->err);
        }
        for (int y = y0; y <= y1 && s == SHI_OK; y++) {
            for (int k = 0; k < SHI_AL_N && s == SHI_OK; k++) {
                double v = al.value[k][y - al.ys];
                if (isnan(v)) {
                    continue;
                }
                if ((s = shi_table_int(t, y, &cli->err)) ||
                    (s = shi_table_str(t, shi_area_name(ind[k].area), &cli->err)) ||
                    (s = shi_table_str(t, ind[k].name, &cli->err)) ||
                    (s = shi_table_real(t, v, &cli->err)) ||
                    (s = shi_table_real(t, al.slope[k][y - al.ys], &cli->err))) {
                    break;
                }
                s = shi_table_str(t, shi_direction_name(al.dir[k][y - al.ys]), &cli->err);
            }
        }
    } else {
        const char *names[] = {"area",      "indicator", "first_year", "first",
                               "last_year", "last",      "direction",  "sphere"};
        const char types[] = {'s', 's', 'i', 'f', 'i', 'f', 's', 's'};
        for (int c = 0; c < 8 && s == SHI_OK; c++) {
            s = shi_table_column(t, names[c], types[c], 4, &cli->err);
        }
        for (int area = 0; area < SHI_AREA_N && s == SHI_OK; area++) {
            double score;
            shi_direction ad = shi_align_area_direction(&al, (shi_area)area, &score);
            const char *sphere = ad == SHI_DIR_CONVERGING  ? "congruity"
                                 : ad == SHI_DIR_DIVERGING ? "incongruity"
                                 : ad == SHI_DIR_STABLE    ? "stable"
                                                           : "no data";
            for (int k = 0; k < SHI_AL_N && s == SHI_OK; k++) {
                if ((int)ind[k].area != area) {
                    continue;
                }
                int f0 = 0, f1 = 0;
                for (int y = y0; y <= y1; y++) {
                    if (!isnan(al.value[k][y - al.ys])) {
                        f1 = y;
                        f0 = f0 ? f0 : y;
                    }
                }
                double sl;
                shi_direction kd = shi_align_indicator_direction(&al, k, &sl);
                if ((s = shi_table_str(t, shi_area_name((shi_area)area), &cli->err)) ||
                    (s = shi_table_str(t, ind[k].name, &cli->err))) {
                    break;
                }
                if (f0) {
                    if ((s = shi_table_int(t, f0, &cli->err)) ||
                        (s = shi_table_real(t, al.value[k][f0 - al.ys], &cli->err)) ||
                        (s = shi_table_int(t, f1, &cli->err)) ||
                        (s = shi_table_real(t, al.value[k][f1 - al.ys], &cli->err))) {
                        break;
                    }
                } else {
                    for (int q = 0; q < 4 && s == SHI_OK; q++) {
                        s = shi_table_missing(t, &cli->err);
                    }
                }
                if (s == SHI_OK) {
                    s = shi_table_str(t, shi_direction_name(kd), &cli->err);
                }
                if (s == SHI_OK) {
                    s = shi_table_str(t, sphere, &cli->err);
                }
            }
        }
    }
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    shi_table_free(t);
    shi_align_destroy(&al);
    return s;
}
