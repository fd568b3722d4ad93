/*
 * cmd_stateyears.c - `shi stateyears`: state-year data with chosen variables
 * (the library's shi/stateyears.h; docs/stateyears.md).
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include <shi/dyadvars.h>
#include <shi/stateyears.h>

#define MAX_LIST 256

typedef struct sy_args {
    const char *years, *add, *states, *format, *out, *names;
    unsigned mask;
    shi_names scheme;
} sy_args;

static shi_status sy_parse(shi_cli *cli, int argc, char **argv, sy_args *a, int *help)
{
    const cli_opt opts[] = {
        {OPT_STRING, 0, "years", &a->years, "A-B", "years (default 1816-2024, the COW state list)"},
        {OPT_STRING, 0, "add", &a->add, "LIST",
         "variables: nmc,major,gdp,nuclear,democracy,igos,population or all"},
        {OPT_STRING, 0, "states", &a->states, "LIST", "these states only (names or COW codes)"},
        {OPT_STRING, 0, "names", &a->names, "SCHEME",
         "column names: shi (default) or peacesciencer"},
        {OPT_STRING, 0, "format", &a->format, "FMT", "table, csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &a->out, "FILE",
         "write to FILE (format from its extension: .csv .tsv .json .jsonl .sqlite .dta)"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    shi_status s = cli_parse(
        "stateyears",
        "shi stateyears [--years A-B] [--states LIST] [--add LIST] [--names SCHEME] [--format FMT] "
        "[-o FILE]",
        opts, argc, argv, pos, 0, &npos, help, &cli->err);
    if (s != SHI_OK || *help) {
        return s;
    }
    if (a->names && (s = shi_names_parse(a->names, &a->scheme, &cli->err)) != SHI_OK) {
        return s;
    }
    return a->add ? shi_stateyears_parse(a->add, &a->mask, &cli->err) : SHI_OK;
}

static shi_status sy_select(shi_cli *cli, const sy_args *a, shi_stateyear_opts *o, int *list)
{
    shi_status s;
    o->y0 = SHI_DYADIC_Y0;
    o->y1 = SHI_DYADIC_Y1;
    if (a->years && (s = cli_years("years", a->years, SHI_DYADIC_Y0, SHI_DYADIC_Y1, &o->y0, &o->y1,
                                   &cli->err))) {
        return s;
    }
    if (a->states) {
        const shi_state *sel[MAX_LIST];
        size_t nsel = 0;
        if ((s = shi_states_resolve_list(&cli->data.states, a->states, o->y1, sel, MAX_LIST, &nsel,
                                         &cli->err))) {
            return s;
        }
        for (size_t k = 0; k < nsel; k++) {
            list[k] = sel[k]->ccode;
        }
        o->states = list;
        o->nstates = nsel;
    }
    return SHI_OK;
}

int cmd_stateyears(shi_cli *cli, int argc, char **argv)
{
    sy_args a = {0};
    int help, list[MAX_LIST];
    shi_status s = sy_parse(cli, argc, argv, &a, &help);
    if (s != SHI_OK || help) {
        return s;
    }
    shi_stateyear_opts o = {0};
    if ((s = cli_data(cli, shi_stateyears_parts(a.mask), NULL, NULL)) ||
        (s = sy_select(cli, &a, &o, list))) {
        return s;
    }
    shi_frame f;
    if ((s = shi_stateyears_make(&cli->data, &o, a.mask, &f, &cli->err)) != SHI_OK) {
        return s;
    }
    shi_meta meta = {0};
    if ((s = shi_names_apply(&f, a.scheme, &cli->err)) == SHI_OK) {
        s = cli_frame_sources(cli, &meta);
    }
    if (s == SHI_OK) {
        s = shi_meta_addf(&meta, &cli->err, "options", "years=%d-%d add=%s states=%s names=%s",
                          o.y0, o.y1, a.add ? a.add : "", a.states ? a.states : "",
                          a.names ? a.names : "shi");
    }
    if (s == SHI_OK) {
        static const char *const keys[] = {"year", "ccode"};
        s = cli_write_frame(cli, &f, keys, 2, a.format, a.out, &meta, 0);
    }
    shi_meta_destroy(&meta);
    shi_frame_destroy(&f);
    return s;
}
