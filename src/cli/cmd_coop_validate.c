/*
 * cmd_coop_validate.c - `shi coop validate [--fit-end YEAR]`: does the pair's
 * estimated game separate the pairs that kept the peace from those that
 * fought? Prints shi_coop_validate (docs/coop.md, "Validation").
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#include <shi/coop_dyad.h>

/* The validation table: one row per horizon, sample and score. */
static shi_status table_rows(shi_cli *cli, shi_table *t, const shi_coop_validation *v)
{
    static const char *const names[] = {"horizon", "sample", "n",    "fought",
                                        "score",   "auc",    "brier"};
    static const char types[] = {'i', 's', 'i', 'i', 's', 'f', 'f'};
    shi_status s = SHI_OK;
    for (int c = 0; c < 7 && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], 4, &cli->err);
    }
    for (size_t c = 0; c < v->ncell && s == SHI_OK; c++) {
        const shi_coop_vcell *e = &v->cell[c];
        for (int k = 0; k < SHI_CVS_N && s == SHI_OK; k++) {
            if ((s = shi_table_int(t, e->horizon, &cli->err)) ||
                (s = shi_table_str(t, e->at_peace ? "at peace in t" : "all", &cli->err)) ||
                (s = shi_table_int(t, (long)e->n, &cli->err)) ||
                (s = shi_table_int(t, (long)e->n_pos, &cli->err)) ||
                (s = shi_table_str(t, shi_coop_vscore_name(k), &cli->err)) ||
                (s = shi_table_real(t, e->row[k].auc, &cli->err))) {
                break;
            }
            s = shi_table_real(t, e->row[k].brier, &cli->err);
        }
    }
    return s;
}

/* The heading of the text output: the fit and how often the verdict says yes. */
static void print_heading(const shi_coop_validation *v)
{
    printf("shi coop validate: the estimated game against MID onsets (GML MID 2.1.1; "
           "docs/coop.md)\nfitted on t = %d-%d (n = %zu, %zu followed by a dispute), "
           "tested on t >= %d\ncoefficients:",
           v->fit.y0, v->fit.y1, v->fit.n, v->fit.n_events, v->test_y0);
    printf(" intercept %.4f", v->fit.beta[0]);
    for (int k = 0; k < SHI_CV_N; k++) {
        printf(", %s %.4f", shi_coop_covar_name(k), v->fit.beta[1 + k]);
    }
    for (size_t c = 0; c < v->ncell; c++) {
        printf("\nH = %d, %s: verdict sustainable for %zu of %zu (of which %zu fought)",
               v->cell[c].horizon, v->cell[c].at_peace ? "at peace in t" : "all", v->cell[c].n_sust,
               v->cell[c].n, v->cell[c].n_sust_pos);
    }
    printf("\n\n");
}

int cmd_coop_validate(shi_cli *cli, int argc, char **argv)
{
    const char *fit_s = NULL, *format = NULL, *out = NULL;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "fit-end", &fit_s, "YEAR",
         "fit on outcomes known by YEAR, test after (default 1980)"},
        {OPT_STRING, 0, "format", &format, "FMT",
         "table (default), csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    size_t npos;
    int help;
    shi_status s = cli_parse("coop validate", "shi coop validate [--fit-end YEAR]", opts, argc,
                             argv, NULL, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help || (s = cli_data(cli, SHI_DATA_RELATIONS, NULL, NULL)) != SHI_OK) {
        return s;
    }
    int fy = 1980, y1 = 1980;
    if (fit_s && (s = cli_years("fit-end", fit_s, cli->data.dy.mid_y0 + 2, cli->data.dy.mid_y1 - 2,
                                &fy, &y1, &cli->err))) {
        return s;
    }
    shi_coop_validation *v = malloc(sizeof *v);
    shi_table *t = shi_table_new();
    if (!v || !t) {
        s = shi_err_set(&cli->err, SHI_EIO, "out of memory");
    } else if ((s = shi_coop_validate(&cli->data, y1, v, &cli->err)) == SHI_OK &&
               (s = table_rows(cli, t, v)) == SHI_OK) {
        if (!out && (!format || (format[0] == 't' && format[1] == 'a'))) {
            print_heading(v);
        }
        s = cli_write_table(t, format, out, &cli->err);
    }
    shi_table_free(t);
    free(v);
    return s;
}
