/*
 * cmd_coop_dyad.c - `shi coop A B [--year Y]`: can the pair sustain
 * cooperation? The prisoner's dilemma calibrated from its data.
 */
#include "cli.h"

#include <math.h>
#include <stdio.h>

#include <shi/coop_dyad.h>

int cmd_coop_dyad(shi_cli *cli, int argc, char **argv)
{
    const char *year_s = NULL, *format = NULL, *out = NULL;
    const cli_opt opts[] = {
        {OPT_STRING, 'y', "year", &year_s, "YEAR",
         "the year (default 2014, the last with trade data)"},
        {OPT_STRING, 0, "format", &format, "FMT", "table (default), csv, tsv or json"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[2];
    size_t npos;
    int help;
    shi_status s = cli_parse("coop", "shi coop A B [--year Y]", opts, argc, argv, pos, 2, &npos,
                             &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (npos != 2) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "coop: give two states, e.g. 'shi coop RUS CHN'");
    }
    if ((s = cli_data(cli, SHI_DATA_RELATIONS, NULL, NULL)) != SHI_OK) {
        return s;
    }
    const shi_panel *p = &cli->data.caps;
    int y0 = 2014, y1 = 2014;
    if (year_s &&
        (s = cli_years("year", year_s, p->year_min + 9, p->year_max, &y0, &y1, &cli->err))) {
        return s;
    }
    const shi_state *a, *b;
    if ((s = shi_states_resolve(&cli->data.states, pos[0], y1, &a, &cli->err)) ||
        (s = shi_states_resolve(&cli->data.states, pos[1], y1, &b, &cli->err))) {
        return s;
    }
    if (a == b) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "coop: the two states are the same");
    }
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    const char *names[] = {"year", "rule", "threshold", "delta", "margin", "sustainable"};
    const char types[] = {'i', 's', 'f', 'f', 'f', 's'};
    for (int c = 0; c < 6 && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], 3, &cli->err);
    }
    shi_coop_dyad cd;
    for (int y = y0; y <= y1 && s == SHI_OK; y++) {
        if ((s = shi_coop_dyad_calibrate(&cd, &cli->data, NULL, a->ccode, b->ccode, y,
                                         &cli->err))) {
            break;
        }
        const char *rules[] = {"Grim Trigger vs itself", "TFT resists Always Defect",
                               "TFT resists alternation", "TFT collectively stable"};
        double thr[] = {cd.thr.grim, cd.thr.tft_alld, cd.thr.tft_alt, cd.thr.tft};
        for (int r = 0; r < 4 && s == SHI_OK; r++) {
            if ((s = shi_table_int(t, y, &cli->err)) ||
                (s = shi_table_str(t, rules[r], &cli->err)) ||
                (s = shi_table_real(t, thr[r], &cli->err)) ||
                (s = shi_table_real(t, cd.delta, &cli->err)) ||
                (s = shi_table_real(t, cd.delta - thr[r], &cli->err))) {
                break;
            }
            s = shi_table_str(t,
                              !cd.computable       ? "not computable"
                              : cd.delta >= thr[r] ? "yes"
                                                   : "no",
                              &cli->err);
        }
    }
    int text = !format || (format[0] == 't' && format[1] == 'a');
    if (s == SHI_OK && text && !out) {
        printf("shi coop: %s (%s) and %s (%s), %d - the prisoner's dilemma estimated from what "
               "states did (docs/coop.md)\n",
               a->name, a->abb, b->name, b->abb, y1);
        if (cd.computable) {
            printf("payoffs T=%.3f R=%.0f P=%.0f S=%.3f (temptation g=%.3f); shadow of the "
                   "future delta=%.4f (peace years %.0f, alliance %s, trade dependence %.4f); "
                   "implied P(no dispute next year) %.4f\n\n",
                   cd.payoffs.T, cd.payoffs.R, cd.payoffs.P, cd.payoffs.S, cd.g, cd.delta,
                   cd.peace_years, cd.x[SHI_CV_ALLIANCE] > 0 ? "yes" : "no", cd.trade_dep,
                   cd.p_coop);
        } else {
            printf("not computable (missing: %s)\n\n", cd.missing);
        }
    }
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    shi_table_free(t);
    return s;
}
