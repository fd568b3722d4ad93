/*
 * bench_energy.c - what the energy part adds to loading, and what `shi
 * sphere` costs for one region and 30 years (bench/README.md, issue 15).
 * Prints medians of 5 runs; no timed tests.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime (bench_util.h) */
#include <shi/data.h>
#include <shi/sphere.h>

#include <stdio.h>

#include "bench_util.h"

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "../shared/data";
    double t_rel[5], t_en[5], t_files[5], t_sph[5];
    for (int r = 0; r < 5; r++) {
        shi_data d = {0}, f = {0};
        shi_err err = {0};
        const shi_data_spec rel = {.parts = SHI_DATA_RELATIONS};
        const shi_data_spec en = {.parts = SHI_DATA_ENERGY};
        const shi_data_spec off = {.dir = dir, .parts = SHI_DATA_ENERGY};
        double t0 = bench_now();
        if (shi_data_open(&d, &rel, &err) != SHI_OK) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
        }
        double t1 = bench_now();
        shi_data_open(&d, &en, &err);
        double t2 = bench_now();
        size_t n;
        const int *ca = shi_sphere_region("Central Asia", &n);
        shi_sphere_table sp;
        shi_sphere_compute(&sp, &d, 365, 710, ca, n, 1992, 2021, &err);
        double t3 = bench_now();
        shi_sphere_free(&sp);
        shi_data_open(&f, &off, &err);
        double t4 = bench_now();
        t_rel[r] = t1 - t0;
        t_en[r] = t2 - t1;
        t_sph[r] = t3 - t2;
        t_files[r] = t4 - t3;
        shi_data_destroy(&d);
        shi_data_destroy(&f);
    }
    printf("relations (embedded, with caps and dyadic): %.1f ms\n", 1e3 * bench_median(t_rel, 5));
    printf("energy part (embedded): %.1f ms\n", 1e3 * bench_median(t_en, 5));
    printf("sphere RUS CHN, Central Asia, 1992-2021 (computation): %.1f ms\n",
           1e3 * bench_median(t_sph, 5));
    printf("caps + energy from the official monthly files: %.1f ms\n",
           1e3 * bench_median(t_files, 5));
    return 0;
}
