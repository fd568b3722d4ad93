/*
 * cmd_align.c - `shi align A B`: the issue-area scorecard of a pair.
 */
#include "cli.h"

#include <math.h>
#include <string.h>

#include <shi/align.h>

/* Declare n columns: names, types ('i', 'f', 's') and digits. */
static shi_status columns(shi_table *t, const char *const *names, const char *types,
                          const int *digits, int n, shi_err *err)
{
    shi_status s = SHI_OK;
    for (int c = 0; c < n && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], digits[c], err);
    }
    return s;
}

/* One row per year and indicator with a value: raw value, closeness (up is
 * closer), flag, and the rolling trend test. */
static shi_status year_rows(shi_table *t, const shi_align *al, shi_err *err)
{
    const char *names[] = {"year", "area",  "indicator", "value",    "closeness",
                           "flag", "trend", "p",         "direction"};
    const int digits[] = {0, 0, 0, 4, 4, 0, 5, 4, 0};
    const shi_align_indicator *ind = shi_align_indicators();
    shi_status s = columns(t, names, "issffsffs", digits, 9, err);
    for (int y = al->y0; y <= al->y1 && s == SHI_OK; y++) {
        for (int k = 0; k < SHI_AL_N && s == SHI_OK; k++) {
            size_t i = (size_t)(y - al->ys);
            if (isnan(al->value[k][i])) {
                continue;
            }
            const char *flag = al->flag[k][i] & SHI_AL_FLAG_ZERO ? "possibly missing zero" : "";
            if ((s = shi_table_int(t, y, err)) ||
                (s = shi_table_str(t, shi_area_name(ind[k].area), err)) ||
                (s = shi_table_str(t, ind[k].name, err)) ||
                (s = shi_table_real(t, al->value[k][i], err)) ||
                (s = shi_table_real(t, al->close[k][i], err)) ||
                (s = shi_table_str(t, flag, err)) ||
                (s = shi_table_real(t, al->slope[k][i], err)) ||
                (s = shi_table_real(t, al->p[k][i], err))) {
                break;
            }
            s = shi_table_str(t, shi_direction_name(al->dir[k][i]), err);
        }
    }
    return s;
}

/* First and last year with a value, and the raw values then. */
static shi_status span_cells(shi_table *t, const shi_align *al, const double *x, shi_err *err)
{
    int f0 = 0, f1 = 0;
    for (int y = al->y0; y <= al->y1; y++) {
        if (!isnan(x[y - al->ys])) {
            f1 = y;
            f0 = f0 ? f0 : y;
        }
    }
    shi_status s = SHI_OK;
    if (!f0) {
        for (int q = 0; q < 4 && s == SHI_OK; q++) {
            s = shi_table_missing(t, err);
        }
        return s;
    }
    if ((s = shi_table_int(t, f0, err)) || (s = shi_table_real(t, x[f0 - al->ys], err)) ||
        (s = shi_table_int(t, f1, err))) {
        return s;
    }
    return shi_table_real(t, x[f1 - al->ys], err);
}

/* The trend cells of a summary row: Sen's slope and interval, p, threshold,
 * direction. */
static shi_status trend_cells(shi_table *t, const shi_align_trend *tr, double tol, shi_err *err)
{
    shi_status s;
    if ((s = shi_table_real(t, tr->mk.sen, err)) || (s = shi_table_real(t, tr->mk.sen_lo, err)) ||
        (s = shi_table_real(t, tr->mk.sen_hi, err)) || (s = shi_table_real(t, tr->mk.p, err)) ||
        (s = shi_table_real(t, tol, err))) {
        return s;
    }
    return shi_table_str(t, shi_direction_name(tr->dir), err);
}

/* The area cells: label, its sensitivity to the variant, drivers, sphere, years. */
static shi_status area_cells(shi_table *t, const shi_align *al, int area, shi_err *err)
{
    char sens[512], drv[512], yrs[32] = "-";
    shi_align_sensitivity_text(al, area, sens, sizeof sens);
    shi_align_drivers_text(al, shi_align_indicators(), area, drv, sizeof drv);
    if (al->area_y[area][0]) {
        snprintf(yrs, sizeof yrs, "%d-%d", al->area_y[area][0], al->area_y[area][1]);
    }
    shi_status s;
    if ((s = shi_table_str(t, shi_direction_name(al->area_label[area][SHI_ALSIM_PI]), err)) ||
        (s = shi_table_str(t, sens, err)) || (s = shi_table_str(t, drv, err)) ||
        (s = shi_table_str(t, shi_align_sphere_name(al->sphere[area]), err))) {
        return s;
    }
    return shi_table_str(t, yrs, err);
}

/* One summary row: indicator k (v < 0) or similarity variant v. */
static shi_status summary_row(shi_table *t, const shi_align *al, int area, int k, int v,
                              shi_err *err)
{
    const shi_align_indicator *ind = shi_align_indicators();
    char name[96], nflag[16];
    snprintf(name, sizeof name, v < 0 ? "%s" : "%s[%s]", ind[k].name, shi_align_sim_name(v));
    snprintf(nflag, sizeof nflag, "%d", v < 0 ? al->nflag[k] : 0);
    const double *x = v < 0 ? al->value[k] : al->sim[v];
    shi_status s;
    if ((s = shi_table_str(t, shi_area_name((shi_area)area), err)) ||
        (s = shi_table_str(t, name, err)) || (s = shi_table_str(t, ind[k].closeness, err)) ||
        (s = span_cells(t, al, x, err)) ||
        (s = trend_cells(t, v < 0 ? &al->trend[k] : &al->sim_trend[v],
                         v < 0 ? al->tol[k] : al->sim_tol[v], err)) ||
        (s = shi_table_str(t, nflag, err))) {
        return s;
    }
    return area_cells(t, al, area, err);
}

/* --summary: one row per indicator (and similarity variant) over the whole
 * period, with its area's label, sensitivity and sphere. */
static shi_status summary_rows(shi_table *t, const shi_align *al, shi_err *err)
{
    const char *names[] = {"area",      "indicator", "closeness", "first_year", "first",
                           "last_year", "last",      "sen_slope", "slope_lo",   "slope_hi",
                           "p",         "threshold", "direction", "flagged",    "area_label",
                           "variants",  "drivers",   "sphere",    "years"};
    const int digits[] = {0, 0, 0, 0, 4, 0, 4, 5, 5, 5, 4, 5, 0, 0, 0, 0, 0, 0, 0};
    const shi_align_indicator *ind = shi_align_indicators();
    shi_status s = columns(t, names, "sssififfffffsssssss", digits, 19, err);
    for (int area = 0; area < SHI_AREA_N && s == SHI_OK; area++) {
        for (int k = 0; k < SHI_AL_N && s == SHI_OK; k++) {
            if ((int)ind[k].area != area) {
                continue;
            }
            s = summary_row(t, al, area, k, -1, err);
            for (int v = 1; k == SHI_AL_S && v < SHI_ALSIM_N && s == SHI_OK; v++) {
                s = summary_row(t, al, area, k, v, err);
            }
        }
    }
    return s;
}

/* The data from the first year the analysis reads (shi_align_from: from
 * --years' first year, read here before it is checked against the data),
 * then the years (default 1992 to the last of the data) and the two states.
 * One load: the capabilities then load beside the check of the relations. */
static shi_status align_pair(shi_cli *cli, const char *years, const char *const *pos,
                             const shi_threat_model *m, int window, int *y0, int *y1,
                             const shi_state **a, const shi_state **b)
{
    int first = 1992, last;
    shi_err ignored = {0};
    if (years && cli_years("years", years, -100000, 100000, &first, &last, &ignored) != SHI_OK) {
        first = 1992; /* malformed: reported below */
    }
    /* No shared IGOs in the scorecard: that part is left out. */
    shi_status s = cli_data_from(cli, SHI_DATA_RELATIONS | SHI_DATA_ENERGY,
                                 shi_align_from(m, first, window), SHI_DATA_OMIT_IGO);
    if (s != SHI_OK) {
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
         "one row per indicator over the whole period: trend test, area label, sphere"},
        {OPT_STRING, 'm', "model", &model, "FILE", "threat model (YAML)"},
        {OPT_STRING, 0, "format", &format, "FMT",
         "table (default), csv, tsv, json, jsonl, sqlite or dta"},
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
    memset(&al, 0, sizeof al);
    if ((model && (s = shi_threat_model_load(&m, model, &cli->err))) ||
        (s = align_pair(cli, years, pos, &m, window, &y0, &y1, &a, &b)) ||
        (s = shi_align_compute(&al, &cli->data, &m, a->ccode, b->ccode, y0, y1, window,
                               &cli->err)) ||
        (s = shi_align_assess(&al, &cli->data, &m, &cli->err))) {
        shi_align_destroy(&al);
        return s;
    }
    shi_table *t = shi_table_new();
    s = !t        ? shi_err_set(&cli->err, SHI_EIO, "out of memory")
        : summary ? summary_rows(t, &al, &cli->err)
                  : year_rows(t, &al, &cli->err);
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    shi_table_free(t);
    shi_align_destroy(&al);
    return s;
}
