/*
 * fuzz_cli.c - libFuzzer target for CLI option parsing (src/cli/opts.c): the
 * input is argv, split at NUL bytes, parsed against a table with every kind
 * of option; then each argument goes through cli_years. A usage error is
 * SHI_EUSAGE with a one-line message; parsing never reads past argv.
 * Seeds: command lines of the golden and bad-input cases.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAXARG = 64 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    FUZZ_CHECK(buf != NULL);
    memcpy(buf, data, size);
    buf[size] = '\0';
    char *argv[MAXARG + 1];
    int argc = 0;
    char name[] = "fuzz";
    argv[argc++] = name;
    for (char *p = buf; p <= buf + size && argc < MAXARG; p += strlen(p) + 1) {
        argv[argc++] = p;
    }
    argv[argc] = NULL;
    int flag = 0, n = 0;
    double x = 0;
    const char *str = NULL;
    const cli_opt opts[] = {{OPT_FLAG, 'q', "quiet", &flag, NULL, "a flag"},
                            {OPT_INT, 't', "threads", &n, "N", "an integer"},
                            {OPT_REAL, 0, "delta", &x, "X", "a real"},
                            {OPT_STRING, 'o', "output", &str, "FILE", "a string"},
                            {OPT_STRING, 0, "years", &str, "A-B", "years"},
                            {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[4];
    size_t npos = 0;
    int help = 0;
    shi_err err = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            free(buf); /* it prints the usage: nothing to check */
            return 0;
        }
    }
    shi_status s =
        cli_parse("fuzz", "shi fuzz [options]", opts, argc, argv, pos, 4, &npos, &help, &err);
    if (s != SHI_OK) {
        FUZZ_CHECK(s == SHI_EUSAGE);
        fuzz_check_err(s, &err, size);
    } else {
        FUZZ_CHECK(npos <= 4);
    }
    for (int i = 1; i < argc; i++) {
        int y0 = 0, y1 = 0;
        shi_err e2 = {0};
        s = cli_years("--years", argv[i], 1816, 2024, &y0, &y1, &e2);
        if (s == SHI_OK) {
            FUZZ_CHECK(y0 >= 1816 && y0 <= y1 && y1 <= 2024);
        } else {
            FUZZ_CHECK(s == SHI_EUSAGE);
            fuzz_check_err(s, &e2, size);
        }
    }
    free(buf);
    return 0;
}
