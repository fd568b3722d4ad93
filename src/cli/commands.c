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
    {"stateyears", cmd_stateyears,
     "state-years with capabilities, major status, GDP, democracy, nuclear"},
    {"threat", cmd_threat,
     "balance of threat (Walt): components, both ways, perception gap, rankings"},
    {"align", cmd_align,
     "issue-area scorecard of a pair: military, economic, diplomatic, security, events"},
    {"eu", cmd_eu, "expected utility (War Trap) and War and Reason equilibria, EUGene-style"},
    {"risk", cmd_risk, "risk attitudes (War Trap Revisited) by state, year and region"},
    {"sphere", cmd_sphere, "spheres of influence: two powers' shares of third states' ties"},
    {"drivers", cmd_drivers,
     "is an alignment externally driven? external vs bilateral drivers, with intervals"},
    {"report", cmd_report, "the study's analysis of a pair of states (terminal summary)"},
    {"coop", cmd_coop,
     "iterated prisoner's dilemma: strategies, matches, tournaments, evolution, thresholds"},
    {"formation", cmd_formation, "alliance formation: balance of power, of threat, bandwagoning"},
    {"scenarios", cmd_scenarios,
     "the five futures of a pair: calibrated ensemble, shocks, back-test"},
    {"data", cmd_data, "data sources: 'data info', 'data build'"},
};
#define NCOMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

static void usage(FILE *f)
{
    fprintf(f, "usage: shi [--data DIR | --data-file FILE.shd] COMMAND [ARGS]\n\n"
               "shi (势) - the configuration of power and its trend: realist theory of\n"
               "international politics as computation over real data.\n\ncommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++) {
        fprintf(f, "  %-10s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
    }
    fprintf(f, "\nglobal options:\n"
               "  --data DIR            read official data files found in DIR instead of the "
               "embedded ones\n"
               "  --data-file FILE.shd  read a shi data file made by 'shi data build'\n"
               "  --help, --version\n\n"
               "'shi COMMAND --help' describes a command; 'man shi' has the whole manual.\n"
               "exit codes: 0 ok, 1 bad input data, 2 usage, 3 I/O or system, 4 internal\n");
    cli_print_examples(f, "shi");
}

shi_status cli_data(shi_cli *cli, unsigned parts, const char *alliance_file,
                    const char *events_file)
{
    const shi_data_spec spec = {.dir = cli->data_dir,
                                .shd = cli->data_file,
                                .alliance_file = alliance_file,
                                .events_file = events_file,
                                .parts = parts};
    return shi_data_open(&cli->data, &spec, &cli->err);
}

shi_status cli_data_from(shi_cli *cli, unsigned parts, int from, unsigned omit)
{
    const shi_data_spec spec = {
        .dir = cli->data_dir, .shd = cli->data_file, .parts = parts, .from = from, .omit = omit};
    return shi_data_open(&cli->data, &spec, &cli->err);
}

/* The global options before the command into cli; *i is left at the
 * command. Returns -1 to go on, else the exit code (after --help, --version
 * or a usage error). */
static int parse_globals(shi_cli *cli, int argc, char **argv, int *i)
{
    for (; *i < argc && argv[*i][0] == '-'; (*i)++) {
        const char *a = argv[*i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return fflush(stdout) == 0 ? 0 : SHI_EIO;
        } else if (strcmp(a, "--version") == 0) {
            printf("shi %s\n", SHI_VERSION);
            return fflush(stdout) == 0 ? 0 : SHI_EIO;
        } else if (strcmp(a, "--data") == 0 || strcmp(a, "--data-file") == 0) {
            if (*i + 1 >= argc) {
                fprintf(stderr, "shi: %s needs a value (%s)\n", a,
                        a[6] == '\0' ? "DIR" : "FILE.shd");
                return SHI_EUSAGE;
            }
            *(a[6] == '\0' ? &cli->data_dir : &cli->data_file) = argv[++*i];
        } else {
            char buf[256];
            cli_printable(buf, sizeof buf, a);
            fprintf(stderr, "shi: unknown global option '%s'; see 'shi --help'\n", buf);
            return SHI_EUSAGE;
        }
    }
    if (*i >= argc) {
        usage(stderr);
        return SHI_EUSAGE;
    }
    if (cli->data_dir && cli->data_file) {
        fprintf(stderr, "shi: --data and --data-file cannot be used together\n");
        return SHI_EUSAGE;
    }
    return -1;
}

/* The command called `name`, or NULL after an error naming the nearest ones. */
static const cmd_entry *find_command(const char *name)
{
    for (size_t k = 0; k < NCOMMANDS; k++) {
        if (strcmp(name, COMMANDS[k].name) == 0) {
            return &COMMANDS[k];
        }
    }
    char buf[256], near[256] = "";
    cli_printable(buf, sizeof buf, name);
    for (size_t k = 0; k < NCOMMANDS; k++) {
        if (cli_close(name, COMMANDS[k].name)) {
            size_t n = strlen(near);
            snprintf(near + n, sizeof near - n, "%s'%s'", n ? " or " : "", COMMANDS[k].name);
        }
    }
    if (near[0]) {
        fprintf(stderr, "shi: unknown command '%s'; did you mean %s? see 'shi --help'\n", buf,
                near);
    } else {
        fprintf(stderr, "shi: unknown command '%s'; see 'shi --help'\n", buf);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    cli_signals_install();
    shi_cli cli;
    memset(&cli, 0, sizeof cli);
    int i = 1;
    int status = parse_globals(&cli, argc, argv, &i);
    if (status >= 0) {
        return status;
    }
    const cmd_entry *cmd = find_command(argv[i]);
    if (!cmd) {
        return SHI_EUSAGE;
    }
    status = cmd->fn(&cli, argc - i, argv + i);
    if (status != SHI_OK) {
        char buf[1024], shown[2048];
        if (cli.err.code == SHI_OK) {
            shi_err_set(&cli.err, SHI_EINTERNAL, "command failed without a message");
            status = SHI_EINTERNAL;
        }
        cli_printable(shown, sizeof shown, shi_err_format(&cli.err, buf, sizeof buf));
        fprintf(stderr, "shi: %s\n", shown);
    } else if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "shi: write failure on standard output\n");
        status = SHI_EIO;
    }
    shi_data_destroy(&cli.data);
    return status;
}
