/*
 * bench_frame.c - time the frame writers on a frame the size of every
 * directed dyad-year of 1816-2016: 1.9 million rows of (year, ccode1, ccode2)
 * as int32 plus three reals (6, 4 and 1 decimals).
 *
 * Each writer runs N times into a file under /tmp (or DIR); prints the median
 * and minimum seconds and rows per second. The key-only CSV (the three int
 * columns) is what `shi dyads` writes; it must take well under 0.5 s for the
 * whole process.
 * Usage: bench_frame [--keys-only] [--all] [-n N] [DIR]
 *   --keys-only  write only the 3-column CSV once (for timing the whole process)
 *   --all        also time SQLite and .dta
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

#include <shi/frame_io.h>
#include <shi/outfile.h>
#include <shi/rng.h>

#define NROW 1900000

/* Dyad-years: in year y, the first 10 + (y-1816)*0.8 states (codes 2, 7, 12,
 * ...) paired both ways, until NROW rows. */
static int build(shi_frame *f, int keys_only, shi_err *err)
{
    int32_t *year, *c1, *c2;
    double *share = NULL, *ratio = NULL, *dist = NULL;
    if (shi_frame_init(f, "dyad_year", NROW, err) != SHI_OK ||
        shi_frame_add_i32(f, "year", "Year", &year, err) != SHI_OK ||
        shi_frame_add_i32(f, "ccode1", "COW code of state 1", &c1, err) != SHI_OK ||
        shi_frame_add_i32(f, "ccode2", "COW code of state 2", &c2, err) != SHI_OK) {
        return -1;
    }
    if (!keys_only &&
        (shi_frame_add_f64(f, "share1", "CINC share of state 1", 6, &share, err) != SHI_OK ||
         shi_frame_add_f64(f, "ratio", "Capability ratio", 4, &ratio, err) != SHI_OK ||
         shi_frame_add_f64(f, "dist", "Distance (km)", 1, &dist, err) != SHI_OK)) {
        return -1;
    }
    shi_rng rng;
    shi_rng_init(&rng, 1, 0);
    size_t r = 0;
    for (int y = 1816; r < NROW; y++) {
        int n = 10 + (y - 1816) * 4 / 5;
        for (int i = 0; i < n && r < NROW; i++) {
            for (int j = 0; j < n && r < NROW; j++) {
                if (i == j) {
                    continue;
                }
                year[r] = y;
                c1[r] = 2 + 5 * i;
                c2[r] = 2 + 5 * j;
                if (!keys_only) {
                    share[r] = shi_rng_uniform(&rng) * 0.2;
                    ratio[r] = shi_rng_uniform(&rng) < 0.01 ? (double)NAN : shi_rng_uniform(&rng);
                    dist[r] = shi_rng_uniform(&rng) * 20000.0;
                }
                r++;
            }
        }
    }
    return 0;
}

static int write_csv(const shi_frame *f, const char *path, shi_err *err)
{
    shi_outfile o;
    if (shi_outfile_open(&o, path, err) != SHI_OK) {
        return -1;
    }
    if (shi_frame_write_text(f, o.fp, SHI_FF_CSV, err) != SHI_OK) {
        shi_outfile_abort(&o);
        return -1;
    }
    return shi_outfile_commit(&o, err) == SHI_OK ? 0 : -1;
}

static void report(const char *what, double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, bench_cmp);
    double med = t[n / 2];
    printf("%-34s median %.3f s  min %.3f s  %.2f M rows/s\n", what, med, t[0],
           (double)NROW / med / 1e6);
}

int main(int argc, char **argv)
{
    int keys_only = 0, all = 0, n = 5;
    const char *dir = "/tmp";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--keys-only") == 0) {
            keys_only = 1;
        } else if (strcmp(argv[i], "--all") == 0) {
            all = 1;
        } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            n = atoi(argv[++i]);
        } else {
            dir = argv[i];
        }
    }
    if (n < 1 || n > 100) {
        fprintf(stderr, "bench_frame: N must be 1-100\n");
        return 2;
    }
    shi_err err = {0};
    char path[1024];
    char msg[1024];
    shi_frame f;
    if (keys_only) {
        /* One pass, as a command would do it: build, write, exit. */
        snprintf(path, sizeof path, "%s/bench_frame_keys.csv", dir);
        if (build(&f, 1, &err) != 0 || write_csv(&f, path, &err) != 0) {
            fprintf(stderr, "bench_frame: %s\n", shi_err_format(&err, msg, sizeof msg));
            return 3;
        }
        shi_frame_destroy(&f);
        return 0;
    }

    double t0 = bench_now();
    if (build(&f, 0, &err) != 0) {
        fprintf(stderr, "bench_frame: %s\n", shi_err_format(&err, msg, sizeof msg));
        return 3;
    }
    printf("frame: %zu rows x %zu columns, built in %.3f s\n", f.nrow, f.ncol, bench_now() - t0);

    double *t = malloc((size_t)n * sizeof *t);
    if (!t) {
        return 3;
    }
    snprintf(path, sizeof path, "%s/bench_frame.csv", dir);
    for (int i = 0; i < n; i++) {
        double s = bench_now();
        if (write_csv(&f, path, &err) != 0) {
            fprintf(stderr, "bench_frame: %s\n", shi_err_format(&err, msg, sizeof msg));
            return 3;
        }
        t[i] = bench_now() - s;
    }
    report("CSV, 3 int + 3 real columns", t, n);

    size_t ncol = f.ncol;
    f.ncol = 3; /* the key columns only */
    snprintf(path, sizeof path, "%s/bench_frame_keys.csv", dir);
    for (int i = 0; i < n; i++) {
        double s = bench_now();
        if (write_csv(&f, path, &err) != 0) {
            fprintf(stderr, "bench_frame: %s\n", shi_err_format(&err, msg, sizeof msg));
            return 3;
        }
        t[i] = bench_now() - s;
    }
    report("CSV, 3 int columns", t, n);
    f.ncol = ncol;

    if (all) {
        const char *keys[] = {"year", "ccode1", "ccode2"};
        snprintf(path, sizeof path, "%s/bench_frame.sqlite", dir);
        int m = n < 3 ? n : 3;
        for (int i = 0; i < m; i++) {
            double s = bench_now();
            if (shi_frame_write_sqlite(&f, keys, 3, NULL, path, &err) != SHI_OK) {
                fprintf(stderr, "bench_frame: %s\n", shi_err_format(&err, msg, sizeof msg));
                return 3;
            }
            t[i] = bench_now() - s;
        }
        report("SQLite + index on the 3 keys", t, m);
        snprintf(path, sizeof path, "%s/bench_frame.dta", dir);
        for (int i = 0; i < m; i++) {
            double s = bench_now();
            if (shi_frame_write_dta(&f, NULL, path, &err) != SHI_OK) {
                fprintf(stderr, "bench_frame: %s\n", shi_err_format(&err, msg, sizeof msg));
                return 3;
            }
            t[i] = bench_now() - s;
        }
        report("Stata .dta", t, m);
    }
    free(t);
    shi_frame_destroy(&f);
    return 0;
}
