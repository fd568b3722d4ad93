/*
 * cmd_data.c - `shi data info` and `shi data build`.
 */
#include "cli.h"

#include <string.h>

static int data_info(shi_cli *cli, int argc, char **argv)
{
    const char *format = NULL, *out = NULL;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "format", &format, "FMT", "table (default), csv, tsv or json"},
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
    /* Every data set shi has: the dyadic and relations parts too. */
    if ((s = cli_data(cli, SHI_DATA_RELATIONS, NULL, NULL)) != SHI_OK) {
        return s;
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
        printf("\ncitations:\n");
        for (size_t i = 0; i < cli->data.nsrc; i++) {
            printf("  [%s] %s\n", cli->data.src[i].id, cli->data.src[i].citation);
        }
        printf("\nstate-years: %zu (%d-%d), states: %zu\n", cli->data.caps.nrow,
               cli->data.caps.year_min, cli->data.caps.year_max, cli->data.states.n);
    }
    shi_table_free(t);
    return s;
}

static int data_build(shi_cli *cli, int argc, char **argv)
{
    const char *from = NULL, *out = NULL, *dyout = NULL, *relout = NULL;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "from", &from, "DIR", "directory of official files (e.g. ../shared/data)"},
        {OPT_STRING, 'o', "output", &out, "FILE",
         "the shi data file to write (e.g. data/default.shd)"},
        {OPT_STRING, 0, "dyadic-output", &dyout, "FILE",
         "also write the dyadic data file (e.g. data/dyadic.shd)"},
        {OPT_STRING, 0, "relations-output", &relout, "FILE",
         "also write the relations data file (e.g. data/relations.shd)"},
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
    /* All the files or none (issue 20, defect 12). */
    return shi_data_build_all(from, out, dyout, relout, &cli->err);
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
        return SHI_OK;
    }
    return shi_err_set(&cli->err, SHI_EUSAGE, "data: expected 'info' or 'build'%s%s%s",
                       argc >= 2 ? ", got '" : "", argc >= 2 ? argv[1] : "", argc >= 2 ? "'" : "");
}
