/*
 * futures.c - one pair's futures for the views (include/shi/futures.h).
 */
#include <shi/futures.h>
#include <shi/power.h>

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void shi_futures_free(shi_futures *f)
{
    if (f) {
        free(f->hist);
        shi_scen_result_free(&f->r);
        memset(f, 0, sizeof *f);
    }
}

/* The last origin in or before ymax. */
static int last_before(const shi_scen_panel *p, long pair, int ymax)
{
    for (int y = ymax < p->y1 ? ymax : p->y1; pair >= 0 && y >= p->y0; y--) {
        size_t i = (size_t)pair * p->ny + (size_t)(y - p->y0);
        if (!isnan(p->c[i]) && p->pact[i] != SHI_SCEN_NA && p->fight[i] != SHI_SCEN_NA) {
            return y;
        }
    }
    return 0;
}

int shi_futures_last_origin(const shi_scen_panel *p, long pair)
{
    return last_before(p, pair, p->y1);
}

shi_status shi_futures_panel(const shi_data *d, int a, int b, int third, const char *measure,
                             shi_scen_panel *p, shi_err *err)
{
    shi_status s = shi_scen_panel_build(d, a, b, p, err);
    size_t col = d->cinc;
    if (s == SHI_OK && third && measure) {
        s = shi_power_measure_col(d, measure, &col, err);
    }
    if (s == SHI_OK && third) {
        s = shi_scen_panel_driver(d, third, col, p, err);
    }
    if (s != SHI_OK) {
        shi_scen_panel_free(p);
    }
    return s;
}

shi_status shi_futures_compute(const shi_data *d, int a, int b, const shi_scen_opts *o,
                               shi_futures *out, shi_err *err)
{
    return shi_futures_compute_before(d, a, b, o, INT_MAX, out, err);
}

shi_status shi_futures_compute_before(const shi_data *d, int a, int b, const shi_scen_opts *o,
                                      int ymax, shi_futures *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    shi_scen_panel p = {0};
    shi_status s = shi_futures_panel(d, a, b, o->third, o->driver_measure, &p, err);
    if (s != SHI_OK) {
        return s;
    }
    long q = shi_scen_panel_pair(&p, a, b);
    shi_scen_opts oo = *o;
    oo.from = o->from ? o->from : last_before(&p, q, ymax);
    /* the pact-onset hazard from the origin (the formation model fitted on
     * the onsets up to it) */
    if (oo.from >= p.y0 && oo.from <= p.y1) {
        p.pact_ndraw = oo.draws; /* the formation fit's uncertainty, draw by draw */
        p.pact_seed = oo.seed;
        s = shi_scen_panel_pact(d, oo.from, oo.from, &p, err);
    }
    if (s == SHI_OK) {
        s = shi_scen_run(&p, a, b, &oo, &out->r, err);
    }
    out->a = a;
    out->b = b;
    out->y0 = p.y0;
    out->y1 = p.y1;
    out->hist = s == SHI_OK ? malloc(p.ny * sizeof *out->hist) : NULL;
    if (s == SHI_OK && !out->hist) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (s == SHI_OK) {
        memcpy(out->hist, &p.c[(size_t)q * p.ny], p.ny * sizeof *out->hist);
        memcpy(out->comp_mean, p.mean, sizeof p.mean);
        memcpy(out->comp_sd, p.sd, sizeof p.sd);
        for (int k = 0; k < SHI_SCEN_NH; k++) {
            out->observed[k] =
                k < out->r.nh ? shi_scen_observed(&p, (size_t)q, oo.from, out->r.h[k]) : -1;
        }
    }
    shi_scen_panel_free(&p);
    if (s != SHI_OK) {
        shi_futures_free(out);
    }
    return s;
}
