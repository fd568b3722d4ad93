/*
 * pair_summary.c - libshi from C: open the embedded data, analyse a pair and
 * print the terminal summary (what `shi report RUS CHN` prints).
 *
 *     cc pair_summary.c $(pkg-config --cflags --libs shi) -o pair_summary
 *     ./pair_summary 365 710 1992 2022
 */
#include <shi/shi.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int a = argc > 1 ? atoi(argv[1]) : 365, b = argc > 2 ? atoi(argv[2]) : 710;
    int y0 = argc > 3 ? atoi(argv[3]) : 1992, y1 = argc > 4 ? atoi(argv[4]) : 2022;
    shi_data d = {0};
    shi_err err = {0};
    shi_data_spec spec = {.parts = SHI_DATA_ALL};
    if (shi_data_open(&d, &spec, &err) != SHI_OK) {
        fprintf(stderr, "pair_summary: %s\n", err.msg);
        return 1;
    }
    shi_pair_opts o = {a, b, 0, y0, y1, NULL, 0, NULL}; /* 0: no threat validation */
    shi_pair_analysis pa;
    shi_status s = shi_pair_analyze(&pa, &d, &o, &err);
    if (s == SHI_OK) {
        s = shi_report_summary(stdout, &d, &pa, &err);
        shi_pair_free(&pa);
    }
    if (s != SHI_OK) {
        fprintf(stderr, "pair_summary: %s\n", err.msg);
    }
    shi_data_destroy(&d);
    return s == SHI_OK ? 0 : 1;
}
