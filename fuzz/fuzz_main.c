/*
 * fuzz_main.c - run a fuzz target without libFuzzer: replay every file given on
 * the command line, and every file in each directory given, through
 * LLVMFuzzerTestOneInput. CTest uses it to replay the seed corpus (and any
 * crash once fixed) on every build, with any compiler.
 *
 *   fuzz_csv_replay fuzz/corpus/csv [more dirs or files]
 *
 * Exit status: 0 when every input ran, 1 when an argument cannot be read or no
 * input was found (an empty corpus would make the test pass for nothing). A bug
 * found by the target aborts the process.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Run one file; returns 0, or -1 when it cannot be read. */
static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "fuzz_main: cannot open '%s': %s\n", path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        if (len == cap) {
            uint8_t *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0) {
            break;
        }
    }
    int bad = !buf || ferror(f);
    fclose(f);
    if (bad) {
        fprintf(stderr, "fuzz_main: cannot read '%s'\n", path);
        free(buf);
        return -1;
    }
    /* Give the target an exactly-sized copy, so ASan sees reads past the end. */
    uint8_t *exact = malloc(len ? len : 1);
    if (!exact) {
        free(buf);
        return -1;
    }
    memcpy(exact, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Run every regular file in `dir`, in name order; returns files run or -1. */
static long replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "fuzz_main: cannot open directory '%s': %s\n", dir, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                break;
            }
            names = nn;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) {
            break;
        }
        snprintf(names[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n) {
        qsort(names, n, sizeof *names, cmp_str);
    }
    long run = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            if (replay_file(names[i]) != 0) {
                run = -1;
            } else if (run >= 0) {
                run++;
            }
        }
        free(names[i]);
    }
    free(names);
    return run;
}

int main(int argc, char **argv)
{
    long total = 0;
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "fuzz_main: cannot find '%s': %s\n", argv[i], strerror(errno));
            failed = 1;
        } else if (S_ISDIR(st.st_mode)) {
            long n = replay_dir(argv[i]);
            if (n < 0) {
                failed = 1;
            } else {
                total += n;
            }
        } else if (replay_file(argv[i]) != 0) {
            failed = 1;
        } else {
            total++;
        }
    }
    if (total == 0 && !failed) {
        fprintf(stderr, "fuzz_main: no inputs (usage: %s DIR_OR_FILE...)\n", argv[0]);
        failed = 1;
    }
    printf("fuzz_main: replayed %ld inputs\n", total);
    return failed ? 1 : 0;
}
