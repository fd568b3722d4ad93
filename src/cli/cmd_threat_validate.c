/*
 * cmd_threat_validate.c - `shi threat validate`: print the out-of-sample
 * validation table of the threat index (computed by shi_threat_validate,
 * src/analysis/threat_validate.c; docs/threat.md).
 */
#include "cli.h"

#include <shi/power.h>
#include <shi/threat.h>
#include <shi/threat_validate.h>

/* The table: per outcome, period and score, AUC, top-k hits and counts. */
static shi_status table_rows(shi_cli *cli, shi_table *t, const shi_threat_validation *v)
{
    static const char *const names[] = {"outcome", "period", "years",  "score", "auc",
                                        "top1",    "top5",   "groups", "n_pos", "n"};
    static const char types[] = {'s', 's', 's', 's', 'f', 'f', 'f', 'i', 'i', 'i'};
    static const char *const outn[SHI_TV_NOUT] = {"mid_onset", "ucdp_conflict"};
    static const char *const pern[SHI_TV_NPERIOD] = {"train", "test"};
    shi_status s = SHI_OK;
    for (int c = 0; c < 10 && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], 4, &cli->err);
    }
    for (int o = 0; o < SHI_TV_NOUT && s == SHI_OK; o++) {
        for (int p = 0; p < SHI_TV_NPERIOD && s == SHI_OK; p++) {
            char yrs[32];
            snprintf(yrs, sizeof yrs, "%d-%d", v->y0[o][p], v->y1[o][p]);
            for (int k = 0; k < SHI_TV_NSCORE && s == SHI_OK; k++) {
                const shi_tv_cell *c = &v->cell[o][p][k];
                if ((s = shi_table_str(t, outn[o], &cli->err)) ||
                    (s = shi_table_str(t, pern[p], &cli->err)) ||
                    (s = shi_table_str(t, yrs, &cli->err)) ||
                    (s = shi_table_str(t, shi_tv_score_name(k), &cli->err)) ||
                    (s = shi_table_real(t, c->auc, &cli->err)) ||
                    (s = shi_table_real(t, c->top1, &cli->err)) ||
                    (s = shi_table_real(t, c->top5, &cli->err)) ||
                    (s = shi_table_int(t, (int64_t)c->groups, &cli->err)) ||
                    (s = shi_table_int(t, (int64_t)c->n_pos, &cli->err))) {
                    break;
                }
                s = shi_table_int(t, (int64_t)c->n, &cli->err);
            }
        }
    }
    return s;
}

int cmd_threat_validate(shi_cli *cli, int argc, char **argv)
{
    const char *model = NULL, *format = NULL, *out = NULL;
    int train_end = 1980, horizon = 5;
    const cli_opt opts[] = {
        {OPT_STRING, 'm', "model", &model, "FILE", "threat model (YAML; docs/threat.md)"},
        {OPT_INT, 0, "train-end", &train_end, "YEAR",
         "last outcome year of the training period (default 1980)"},
        {OPT_INT, 0, "horizon", &horizon, "N", "outcome years after each year (default 5)"},
        {OPT_STRING, 0, "format", &format, "FMT", "table (default), csv, tsv or json"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    size_t npos;
    int help;
    shi_status s =
        cli_parse("threat validate", "shi threat validate [--model FILE] [--train-end YEAR]", opts,
                  argc, argv, NULL, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    shi_threat_model m = shi_threat_model_default();
    if (model && (s = shi_threat_model_load(&m, model, &cli->err)) != SHI_OK) {
        return s;
    }
    /* A power measure on GDP needs the economic part of the data. */
    const shi_power_measure *pm = shi_power_measure_find(m.measure);
    if ((s = cli_data(cli, SHI_DATA_RELATIONS | (pm ? pm->parts : 0), NULL, NULL)) != SHI_OK) {
        return s;
    }
    shi_threat_validation v;
    if ((s = shi_threat_validate(&cli->data, &m, train_end, horizon, &v, &cli->err)) != SHI_OK) {
        return s;
    }
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    if ((s = table_rows(cli, t, &v)) == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    shi_table_free(t);
    return s;
}
