/*
 * cmd_sphere.c - `shi sphere A B --region NAME | --states LIST`: the two
 * powers' influence over third states (shi/sphere.h, docs/sphere.md).
 */
#include "cli.h"

#include <shi/report.h>
#include <shi/sphere.h>
#include <shi/svg.h>

#include <math.h>
#include <string.h>

/* The third states: a named region or a list. */
static shi_status sphere_states(shi_cli *cli, const char *region, const char *list, int year,
                                int *out, size_t *n)
{
    if (!region == !list) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "sphere: needs --region NAME or --states LIST (one of them)");
    }
    if (list) {
        const shi_state *v[64];
        shi_status s = shi_states_resolve_list(&cli->data.states, list, year, v, 64, n, &cli->err);
        for (size_t i = 0; s == SHI_OK && i < *n; i++) {
            out[i] = v[i]->ccode;
        }
        return s;
    }
    const int *r = shi_sphere_region(region, n);
    if (!r) {
        const char *const *names = shi_sphere_region_names();
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "sphere: unknown region '%s' (known: '%s', '%s', '%s')", region,
                           names[0], names[1], names[2]);
    }
    memcpy(out, r, *n * sizeof *out);
    return SHI_OK;
}

static const char *abb(const shi_cli *cli, int c)
{
    const shi_state *st = shi_states_get(&cli->data.states, c);
    return st ? st->abb : "?";
}

/* One row per third state and power: the areas at their last year, the index. */
static shi_status sphere_rows(shi_cli *cli, shi_table *t, const shi_sphere_table *sp)
{
    /* state, power, the areas (SHI_SPH_N of them), then the index columns */
    enum { A0 = 2, I0 = A0 + SHI_SPH_N, NCOL = I0 + 6 };
    static const char *const idx[6] = {"index_from", "index_to", "index_first",
                                       "index_last", "slope",    "gaining"};
    shi_status s = SHI_OK;
    for (int c = 0; c < NCOL && s == SHI_OK; c++) {
        const char *name = c == 0   ? "state"
                           : c == 1 ? "power"
                           : c < I0 ? shi_sphere_area_name(c - A0)
                                    : idx[c - I0];
        char type = c < A0 || c == NCOL - 1 ? 's' : (c == I0 || c == I0 + 1 ? 'i' : 'f');
        s = shi_table_column(t, name, type, c == I0 + 4 ? 5 : 3, &cli->err);
    }
    for (size_t i = 0; i < sp->n && s == SHI_OK; i++) {
        for (int p = 0; p < 2 && s == SHI_OK; p++) {
            if ((s = shi_table_str(t, abb(cli, sp->third[i]), &cli->err)) == SHI_OK) {
                s = shi_table_str(t, abb(cli, sp->p[p]), &cli->err);
            }
            for (int k = 0; k < SHI_SPH_N && s == SHI_OK; k++) {
                int y = sp->last[k] ? sp->last[k] : sp->y1;
                s = shi_table_real(t, shi_sphere_v(sp, i, p, k, y), &cli->err);
            }
            int fy, ly;
            shi_sphere_index_years(sp, i, &fy, &ly);
            for (int e = 0; e < 2 && s == SHI_OK; e++) {
                int y = e ? ly : fy;
                s = y ? shi_table_int(t, y, &cli->err) : shi_table_missing(t, &cli->err);
            }
            double f, l;
            shi_sphere_index_ends(sp, i, p, &f, &l);
            int g = sp->gain[i];
            const char *gain = g < 0 ? "-" : g == 0 ? "neither" : abb(cli, sp->p[g - 1]);
            const double v[3] = {f, l, sp->slope[i * 2 + (size_t)p]};
            for (int k = 0; k < 3 && s == SHI_OK; k++) {
                s = shi_table_real(t, v[k], &cli->err);
            }
            if (s == SHI_OK) {
                s = shi_table_str(t, gain, &cli->err);
            }
        }
    }
    return s;
}

/* The table (and the --svg chart) of a computed sphere. */
static shi_status sphere_write(shi_cli *cli, const shi_sphere_table *sp, const char *region,
                               const char *format, const char *out, shi_outfile *svg)
{
    shi_table *t = shi_table_new();
    shi_status s = t ? sphere_rows(cli, t, sp) : shi_err_set(&cli->err, SHI_EIO, "out of memory");
    if (s == SHI_OK && svg->fp) {
        shi_svg_chart *c = NULL;
        s = shi_report_sphere_svg(&c, &cli->data, sp, region, &cli->err);
        s = cli_svg_put(svg, c, s, &cli->err);
    }
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    if (s == SHI_OK && !out && (!format || strcmp(format, "table") == 0)) {
        printf("\nareas at their last year with data:");
        for (int k = 0; k < SHI_SPH_N; k++) {
            printf(sp->last[k] ? "%s %s %d" : "%s %s none", k ? "," : "", shi_sphere_area_name(k),
                   sp->last[k]);
        }
        printf("; index %d-%d, each state's over its index areas (docs/sphere.md)\n", sp->y0,
               sp->y1);
    }
    shi_table_free(t);
    return s;
}

int cmd_sphere(shi_cli *cli, int argc, char **argv)
{
    const char *years = NULL, *region = NULL, *list = NULL, *format = NULL, *out = NULL,
               *svgpath = NULL;
    const cli_opt opts[] = {
        {OPT_STRING, 0, "region", &region, "NAME",
         "'Central Asia', 'Asia-Pacific' or 'former Soviet Union'"},
        {OPT_STRING, 0, "states", &list, "LIST", "third states, comma-separated"},
        {OPT_STRING, 0, "years", &years, "A-B", "years (default 1992 to the last of the data)"},
        {OPT_STRING, 0, "format", &format, "FMT", "table (default), csv, tsv or json"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_STRING, 0, "svg", &svgpath, "FILE", "also draw the index as small multiples (SVG)"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[2];
    size_t npos, n = 0;
    int help, y0 = 1992, y1, third[64];
    const shi_state *a, *b;
    shi_status s = cli_parse("sphere", "shi sphere A B --region NAME | --states LIST [--years A-B]",
                             opts, argc, argv, pos, 2, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if (npos != 2) {
        return shi_err_set(&cli->err, SHI_EUSAGE, "sphere: needs two powers, e.g. 'RUS CHN'");
    }
    if (!region == !list || (region && !shi_sphere_region(region, &n))) {
        /* The usage error, before the data are loaded. */
        return sphere_states(cli, region, list, 0, third, &n);
    }
    if ((s = cli_data(cli, SHI_DATA_RELATIONS | SHI_DATA_ENERGY, NULL, NULL)) != SHI_OK) {
        return s;
    }
    y1 = cli->data.caps.year_max;
    shi_sphere_table sp;
    shi_outfile svg;
    if ((s = cli_years_pair(cli, years, pos, &y0, &y1, &a, &b)) ||
        (s = sphere_states(cli, region, list, y1, third, &n)) ||
        (s = cli_svg_open("sphere", svgpath, &svg, &cli->err))) {
        return s;
    }
    s = shi_sphere_compute(&sp, &cli->data, a->ccode, b->ccode, third, n, y0, y1, &cli->err);
    if (s == SHI_OK) {
        s = sphere_write(cli, &sp, region, format, out, &svg);
        shi_sphere_free(&sp);
    }
    return cli_svg_close(&svg, s, &cli->err);
}
