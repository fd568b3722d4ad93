/*
 * cmd_coop_dyad.c - `shi coop A B [--year Y]`: can the pair sustain
 * cooperation? The prisoner's dilemma calibrated from its data.
 */
#include "cli.h"

#include <math.h>
#include <stdio.h>

#include <shi/coop_dyad.h>

/* The rules' rows of each year, the calibration of the last into *cd. */
static shi_status dyad_rows(shi_cli *cli, shi_table *t, const shi_state *a, const shi_state *b,
                            int y0, int y1, shi_coop_dyad *cd)
{
    static const char *const names[] = {"year",  "rule",   "threshold",
                                        "delta", "margin", "sustainable"};
    static const char types[] = {'i', 's', 'f', 'f', 'f', 'b'};
    static const char *const rules[SHI_COOP_RULE_N] = {
        "Grim Trigger vs itself", "TFT resists Always Defect", "TFT resists alternation",
        "TFT collectively stable"};
    shi_status s = SHI_OK;
    for (int c = 0; c < 6 && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], 3, &cli->err);
    }
    for (int y = y0; y <= y1 && s == SHI_OK; y++) {
        if ((s = shi_coop_dyad_calibrate(cd, &cli->data, NULL, a->ccode, b->ccode, y, &cli->err))) {
            break;
        }
        for (int r = 0; r < SHI_COOP_RULE_N && s == SHI_OK; r++) {
            double thr = shi_coop_rule_threshold(&cd->thr, (shi_coop_rule)r);
            if ((s = shi_table_int(t, y, &cli->err)) ||
                (s = shi_table_str(t, rules[r], &cli->err)) ||
                (s = shi_table_real(t, thr, &cli->err)) ||
                (s = shi_table_real(t, cd->delta, &cli->err)) ||
                (s = shi_table_real(t, cd->delta - thr, &cli->err))) {
                break;
            }
            s = cd->computable ? shi_table_flag(t, cd->delta >= thr, &cli->err)
                               : shi_table_missing(t, &cli->err); /* not computable */
        }
    }
    return s;
}

/* The heading of the text output. */
static void print_heading(const shi_state *a, const shi_state *b, int y1, const shi_coop_dyad *cd)
{
    printf("shi coop: %s (%s) and %s (%s), %d - the prisoner's dilemma estimated from what "
           "states did (docs/coop.md)\n",
           a->name, a->abb, b->name, b->abb, y1);
    if (cd->computable) {
        printf("payoffs T=%.3f R=%.0f P=%.0f S=%.3f (temptation g=%.3f); shadow of the "
               "future delta=%.4f (peace years %.0f, alliance %s, trade dependence %.4f); "
               "implied P(no dispute next year) %.4f\n\n",
               cd->payoffs.T, cd->payoffs.R, cd->payoffs.P, cd->payoffs.S, cd->g, cd->delta,
               cd->peace_years, cd->x[SHI_CV_ALLIANCE] > 0 ? "yes" : "no", cd->trade_dep,
               cd->p_coop);
    } else {
        printf("not computable (missing: %s)\n\n", cd->missing);
    }
}

/* The year (default 2014) and the two states. */
static shi_status dyad_pair(shi_cli *cli, const char *year_s, const char *const *pos, int *y0,
                            int *y1, const shi_state **a, const shi_state **b)
{
    shi_status s;
    if ((s = cli_data(cli, SHI_DATA_RELATIONS, NULL, NULL)) != SHI_OK) {
        return s;
    }
    const shi_panel *p = &cli->data.caps;
    *y0 = *y1 = 2014;
    if (year_s &&
        (s = cli_years("year", year_s, p->year_min + 9, p->year_max, y0, y1, &cli->err))) {
        return s;
    }
    if ((s = cli_pair(cli, pos, *y1, a, b)) != SHI_OK) {
        return s;
    }
    if (*a == *b) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "coop: the two states are the same");
    }
    return SHI_OK;
}

int cmd_coop_dyad(shi_cli *cli, int argc, char **argv)
{
    const char *year_s = NULL, *format = NULL, *out = NULL;
    const cli_opt opts[] = {
        {OPT_STRING, 'y', "year", &year_s, "YEAR",
         "the year (default 2014, the last with trade data)"},
        {OPT_STRING, 0, "format", &format, "FMT",
         "table (default), csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[2];
    size_t npos;
    int help, y0, y1;
    shi_status s = cli_parse("coop", "shi coop A B [--year Y]", opts, argc, argv, pos, 2, &npos,
                             &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (npos != 2) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "coop: give two states, e.g. 'shi coop RUS CHN'");
    }
    const shi_state *a, *b;
    if ((s = dyad_pair(cli, year_s, pos, &y0, &y1, &a, &b)) != SHI_OK) {
        return s;
    }
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    shi_coop_dyad cd;
    s = dyad_rows(cli, t, a, b, y0, y1, &cd);
    int text = !format || (format[0] == 't' && format[1] == 'a');
    if (s == SHI_OK && text && !out) {
        print_heading(a, b, y1, &cd);
    }
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    shi_table_free(t);
    return s;
}
