/*
 * cli.h - the shi command line: the command table, option parsing and the
 * context every command gets. The command line only parses and calls libshi.
 *
 * Adding a command: write src/cli/cmd_<name>.c with
 *     int cmd_<name>(shi_cli *cli, int argc, char **argv);
 * declare it below and add one row to the table in commands.c.
 */
#ifndef SHI_CLI_H
#define SHI_CLI_H

#include <stddef.h>
#include <stdio.h>

#include <shi/data.h>
#include <shi/error.h>
#include <shi/eu.h>
#include <shi/frame.h>
#include <shi/outfile.h>
#include <shi/scenarios.h>
#include <shi/table.h>

/** What every command gets. */
typedef struct shi_cli {
    const char *data_dir;  /* --data DIR, or NULL */
    const char *data_file; /* --data-file FILE.shd, or NULL */
    shi_data data;         /* loaded on demand by cli_data() */
    shi_err err;           /* the error a failing command reports */
} shi_cli;

/** Load the parts of the data (SHI_DATA_* bits) that cli->data does not hold
 *  yet, from the sources the global options name (--data DIR, --data-file
 *  FILE.shd); `alliance_file` and `events_file` (may be NULL) replace ATOP and
 *  shi's events file. Each command calls it once, or again for more parts. */
shi_status cli_data(shi_cli *cli, unsigned parts, const char *alliance_file,
                    const char *events_file);
/** cli_data for a command that reads the dyadic arrays only from year
 *  `from` on (shi_data_spec.from) and none of the parts `omit`
 *  (shi_data_spec.omit), with the default ATOP and events. */
shi_status cli_data_from(shi_cli *cli, unsigned parts, int from, unsigned omit);

/* ---- declarative options (git's parse-options, in small) ---- */
typedef enum cli_opt_type { OPT_END = 0, OPT_FLAG, OPT_STRING, OPT_INT, OPT_REAL } cli_opt_type;

typedef struct cli_opt {
    cli_opt_type type;
    char shrt;        /* short name, or 0 */
    const char *lng;  /* long name without "--" */
    void *value;      /* int* (FLAG, INT), const char** (STRING), double* (REAL) */
    const char *argh; /* argument name in help, e.g. "YEAR" */
    const char *help; /* one line */
} cli_opt;

/* The largest --threads: OpenMP runs out of stack for each thread's frames
 * long before 100,000 threads (issue 20), and no machine shi runs on has more
 * than 1024 cores. */
#define CLI_THREADS_MAX 1024
/** The one --threads option every parallel command takes (1-1024, checked by
 *  cli_parse whatever the table says; not given: 0, all cores). */
#define CLI_OPT_THREADS(var)                                                                       \
    {                                                                                              \
        OPT_INT, 0, "threads", &(var), "N", "threads, 1-1024 (default: all cores)"                 \
    }

/** Parse argv[1..argc-1] (argv[0] is the command name). Positional arguments
 *  go to pos[0..*npos). "--help" prints the usage to stdout and sets *help.
 *  Errors are SHI_EUSAGE naming the option. */
shi_status cli_parse(const char *cmd, const char *usage, const cli_opt *opts, int argc, char **argv,
                     const char **pos, size_t maxpos, size_t *npos, int *help, shi_err *err);
/** The help of a command: the usage line (wrapped at 80 columns, with every
 *  option of `opts` the text leaves out appended), the options, the global
 *  options and exit codes, and its examples (examples.c). */
void cli_usage(FILE *f, const char *cmd, const char *usage, const cli_opt *opts);

/** The examples of `cmd` ("power", "coop match", "shi" for shi itself), or
 *  NULL; cli_print_examples prints them under "examples:". */
const char *cli_examples(const char *cmd);
void cli_print_examples(FILE *f, const char *cmd);

/** `s` for a terminal: control characters (C0, DEL, UTF-8 C1) as \xNN, cut to
 *  fit `size`. */
void cli_printable(char *out, size_t size, const char *s);

/** Edit distance (Levenshtein with adjacent transpositions) of two names;
 *  cli_close says whether `typed` is near enough to `name` to suggest it. */
size_t cli_edit_distance(const char *a, const char *b);
int cli_close(const char *typed, const char *name);

/** "--years A-B" or "--year Y" into [*y0, *y1], checked against [lo, hi]. */
shi_status cli_years(const char *opt, const char *text, int lo, int hi, int *y0, int *y1,
                     shi_err *err);

/** Resolve the two states named by pos[0] and pos[1] in `year` (the caller
 *  checks that they differ, with its own message). */
shi_status cli_pair(shi_cli *cli, const char *const *pos, int year, const shi_state **a,
                    const shi_state **b);

/** --years TEXT when given (checked against the years of the loaded
 *  capabilities; *y0 and *y1 hold the defaults), then cli_pair in *y1. */
shi_status cli_years_pair(shi_cli *cli, const char *years, const char *const *pos, int *y0, int *y1,
                          const shi_state **a, const shi_state **b);

/** The output format: --format FMT (any case), else the extension of -o FILE
 *  (a name without a known extension is a usage error), else `dflt` for
 *  standard output. sqlite and dta need a file. */
shi_status cli_output_format(const char *format, const char *out, shi_frame_format dflt,
                             shi_frame_format *fmt, shi_err *err);

/** Write a table to -o FILE (atomically) or standard output, in the format
 *  cli_output_format chooses; an empty table warns on stderr. */
shi_status cli_write_table(const shi_table *t, const char *format, const char *out, shi_err *err);

/** Write frame `f` to -o FILE (atomically) or standard output, in the format
 *  cli_output_format chooses (the terminal table on a terminal, else CSV);
 *  `keys` are the SQLite primary key's columns; an empty frame warns. Text
 *  formats are formatted on `threads` threads (--threads; 0: all cores). */
shi_status cli_write_frame(shi_cli *cli, const shi_frame *f, const char *const *keys, size_t nkeys,
                           const char *format, const char *out, const shi_meta *meta, int threads);
/** The metadata every frame carries: shi's version and each loaded source. */
shi_status cli_frame_sources(shi_cli *cli, shi_meta *meta);

/** The width of the terminal standard output is (COLUMNS, else the terminal's
 *  own, else 80), or 0 when it is not a terminal (term.c). */
size_t cli_term_width(void);

/** Run print(f, arg) into standard output, its long lines wrapped to the
 *  terminal's width when standard output is one (the report summary, the
 *  citations), else as they are. */
shi_status cli_print_wrapped(shi_status (*print)(FILE *f, void *arg), void *arg, shi_err *err);

/** Remove outputs' temporary files on SIGINT, SIGTERM and SIGHUP (signals.c). */
void cli_signals_install(void);

/* ---- --svg FILE (svgfile.c) ---- */
struct shi_svg_chart;
/** Open the --svg file `path` (NULL: none) before the work; "" or "-" is a usage error. */
shi_status cli_svg_open(const char *cmd, const char *path, shi_outfile *f, shi_err *err);
/** Write the chart a builder returned (with status s) into the file and free it. */
shi_status cli_svg_put(shi_outfile *f, struct shi_svg_chart *c, shi_status s, shi_err *err);
/** Move the file into place when s is SHI_OK, else discard it; returns s or the commit error. */
shi_status cli_svg_close(shi_outfile *f, shi_status s, shi_err *err);

/* ---- mpirun -np N (mpi.c; MPI only when built with it) ---- */
/** Start MPI when the process was started by mpirun (or another MPI
 *  launcher) with more than one process; otherwise nothing. A build without
 *  MPI started so is a usage error. */
shi_status cli_mpi_begin(shi_err *err);
/** The split of the work over the MPI processes, or NULL for one process. */
const shi_scen_split *cli_mpi_split(void);
/** The same split for shi risk's rows (shi/eu.h), or NULL for one process. */
const shi_risk_split *cli_mpi_risk_split(void);
/** This process's rank (0 without MPI): only rank 0 writes output. */
int cli_mpi_rank(void);
/** Whether an MPI launcher (mpirun, srun) started this process, with any
 *  number of processes, one included. */
int cli_mpi_launched(void);
/** Finalise MPI if cli_mpi_begin started it. */
void cli_mpi_end(void);

/* ---- commands ---- */
int cmd_states(shi_cli *cli, int argc, char **argv);
int cmd_power(shi_cli *cli, int argc, char **argv);
int cmd_data(shi_cli *cli, int argc, char **argv);
int cmd_report(shi_cli *cli, int argc, char **argv);
int cmd_coop(shi_cli *cli, int argc, char **argv);
int cmd_coop_dyad(shi_cli *cli, int argc, char **argv);
int cmd_coop_validate(shi_cli *cli, int argc, char **argv);
int cmd_formation(shi_cli *cli, int argc, char **argv);
int cmd_scenarios(shi_cli *cli, int argc, char **argv);
int cmd_dyads(shi_cli *cli, int argc, char **argv);
int cmd_stateyears(shi_cli *cli, int argc, char **argv);
int cmd_eu(shi_cli *cli, int argc, char **argv);
int cmd_risk(shi_cli *cli, int argc, char **argv);
int cmd_threat(shi_cli *cli, int argc, char **argv);
int cmd_threat_validate(shi_cli *cli, int argc, char **argv);
int cmd_align(shi_cli *cli, int argc, char **argv);
int cmd_sphere(shi_cli *cli, int argc, char **argv);
int cmd_drivers(shi_cli *cli, int argc, char **argv);

#endif
