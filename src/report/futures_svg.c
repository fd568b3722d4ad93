/*
 * futures_svg.c - the fan chart and the probabilities of a pair's futures
 * (include/shi/futures_svg.h). Layout only: the numbers come from the
 * ensemble.
 */
#include <shi/futures_svg.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The quantile lines of the fan: columns of shi_scen_result.fan. */
static const char *const QNAME[5] = {"5%", "25%", "median", "75%", "95%"};

static shi_status fan_lines(shi_svg_chart *c, const shi_futures *f, shi_err *err)
{
    const shi_scen_result *r = &f->r;
    size_t nh = (size_t)(f->y1 - f->y0 + 1), n = (size_t)r->horizon + 1;
    double *x = malloc((nh + n) * sizeof *x), *y = malloc((nh + n) * sizeof *y);
    shi_status s = x && y ? SHI_OK : shi_err_set(err, SHI_EIO, "out of memory");
    for (size_t i = 0; s == SHI_OK && i < nh; i++) {
        x[i] = f->y0 + (double)i;
        /* the history up to the origin; after it the data are not the model's */
        y[i] = f->y0 + (int)i <= r->from ? f->hist[i] : (double)NAN;
    }
    if (s == SHI_OK) {
        s = shi_svg_line(c, "composite (data)", x, nh, y, nh, err);
    }
    for (int q = 0; q < 5 && s == SHI_OK; q++) {
        x[0] = r->from;
        y[0] = r->c0; /* each line starts at the origin's value */
        for (size_t k = 1; k < n; k++) {
            x[k] = r->from + (double)k;
            y[k] = r->fan[(k - 1) * 5 + (size_t)q];
        }
        s = shi_svg_line(c, QNAME[q], x, n, y, n, err);
    }
    free(x);
    free(y);
    return s;
}

shi_status shi_futures_fan_svg(const shi_futures *f, const char *pair, shi_svg_chart **out,
                               shi_err *err)
{
    *out = NULL;
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 0, 0);
    if (!c) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    char title[128], reading[400], mk[64];
    snprintf(title, sizeof title, "%s: the alignment composite and its fan from %d", pair,
             f->r.from);
    snprintf(reading, sizeof reading,
             "The composite (mean z-score of UN closeness, arms and trade shares, alliance "
             "level; up is closer) to %d, then the quantiles of %llu simulated paths.",
             f->r.from, (unsigned long long)f->r.paths);
    snprintf(mk, sizeof mk, "%d: origin", f->r.from);
    const shi_svg_axis ax = {"year", SHI_SVG_YEAR, 0, (double)NAN, (double)NAN};
    const shi_svg_axis ay = {"composite (z-score)", SHI_SVG_NUM, 2, (double)NAN, (double)NAN};
    shi_status s = shi_svg_title(c, title, reading, err);
    if (s == SHI_OK && (s = shi_svg_set_axis(c, 'x', &ax, err)) == SHI_OK &&
        (s = shi_svg_set_axis(c, 'y', &ay, err)) == SHI_OK &&
        (s = fan_lines(c, f, err)) == SHI_OK) {
        s = shi_svg_marker(c, f->r.from, mk, err);
    }
    if (s != SHI_OK) {
        shi_svg_free(c);
        return s;
    }
    *out = c;
    return SHI_OK;
}

shi_status shi_futures_probs_svg(const shi_futures *f, const char *pair, shi_svg_chart **out,
                                 shi_err *err)
{
    *out = NULL;
    const shi_scen_result *r = &f->r;
    shi_svg_chart *c = shi_svg_new(SHI_SVG_BARS, 0, 0);
    if (!c) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    char title[128], reading[300];
    snprintf(title, sizeof title, "%s: the five futures from %d", pair, r->from);
    snprintf(reading, sizeof reading,
             "Share of %llu paths in each future at each horizon; whiskers: 5-95%% of the "
             "probability over %d bootstrap parameter draws.",
             (unsigned long long)r->paths, r->draws);
    const shi_svg_axis ax = {"probability", SHI_SVG_PERCENT, 0, 0.0, 1.0};
    shi_status s = shi_svg_title(c, title, reading, err);
    if (s == SHI_OK) {
        s = shi_svg_set_axis(c, 'x', &ax, err);
    }
    for (int k = 0; k < r->nh && s == SHI_OK; k++) {
        for (int q = 0; q < SHI_FUT_N && s == SHI_OK; q++) {
            char label[64];
            snprintf(label, sizeof label, "%d (%d y): %s", r->from + r->h[k], r->h[k],
                     shi_future_name(q));
            s = shi_svg_bar(c, label, r->p[k][q], r->par_lo[k][q], r->par_hi[k][q], err);
        }
    }
    if (s != SHI_OK) {
        shi_svg_free(c);
        return s;
    }
    *out = c;
    return SHI_OK;
}

/* The cumulative lines of the stack: share of the classified paths of each
 * horizon in the futures up to q (worst first). */
static shi_status stack_lines(shi_svg_chart *c, const shi_scen_result *r, shi_err *err)
{
    static const char *const names[SHI_FUT_N - 1] = {"confrontation", "+ tension", "+ status quo",
                                                     "+ convergence"};
    size_t n = (size_t)r->horizon;
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    shi_status s = x && y && r->ycnt ? SHI_OK : shi_err_set(err, SHI_EIO, "out of memory");
    for (int q = 0; q < SHI_FUT_N - 1 && s == SHI_OK; q++) {
        for (size_t k = 0; k < n; k++) {
            const uint64_t *row = &r->ycnt[k * SHI_FUT_N];
            uint64_t tot = 0, cum = 0;
            for (int g = 0; g < SHI_FUT_N; g++) {
                tot += row[g];
                cum += g <= q ? row[g] : 0;
            }
            x[k] = r->from + (double)(k + 1);
            y[k] = tot ? (double)cum / (double)tot : (double)NAN;
        }
        s = shi_svg_line(c, names[q], x, n, y, n, err);
    }
    free(x);
    free(y);
    return s;
}

shi_status shi_futures_stack_svg(const shi_futures *f, const char *pair, shi_svg_chart **out,
                                 shi_err *err)
{
    *out = NULL;
    const shi_scen_result *r = &f->r;
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 0, 0);
    if (!c) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    char title[128], reading[400];
    snprintf(title, sizeof title, "%s: the five futures stacked, %d-%d", pair, r->from + 1,
             r->from + r->horizon);
    snprintf(reading, sizeof reading,
             "Cumulative share of %llu paths by the year a horizon ends: the gap between two "
             "lines is the probability of a future, worst first; above the top line, alliance.",
             (unsigned long long)r->paths);
    const shi_svg_axis ax = {"year", SHI_SVG_YEAR, 0, (double)NAN, (double)NAN};
    const shi_svg_axis ay = {"cumulative probability", SHI_SVG_PERCENT, 0, 0.0, 1.0};
    shi_status s = shi_svg_title(c, title, reading, err);
    if (s == SHI_OK && (s = shi_svg_set_axis(c, 'x', &ax, err)) == SHI_OK &&
        (s = shi_svg_set_axis(c, 'y', &ay, err)) == SHI_OK) {
        s = stack_lines(c, r, err);
    }
    if (s != SHI_OK) {
        shi_svg_free(c);
        return s;
    }
    *out = c;
    return SHI_OK;
}
