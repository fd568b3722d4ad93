/*
 * cmd_dyads.c - `shi dyads`: dyad-year data with chosen variables.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/frame_io.h>
#include <shi/outfile.h>

#define MAX_LIST 256

/* Stage messages on a terminal (stderr), nothing when piped or --quiet. */
typedef struct progress {
    int on;
    struct timespec t0;
    size_t done; /* the most the bar has shown: it never goes back */
} progress;

static double elapsed(const progress *p)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - p->t0.tv_sec) + (double)(t.tv_nsec - p->t0.tv_nsec) * 1e-9;
}

static void stage(progress *p, const char *what)
{
    if (!p->on) {
        return;
    }
    double s = elapsed(p);
    fprintf(stderr, "\r\033[K[%6.2f s] %s", s, what);
    if (!what[0]) {
        fprintf(stderr, "\r\033[K");
    }
    fflush(stderr);
}

/* A progress bar for the variables stage (called from one thread at a time). */
static void bar(void *arg, size_t done, size_t total)
{
    progress *p = arg;
    if (!p->on || total == 0) {
        return;
    }
    /* Threads report in any order: show the furthest point reached so far. */
    done = done > p->done ? done : p->done;
    p->done = done;
    double s = elapsed(p);
    int width = 30, fill = (int)((double)width * (double)done / (double)total);
    char line[64];
    for (int i = 0; i < width; i++) {
        line[i] = i < fill ? '#' : '.';
    }
    line[width] = '\0';
    fprintf(stderr, "\r\033[K[%6.2f s] adding variables [%s] %3.0f%%", s, line,
            100.0 * (double)done / (double)total);
    fflush(stderr);
}

/* The options of `shi dyads`. */
typedef struct dyads_args {
    const char *years, *add, *states, *regions, *format, *out, *alliances, *names;
    int directed, both, relevant, threads, quiet;
    unsigned mask;    /* the variables of --add */
    shi_names scheme; /* --names */
} dyads_args;

static shi_status dyads_parse(shi_cli *cli, int argc, char **argv, dyads_args *a, int *help)
{
    const cli_opt opts[] = {
        {OPT_STRING, 0, "years", &a->years, "A-B", "years (default 1816-2016, the COW state list)"},
        {OPT_FLAG, 0, "directed", &a->directed, NULL,
         "directed dyads (i,j) and (j,i); default i<j"},
        {OPT_STRING, 0, "add", &a->add, "LIST",
         "variables: cinc,major,contiguity,distance,alliance,sim,ideal,threat,vetoes,nmc,mids,"
         "peaceyears,ucdp,trade,democracy,gdp,igos,mindist or all; eu,wr,risk (expected utility, "
         "War and "
         "Reason; "
         "see shi eu)"},
        {OPT_STRING, 0, "states", &a->states, "LIST", "dyads with a member among these states"},
        {OPT_FLAG, 0, "both", &a->both, NULL, "with --states: both members among them"},
        {OPT_STRING, 0, "regions", &a->regions, "LIST",
         "dyads with a member in these COW regions (americas,europe,africa,middleeast,asia,"
         "oceania)"},
        {OPT_FLAG, 0, "relevant", &a->relevant, NULL,
         "politically relevant dyads only (contiguous, or a major power)"},
        {OPT_STRING, 0, "alliances", &a->alliances, "FILE",
         "your own alliance file (ccode1,ccode2,year,level) instead of ATOP"},
        {OPT_STRING, 0, "names", &a->names, "SCHEME",
         "column names: shi (default) or peacesciencer (its names and its capital distance)"},
        CLI_OPT_THREADS(a->threads),
        {OPT_FLAG, 'q', "quiet", &a->quiet, NULL, "no progress messages"},
        {OPT_STRING, 0, "format", &a->format, "FMT", "table, csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &a->out, "FILE",
         "write to FILE (format from its extension: .csv .tsv .json .jsonl .sqlite .dta)"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    shi_status s =
        cli_parse("dyads",
                  "shi dyads [--years A-B] [--directed] [--add LIST] [--states LIST "
                  "[--both]] [--regions LIST] [--relevant] [--names SCHEME] [--format FMT] "
                  "[-o FILE]",
                  opts, argc, argv, pos, 0, &npos, help, &cli->err);
    if (s != SHI_OK || *help) {
        return s;
    }
    if (a->names && (s = shi_names_parse(a->names, &a->scheme, &cli->err)) != SHI_OK) {
        return s;
    }
    return a->add ? shi_dyadvars_parse(a->add, &a->mask, &cli->err) : SHI_OK;
}

/* Which dyad-years: years, --states (their codes into list), --regions. */
static shi_status dyads_select(shi_cli *cli, const dyads_args *a, shi_dyad_opts *o, int *list)
{
    shi_status s;
    o->y0 = 1816;
    o->y1 = 2016;
    if (a->years &&
        (s = cli_years("years", a->years, 1816, SHI_DYADIC_Y1, &o->y0, &o->y1, &cli->err))) {
        return s;
    }
    o->directed = a->directed;
    o->both = a->both;
    o->threads = a->threads;
    const shi_state *sel[MAX_LIST];
    size_t nsel = 0;
    if (a->states) {
        if ((s = shi_states_resolve_list(&cli->data.states, a->states, o->y1, sel, MAX_LIST, &nsel,
                                         &cli->err))) {
            return s;
        }
        for (size_t k = 0; k < nsel; k++) {
            list[k] = sel[k]->ccode;
        }
        o->states = list;
        o->nstates = nsel;
    } else if (a->both) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "dyads: --both needs --states");
    }
    if (a->regions) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s", a->regions);
        for (char *t = strtok(buf, ","); t; t = strtok(NULL, ",")) {
            shi_region r;
            if ((s = shi_region_parse(t, &r, &cli->err)) != SHI_OK) {
                return s;
            }
            o->regions |= 1u << r;
        }
    }
    return SHI_OK;
}

/* The data the variables need beyond the capabilities. */
static shi_status dyads_load(shi_cli *cli, const dyads_args *a, progress *pr)
{
    shi_status s;
    if (shi_dyadvars_need_dyadic(a->mask) || a->relevant || a->alliances) {
        stage(pr, "loading dyadic data");
        if ((s = cli_data(cli, SHI_DATA_DYADIC, a->alliances, NULL)) != SHI_OK) {
            return s;
        }
    }
    /* Threat reads the events counts of the relations (which bring the dyadic data). */
    if (shi_dyadvars_need_econ(a->mask) && (s = cli_data(cli, SHI_DATA_ECON, NULL, NULL))) {
        return s;
    }
    if (shi_dyadvars_need_relations(a->mask) &&
        (s = cli_data(cli, SHI_DATA_RELATIONS, a->alliances, NULL)) != SHI_OK) {
        return s;
    }
    if (shi_dyadvars_need_geo(a->mask) && (s = cli_data(cli, SHI_DATA_GEO, NULL, NULL))) {
        return s;
    }
    return SHI_OK;
}

/* The metadata written with the frame: software, sources, options. */
static shi_status dyads_meta(shi_cli *cli, const dyads_args *a, const shi_dyad_opts *o,
                             shi_meta *meta)
{
    shi_status s = cli_frame_sources(cli, meta);
    if (s == SHI_OK) {
        s = shi_meta_addf(meta, &cli->err, "options",
                          "years=%d-%d directed=%d add=%s states=%s both=%d regions=%s "
                          "relevant=%d alliances=%s names=%s",
                          o->y0, o->y1, a->directed, a->add ? a->add : "",
                          a->states ? a->states : "", a->both, a->regions ? a->regions : "",
                          a->relevant, a->alliances ? a->alliances : "ATOP",
                          a->names ? a->names : "shi");
    }
    return s;
}

int cmd_dyads(shi_cli *cli, int argc, char **argv)
{
    dyads_args a = {0};
    int help;
    shi_status s = dyads_parse(cli, argc, argv, &a, &help);
    if (s != SHI_OK || help) {
        return s;
    }
    progress pr = {!a.quiet && isatty(STDERR_FILENO), {0, 0}, 0};
    clock_gettime(CLOCK_MONOTONIC, &pr.t0);
    stage(&pr, "loading data");
    shi_dyad_opts o = {0};
    int list[MAX_LIST];
    if ((s = cli_data(cli, SHI_DATA_CAPS, NULL, NULL)) || (s = dyads_select(cli, &a, &o, list)) ||
        (s = dyads_load(cli, &a, &pr))) {
        return s;
    }
    o.relevant = a.relevant ? &cli->data.dy : NULL;
    stage(&pr, "generating dyad-years");
    shi_frame f;
    if ((s = shi_dyads_generate(&cli->data.states, &o, &f, &cli->err)) != SHI_OK) {
        return s;
    }
    stage(&pr, "adding variables");
    const shi_dyadvars_opts vo = {.threads = a.threads,
                                  .progress = pr.on ? bar : NULL,
                                  .progress_arg = &pr,
                                  .psci_distance = a.scheme == SHI_NAMES_PSCI};
    if ((s = shi_dyadvars_add(&f, a.mask, &cli->data, &vo, &cli->err)) == SHI_OK) {
        s = shi_names_apply(&f, a.scheme, &cli->err);
    }
    shi_meta meta = {0};
    if (s == SHI_OK) {
        s = dyads_meta(cli, &a, &o, &meta);
    }
    if (s == SHI_OK) {
        char buf[64];
        snprintf(buf, sizeof buf, "writing %zu rows", f.nrow);
        int to_stdout = !a.out || strcmp(a.out, "-") == 0;
        /* The table goes to the terminal too: clear the progress line first. */
        stage(&pr, to_stdout ? "" : buf);
        static const char *const keys[] = {"year", "ccode1", "ccode2"};
        s = cli_write_frame(cli, &f, keys, 3, a.format, a.out, &meta, a.threads);
    }
    stage(&pr, "");
    if (s == SHI_OK && pr.on && a.out && strcmp(a.out, "-") != 0) {
        char name[256];
        cli_printable(name, sizeof name, a.out);
        fprintf(stderr, "wrote %zu row%s to %s in %.2f s\n", f.nrow, f.nrow == 1 ? "" : "s", name,
                elapsed(&pr));
    }
    shi_meta_destroy(&meta);
    shi_frame_destroy(&f);
    return s;
}
