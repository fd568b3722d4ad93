/*
 * sphere_svg.c - the spheres of influence as small multiples: one panel per
 * third state, each power's influence index over the years (shi/sphere.h,
 * docs/sphere.md). A map would need borders shi does not ship; small
 * multiples on one shared scale compare the states at a glance (Tufte 1983,
 * ch. 8).
 */
#include <shi/report.h>
#include <shi/svg.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static const char *abb_of(const shi_data *d, int cc)
{
    const shi_state *st = shi_states_get(&d->states, cc);
    return st ? st->abb : "?";
}

shi_status shi_report_sphere_svg(shi_svg_chart **out, const shi_data *d, const shi_sphere_table *sp,
                                 const char *region, shi_err *err)
{
    *out = NULL;
    size_t ny = (size_t)(sp->y1 - sp->y0 + 1);
    double *x = malloc(ny * sizeof *x), *v = malloc(ny * sizeof *v);
    shi_svg_chart *c = shi_svg_new(SHI_SVG_MULTIPLES, 720, 420);
    if (!x || !v || !c) {
        free(x);
        free(v);
        shi_svg_free(c);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    char title[160], reading[512];
    snprintf(title, sizeof title, "Influence in %s, %d-%d", region ? region : "the third states",
             sp->y0, sp->y1);
    snprintf(reading, sizeof reading,
             "Each panel is one state: the influence index of %s and of %s over it (weighted "
             "mean of their shares of its arms imports, trade, energy exports, alliance ties, "
             "IGO memberships and UN agreement), on one scale from 0 to 1. Each state's index "
             "keeps one set of areas over the years; a gap is a year lacking one of them.",
             abb_of(d, sp->p[0]), abb_of(d, sp->p[1]));
    shi_status s = shi_svg_title(c, title, reading, err);
    shi_svg_axis xa = {"year", SHI_SVG_YEAR, 0, sp->y0, sp->y1};
    shi_svg_axis ya = {"influence index", SHI_SVG_NUM, 2, 0, 1};
    if (s == SHI_OK) {
        s = shi_svg_set_axis(c, 'x', &xa, err);
    }
    if (s == SHI_OK) {
        s = shi_svg_set_axis(c, 'y', &ya, err);
    }
    for (size_t t = 0; t < ny; t++) {
        x[t] = sp->y0 + (double)t;
    }
    for (size_t i = 0; i < sp->n && s == SHI_OK; i++) {
        s = shi_svg_panel(c, abb_of(d, sp->third[i]), err);
        for (int p = 0; p < 2 && s == SHI_OK; p++) {
            for (size_t t = 0; t < ny; t++) {
                v[t] = shi_sphere_index(sp, i, p, sp->y0 + (int)t);
            }
            s = shi_svg_line(c, abb_of(d, sp->p[p]), x, ny, v, ny, err);
        }
    }
    free(x);
    free(v);
    if (s != SHI_OK) {
        shi_svg_free(c);
        return s;
    }
    *out = c;
    return SHI_OK;
}
