/*
 * bench_drivers.c - time the estimation core of `shi drivers`.
 *
 * One analysis = OLS with Newey-West errors, the exact LMG decomposition over
 * all 2^k subsets and a moving-block bootstrap of the block shares, on a
 * synthetic dyad series of N years and K drivers (half external, half
 * bilateral). Times:
 *   1. one analysis, RUNS times, at 1 thread and at 2 threads (median, min);
 *   2. the reference set: 21 dyads (all pairs of 7 major powers), one analysis
 *      each, at the default thread count;
 * and checks that 1 and 2 threads give byte-identical bootstrap replications.
 *
 * Usage: bench_drivers [N] [K] [B] [RUNS]      (defaults 23 8 2000 9)
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

#include <shi/drivers.h>
#include <shi/rng.h>

static double gauss(shi_rng *r)
{
    double u = shi_rng_uniform(r), v = shi_rng_uniform(r);
    if (u < 1e-300) {
        u = 1e-300;
    }
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* A persistent (AR(1)) synthetic series for dyad `dyad`. */
static void synth(size_t n, size_t k, uint64_t dyad, double *y, double *X, int *blk)
{
    shi_rng g;
    shi_rng_init(&g, 2026, dyad);
    for (size_t j = 0; j < k; j++) {
        double v = gauss(&g);
        for (size_t t = 0; t < n; t++) {
            v = 0.7 * v + gauss(&g);
            X[j * n + t] = v;
        }
        blk[j] = j < k / 2 ? SHI_BLOCK_EXTERNAL : SHI_BLOCK_BILATERAL;
    }
    for (size_t t = 0; t < n; t++) {
        y[t] = 0.3 * gauss(&g);
        for (size_t j = 0; j < k; j++) {
            y[t] += (j < k / 2 ? 0.6 : 0.25) * X[j * n + t];
        }
    }
}

static int run(size_t n, size_t k, int B, int threads, uint64_t dyad, shi_drivers_result *r)
{
    double *y = malloc(n * sizeof *y), *X = malloc(n * k * sizeof *X);
    int *blk = malloc(k * sizeof *blk);
    if (!y || !X || !blk) {
        fprintf(stderr, "bench_drivers: out of memory\n");
        exit(3);
    }
    synth(n, k, dyad, y, X, blk);
    shi_drivers_input in = {n, k, y, X, blk, NULL};
    shi_drivers_opts o = shi_drivers_opts_default();
    o.boot = B;
    o.threads = threads;
    shi_err err = {0};
    shi_status st = shi_drivers_fit(&in, &o, r, &err);
    if (st != SHI_OK) {
        fprintf(stderr, "bench_drivers: %s\n", err.msg);
    }
    free(y);
    free(X);
    free(blk);
    return st == SHI_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)atol(argv[1]) : 23;
    size_t k = argc > 2 ? (size_t)atol(argv[2]) : 8;
    int B = argc > 3 ? atoi(argv[3]) : 2000;
    int runs = argc > 4 ? atoi(argv[4]) : 9;
    if (n < 10 || k < 1 || k > SHI_DRIVERS_MAX_K || B < 0 || runs < 1 || runs > 1000) {
        fprintf(stderr, "usage: bench_drivers [N>=10] [K 1-%d] [B>=0] [RUNS 1-1000]\n",
                SHI_DRIVERS_MAX_K);
        return 2;
    }
    double *t = malloc((size_t)runs * sizeof *t);
    shi_drivers_result ref = {0};
    printf("one analysis: n=%zu k=%zu B=%d (%d runs)\n", n, k, B, runs);
    for (int th = 1; th <= 2; th++) {
        for (int i = 0; i < runs; i++) {
            shi_drivers_result r = {0};
            double t0 = bench_now();
            if (run(n, k, B, th, 0, &r)) {
                return 1;
            }
            t[i] = bench_now() - t0;
            if (th == 1 && i == 0) {
                ref = r;
                continue;
            }
            if (B > 0 && memcmp(r.boot_shap_ext, ref.boot_shap_ext, (size_t)B * sizeof(double))) {
                fprintf(stderr, "bench_drivers: replications differ at %d threads\n", th);
                return 1;
            }
            shi_drivers_result_destroy(&r);
        }
        qsort(t, (size_t)runs, sizeof *t, bench_cmp);
        printf("  threads=%d  median %.4f s  min %.4f s\n", th, t[runs / 2], t[0]);
    }
    printf("  external share %.4f [%.4f, %.4f], R^2 %.4f; 1 and 2 threads identical\n",
           ref.external_share, ref.external_share_ci[0], ref.external_share_ci[1], ref.r2);
    shi_drivers_result_destroy(&ref);

    double t0 = bench_now();
    for (uint64_t d = 0; d < 21; d++) {
        shi_drivers_result r = {0};
        if (run(n, k, B, 0, d + 1, &r)) {
            return 1;
        }
        shi_drivers_result_destroy(&r);
    }
    printf("reference set: 21 dyads, default threads: %.4f s\n", bench_now() - t0);
    free(t);
    return 0;
}
