/*
 * commands.c - the command table and main(): global options, dispatch, the
 * error line and the exit code.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct cmd_entry {
    const char *name;
    int (*fn)(shi_cli *cli, int argc, char **argv);
    const char *summary;
} cmd_entry;

/* One row per command. */
static const cmd_entry COMMANDS[] = {
    {"states", cmd_states, "list states, or resolve a name to a COW state"},
    {"power", cmd_power,
     "configuration of power: shares, concentration, polarity, trends, transitions"},
    {"dyads", cmd_dyads,
     "dyad-years with capabilities, contiguity, distance, alliances, similarity, UN votes"},
    {"threat", cmd_threat,
     "balance of threat (Walt): components, both ways, perception gap, rankings"},
    {"align", cmd_align,
     "issue-area scorecard of a pair: military, economic, diplomatic, security, events"},
    {"sphere", cmd_sphere, "spheres of influence: two powers' shares of third states' ties"},
    {"drivers", cmd_drivers,
     "is an alignment externally driven? external vs bilateral drivers, with intervals"},
    {"report", cmd_report, "the study's analysis of a pair of states (terminal summary)"},
    {"coop", cmd_coop,
     "iterated prisoner's dilemma: strategies, matches, tournaments, evolution, thresholds"},
    {"data", cmd_data, "data sources: 'data info', 'data build'"},
};
#define NCOMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

static void usage(FILE *f)
{
    fprintf(f, "usage: shi [--data DIR | --data-file FILE.shd] COMMAND [ARGS]\n\n"
               "shi (势) - the configuration of power and its trend: realist theory of\n"
               "international politics as computation over real data.\n\ncommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++) {
        fprintf(f, "  %-9s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
    }
    fprintf(f, "\nglobal options:\n"
               "  --data DIR            read official data files found in DIR instead of the "
               "embedded ones\n"
               "  --data-file FILE.shd  read a shi data file made by 'shi data build'\n"
               "  --help, --version\n\n"
               "'shi COMMAND --help' describes a command.\n"
               "exit codes: 0 ok, 1 bad input data, 2 usage, 3 I/O or system, 4 internal\n");
}

shi_status cli_data(shi_cli *cli, unsigned parts, const char *alliance_file,
                    const char *events_file)
{
    const shi_data_spec spec = {cli->data_dir, cli->data_file, alliance_file, events_file, parts};
    return shi_data_open(&cli->data, &spec, &cli->err);
}

int main(int argc, char **argv)
{
    cli_signals_install();
    shi_cli cli;
    memset(&cli, 0, sizeof cli);
    int i = 1;
    int status = SHI_OK;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return fflush(stdout) == 0 ? 0 : SHI_EIO;
        } else if (strcmp(a, "--version") == 0) {
            printf("shi %s\n", SHI_VERSION);
            return fflush(stdout) == 0 ? 0 : SHI_EIO;
        } else if ((strcmp(a, "--data") == 0 || strcmp(a, "--data-file") == 0) && i + 1 < argc) {
            if (a[6] == '\0') {
                cli.data_dir = argv[++i];
            } else {
                cli.data_file = argv[++i];
            }
        } else {
            fprintf(stderr, "shi: unknown global option '%s'; see 'shi --help'\n", a);
            return SHI_EUSAGE;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return SHI_EUSAGE;
    }
    if (cli.data_dir && cli.data_file) {
        fprintf(stderr, "shi: --data and --data-file cannot be used together\n");
        return SHI_EUSAGE;
    }
    const cmd_entry *cmd = NULL;
    for (size_t k = 0; k < NCOMMANDS; k++) {
        if (strcmp(argv[i], COMMANDS[k].name) == 0) {
            cmd = &COMMANDS[k];
        }
    }
    if (!cmd) {
        fprintf(stderr, "shi: unknown command '%s'; see 'shi --help'\n", argv[i]);
        return SHI_EUSAGE;
    }
    status = cmd->fn(&cli, argc - i, argv + i);
    if (status != SHI_OK) {
        char buf[1024];
        if (cli.err.code == SHI_OK) {
            shi_err_set(&cli.err, SHI_EINTERNAL, "command failed without a message");
            status = SHI_EINTERNAL;
        }
        fprintf(stderr, "shi: %s\n", shi_err_format(&cli.err, buf, sizeof buf));
    } else if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "shi: write failure on standard output\n");
        status = SHI_EIO;
    }
    shi_data_destroy(&cli.data);
    return status;
}
