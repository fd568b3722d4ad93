/*
 * bench_similarity.c - time shi_similarity_compute on alliance-like portfolios.
 *
 * Builds R random pairs of rows over N states (levels 0-3, mostly 0, capability-
 * like weights), then times M calls of shi_similarity_compute cycling over them
 * (all measures, weighted and unweighted). Prints ns per call (median and minimum
 * of 15 runs) and the projected time for 2 million dyad-years.
 * Not built by default; build by hand, e.g.
 *   cc -O2 -ffp-contract=off -Iinclude bench/bench_similarity.c build/libshi.a -lgsl -lgslcblas -lm
 * Usage: bench_similarity [N] [M]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench_util.h"

#include <shi/rng.h>
#include <shi/similarity.h>

#define PAIRS 64

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 195;
    long m = argc > 2 ? atol(argv[2]) : 1000000;
    if (n < 2 || n > 100000 || m < 1) {
        fprintf(stderr, "bench_similarity: N must be 2-100000 and M at least 1\n");
        return 2;
    }
    size_t ns = (size_t)n;
    uint8_t *a = malloc(PAIRS * ns), *b = malloc(PAIRS * ns);
    double *w = malloc(ns * sizeof *w);
    if (!a || !b || !w) {
        fprintf(stderr, "bench_similarity: out of memory\n");
        return 3;
    }
    shi_rng g;
    shi_rng_init(&g, 1914, 0);
    double sum = 0.0;
    for (size_t k = 0; k < ns; k++) {
        double u = shi_rng_uniform(&g);
        w[k] = u * u * u * u;
        sum += w[k];
    }
    for (size_t k = 0; k < ns; k++) {
        w[k] /= sum;
    }
    for (size_t k = 0; k < PAIRS * ns; k++) {
        /* about 90% no alliance, as in the COW data */
        a[k] = shi_rng_uniform(&g) < 0.9 ? 0 : (uint8_t)(1 + shi_rng_below(&g, 3));
        b[k] = shi_rng_uniform(&g) < 0.9 ? 0 : (uint8_t)(1 + shi_rng_below(&g, 3));
    }
    double t[15], sink = 0.0;
    for (int run = 0; run < 15; run++) {
        double t0 = bench_now();
        for (long i = 0; i < m; i++) {
            size_t p = (size_t)(i % PAIRS) * ns;
            shi_similarity r;
            if (shi_similarity_compute(a + p, b + p, w, ns, 3, &r, NULL) != SHI_OK) {
                fprintf(stderr, "bench_similarity: unexpected error\n");
                return 4;
            }
            sink += r.s_abs_w + r.kappa_sq;
        }
        t[run] = (bench_now() - t0) / (double)m;
    }
    qsort(t, 15, sizeof t[0], bench_cmp);
    printf("n = %ld states, %ld calls x 15 runs: median %.1f ns/call, min %.1f ns/call\n", n, m,
           t[7] * 1e9, t[0] * 1e9);
    printf("projected for 2,000,000 dyad-years: %.2f s (checksum %g)\n", t[7] * 2e6, sink);
    free(a);
    free(b);
    free(w);
    return 0;
}
