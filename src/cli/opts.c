/*
 * opts.c - declarative option parsing for shi's commands, shared helpers.
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <shi/frame_io.h>
#include <shi/outfile.h>

/* The options with one range in every command, whichever command's table
 * lists them: --threads (OpenMP overflows its stack long before 100,000
 * threads, issue 20) and --relative-gains (k = 1e308 made every payoff
 * infinite; beyond 1000 a ranking is by the gap alone). */
static const struct {
    const char *name;
    double lo, hi;
} RANGES[] = {{"threads", 1, CLI_THREADS_MAX}, {"relative-gains", 0, 1000}};

/* A value outside the option's range (when it has one). */
static shi_status check_range(const char *cmd, const cli_opt *o, double v, const char *arg,
                              shi_err *err)
{
    for (size_t i = 0; i < sizeof RANGES / sizeof RANGES[0]; i++) {
        if (strcmp(o->lng, RANGES[i].name) == 0 && !(v >= RANGES[i].lo && v <= RANGES[i].hi)) {
            return shi_err_set(err, SHI_EUSAGE, "%s: --%s takes %g to %g, got '%s'", cmd, o->lng,
                               RANGES[i].lo, RANGES[i].hi, arg);
        }
    }
    return SHI_OK;
}

static shi_status set_value(const char *cmd, const cli_opt *o, const char *arg, shi_err *err)
{
    char *end = NULL;
    switch (o->type) {
    case OPT_STRING:
        *(const char **)o->value = arg;
        return SHI_OK;
    case OPT_INT: {
        errno = 0;
        long v = strtol(arg, &end, 10);
        if (!*arg || *end || errno || v < -2147483647L || v > 2147483647L) {
            return shi_err_set(err, SHI_EUSAGE, "%s: --%s takes an integer, got '%s'", cmd, o->lng,
                               arg);
        }
        *(int *)o->value = (int)v;
        return check_range(cmd, o, (double)v, arg, err);
    }
    case OPT_REAL: {
        errno = 0;
        double v = strtod(arg, &end);
        if (!*arg || *end || errno || !isfinite(v)) {
            return shi_err_set(err, SHI_EUSAGE, "%s: --%s takes a number, got '%s'", cmd, o->lng,
                               arg);
        }
        *(double *)o->value = v;
        return check_range(cmd, o, v, arg, err);
    }
    case OPT_FLAG:
    case OPT_END:
        break;
    }
    return shi_err_set(err, SHI_EINTERNAL, "option --%s has no value type", o->lng);
}

void cli_printable(char *out, size_t size, const char *s)
{
    /* Control characters from input (file contents, arguments) would reach
     * the terminal raw: ESC sequences can rewrite the screen and a backspace
     * can hide a character of a value (issue 20). C0, DEL and the UTF-8 C1
     * controls (U+0080-U+009F, bytes C2 80-9F) are shown as \xNN. */
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 5 < size; p++) {
        if (*p < 0x20 || *p == 0x7f) {
            n += (size_t)snprintf(out + n, size - n, "\\x%02x", *p);
        } else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            n += (size_t)snprintf(out + n, size - n, "\\xc2\\x%02x", p[1]);
            p++;
        } else {
            out[n++] = (char)*p;
        }
    }
    out[n] = '\0';
}

size_t cli_edit_distance(const char *a, const char *b)
{
    /* Optimal string alignment (Levenshtein with adjacent transpositions), on
     * three rolling rows; names are short, so longer input is cut at 63. */
    size_t n = strlen(a), m = strlen(b);
    n = n > 63 ? 63 : n;
    m = m > 63 ? 63 : m;
    size_t row[3][64];
    for (size_t j = 0; j <= m; j++) {
        row[0][j] = j;
    }
    for (size_t i = 1; i <= n; i++) {
        size_t *cur = row[i % 3], *prev = row[(i - 1) % 3], *prev2 = row[(i + 1) % 3];
        cur[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = prev[j - 1] + cost;
            v = prev[j] + 1 < v ? prev[j] + 1 : v;
            v = cur[j - 1] + 1 < v ? cur[j - 1] + 1 : v;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < v) {
                v = prev2[j - 2] + 1;
            }
            cur[j] = v;
        }
    }
    return row[n % 3][m];
}

int cli_close(const char *typed, const char *name)
{
    size_t n = strlen(typed), d = cli_edit_distance(typed, name);
    /* One edit in short names, two from 6 characters on; or a prefix. */
    return (n >= 2 && strncmp(typed, name, n) == 0) || d <= (n >= 6 ? 2u : 1u);
}

/* The long option closest to `name` (NULL when none is close). */
static const cli_opt *nearest_option(const cli_opt *opts, const char *name, size_t len)
{
    char typed[64];
    snprintf(typed, sizeof typed, "%.*s", (int)(len < 63 ? len : 63), name);
    const cli_opt *best = NULL;
    size_t bestd = (size_t)-1;
    for (const cli_opt *p = opts; p && p->type != OPT_END; p++) {
        size_t d = cli_edit_distance(typed, p->lng);
        if (cli_close(typed, p->lng) && d < bestd) {
            best = p;
            bestd = d;
        }
    }
    return best;
}

/* The option called `name` (len bytes), or NULL. "--year" names "--years"
 * where a command has only that: one year is a range of one. */
static const cli_opt *named_option(const cli_opt *opts, const char *name, size_t len)
{
    const cli_opt *years = NULL;
    for (const cli_opt *p = opts; p->type != OPT_END; p++) {
        if (strlen(p->lng) == len && strncmp(p->lng, name, len) == 0) {
            return p;
        }
        if (strcmp(p->lng, "years") == 0) {
            years = p;
        }
    }
    return len == 4 && strncmp(name, "year", 4) == 0 ? years : NULL;
}

/* The option `a` names ("--name", "--name=VALUE" or "-x") into *o (NULL when
 * none does), and the value given after '=' into *val (else NULL). */
static shi_status find_option(const char *cmd, const cli_opt *opts, const char *a,
                              const cli_opt **o, const char **val, shi_err *err)
{
    *o = NULL;
    *val = NULL;
    if (a[1] == '-') {
        const char *name = a + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        *o = named_option(opts, name, len);
        if (*o && eq) {
            if ((*o)->type == OPT_FLAG) {
                return shi_err_set(err, SHI_EUSAGE, "%s: --%s takes no value", cmd, (*o)->lng);
            }
            *val = eq + 1;
        }
    } else if (a[2] == '\0') {
        for (const cli_opt *p = opts; p->type != OPT_END; p++) {
            if (p->shrt && p->shrt == a[1]) {
                *o = p;
            }
        }
    }
    return SHI_OK;
}

/* Options that name a file shi reads: a directory there is a usage error
 * said as such, not a parse error at "1:1" of it (issue 20). */
static shi_status check_input_file(const char *cmd, const cli_opt *o, const char *path,
                                   shi_err *err)
{
    static const char *const inputs[] = {"model", "events", "alliances"};
    struct stat st;
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        if (strcmp(o->lng, inputs[i]) == 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            return shi_err_set(err, SHI_EUSAGE, "%s: --%s: '%s' is a directory, not a file", cmd,
                               o->lng, path);
        }
    }
    return SHI_OK;
}

/* Apply option o of argv[*i] (its value inline in val, or the next argument). */
static shi_status apply_option(const char *cmd, const cli_opt *o, const char *val, int argc,
                               char **argv, int *i, shi_err *err)
{
    if (o->type == OPT_FLAG) {
        *(int *)o->value = 1;
        return SHI_OK;
    }
    if (!val) {
        if (*i + 1 >= argc) {
            return shi_err_set(err, SHI_EUSAGE, "%s: --%s needs a value (%s)", cmd, o->lng,
                               o->argh ? o->argh : "VALUE");
        }
        val = argv[++*i];
    }
    shi_status s = set_value(cmd, o, val, err);
    return s == SHI_OK && o->type == OPT_STRING ? check_input_file(cmd, o, val, err) : s;
}

static shi_status unknown_option(const char *cmd, const cli_opt *opts, const char *a, shi_err *err)
{
    const char *name = a + strspn(a, "-");
    const char *eq = strchr(name, '=');
    const cli_opt *near = nearest_option(opts, name, eq ? (size_t)(eq - name) : strlen(name));
    if (near) {
        return shi_err_set(err, SHI_EUSAGE,
                           "%s: unknown option '%s'; did you mean '--%s'? see 'shi %s --help'", cmd,
                           a, near->lng, cmd);
    }
    return shi_err_set(err, SHI_EUSAGE, "%s: unknown option '%s'; see 'shi %s --help'", cmd, a,
                       cmd);
}

shi_status cli_parse(const char *cmd, const char *usage, const cli_opt *opts, int argc, char **argv,
                     const char **pos, size_t maxpos, size_t *npos, int *help, shi_err *err)
{
    *npos = 0;
    *help = 0;
    int only_pos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_pos || a[0] != '-' || strcmp(a, "-") == 0) {
            if (*npos >= maxpos) {
                return shi_err_set(err, SHI_EUSAGE,
                                   "%s: unexpected argument '%s'; see 'shi %s --help'", cmd, a,
                                   cmd);
            }
            pos[(*npos)++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_pos = 1;
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            cli_usage(stdout, cmd, usage, opts);
            *help = 1;
            return SHI_OK;
        }
        const cli_opt *o;
        const char *val;
        shi_status s = find_option(cmd, opts, a, &o, &val, err);
        if (s == SHI_OK && !o) {
            if (strspn(a + 1, "0123456789.") == strlen(a + 1) && *npos < maxpos) {
                pos[(*npos)++] = a; /* a negative number is a positional value */
                continue;
            }
            s = unknown_option(cmd, opts, a, err);
        }
        if (s != SHI_OK || (s = apply_option(cmd, o, val, argc, argv, &i, err)) != SHI_OK) {
            return s;
        }
    }
    return SHI_OK;
}

/* Whether the usage text names option o ("--name" not followed by more of a
 * name, or "-x "). */
static int mentioned(const char *usage, const cli_opt *o)
{
    size_t n = strlen(o->lng);
    for (const char *p = strstr(usage, "--"); p; p = strstr(p + 2, "--")) {
        if (strncmp(p + 2, o->lng, n) == 0 &&
            !(p[2 + n] == '-' || (p[2 + n] >= 'a' && p[2 + n] <= 'z'))) {
            return 1;
        }
    }
    char shrt[4] = {'-', o->shrt, ' ', '\0'};
    return o->shrt && strstr(usage, shrt) != NULL;
}

/* Append `word` to the usage line being printed, wrapping before 80 columns. */
static void usage_word(FILE *f, const char *word, size_t len, size_t *col)
{
    if (*col + 1 + len > 80 && *col > 11) {
        fputs("\n          ", f);
        *col = 10;
    }
    fprintf(f, " %.*s", (int)len, word);
    *col += 1 + len;
}

/* Each line of `usage` after "usage:", wrapped at brackets' outer spaces; the
 * first line gets the options it leaves out. */
static void usage_lines(FILE *f, const char *usage, const cli_opt *opts)
{
    const char *line = usage;
    for (int first = 1; *line; first = 0) {
        while (*line == ' ') {
            line++;
        }
        const char *eol = strchr(line, '\n');
        size_t col = 6;
        fputs(first ? "usage:" : "      ", f);
        for (const char *p = line, *end = eol ? eol : line + strlen(line); p < end;) {
            int depth = 0;
            const char *q = p;
            while (q < end && (depth > 0 || *q != ' ')) {
                depth += (*q == '[') - (*q == ']');
                q++;
            }
            usage_word(f, p, (size_t)(q - p), &col);
            p = q < end ? q + 1 : q;
        }
        for (const cli_opt *o = opts; first && o && o->type != OPT_END; o++) {
            if (!mentioned(usage, o)) {
                char w[96];
                int n = snprintf(w, sizeof w, "[--%s%s%s]", o->lng, o->argh ? " " : "",
                                 o->argh ? o->argh : "");
                usage_word(f, w, (size_t)n, &col);
            }
        }
        fputc('\n', f);
        line = eol ? eol + 1 : line + strlen(line);
    }
}

void cli_usage(FILE *f, const char *cmd, const char *usage, const cli_opt *opts)
{
    usage_lines(f, usage, opts);
    int any = 0;
    for (const cli_opt *p = opts; p && p->type != OPT_END; p++) {
        if (!any) {
            fprintf(f, "\noptions:\n");
            any = 1;
        }
        char left[64];
        if (p->shrt) {
            snprintf(left, sizeof left, "-%c, --%s%s%s", p->shrt, p->lng, p->argh ? " " : "",
                     p->argh ? p->argh : "");
        } else {
            snprintf(left, sizeof left, "    --%s%s%s", p->lng, p->argh ? " " : "",
                     p->argh ? p->argh : "");
        }
        fprintf(f, "  %-28s %s\n", left, p->help);
    }
    fprintf(f, "\nglobal options (before the command): --data DIR, --data-file FILE.shd\n");
    fprintf(f, "exit codes: 0 ok, 1 bad input data, 2 usage, 3 I/O or system, 4 internal\n");
    cli_print_examples(f, cmd);
}

shi_status cli_years(const char *opt, const char *text, int lo, int hi, int *y0, int *y1,
                     shi_err *err)
{
    char *end = NULL;
    errno = 0;
    long a = strtol(text, &end, 10), b = a;
    if (end == text || errno) {
        goto bad;
    }
    if (*end == '-' || *end == ':') {
        const char *rest = end + 1;
        errno = 0;
        b = strtol(rest, &end, 10);
        if (end == rest || errno) {
            goto bad;
        }
    }
    if (*end) {
        goto bad;
    }
    if (a > b) {
        return shi_err_set(err, SHI_EUSAGE, "--%s: the range '%s' runs backwards", opt, text);
    }
    if (a < lo || b > hi) {
        return shi_err_set(err, SHI_EUSAGE, "--%s: year out of range in '%s'; the data cover %d-%d",
                           opt, text, lo, hi);
    }
    *y0 = (int)a;
    *y1 = (int)b;
    return SHI_OK;
bad:
    return shi_err_set(err, SHI_EUSAGE, "--%s: expected a year or a range like 1992-2022, got '%s'",
                       opt, text);
}

shi_status cli_pair(shi_cli *cli, const char *const *pos, int year, const shi_state **a,
                    const shi_state **b)
{
    shi_status s = shi_states_resolve(&cli->data.states, pos[0], year, a, &cli->err);
    return s == SHI_OK ? shi_states_resolve(&cli->data.states, pos[1], year, b, &cli->err) : s;
}

shi_status cli_years_pair(shi_cli *cli, const char *years, const char *const *pos, int *y0, int *y1,
                          const shi_state **a, const shi_state **b)
{
    const shi_panel *p = &cli->data.caps;
    shi_status s;
    if (years && (s = cli_years("years", years, p->year_min, p->year_max, y0, y1, &cli->err))) {
        return s;
    }
    return cli_pair(cli, pos, *y1, a, b);
}

shi_status cli_output_format(const char *format, const char *out, shi_frame_format dflt,
                             shi_frame_format *fmt, shi_err *err)
{
    int to_file = out && strcmp(out, "-") != 0;
    if (format) {
        shi_status s = shi_frame_format_parse(format, fmt, err);
        if (s != SHI_OK) {
            return s;
        }
    } else if (to_file) {
        int k = shi_frame_format_from_path(out);
        if (k < 0) {
            return shi_err_set(err, SHI_EUSAGE,
                               "cannot tell the format of '%s' from its name; give --format "
                               "(table, csv, tsv, json, jsonl, sqlite, dta) or a known extension "
                               "(.csv .tsv .json .jsonl .sqlite .db .dta)",
                               out);
        }
        *fmt = (shi_frame_format)k;
    } else {
        *fmt = dflt;
    }
    if ((*fmt == SHI_FF_SQLITE || *fmt == SHI_FF_DTA) && !to_file) {
        return shi_err_set(err, SHI_EUSAGE, "the %s format needs an output file (-o FILE)",
                           *fmt == SHI_FF_SQLITE ? "sqlite" : "dta");
    }
    return SHI_OK;
}

shi_status cli_write_table(const shi_table *t, const char *format, const char *out, shi_err *err)
{
    shi_frame_format fmt;
    shi_status s = cli_output_format(format, out, SHI_FF_TABLE, &fmt, err);
    if (s != SHI_OK) {
        return s;
    }
    if (shi_table_nrows(t) == 0) {
        fprintf(stderr, "shi: warning: the result is empty (no rows)\n");
    }
    if (fmt == SHI_FF_SQLITE || fmt == SHI_FF_DTA) {
        return shi_table_write_file(t, fmt, out, err);
    }
    shi_outfile o;
    s = shi_outfile_open(&o, out, err);
    if (s != SHI_OK) {
        return s;
    }
    int to_stdout = !out || strcmp(out, "-") == 0;
    /* On a terminal the table fits its width (issue 13). */
    s = fmt == SHI_FF_TABLE ? shi_table_write_width(t, o.fp, to_stdout ? cli_term_width() : 0, err)
                            : shi_table_write(t, o.fp, fmt, err);
    if (s == SHI_OK) {
        s = shi_outfile_commit(&o, err);
    }
    shi_outfile_abort(&o);
    return s;
}
