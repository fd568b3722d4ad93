/*
 * cmd_report.c - `shi report A B`: the study's analysis of a pair of states,
 * as a terminal summary or (with -o) one self-contained HTML page. The
 * analysis is computed once (src/analysis/pair.c) and formatted by src/report;
 * this only parses arguments and loads the data.
 */
#include "cli.h"

#include <shi/outfile.h>
#include <shi/pair.h>
#include <shi/report.h>

typedef struct summary_arg {
    shi_cli *cli;
    const shi_pair_analysis *pa;
} summary_arg;

static shi_status print_summary(FILE *f, void *arg)
{
    summary_arg *x = arg;
    return shi_report_summary(f, &x->cli->data, x->pa, &x->cli->err);
}

/* The terminal summary (its long lines wrapped on a terminal), or with -o FILE
 * the HTML page (written atomically). */
static shi_status report_write(shi_cli *cli, const shi_pair_analysis *pa, const char *out)
{
    if (!out) {
        summary_arg x = {cli, pa};
        return cli_print_wrapped(print_summary, &x, &cli->err);
    }
    shi_outfile o;
    shi_status s = shi_outfile_open(&o, out, &cli->err);
    if (s == SHI_OK) {
        s = shi_report_html(o.fp, &cli->data, pa, &cli->err);
        if (s == SHI_OK) {
            s = shi_outfile_commit(&o, &cli->err);
        }
        shi_outfile_abort(&o);
    }
    return s;
}

int cmd_report(shi_cli *cli, int argc, char **argv)
{
    const char *third = NULL, *years = NULL, *out = NULL, *events = NULL;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "third", &third, "STATE",
         "the third state (default: the most capable other state in the last year)"},
        {OPT_STRING, 0, "years", &years, "A-B", "years covered (default 1992 to the last year)"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write the HTML report to FILE"},
        {OPT_STRING, 0, "events", &events, "FILE", "your own events file (default: shi's)"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[2];
    size_t npos;
    int help;
    shi_status s = cli_parse("report", "shi report A B [--third STATE] [--years A-B] [-o FILE]",
                             opts, argc, argv, pos, 2, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (npos != 2) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "report: needs two states, e.g. 'shi report RUS CHN'");
    }
    /* The economic part too (the power section compares CINC with GDP), and
     * energy (an issue area). */
    if ((s = cli_data(cli, SHI_DATA_RELATIONS | SHI_DATA_ECON | SHI_DATA_ENERGY, NULL, NULL)) !=
        SHI_OK) {
        return s;
    }
    shi_panel *p = &cli->data.caps;
    int y0 = p->year_max - 30 > p->year_min ? p->year_max - 30 : p->year_min, y1 = p->year_max;
    const shi_state *a, *b, *c = NULL;
    if ((s = cli_years_pair(cli, years, pos, &y0, &y1, &a, &b)) != SHI_OK) {
        return s;
    }
    if (third && (s = shi_states_resolve(&cli->data.states, third, y1, &c, &cli->err))) {
        return s;
    }
    if (a == b || (c && (c == a || c == b))) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "report: the states must be different");
    }
    /* The events file last, so that a bad state or year is reported first. */
    if ((s = cli_data(cli, SHI_DATA_EVENTS, NULL, events)) != SHI_OK) {
        return s;
    }
    /* The threat validation only for the HTML page's appendix. */
    shi_pair_opts po = {a->ccode, b->ccode, c ? c->ccode : 0, y0, y1, NULL, out != NULL, NULL};
    shi_pair_analysis pa;
    if ((s = shi_pair_analyze(&pa, &cli->data, &po, &cli->err)) != SHI_OK) {
        return s;
    }
    s = report_write(cli, &pa, out);
    shi_pair_free(&pa);
    return s;
}
