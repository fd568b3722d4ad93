/*
 * bench_formation.c - time alliance formation on the embedded data: the full
 * test (`shi formation test`: the design of every directed dyad-year at risk
 * 1817-2017 with the threat covariates, then every model fitted and scored on
 * the 1946 split and on each rolling decade) and a prediction for one chooser
 * (`shi formation predict`: one year's covariates and the shipped fits).
 *
 * Usage: bench_formation [RUNS] [STATE-CCODE]   (defaults: 3 runs, 365 RUS).
 * Prints the load time, the medians and minima, and the sizes.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

#include "bench_util.h"

#include <shi/data.h>
#include <shi/formation.h>

static int fail(const shi_err *err)
{
    fprintf(stderr, "bench_formation: %s\n", err->msg);
    return 1;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 3, cc = argc > 2 ? atoi(argv[2]) : 365;
    runs = runs < 1 ? 1 : (runs > 50 ? 50 : runs);
    shi_err err = {0};
    double t0 = bench_now();
    shi_data d = {0};
    shi_data_spec spec = {.parts = SHI_DATA_RELATIONS};
    if (shi_data_open(&d, &spec, &err) != SHI_OK) {
        return fail(&err);
    }
    printf("load (embedded data, relations): %.3f s\n", bench_now() - t0);
    double tt[50], tb[50], tp[50];
    size_t rows = 0, onsets = 0, groups = 0;
    for (int r = 0; r < runs; r++) {
        shi_formation_opts o = shi_formation_opts_default();
        shi_formation_design x;
        shi_formation_test t;
        double a = bench_now();
        if (shi_formation_design_build(&d, &o, &x, &err) != SHI_OK) {
            return fail(&err);
        }
        tb[r] = bench_now() - a;
        if (shi_formation_run_test(&x, 1946, 0, &t, &err) != SHI_OK) {
            return fail(&err);
        }
        tt[r] = bench_now() - a;
        rows = x.n;
        onsets = x.nonsets;
        groups = x.ngroup;
        shi_formation_test_free(&t);
        shi_formation_design_free(&x);
    }
    int y0, y1, pmax;
    shi_formation_years(&d, &y0, &y1, &pmax);
    const shi_state *st = shi_states_get(&d.states, cc);
    if (!st) {
        fprintf(stderr, "bench_formation: no state %d\n", cc);
        return 1;
    }
    const shi_formation_fit *fits[SHI_FM_N];
    for (int q = 0; q < SHI_FM_N; q++) {
        fits[q] = shi_formation_fit_embedded(SHI_FORM_DEFENCE, q);
    }
    for (int r = 0; r < runs; r++) {
        double a = bench_now();
        shi_threat_ctx *ctx = NULL;
        shi_formation_opts o = shi_formation_opts_default();
        shi_formation_year y;
        shi_formation_pred *v = NULL;
        size_t n = 0;
        if (shi_threat_ctx_new(&ctx, &d, &err) != SHI_OK ||
            shi_formation_year_compute(&d, ctx, &o, pmax, &y, &err) != SHI_OK ||
            shi_formation_predict(&y, &d, SHI_FORM_DEFENCE, fits, (size_t)(st - d.states.v),
                                  SHI_FM_JOINT, &v, &n, &err) != SHI_OK) {
            return fail(&err);
        }
        tp[r] = bench_now() - a;
        free(v);
        shi_formation_year_free(&y);
        shi_threat_ctx_free(ctx);
    }
    printf("design: %zu rows, %zu chooser-years, %zu onsets (defence, %d-%d)\n", rows, groups,
           onsets, y0, y1);
    printf("design build: median %.3f s\n", bench_median(tb, (size_t)runs));
    double mt = bench_median(tt, (size_t)runs), mp = bench_median(tp, (size_t)runs);
    printf("full test (design + split + rolling): median %.3f s, min %.3f s (%d runs)\n", mt, tt[0],
           runs);
    printf("predict %s %d (threat context + covariates + 5 models): median %.1f ms, min %.1f ms\n",
           st->abb, pmax, 1e3 * mp, 1e3 * tp[0]);
    shi_data_destroy(&d);
    return 0;
}
