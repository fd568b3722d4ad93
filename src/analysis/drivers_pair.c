/*
 * drivers_pair.c - the identified drivers test of a pair from the data
 * (shi/drivers_pair.h): specification, placebos, sensitivity run and panel.
 */
#include <shi/drivers_pair.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <shi/rng.h>

/* Stream of the seed that draws the random placebos (the bootstrap uses
 * streams 0..B-1, the permutations 2^40 (b + 1) + i). */
#define PLACEBO_STREAM ((uint64_t)1 << 50)

shi_drivers_pair_opts shi_drivers_pair_opts_default(void)
{
    shi_drivers_pair_opts o;
    memset(&o, 0, sizeof o);
    o.y0 = 1992;
    o.y1 = 2014;
    o.spec = shi_spec_opts_default();
    o.id = shi_drivers_id_opts_default();
    o.nrandom = 30;
    o.fixed = 1;
    o.panel = 1;
    o.panel_boot = 500;
    o.sensitivity = 1;
    return o;
}

void shi_drivers_pair_free(shi_drivers_pair *r)
{
    if (r) {
        shi_dyad_series_destroy(&r->series);
        shi_drivers_id_destroy(&r->id);
        memset(r, 0, sizeof *r);
    }
}

/* Does `cc` have CINC in every year of [y0, y1]? */
static int cinc_every_year(const shi_data *d, int cc, int y0, int y1)
{
    for (int y = y0; y <= y1; y++) {
        long row = shi_panel_row(&d->caps, cc, y);
        if (row < 0 || !shi_panel_ok(&d->caps, d->cinc, (size_t)row)) {
            return 0;
        }
    }
    return 1;
}

/* A placebo must be neither of the pair, nor the third state, nor a major
 * power in the last year, and have capabilities in every year. */
static int placebo_ok(const shi_data *d, const shi_drivers_pair_opts *o, int cc)
{
    const shi_state *st = shi_states_get(&d->states, cc);
    return st && cc != o->a && cc != o->b && cc != o->third &&
           !shi_states_major(&d->states, st, o->y1) && cinc_every_year(d, cc, o->y0, o->y1);
}

/* The fixed list, then `nrandom` states drawn without replacement from the
 * other eligible ones (partial Fisher-Yates over the registry order). */
static shi_status choose_placebos(shi_drivers_pair *r, const shi_data *d, shi_err *err)
{
    const shi_drivers_pair_opts *o = &r->o;
    static const int fixed[SHI_FIXED_PLACEBOS_N] = SHI_FIXED_PLACEBOS;
    for (int i = 0; o->fixed && i < SHI_FIXED_PLACEBOS_N; i++) {
        if (placebo_ok(d, o, fixed[i])) {
            r->placebo_fixed[r->nplacebo] = 1;
            r->placebo[r->nplacebo++] = fixed[i];
        }
    }
    int *pool = malloc((d->states.n ? d->states.n : 1) * sizeof *pool);
    if (!pool) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    size_t np = 0;
    for (size_t i = 0; i < d->states.n; i++) {
        int cc = d->states.v[i].ccode, is_fixed = 0;
        for (size_t j = 0; j < r->nplacebo; j++) {
            is_fixed |= r->placebo[j] == cc;
        }
        if (!is_fixed && placebo_ok(d, o, cc)) {
            pool[np++] = cc;
        }
    }
    shi_rng g;
    shi_rng_init(&g, o->id.fit.seed, PLACEBO_STREAM);
    for (size_t i = 0; i < (size_t)o->nrandom && i < np && r->nplacebo < SHI_PLACEBO_MAX; i++) {
        size_t j = i + (size_t)shi_rng_below(&g, (uint64_t)(np - i));
        int t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
        r->placebo_fixed[r->nplacebo] = 0;
        r->placebo[r->nplacebo++] = pool[i];
    }
    free(pool);
    return SHI_OK;
}

/* The external drivers of every placebo, into X (nplacebo x kext x n). */
static shi_status placebo_drivers(const shi_drivers_pair *r, const shi_data *d, double *X,
                                  int *valid, size_t kext, shi_err *err)
{
    shi_status st = SHI_OK;
    for (size_t p = 0; p < r->nplacebo && st == SHI_OK; p++) {
        shi_err e = {0};
        shi_status ps = shi_dyad_spec_external(&r->series, d, r->ctx, r->o.model, &r->o.spec,
                                               r->placebo[p], X + p * kext * r->series.n, &e);
        if (ps == SHI_EIO) {
            *err = e;
            st = ps;
        }
        valid[p] = ps == SHI_OK;
    }
    return st;
}

static shi_drivers_input input_of(const shi_dyad_series *s, const char **names)
{
    for (size_t j = 0; j < s->k; j++) {
        names[j] = s->name[j];
    }
    shi_drivers_input in = {s->n, s->k, s->y, s->X, s->block, names};
    return in;
}

/* Too few years for the specification, said in years. */
static shi_status check_years(const shi_drivers_pair *r, shi_err *err)
{
    const shi_drivers_pair_opts *o = &r->o;
    const size_t k = r->series.k, need = k + 2 > 10 ? k + 2 : 10;
    const size_t diff = o->id.form != SHI_FORM_LEVELS, n = r->series.n;
    const size_t have = n > diff ? n - diff : 0;
    if (have >= need) {
        return SHI_OK;
    }
    return shi_err_set(
        err, o->years_given ? SHI_EUSAGE : SHI_EDATA,
        "drivers: specification '%s' needs at least %zu usable years (%zu drivers%s); "
        "%d-%d gives %zu",
        shi_drivers_spec_name(o->spec.spec), need, k, diff ? ", first differences" : "", o->y0,
        o->y1, have);
}

/* The contested events moved to the other block: share, interval, verdict. */
static shi_status sensitivity(shi_drivers_pair *r, const shi_data *d, shi_err *err)
{
    shi_drivers_pair_opts o = r->o;
    o.spec.move_contested = 1;
    shi_dyad_series s;
    shi_err e = {0};
    shi_status st =
        shi_dyad_spec_build(&s, d, r->ctx, o.model, o.a, o.b, o.third, o.y0, o.y1, &o.spec, &e);
    r->sens_done = 1;
    if (st == SHI_OK) {
        const char *names[SHI_DD_MAX];
        shi_drivers_id_input in = {input_of(&s, names), 0, NULL, NULL};
        shi_drivers_id_opts io = o.id;
        io.form = r->id.diff ? SHI_FORM_DIFF : SHI_FORM_LEVELS;
        shi_drivers_id res;
        memset(&res, 0, sizeof res);
        st = shi_drivers_identify(&in, &io, &res, &e);
        if (st == SHI_OK) {
            r->sens_share = res.fit.external_share;
            r->sens_ci[0] = res.fit.external_share_ci[0];
            r->sens_ci[1] = res.fit.external_share_ci[1];
            /* Same placebo evidence as the main run: the events are not the third state's. */
            r->sens_verdict =
                shi_drivers_verdict(res.fit.external_share_ci, r->id.placebo_p, res.fit.perm_p[1],
                                    io.alpha, r->sens_msg, sizeof r->sens_msg);
        }
        shi_drivers_id_destroy(&res);
        shi_dyad_series_destroy(&s);
    }
    r->sens_status = st;
    if (st == SHI_EIO) {
        *err = e;
        return st;
    }
    if (st != SHI_OK) {
        snprintf(r->sens_msg, sizeof r->sens_msg, "%.299s", e.msg);
    }
    return SHI_OK;
}

/* The panel: every pair of major powers of the last year without the third
 * state, the same third state and specification, in the form of the pair. */
static shi_status panel(shi_drivers_pair *r, const shi_data *d, shi_err *err)
{
    const shi_drivers_pair_opts *o = &r->o;
    int maj[32], nm = 0;
    for (size_t i = 0; i < d->states.n && nm < 32; i++) {
        const shi_state *st = &d->states.v[i];
        if (st->ccode != o->third && shi_states_major(&d->states, st, o->y1)) {
            maj[nm++] = st->ccode;
        }
    }
    const size_t n = r->series.n, k = r->series.k, diff = (size_t)r->id.diff;
    const size_t T = n - diff, cap = (size_t)SHI_PANEL_MAX_DYADS * T;
    double *y = malloc(cap * sizeof *y), *X = malloc(k * cap * sizeof *X);
    int *unit = malloc(cap * sizeof *unit), *time = malloc(cap * sizeof *time);
    shi_status st = SHI_OK;
    if (!y || !X || !unit || !time) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    size_t rows = 0, skipped = 0;
    for (int i = 0; i < nm && st == SHI_OK; i++) {
        for (int j = i + 1; j < nm && r->panel_ndyads < SHI_PANEL_MAX_DYADS; j++) {
            shi_dyad_series s;
            shi_err e = {0};
            shi_status q = shi_dyad_spec_build(&s, d, r->ctx, o->model, maj[i], maj[j], o->third,
                                               o->y0, o->y1, &o->spec, &e);
            if (q == SHI_EIO) {
                *err = e;
                st = q;
                break;
            }
            /* A dyad whose drivers differ from the pair's (one dropped) cannot be stacked. */
            int same = q == SHI_OK && s.k == k;
            for (size_t c = 0; same && c < k; c++) {
                same = s.id[c] == r->series.id[c];
            }
            if (same) {
                const size_t u = r->panel_ndyads;
                r->panel_a[u] = maj[i];
                r->panel_b[u] = maj[j];
                for (size_t t = diff; t < n; t++, rows++) {
                    y[rows] = s.y[t] - (diff ? s.y[t - 1] : 0.0);
                    unit[rows] = (int)u;
                    time[rows] = (int)(t - diff);
                    for (size_t c = 0; c < k; c++) {
                        const double *x = s.X + c * n;
                        X[c * cap + rows] = x[t] - (diff ? x[t - 1] : 0.0);
                    }
                }
                r->panel_ndyads++;
            } else {
                skipped++;
            }
            if (q == SHI_OK) {
                shi_dyad_series_destroy(&s);
            }
        }
    }
    if (st == SHI_OK) {
        /* X was laid out with stride cap; compact it to stride rows. */
        for (size_t c = 1; c < k; c++) {
            memmove(X + c * rows, X + c * cap, rows * sizeof *X);
        }
        if (r->panel_ndyads < 3) {
            r->panel_status = SHI_EDATA;
            snprintf(r->panel_msg, sizeof r->panel_msg,
                     "only %zu of %zu major-power dyads have every driver of %s (one is missing "
                     "or constant for the others): no panel",
                     r->panel_ndyads, r->panel_ndyads + skipped,
                     shi_drivers_spec_name(o->spec.spec));
            goto cleanup;
        }
        shi_panel_input in = {rows, k, y, X, r->series.block, unit, time, r->panel_ndyads, T};
        shi_err e = {0};
        r->panel_status = shi_panel_fe_fit(&in, o->panel_boot, o->id.fit.seed, &r->panel, &e);
        if (r->panel_status == SHI_EIO) {
            *err = e;
            st = SHI_EIO;
        } else if (r->panel_status != SHI_OK) {
            snprintf(r->panel_msg, sizeof r->panel_msg, "%.299s", e.msg);
        } else if (skipped) {
            snprintf(r->panel_msg, sizeof r->panel_msg,
                     "%zu dyad(s) left out: a driver of the specification is missing or constant "
                     "for them",
                     skipped);
        }
    }
cleanup:
    free(y);
    free(X);
    free(unit);
    free(time);
    return st;
}

shi_status shi_drivers_pair_run(shi_drivers_pair *r, const shi_data *d,
                                const shi_drivers_pair_opts *o, shi_err *err)
{
    memset(r, 0, sizeof *r);
    if (!d->dy_loaded || !d->rel_loaded) {
        return shi_err_set(err, SHI_EUSAGE,
                           "drivers: the data need their dyadic and relations parts");
    }
    if (o->y1 < o->y0) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: the year range %d-%d runs backwards", o->y0,
                           o->y1);
    }
    if (o->nrandom < 0 || o->nrandom > SHI_PLACEBO_MAX - SHI_FIXED_PLACEBOS_N ||
        o->panel_boot < 0) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: placebos take 0-%d, the panel bootstrap >= 0",
                           SHI_PLACEBO_MAX - SHI_FIXED_PLACEBOS_N);
    }
    r->o = *o;
    if (!r->o.third) {
        r->o.third = shi_most_capable_other(&d->caps, d->cinc, o->a, o->b, o->y1);
    }
    shi_status st = shi_threat_ctx_new(&r->ctx, d, err);
    if (st != SHI_OK) {
        return st;
    }
    st = shi_dyad_spec_build(&r->series, d, r->ctx, o->model, o->a, o->b, r->o.third, o->y0, o->y1,
                             &o->spec, err);
    if (st != SHI_OK) {
        goto fail;
    }
    if (r->series.k == 0) {
        st = shi_err_set(err, SHI_EDATA, "drivers: no driver varies over %d-%d (left out: %s)",
                         o->y0, o->y1, r->series.dropped);
        goto fail;
    }
    if ((st = check_years(r, err)) != SHI_OK || (st = choose_placebos(r, d, err)) != SHI_OK) {
        goto fail;
    }
    size_t kext = 0;
    for (size_t j = 0; j < r->series.k; j++) {
        kext += r->series.block[j] == SHI_BLOCK_EXTERNAL;
    }
    double *PX = malloc((r->nplacebo * kext * r->series.n + 1) * sizeof *PX);
    int *valid = malloc((r->nplacebo + 1) * sizeof *valid);
    if (!PX || !valid) {
        free(PX);
        free(valid);
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto fail;
    }
    st = placebo_drivers(r, d, PX, valid, kext, err);
    if (st == SHI_OK) {
        const char *names[SHI_DD_MAX];
        shi_drivers_id_input in = {input_of(&r->series, names), r->nplacebo, PX, valid};
        st = shi_drivers_identify(&in, &o->id, &r->id, err);
        if (st == SHI_EDATA) {
            /* Name the pair and the years in the refusal. */
            shi_err e = *err;
            st = shi_err_set(err, SHI_EDATA, "drivers: %d-%d: %s", o->y0, o->y1, e.msg);
        }
    }
    free(PX);
    free(valid);
    if (st == SHI_OK && o->sensitivity && o->spec.spec == SHI_SPEC_EVENTS) {
        st = sensitivity(r, d, err);
    }
    if (st == SHI_OK && o->panel) {
        st = panel(r, d, err);
    }
    shi_threat_ctx_free(r->ctx);
    r->ctx = NULL;
    if (st == SHI_OK) {
        return SHI_OK;
    }
fail:
    shi_threat_ctx_free(r->ctx);
    r->ctx = NULL;
    shi_drivers_pair_free(r);
    return st;
}
