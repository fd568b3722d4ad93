/*
 * term.c - the width of the terminal that standard output is, for fitting
 * tables and wrapping text to it (issue 13). Not a terminal: no limit, so
 * piped and redirected output (CSV, an SVG, a golden file) is never touched.
 */
#define _DEFAULT_SOURCE /* TIOCGWINSZ */
#include "cli.h"

#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

size_t cli_term_width(void)
{
    /* Under mpirun standard output is a pseudo-terminal of Open MPI's even
     * when mpirun's own output is a file: not fitted, so that the output is
     * that of one process (issue 16) whatever the number of ranks, one
     * included. */
    if (!isatty(STDOUT_FILENO) || cli_mpi_launched()) {
        return 0;
    }
    const char *c = getenv("COLUMNS");
    char *end = NULL;
    long v = c ? strtol(c, &end, 10) : 0;
    if (c && end != c && *end == '\0' && v >= 20 && v <= 10000) {
        return (size_t)v;
    }
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) {
        return ws.ws_col;
    }
    return 80;
}

shi_status cli_print_wrapped(shi_status (*print)(FILE *f, void *arg), void *arg, shi_err *err)
{
    size_t width = cli_term_width();
    if (width == 0) {
        return print(stdout, arg);
    }
    FILE *tmp = tmpfile();
    if (!tmp) {
        return print(stdout, arg); /* unwrapped rather than nothing */
    }
    shi_status s = print(tmp, arg);
    long n = ftell(tmp);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s == SHI_OK && !text) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (text) {
        rewind(tmp);
        size_t got = fread(text, 1, (size_t)n, tmp);
        text[got] = '\0';
        shi_text_wrap(stdout, text, width);
    }
    free(text);
    fclose(tmp);
    return s;
}
