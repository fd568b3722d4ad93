/*
 * bench_threat_validate.c - time shi_threat_validate (the computation of
 * `shi threat validate`) on the embedded data and print its table.
 *
 * Usage: bench_threat_validate [MODEL.yaml] [RUNS]   (defaults: the built-in
 * model, 3 runs). Prints the load time, each run's time, the median, and the
 * table of the last run (training and test periods, MID and UCDP).
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

#include <shi/data.h>
#include <shi/threat.h>
#include <shi/threat_validate.h>

int main(int argc, char **argv)
{
    shi_threat_model m = shi_threat_model_default();
    shi_err err = {0};
    if (argc > 1 && strcmp(argv[1], "-") != 0 &&
        shi_threat_model_load(&m, argv[1], &err) != SHI_OK) {
        fprintf(stderr, "bench_threat_validate: %s:%ld:%ld: %s\n", err.path, err.line, err.col,
                err.msg);
        return 1;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 3;
    runs = runs < 1 ? 1 : (runs > 50 ? 50 : runs);
    double t0 = bench_now();
    shi_data d = {0};
    shi_data_spec spec = {.parts = SHI_DATA_RELATIONS};
    if (shi_data_open(&d, &spec, &err) != SHI_OK) {
        fprintf(stderr, "bench_threat_validate: %s\n", err.msg);
        return 1;
    }
    printf("load (embedded data, relations): %.3f s\n", bench_now() - t0);
    double times[50];
    shi_threat_validation v;
    for (int r = 0; r < runs; r++) {
        double a = bench_now();
        if (shi_threat_validate(&d, &m, 1980, 5, &v, &err) != SHI_OK) {
            fprintf(stderr, "bench_threat_validate: %s\n", err.msg);
            shi_data_destroy(&d);
            return 1;
        }
        times[r] = bench_now() - a;
        printf("run %d: %.3f s\n", r + 1, times[r]);
    }
    qsort(times, (size_t)runs, sizeof times[0], bench_cmp);
    printf("shi_threat_validate: median %.3f s, min %.3f s (%d runs)\n", times[(runs - 1) / 2],
           times[0], runs);
    static const char *const out[SHI_TV_NOUT] = {"MID onset", "UCDP conflict"};
    static const char *const per[SHI_TV_NPERIOD] = {"train", "test"};
    for (int o = 0; o < SHI_TV_NOUT; o++) {
        for (int p = 0; p < SHI_TV_NPERIOD; p++) {
            printf("\n%s, %s %d-%d (outcomes in the next %d years)\n", out[o], per[p], v.y0[o][p],
                   v.y1[o][p], v.horizon);
            printf("%-11s %7s %7s %7s %7s %8s %9s\n", "score", "auc", "top1", "top5", "groups",
                   "n_pos", "n");
            for (int k = 0; k < SHI_TV_NSCORE; k++) {
                const shi_tv_cell *c = &v.cell[o][p][k];
                printf("%-11s %7.4f %7.4f %7.4f %7zu %8zu %9zu\n", shi_tv_score_name(k), c->auc,
                       c->top1, c->top5, c->groups, c->n_pos, c->n);
            }
        }
    }
    shi_data_destroy(&d);
    return 0;
}
