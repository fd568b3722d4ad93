/*
 * cmd_data.c - `shi data info` and `shi data build`.
 */
#include "cli.h"

#include <string.h>
#include <strings.h>

#include <shi/cite.h>
#include <shi/outfile.h>

/* --format bibtex (or -o FILE.bib): the citations as BibTeX entries. */
static int is_bibtex(const char *format, const char *out)
{
    size_t n = out ? strlen(out) : 0;
    return (format && strcasecmp(format, "bibtex") == 0) ||
           (!format && n > 4 && strcasecmp(out + n - 4, ".bib") == 0);
}

static shi_status write_bibtex(shi_cli *cli, const char *out)
{
    shi_outfile o;
    shi_status s = shi_outfile_open(&o, out, &cli->err);
    if (s == SHI_OK) {
        s = shi_sources_write_bibtex(cli->data.src, cli->data.nsrc, o.fp, &cli->err);
    }
    if (s == SHI_OK) {
        s = shi_outfile_commit(&o, &cli->err);
    }
    shi_outfile_abort(&o);
    return s;
}

/* After the table on a terminal: the citations, one a line. */
static shi_status print_citations(FILE *f, void *arg)
{
    const shi_data *d = arg;
    fprintf(f, "\ncitations:\n");
    for (size_t i = 0; i < d->nsrc; i++) {
        fprintf(f, "  [%s] %s\n", d->src[i].id, d->src[i].citation);
    }
    fprintf(f, "\nstate-years: %zu (%d-%d), states: %zu\n", d->caps.nrow, d->caps.year_min,
            d->caps.year_max, d->states.n);
    return SHI_OK;
}

static int data_info(shi_cli *cli, int argc, char **argv)
{
    const char *format = NULL, *out = NULL;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "format", &format, "FMT",
         "table (default), csv, tsv, json, jsonl, sqlite, dta or bibtex"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int help;
    shi_status s = cli_parse("data info", "shi data info [--format FMT] [-o FILE]", opts, argc,
                             argv, pos, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    /* Every data set shi has: the economic, energy, geographic, dyadic and relations parts too. */
    if ((s = cli_data(cli, SHI_DATA_RELATIONS | SHI_DATA_ECON | SHI_DATA_ENERGY | SHI_DATA_GEO,
                      NULL, NULL)) != SHI_OK) {
        return s;
    }
    if (is_bibtex(format, out)) {
        return write_bibtex(cli, out);
    }
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    const char *cols[] = {"id", "dataset", "version", "file", "read_from", "citation"};
    for (int c = 0; c < 6 && s == SHI_OK; c++) {
        s = shi_table_column(t, cols[c], 's', 0, &cli->err);
    }
    int wide = format && strcmp(format, "table") != 0;
    for (size_t i = 0; i < cli->data.nsrc && s == SHI_OK; i++) {
        const shi_source *src = &cli->data.src[i];
        const char *v[] = {src->id, src->name, src->version, src->file, src->loaded, src->citation};
        for (int c = 0; c < 6 && s == SHI_OK; c++) {
            /* On a terminal the citations follow the table, one per line. */
            s = shi_table_str(t, c == 5 && !wide ? "(below)" : v[c], &cli->err);
        }
    }
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    if (s == SHI_OK && !wide && !out) {
        s = cli_print_wrapped(print_citations, &cli->data, &cli->err);
    }
    shi_table_free(t);
    return s;
}

static int data_build(shi_cli *cli, int argc, char **argv)
{
    const char *from = NULL, *out = NULL, *dyout = NULL, *relout = NULL, *ecout = NULL;
    const char *enout = NULL, *geout = NULL;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "from", &from, "DIR", "directory of official files (e.g. ../shared/data)"},
        {OPT_STRING, 'o', "output", &out, "FILE",
         "the shi data file to write (e.g. data/default.shd)"},
        {OPT_STRING, 0, "dyadic-output", &dyout, "FILE",
         "also write the dyadic data file (e.g. data/dyadic.shd)"},
        {OPT_STRING, 0, "relations-output", &relout, "FILE",
         "also write the relations data file (e.g. data/relations.shd)"},
        {OPT_STRING, 0, "econ-output", &ecout, "FILE",
         "also write the economic data file (e.g. data/econ.shd)"},
        {OPT_STRING, 0, "energy-output", &enout, "FILE",
         "also write the energy data file (e.g. data/energy.shd)"},
        {OPT_STRING, 0, "geo-output", &geout, "FILE",
         "also write the geographic data file (e.g. data/geo.shd)"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int help;
    shi_status s =
        cli_parse("data build", "shi data build --from DIR -o FILE [--dyadic-output FILE]", opts,
                  argc, argv, pos, 0, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (!from || !out) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "data build: needs --from DIR and -o FILE");
    }
    /* The main, dyadic and relations files together or not at all (issue 20,
     * defect 12); the economic and energy files after them, each on its own. */
    if ((s = shi_data_build_all(from, out, dyout, relout, &cli->err)) != SHI_OK) {
        return s;
    }
    if (enout && (s = shi_data_build_energy(from, enout, &cli->err)) != SHI_OK) {
        return s;
    }
    if (geout && (s = shi_data_build_geo(from, geout, &cli->err)) != SHI_OK) {
        return s;
    }
    if (!ecout) {
        return SHI_OK;
    }
    /* The economic file is indexed by the registry and the capability panel
     * the official files give. */
    shi_data d;
    if ((s = shi_data_load(&d, from, &cli->err)) != SHI_OK) {
        return s;
    }
    s = shi_data_build_econ(&d, from, ecout, &cli->err);
    shi_data_destroy(&d);
    return s;
}

int cmd_data(shi_cli *cli, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "info") == 0) {
        return data_info(cli, argc - 1, argv + 1);
    }
    if (argc >= 2 && strcmp(argv[1], "build") == 0) {
        return data_build(cli, argc - 1, argv + 1);
    }
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        printf("usage: shi data info [--format FMT] [-o FILE]\n"
               "       shi data build --from DIR -o FILE [--dyadic-output FILE]\n\n"
               "info   the data sets in use: name, version, file, where read from, citation\n"
               "build  derive shi's compact data file from the official files in DIR\n");
        cli_print_examples(stdout, "data");
        return SHI_OK;
    }
    return shi_err_set(&cli->err, SHI_EUSAGE, "data: expected 'info' or 'build'%s%s%s",
                       argc >= 2 ? ", got '" : "", argc >= 2 ? argv[1] : "", argc >= 2 ? "'" : "");
}
