/*
 * bench_drivers_id.c - time the identified drivers test of issue 12 on the
 * embedded data, and print its result for one pair.
 *
 *   1. one pair (default RUS-CHN, 1992-2014, study-v1, outcome ideal): the
 *      unit-root tests, the fit with B bootstrap draws and 999 permutations a
 *      block, P placebo third states; no panel (median and min of RUNS);
 *   2. the reference panel alone: every pair of major powers of the last year
 *      without the third state, fixed effects and a 500-draw dyad bootstrap;
 *   3. the whole thing as `shi drivers` runs it (pair + panel), once.
 * Data loading is timed apart and left out of 1-3.
 *
 * Usage: bench_drivers_id [A B] [B] [P] [RUNS]   (defaults 365 710 2000 30 7)
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

#include <shi/data.h>
#include <shi/drivers_pair.h>

int main(int argc, char **argv)
{
    int a = argc > 2 ? atoi(argv[1]) : 365, b = argc > 2 ? atoi(argv[2]) : 710;
    int B = argc > 3 ? atoi(argv[3]) : 2000, P = argc > 4 ? atoi(argv[4]) : 30;
    int runs = argc > 5 ? atoi(argv[5]) : 7;
    shi_data d = {0};
    shi_err err = {0};
    shi_data_spec spec = {.parts = SHI_DATA_ALL};
    double t0 = bench_now();
    if (shi_data_open(&d, &spec, &err) != SHI_OK) {
        fprintf(stderr, "bench_drivers_id: %s\n", err.msg);
        return 1;
    }
    printf("data loaded in %.3f s (left out below)\n", bench_now() - t0);
    shi_drivers_pair_opts o = shi_drivers_pair_opts_default();
    o.a = a;
    o.b = b;
    o.id.fit.boot = B;
    o.nrandom = P;
    o.panel = 0;
    double *tm = malloc((size_t)(runs > 0 ? runs : 1) * sizeof *tm);
    shi_drivers_pair r;
    for (int i = 0; i < runs; i++) {
        double s = bench_now();
        if (shi_drivers_pair_run(&r, &d, &o, &err) != SHI_OK) {
            fprintf(stderr, "bench_drivers_id: %s\n", err.msg);
            return 1;
        }
        tm[i] = bench_now() - s;
        if (i + 1 < runs) {
            shi_drivers_pair_free(&r);
        }
    }
    qsort(tm, (size_t)runs, sizeof *tm, bench_cmp);
    printf("one pair %d-%d, B=%d, %zu placebos (%d random + fixed list), 999 permutations a "
           "block: median %.3f s, min %.3f s (%d runs)\n",
           a, b, B, r.nplacebo, P, tm[runs / 2], tm[0], runs);
    const shi_drivers_id *id = &r.id;
    printf("  %s, %s: external share %.3f [%.3f, %.3f], R2 %.3f (n %zu), placebo rank %zu of "
           "%zu (p %.3f), permutation p ext %.3f bil %.3f\n  verdict: %s (%s)\n  form: %s\n",
           shi_drivers_spec_name(o.spec.spec), shi_outcome_name(o.spec.outcome),
           id->fit.external_share, id->fit.external_share_ci[0], id->fit.external_share_ci[1],
           id->fit.r2, id->fit.n, id->rank, id->placebo_valid + 1, id->placebo_p, id->fit.perm_p[0],
           id->fit.perm_p[1], shi_verdict_name(id->verdict), id->why, id->form_why);
    shi_drivers_pair_free(&r);
    /* 2 and 3: the panel. */
    o.panel = 1;
    o.nrandom = 0;
    o.fixed = 0;
    o.id.fit.boot = 0;
    o.id.fit.perm = 0;
    double s = bench_now();
    if (shi_drivers_pair_run(&r, &d, &o, &err) != SHI_OK) {
        fprintf(stderr, "bench_drivers_id: %s\n", err.msg);
        return 1;
    }
    double tp = bench_now() - s;
    printf("reference panel (%zu dyads, %zu rows, dyad bootstrap %d) with a point fit of the "
           "pair: %.3f s\n  panel external share %.3f [%.3f, %.3f], within R2 %.3f %s\n",
           r.panel_ndyads, r.panel.nobs, r.panel.boot, tp, r.panel.share, r.panel.share_ci[0],
           r.panel.share_ci[1], r.panel.r2_within, r.panel_msg);
    shi_drivers_pair_free(&r);
    o = shi_drivers_pair_opts_default();
    o.a = a;
    o.b = b;
    s = bench_now();
    if (shi_drivers_pair_run(&r, &d, &o, &err) != SHI_OK) {
        fprintf(stderr, "bench_drivers_id: %s\n", err.msg);
        return 1;
    }
    printf("whole analysis as `shi drivers` runs it (pair, %zu placebos, panel): %.3f s\n",
           r.nplacebo, bench_now() - s);
    shi_drivers_pair_free(&r);
    free(tm);
    shi_data_destroy(&d);
    return 0;
}
