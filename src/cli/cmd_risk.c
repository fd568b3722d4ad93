/*
 * cmd_risk.c - `shi risk`: risk attitudes of The War Trap Revisited for every
 * state, year and region the state is involved in.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <shi/eu.h>
#include <shi/frame_io.h>
#include <shi/outfile.h>

#define MAX_LIST 256

typedef struct risk_args {
    const char *years, *states, *method, *util, *mpd, *alliances, *format, *out;
    int threads, seed;
} risk_args;

static shi_status risk_parse(shi_cli *cli, int argc, char **argv, risk_args *a, int *help)
{
    const cli_opt opts[] = {
        {OPT_STRING, 0, "years", &a->years, "A-B", "years (default 1816-2016)"},
        {OPT_STRING, 0, "states", &a->states, "LIST", "only these states (default: every member)"},
        {OPT_STRING, 0, "method", &a->method, "M",
         "steepest (steepest ascent, default), ga (genetic algorithm, EUGene 3.x settings, then "
         "steepest ascent) or exhaustive (regions of up to 8 partners)"},
        {OPT_INT, 0, "seed", &a->seed, "S", "ga: random seed, 0-2147483647 (default 1)"},
        {OPT_STRING, 0, "util", &a->util, "U", "utility: tau (tau-b, default) or s (S)"},
        {OPT_STRING, 0, "mpd", &a->mpd, "M",
         "miles per day: era (250/375/500, default), none (no discount) or a number"},
        {OPT_STRING, 0, "alliances", &a->alliances, "FILE",
         "your own alliance file (ccode1,ccode2,year,level) instead of ATOP"},
        CLI_OPT_THREADS(a->threads),
        {OPT_STRING, 0, "format", &a->format, "FMT", "table, csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &a->out, "FILE", "write to FILE (format from its extension)"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    return cli_parse(
        "risk",
        "shi risk [--years A-B] [--states LIST] [--method M] [--seed S] [--util U] [--mpd M] "
        "[--alliances FILE] [--threads N] [--format FMT] [-o FILE]",
        opts, argc, argv, pos, 0, &npos, help, &cli->err);
}

/* --method and --seed (the GA's settings are EUGene's defaults). */
static shi_status risk_method(shi_cli *cli, const risk_args *a, shi_risk_ga *ga,
                              shi_risk_request *q)
{
    *ga = shi_risk_ga_default();
    ga->seed = 1;
    if (a->method && strcmp(a->method, "exhaustive") == 0) {
        q->method = SHI_RISK_EXHAUSTIVE;
    } else if (a->method && strcmp(a->method, "ga") == 0) {
        q->method = SHI_RISK_GA;
    } else if (a->method && strcmp(a->method, "steepest") != 0) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "risk: --method must be steepest, ga or exhaustive, not '%s'",
                           a->method);
    }
    if (a->seed < 0) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "risk: --seed must be 0-2147483647");
    }
    ga->seed = a->seed > 0 ? (uint64_t)a->seed : ga->seed;
    q->ga = ga;
    return SHI_OK;
}

static shi_status risk_options(shi_cli *cli, const risk_args *a, shi_eu_opts *eo,
                               shi_risk_request *q)
{
    memset(eo, 0, sizeof *eo);
    if (a->util && strcmp(a->util, "s") == 0) {
        eo->util = SHI_EU_S;
    } else if (a->util && strcmp(a->util, "tau") != 0) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "risk: --util must be tau or s, not '%s'",
                           a->util);
    }
    if (a->mpd && strcmp(a->mpd, "none") == 0) {
        eo->mpd = -1;
    } else if (a->mpd && strcmp(a->mpd, "era") != 0) {
        char *end;
        eo->mpd = strtod(a->mpd, &end);
        if (*end || !(eo->mpd > 0 && eo->mpd <= 1e6)) {
            return shi_err_set(&cli->err, SHI_EUSAGE,
                               "risk: --mpd must be era, none or miles per day in (0, 1e6], not "
                               "'%s'",
                               a->mpd);
        }
    }
    q->eu = eo;
    q->threads = a->threads;
    q->y0 = 1816;
    q->y1 = 2016;
    if (a->years) {
        return cli_years("years", a->years, 1816, SHI_DYADIC_Y1, &q->y0, &q->y1, &cli->err);
    }
    return SHI_OK;
}

static shi_status risk_write(shi_cli *cli, const risk_args *a, const shi_frame *f)
{
    shi_meta meta = {0};
    shi_status s = shi_meta_addf(&meta, &cli->err, "options",
                                 "years=%s states=%s method=%s seed=%d util=%s mpd=%s alliances=%s",
                                 a->years ? a->years : "1816-2016", a->states ? a->states : "",
                                 a->method ? a->method : "steepest", a->seed > 0 ? a->seed : 1,
                                 a->util ? a->util : "tau", a->mpd ? a->mpd : "era",
                                 a->alliances ? a->alliances : "ATOP");
    if (s == SHI_OK) {
        s = cli_frame_sources(cli, &meta);
    }
    if (s == SHI_OK) {
        static const char *const keys[] = {"year", "ccode", "region"};
        s = cli_write_frame(cli, f, keys, 3, a->format, a->out, &meta, a->threads);
    }
    shi_meta_destroy(&meta);
    return s;
}

int cmd_risk(shi_cli *cli, int argc, char **argv)
{
    risk_args a = {0};
    int help, list[MAX_LIST];
    shi_eu_opts eo;
    shi_risk_request q = {0};
    shi_risk_ga ga;
    shi_status s = risk_parse(cli, argc, argv, &a, &help);
    if (s != SHI_OK || help || (s = risk_options(cli, &a, &eo, &q)) != SHI_OK ||
        (s = risk_method(cli, &a, &ga, &q)) != SHI_OK ||
        (s = cli_data(cli, SHI_DATA_DYADIC, a.alliances, NULL)) != SHI_OK) {
        return s;
    }
    if (a.states) {
        const shi_state *sel[MAX_LIST];
        size_t nsel = 0;
        if ((s = shi_states_resolve_list(&cli->data.states, a.states, q.y1, sel, MAX_LIST, &nsel,
                                         &cli->err))) {
            return s;
        }
        for (size_t k = 0; k < nsel; k++) {
            list[k] = sel[k]->ccode;
        }
        q.states = list;
        q.nstates = nsel;
    }
    /* mpirun -np N: the processes share the rows; rank 0 writes */
    shi_frame f;
    memset(&f, 0, sizeof f);
    if ((s = cli_mpi_begin(&cli->err)) == SHI_OK) {
        q.split = cli_mpi_risk_split();
        s = shi_risk_frame(&f, &cli->data, &q, &cli->err);
    }
    if (s == SHI_OK && cli_mpi_rank() == 0) {
        s = risk_write(cli, &a, &f);
    }
    cli_mpi_end();
    shi_frame_destroy(&f);
    return s;
}
