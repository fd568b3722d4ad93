/*
 * drivers_reference.c - the drivers analysis of every pair of major powers
 * (include/shi/drivers_reference.h).
 */
#include <shi/drivers_reference.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

void shi_drivers_refs_free(shi_drivers_refs *r)
{
    if (r) {
        free(r->v);
        memset(r, 0, sizeof *r);
    }
}

static int by_share(const void *p, const void *q)
{
    const shi_drivers_ref *x = p, *z = q;
    int xn = isnan(x->share), zn = isnan(z->share);
    if (xn || zn) {
        return xn - zn;
    }
    return (x->share < z->share) - (x->share > z->share);
}

/* Analyse one pair into r; a data error (too few years...) goes to r->note. */
static shi_status analyse(shi_drivers_ref *r, const shi_data *d, int y0, int y1,
                          shi_outcome outcome, const shi_drivers_opts *opt, shi_err *err)
{
    shi_dyad_series ser;
    shi_drivers_result res;
    shi_drivers_result_init(&res);
    shi_status s =
        shi_dyad_drivers_fit(&ser, &res, d, r->a, r->b, r->third, y0, y1, outcome, opt, err);
    if (s == SHI_OK) {
        r->share = res.external_share;
        r->lo = res.external_share_ci[0];
        r->hi = res.external_share_ci[1];
        r->n = res.n;
        shi_dyad_series_destroy(&ser);
    } else if (s == SHI_EDATA) {
        r->share = r->lo = r->hi = (double)NAN;
        snprintf(r->note, sizeof r->note, "%s", err->msg);
        shi_err_clear(err);
        s = SHI_OK;
    }
    shi_drivers_result_destroy(&res);
    return s;
}

shi_status shi_drivers_reference(const shi_data *d, int y0, int y1, shi_outcome outcome,
                                 const shi_drivers_opts *opt, shi_drivers_refs *out, shi_err *err)
{
    const shi_states *st = &d->states;
    out->n = 0;
    for (size_t i = 0; i < st->n; i++) {
        if (!shi_states_major(st, &st->v[i], y1)) {
            continue;
        }
        for (size_t j = i + 1; j < st->n; j++) {
            if (!shi_states_major(st, &st->v[j], y1)) {
                continue;
            }
            if (SHI_GROW(out->v, out->cap, out->n + 1) != 0) {
                return shi_err_set(err, SHI_EIO, "out of memory");
            }
            shi_drivers_ref *r = &out->v[out->n++];
            memset(r, 0, sizeof *r);
            r->a = st->v[i].ccode;
            r->b = st->v[j].ccode;
            r->third = shi_most_capable_other(&d->caps, d->cinc, r->a, r->b, y1);
            shi_status s = analyse(r, d, y0, y1, outcome, opt, err);
            if (s != SHI_OK) {
                return s;
            }
        }
    }
    if (out->n > 0) {
        qsort(out->v, out->n, sizeof *out->v, by_share);
    }
    return SHI_OK;
}
