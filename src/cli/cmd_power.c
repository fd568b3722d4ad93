/*
 * cmd_power.c - `shi power`: the configuration of power by year, states'
 * shares and trends, and `shi power transition` between two states.
 */
#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <shi/power.h>
#include <shi/tables.h>

#define MAX_STATES 64

static shi_status add_cols(shi_table *t, const char *const *names, const char *types,
                           const int *digits, int n, shi_err *err)
{
    shi_status s = SHI_OK;
    for (int c = 0; c < n && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], digits[c], err);
    }
    return s;
}

/* --series: the yearly capability ratio and its phase. */
static shi_status ratio_rows(shi_cli *cli, shi_table *t, size_t col, const shi_state *a,
                             const shi_state *b, int y0, int y1, double lo, double hi)
{
    static const char *const names[] = {"year", "challenger", "leader", "ratio", "phase"};
    static const char types[] = {'i', 's', 's', 'f', 's'};
    static const int digits[] = {0, 0, 0, 4, 0};
    shi_power_ratios rs = {0};
    shi_status s = add_cols(t, names, types, digits, 5, &cli->err);
    if (s == SHI_OK) {
        s = shi_power_ratio_series(&cli->data.caps, col, a->ccode, b->ccode, y0, y1, lo, hi, &rs,
                                   &cli->err);
    }
    for (size_t i = 0; i < rs.n && s == SHI_OK; i++) {
        if ((s = shi_table_int(t, rs.v[i].year, &cli->err)) ||
            (s = shi_table_str(t, a->abb, &cli->err)) ||
            (s = shi_table_str(t, b->abb, &cli->err)) ||
            (s = shi_table_real(t, rs.v[i].ratio, &cli->err))) {
            break;
        }
        s = shi_table_str(t, shi_parity_phase_name(rs.v[i].phase), &cli->err);
    }
    shi_power_ratios_free(&rs);
    return s;
}

/* The transition events. */
static shi_status event_rows(shi_cli *cli, shi_table *t, size_t col, const shi_state *a,
                             const shi_state *b, int y0, int y1, double lo, double hi)
{
    static const char *const names[] = {"year", "challenger", "leader", "event", "ratio", "since"};
    static const char types[] = {'i', 's', 's', 's', 'f', 'i'};
    static const int digits[] = {0, 0, 0, 0, 4, 0};
    shi_transitions tr = {0};
    shi_status s = shi_power_transitions(&cli->data.caps, col, a->ccode, b->ccode, y0, y1, lo, hi,
                                         &tr, &cli->err);
    if (s == SHI_OK) {
        s = add_cols(t, names, types, digits, 6, &cli->err);
    }
    for (size_t i = 0; i < tr.n && s == SHI_OK; i++) {
        if ((s = shi_table_int(t, tr.v[i].year, &cli->err)) ||
            (s = shi_table_str(t, a->abb, &cli->err)) ||
            (s = shi_table_str(t, b->abb, &cli->err)) ||
            (s = shi_table_str(t, shi_transition_name(tr.v[i].kind), &cli->err))) {
            break;
        }
        if ((s = shi_table_real(t, tr.v[i].ratio, &cli->err)) == SHI_OK) {
            s = tr.v[i].since ? shi_table_int(t, tr.v[i].since, &cli->err)
                              : shi_table_missing(t, &cli->err);
        }
    }
    shi_transitions_free(&tr);
    return s;
}

/* --measure: the measure (default CINC) and its panel column, with the data it needs. */
static shi_status power_measure(shi_cli *cli, const char *name, const shi_power_measure **pm,
                                size_t *col)
{
    *pm = shi_power_measure_find(name ? name : "cinc");
    if (!*pm) {
        char list[256];
        shi_power_measure_list(list, sizeof list);
        return shi_err_set(&cli->err, SHI_EUSAGE, "power: unknown --measure '%s'; valid are %s",
                           name, list);
    }
    shi_status s = cli_data(cli, SHI_DATA_CAPS | (*pm)->parts, NULL, NULL);
    return s != SHI_OK ? s : shi_power_measure_col(&cli->data, (*pm)->name, col, &cli->err);
}

#define MEASURE_OPT(var)                                                                           \
    {                                                                                              \
        OPT_STRING, 0, "measure", &(var), "NAME",                                                  \
            "power measure: cinc (default), gdp, gdp_ppp, beckley, milex, ... (docs/power.md)"     \
    }

/* The years (default: all of the data) and the two states of `power transition`. */
static shi_status transition_pair(shi_cli *cli, const char *years, const char *const *pos, int *y0,
                                  int *y1, const shi_state **a, const shi_state **b)
{
    shi_status s = cli_data(cli, SHI_DATA_CAPS, NULL, NULL);
    if (s != SHI_OK) {
        return s;
    }
    const shi_panel *p = &cli->data.caps;
    *y0 = p->year_min;
    *y1 = p->year_max;
    if ((s = cli_years_pair(cli, years, pos, y0, y1, a, b)) != SHI_OK) {
        return s;
    }
    if (*a == *b) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "power transition: the two states are the same ('%s')", (*a)->abb);
    }
    return SHI_OK;
}

static int power_transition(shi_cli *cli, int argc, char **argv)
{
    const char *years = NULL, *format = NULL, *out = NULL, *measure = NULL;
    double lo = 0.8, hi = 1.2;
    int series = 0;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "years", &years, "A-B", "years to scan (default: all years of the data)"},
        MEASURE_OPT(measure),
        {OPT_REAL, 0, "low", &lo, "X", "lower parity bound, challenger/leader (default 0.8)"},
        {OPT_REAL, 0, "high", &hi, "X", "upper parity bound (default 1.2)"},
        {OPT_FLAG, 0, "series", &series, NULL,
         "print the yearly capability ratio, not only events"},
        {OPT_STRING, 0, "format", &format, "FMT",
         "table (default), csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[2];
    size_t npos;
    int help;
    shi_status s =
        cli_parse("power transition",
                  "shi power transition CHALLENGER LEADER [--years A-B] [--measure NAME] "
                  "[--low X] [--high X] [--series] [--format FMT] [-o FILE]",
                  opts, argc, argv, pos, 2, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (npos != 2) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "power transition: needs two states, CHALLENGER and LEADER");
    }
    int y0, y1;
    const shi_state *a, *b;
    const shi_power_measure *pm;
    size_t col;
    if ((s = power_measure(cli, measure, &pm, &col)) != SHI_OK ||
        (s = transition_pair(cli, years, pos, &y0, &y1, &a, &b)) != SHI_OK) {
        return s;
    }
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    s = series ? ratio_rows(cli, t, col, a, b, y0, y1, lo, hi)
               : event_rows(cli, t, col, a, b, y0, y1, lo, hi);
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    shi_table_free(t);
    return s;
}

/* The years (default: the last of the data) and the --states of `shi power`. */
static shi_status power_years(shi_cli *cli, const char *year, const char *years, const char *states,
                              int *y0, int *y1, const shi_state **sel, size_t *nsel)
{
    shi_status s = cli_data(cli, SHI_DATA_CAPS, NULL, NULL);
    if (s != SHI_OK) {
        return s;
    }
    const shi_panel *p = &cli->data.caps;
    /* By default both ends are the last year (on purpose). */
    *y0 = *y1 = p->year_max;
    if (year && (s = cli_years("year", year, p->year_min, p->year_max, y0, y1, &cli->err))) {
        return s;
    }
    if (years && (s = cli_years("years", years, p->year_min, p->year_max, y0, y1, &cli->err))) {
        return s;
    }
    if (states) {
        s = shi_states_resolve_list(&cli->data.states, states, *y1, sel, MAX_STATES, nsel,
                                    &cli->err);
    }
    return s;
}

int cmd_power(shi_cli *cli, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "transition") == 0) {
        return power_transition(cli, argc - 1, argv + 1);
    }
    const char *year = NULL, *years = NULL, *states = NULL, *format = NULL, *out = NULL;
    const char *measure = NULL;
    int majors = 0, window = 10;
    const cli_opt opts[] = {
        {OPT_STRING, 'y', "year", &year, "YEAR", "one year (default: the last year of the data)"},
        {OPT_STRING, 0, "years", &years, "A-B", "a range of years"},
        MEASURE_OPT(measure),
        {OPT_FLAG, 0, "majors", &majors, NULL, "shares among the major powers, not all members"},
        {OPT_STRING, 0, "states", &states, "LIST",
         "per-state rows for these states (e.g. CHN,RUS,USA)"},
        {OPT_INT, 0, "window", &window, "W", "years in the trend window (default 10)"},
        {OPT_STRING, 0, "format", &format, "FMT",
         "table (default), csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int help;
    shi_status s =
        cli_parse("power",
                  "shi power [--year Y | --years A-B] [--measure NAME] [--majors] [--states LIST] "
                  "[--window W] [--format FMT] [-o FILE]\n       shi power transition CHALLENGER "
                  "LEADER [options]",
                  opts, argc, argv, pos, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (year && years) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "power: give --year or --years, not both");
    }
    if (window < 3 || window > 200) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "power: --window takes 3-200 years, got %d",
                           window);
    }
    int y0, y1;
    const shi_state *sel[MAX_STATES];
    size_t nsel = 0, cinc;
    const shi_power_measure *pm;
    if ((s = power_measure(cli, measure, &pm, &cinc)) != SHI_OK ||
        (s = power_years(cli, year, years, states, &y0, &y1, sel, &nsel)) != SHI_OK) {
        return s;
    }
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    shi_scope scope = majors ? SHI_SCOPE_MAJORS : SHI_SCOPE_ALL;
    s = states ? shi_tables_power_states(&cli->data, pm, cinc, y0, y1, scope, sel, nsel, window, t,
                                         &cli->err)
               : shi_tables_power_system(&cli->data, cinc, y0, y1, scope, t, &cli->err);
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    shi_table_free(t);
    return s;
}
