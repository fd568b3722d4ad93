/*
 * bench_power.c - time loading NMC v7 and computing every yearly measure of
 * the configuration of power for 1816-2022.
 *
 * One run = load (the official CSV files from DIR, or the embedded data,
 * with CINC for all state-years, which the load computes) + for every year:
 * the configuration over all members and over the major powers, and every
 * state's 10-year trend.
 * Prints the median and the minimum of N runs, and the process's peak RSS.
 * Usage: bench_power [DIR] [N]
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "bench_util.h"

#include <shi/data.h>
#include <shi/power.h>

int main(int argc, char **argv)
{
    const char *dir = argc > 1 && argv[1][0] ? argv[1] : NULL;
    int n = argc > 2 ? atoi(argv[2]) : 15;
    if (n < 1 || n > 1000) {
        fprintf(stderr, "bench_power: N must be 1-1000\n");
        return 2;
    }
    double *t = malloc((size_t)n * sizeof *t);
    double checksum = 0;
    for (int k = 0; k < n; k++) {
        double t0 = bench_now();
        shi_data d;
        shi_err err = {0};
        if (shi_data_load(&d, dir, &err) != SHI_OK) {
            fprintf(stderr, "bench_power: %s\n", err.msg);
            return 1;
        }
        const size_t col = d.cinc;
        for (int y = d.caps.year_min; y <= d.caps.year_max; y++) {
            for (int sc = 0; sc < 2; sc++) {
                shi_power_year r;
                shi_power_year_compute(&d.caps, col, &d.states, y, (shi_scope)sc, NULL, &r, &err);
                checksum += r.con;
            }
            const size_t *rows;
            size_t m;
            shi_panel_year(&d.caps, y, &rows, &m);
            for (size_t i = 0; i < m; i++) {
                double tr = shi_power_trend(&d.caps, col, d.caps.unit[rows[i]], y, 10);
                if (!isnan(tr)) {
                    checksum += tr;
                }
            }
        }
        shi_data_destroy(&d);
        t[k] = bench_now() - t0;
    }
    qsort(t, (size_t)n, sizeof *t, bench_cmp);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf(
        "source: %s\nruns: %d\nmedian_ms: %.1f\nmin_ms: %.1f\npeak_rss_mb: %.1f\nchecksum: %.6f\n",
        dir ? dir : "embedded", n, 1000 * t[n / 2], 1000 * t[0], (double)ru.ru_maxrss / 1024.0,
        checksum);
    free(t);
    return 0;
}
