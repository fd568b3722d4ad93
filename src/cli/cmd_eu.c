/*
 * cmd_eu.c - `shi eu`: War Trap expected utility (and, with --wr, the War and
 * Reason equilibria) for directed dyad-years, with EUGene's options.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/eu.h>
#include <shi/eu_replicate.h>
#include <shi/frame_io.h>
#include <shi/outfile.h>

#define MAX_LIST 256

typedef struct eu_args {
    const char *years, *states, *util, *mpd, *alliances, *format, *out, *mids;
    int both, wr, risk, global, phi_alt, eugene, threads, replicate;
    double alpha, tau, gamma;
} eu_args;

static shi_status eu_parse(shi_cli *cli, int argc, char **argv, eu_args *a, int *help)
{
    const cli_opt opts[] = {
        {OPT_STRING, 0, "years", &a->years, "A-B", "years (default 1816-2016)"},
        {OPT_STRING, 0, "states", &a->states, "LIST", "dyads with a member among these states"},
        {OPT_FLAG, 0, "both", &a->both, NULL, "with --states: both members among them"},
        {OPT_FLAG, 0, "wr", &a->wr, NULL,
         "also the War and Reason equilibria (family wr of shi dyads)"},
        {OPT_FLAG, 0, "risk", &a->risk, NULL,
         "W&R: risk attitudes by steepest ascent (as shi risk) instead of risk neutrality"},
        {OPT_STRING, 0, "util", &a->util, "U", "utility: tau (tau-b, default) or s (S)"},
        {OPT_FLAG, 0, "global", &a->global, NULL,
         "utilities over the whole system, not the region"},
        {OPT_STRING, 0, "mpd", &a->mpd, "M",
         "miles per day: era (250/375/500, default), none (no discount) or a number"},
        {OPT_REAL, 0, "alpha", &a->alpha, "X", "W&R: initiator's war cost (default 1)"},
        {OPT_REAL, 0, "tau", &a->tau, "X", "W&R: target's war cost (default 1)"},
        {OPT_REAL, 0, "gamma", &a->gamma, "X", "W&R: capitulation cost (default 1)"},
        {OPT_FLAG, 0, "phi-alt", &a->phi_alt, NULL, "W&R: phi = (U(SQ) + 1) / 2"},
        {OPT_FLAG, 0, "eugene", &a->eugene, NULL,
         "W&R: EUGene 3.x (alpha 0.5 unless given; B's phi is A's U(SQ))"},
        {OPT_STRING, 0, "alliances", &a->alliances, "FILE",
         "your own alliance file (ccode1,ccode2,year,level) instead of ATOP"},
        {OPT_FLAG, 0, "replicate", &a->replicate, NULL,
         "Bennett & Stam (2000): outcomes, equilibrium shares and logits (years 1816-1984)"},
        {OPT_STRING, 0, "mids", &a->mids, "FILE",
         "with --replicate: the GML MID 2.1.1 dyadic file (default: in the global data directory)"},
        CLI_OPT_THREADS(a->threads),
        {OPT_STRING, 0, "format", &a->format, "FMT", "table, csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &a->out, "FILE", "write to FILE (format from its extension)"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    return cli_parse(
        "eu",
        "shi eu [--years A-B] [--states LIST [--both]] [--wr] [--risk] [--util U] [--global] "
        "[--mpd M] [--alpha X] [--tau X] [--gamma X] [--phi-alt] [--eugene] "
        "[--alliances FILE] [--replicate [--mids FILE]] [--threads N] [--format FMT] [-o FILE]",
        opts, argc, argv, pos, 0, &npos, help, &cli->err);
}

/* The options of the computation from the arguments; usage errors name the limit. */
static shi_status eu_options(shi_cli *cli, const eu_args *a, shi_eu_opts *eo, shi_wr_opts *wo)
{
    memset(eo, 0, sizeof *eo);
    *wo = shi_wr_opts_default();
    if (a->util && strcmp(a->util, "s") == 0) {
        eo->util = SHI_EU_S;
    } else if (a->util && strcmp(a->util, "tau") != 0) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "eu: --util must be tau or s, not '%s'", a->util);
    }
    eo->global = a->global;
    if (a->mpd && strcmp(a->mpd, "none") == 0) {
        eo->mpd = -1;
    } else if (a->mpd && strcmp(a->mpd, "era") != 0) {
        char *end;
        eo->mpd = strtod(a->mpd, &end);
        if (*end || !(eo->mpd > 0 && eo->mpd <= 1e6)) {
            return shi_err_set(&cli->err, SHI_EUSAGE,
                               "eu: --mpd must be era, none or miles per day in (0, 1e6], not '%s'",
                               a->mpd);
        }
    }
    wo->alpha = a->eugene ? 0.5 : 1.0;
    wo->phi_a_for_b = a->eugene;
    wo->phi_alt = a->phi_alt;
    wo->use_risk = a->risk;
    if (a->risk && !a->wr && !a->replicate) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "eu: --risk needs --wr or --replicate");
    }
    if (a->replicate && (a->states || a->wr)) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "eu: --replicate takes every dyad and solves the game itself: no "
                           "--states or --wr");
    }
    if (a->mids && !a->replicate) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "eu: --mids needs --replicate");
    }
    const double *given[3] = {&a->alpha, &a->tau, &a->gamma};
    double *to[3] = {&wo->alpha, &wo->tau, &wo->gamma};
    static const char *const names[3] = {"alpha", "tau", "gamma"};
    for (int q = 0; q < 3; q++) {
        if (*given[q] != 0) { /* not given: 0 */
            if (!(*given[q] > 0 && *given[q] <= 100)) {
                return shi_err_set(&cli->err, SHI_EUSAGE, "eu: --%s must be in (0, 100]", names[q]);
            }
            *to[q] = *given[q];
        }
    }
    return SHI_OK;
}

static shi_status eu_select(shi_cli *cli, const eu_args *a, shi_dyad_opts *o, int *list)
{
    shi_status s;
    o->y0 = 1816;
    o->y1 = a->replicate ? 1984 : 2016; /* Bennett & Stam's years */
    if (a->years &&
        (s = cli_years("years", a->years, 1816, SHI_DYADIC_Y1, &o->y0, &o->y1, &cli->err))) {
        return s;
    }
    o->directed = 1; /* E(U)_ij is directional */
    o->both = a->both;
    o->threads = a->threads;
    if (a->both && !a->states) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "eu: --both needs --states");
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

static shi_status eu_write(shi_cli *cli, const eu_args *a, const shi_frame *f)
{
    shi_meta meta = {0};
    shi_status s = shi_meta_addf(
        &meta, &cli->err, "options",
        "replicate=%d years=%s states=%s wr=%d risk=%d util=%s global=%d mpd=%s alpha=%g tau=%g "
        "gamma=%g "
        "phi_alt=%d eugene=%d alliances=%s",
        a->replicate, a->years ? a->years : (a->replicate ? "1816-1984" : "1816-2016"),
        a->states ? a->states : "", a->wr, a->risk, a->util ? a->util : "tau", a->global,
        a->mpd ? a->mpd : "era", a->alpha, a->tau, a->gamma, a->phi_alt, a->eugene,
        a->alliances ? a->alliances : "ATOP");
    if (s == SHI_OK) {
        s = cli_frame_sources(cli, &meta);
    }
    if (s == SHI_OK) {
        static const char *const keys[] = {"year", "ccode1", "ccode2"};
        s = cli_write_frame(cli, f, keys, 3, a->format, a->out, &meta, a->threads);
    }
    shi_meta_destroy(&meta);
    return s;
}

/* The GML MID file: --mids, else under --data DIR (as the data view finds it). */
static shi_status eu_mids_path(shi_cli *cli, const eu_args *a, char *buf, size_t size)
{
    static const char *const rel[2] = {"gml_mid_v2.1.1/gml-ddy-disputes-2.1.1.csv",
                                       "gml-ddy-disputes-2.1.1.csv"};
    if (a->mids) {
        snprintf(buf, size, "%s", a->mids);
        return SHI_OK;
    }
    for (int k = 0; cli->data_dir && k < 2; k++) {
        snprintf(buf, size, "%s/%s", cli->data_dir, rel[k]);
        if (access(buf, R_OK) == 0) {
            return SHI_OK;
        }
    }
    return shi_err_set(&cli->err, SHI_EUSAGE,
                       "eu: --replicate needs the GML MID 2.1.1 dyadic file: --mids FILE, or "
                       "--data DIR holding gml_mid_v2.1.1/gml-ddy-disputes-2.1.1.csv");
}

/* shi eu --replicate: Bennett & Stam's design, written as a long frame. */
static shi_status eu_replicate(shi_cli *cli, const eu_args *a, const shi_dyad_opts *o,
                               const shi_eu_opts *eo, const shi_wr_opts *wo)
{
    char path[1024];
    shi_status s = eu_mids_path(cli, a, path, sizeof path);
    if (s != SHI_OK || (s = cli_data(cli, SHI_DATA_DYADIC, a->alliances, NULL)) != SHI_OK) {
        return s;
    }
    const shi_bs_request q = {o->y0, o->y1, path, eo, *wo, a->threads};
    shi_bs_result r;
    if ((s = shi_bs_replicate(&cli->data, &q, &r, &cli->err)) != SHI_OK) {
        return s;
    }
    shi_frame f;
    if ((s = shi_bs_frame(&r, &f, &cli->err)) == SHI_OK) {
        s = eu_write(cli, a, &f);
    }
    shi_frame_destroy(&f);
    shi_bs_result_free(&r);
    return s;
}

int cmd_eu(shi_cli *cli, int argc, char **argv)
{
    eu_args a = {0};
    int help, list[MAX_LIST];
    shi_eu_opts eo;
    shi_wr_opts wo;
    shi_dyad_opts o = {0};
    shi_status s = eu_parse(cli, argc, argv, &a, &help);
    if (s != SHI_OK || help || (s = eu_options(cli, &a, &eo, &wo)) != SHI_OK) {
        return s;
    }
    if ((s = cli_data(cli, SHI_DATA_CAPS, NULL, NULL)) || (s = eu_select(cli, &a, &o, list)) ||
        (a.replicate && (s = eu_replicate(cli, &a, &o, &eo, &wo)) != SHI_OK) || a.replicate ||
        (s = cli_data(cli, SHI_DATA_DYADIC, a.alliances, NULL))) {
        return s;
    }
    shi_frame f;
    if ((s = shi_dyads_generate(&cli->data.states, &o, &f, &cli->err)) != SHI_OK) {
        return s;
    }
    shi_dyadvars_opts vo = {0};
    vo.threads = a.threads;
    vo.eu = &eo;
    vo.wr = &wo;
    unsigned mask = SHI_DV_EU | (a.wr ? SHI_DV_WR : 0u);
    s = shi_dyadvars_add(&f, mask, &cli->data, &vo, &cli->err);
    if (s == SHI_OK) {
        s = eu_write(cli, &a, &f);
    }
    shi_frame_destroy(&f);
    return s;
}
