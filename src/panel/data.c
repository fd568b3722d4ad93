/*
 * data.c - the data view (shi/data.h): the one loading entry, with the
 * loading order of its parts (data_caps.c, data_econ.c, data_dyadic.c,
 * data_relations.c, events.c, data_energy.c, data_geo.c), and the view's
 * accessors.
 */
#include <shi/data.h>

#include <stdio.h>
#include <string.h>

#include "data_priv.h"

void shi_data_destroy(shi_data *d)
{
    if (!d) {
        return;
    }
    shi_states_destroy(&d->states);
    shi_panel_destroy(&d->caps);
    shi_dyadic_destroy(&d->dy);
    shi_relations_destroy(&d->rel);
    shi_events_destroy(&d->events);
    shi_energy_destroy(&d->en);
    shi_geo_destroy(&d->geo);
    memset(d, 0, sizeof *d);
}

/* The capabilities (when fresh), the economy and the dyadic part, in that
 * order. */
/* The capabilities (when fresh) and the economy. */
static shi_status load_caps(shi_data *d, const shi_data_spec *spec, unsigned want, int fresh,
                            shi_err *err)
{
    shi_status s = SHI_OK;
    if (fresh) {
        memset(d, 0, sizeof *d);
        s = shi_i_data_load_caps(d, spec->dir, spec->shd, err);
    }
    if (s == SHI_OK && (want & SHI_DATA_ECON) && !d->econ_loaded) {
        s = shi_i_data_load_econ(d, spec->dir, err);
    }
    return s;
}

static shi_status load_dyadic(shi_data *d, const shi_data_spec *spec, unsigned want, int from,
                              shi_err *err)
{
    shi_status s = SHI_OK;
    if ((want & SHI_DATA_DYADIC) && !d->dy_loaded) {
        s = shi_i_data_load_dyadic(d, spec->dir, spec->alliance_file, from, err);
        d->from = s == SHI_OK ? from : 0;
    }
    return s;
}

/* The dyadic part and the embedded relations at once: the relations' blocks
 * (data_priv.h, shi_i_rel_*) and the dyadic part are tasks on two threads.
 * The first error in the loading order (dyadic, then relations) is the one
 * reported, as when they are read one after the other. */
static shi_status load_dyadic_relations(shi_data *d, const shi_data_spec *spec, unsigned want,
                                        int from, const shi_i_rel_check *pre, shi_err *err)
{
    shi_status ds = SHI_OK, rs = SHI_OK, bs[9];
    shi_err derr = {0}, rerr = {0}, berr[9];
    memset(berr, 0, sizeof berr);
    shi_i_rel *r = NULL;
    size_t nb = 0;
    d->omit = spec->omit;
#ifdef _OPENMP
#    pragma omp parallel num_threads(2)
#    pragma omp single
#endif
    {
#ifdef _OPENMP
#    pragma omp task shared(ds, derr)
#endif
        ds = load_dyadic(d, spec, want, from, &derr);
#ifdef _OPENMP
#    pragma omp task shared(rs, rerr, r, nb, bs, berr)
#endif
        {
            rs = shi_i_rel_begin(d, from, pre, &r, &rerr);
            nb = rs == SHI_OK ? shi_i_rel_nblocks(r) : 0;
            for (size_t k = 0; k < nb; k++) {
#ifdef _OPENMP
#    pragma omp task firstprivate(k) shared(r, bs, berr)
#endif
                bs[k] = shi_i_rel_block(r, k, &berr[k]);
            }
        }
    }
    for (size_t k = 0; k < nb && rs == SHI_OK; k++) {
        if (bs[k] != SHI_OK) {
            rs = bs[k];
            rerr = berr[k];
        }
    }
    shi_status s = ds != SHI_OK ? ds : rs;
    *err = ds != SHI_OK ? derr : rerr;
    return shi_i_rel_end(r, d, s, err);
}

shi_status shi_data_open(shi_data *d, const shi_data_spec *spec, shi_err *err)
{
    static const shi_data_spec none = {0};
    if (!spec) {
        spec = &none;
    }
    unsigned want = spec->parts ? spec->parts : SHI_DATA_CAPS;
    /* A part brings the parts before it: relations fill dyadic arrays, the
     * dyadic arrays are indexed by the registry. Events stand alone. */
    if (want & SHI_DATA_RELATIONS) {
        want |= SHI_DATA_DYADIC;
    }
    want |= SHI_DATA_CAPS;
    int fresh = d->states.n == 0;
    int from = spec->from > SHI_DYADIC_Y0 ? spec->from : SHI_DYADIC_Y0;
    from = from < SHI_DYADIC_Y1 ? from : SHI_DYADIC_Y1;
    if (d->dy_loaded && (want & SHI_DATA_DYADIC) && from < d->from) {
        /* The arrays cannot grow back: a caller mixing views is a bug. */
        return shi_err_set(err, SHI_EINTERNAL,
                           "data: the dyadic part was loaded from %d, a later call asks from %d",
                           d->from, from);
    }
    if (d->rel_loaded && (want & SHI_DATA_RELATIONS) && (d->omit & ~spec->omit)) {
        return shi_err_set(
            err, SHI_EINTERNAL,
            "data: the relations were loaded without some parts a later call asks for");
    }
    shi_status s = SHI_OK;
    /* The embedded relations text is checked (a hash over 6 MB) on a second
     * thread while the capabilities load; then the dyadic part and the
     * relations are read at once (load_dyadic_relations). With official
     * files, one part after the other. */
    shi_i_rel_check pre = {.ok = -1};
    int rel = (want & SHI_DATA_RELATIONS) && !d->rel_loaded;
    int both = rel && !d->dy_loaded && !spec->dir;
#ifdef _OPENMP
#    pragma omp parallel sections num_threads(2) if (rel)
#endif
    {
#ifdef _OPENMP
#    pragma omp section
#endif
        s = load_caps(d, spec, want, fresh, err);
#ifdef _OPENMP
#    pragma omp section
#endif
        if (rel) {
            shi_i_relations_precheck(&pre);
        }
    }
    if (s == SHI_OK && both) {
        s = load_dyadic_relations(d, spec, want, from, &pre, err);
    } else if (s == SHI_OK) {
        s = load_dyadic(d, spec, want, from, err);
        if (s == SHI_OK && rel) {
            d->omit = spec->omit;
            s = shi_i_data_load_relations(d, spec->dir, 0, &pre, err);
        }
    }
    if (s == SHI_OK && d->dy_loaded && d->from > SHI_DYADIC_Y0) {
        shi_i_dyadic_clip_from(&d->dy);
    }
    if (s == SHI_OK && (want & SHI_DATA_EVENTS) && !d->ev_loaded) {
        s = shi_events_load(&d->events, spec->events_file, err);
        d->ev_loaded = s == SHI_OK;
    }
    if (s == SHI_OK && (want & SHI_DATA_ENERGY) && !d->en_loaded) {
        s = shi_i_data_load_energy(d, spec->dir, err);
    }
    if (s == SHI_OK && (want & SHI_DATA_GEO) && !d->geo_loaded) {
        s = shi_i_data_load_geo(d, spec->dir, err);
    }
    if (s != SHI_OK && fresh) {
        shi_data_destroy(d);
    }
    return s;
}

shi_status shi_data_load(shi_data *d, const char *dir, shi_err *err)
{
    memset(d, 0, sizeof *d);
    shi_data_spec spec = {.dir = dir, .parts = SHI_DATA_CAPS};
    return shi_data_open(d, &spec, err);
}

shi_status shi_data_load_shd(shi_data *d, const char *path, shi_err *err)
{
    memset(d, 0, sizeof *d);
    shi_data_spec spec = {.shd = path, .parts = SHI_DATA_CAPS};
    return shi_data_open(d, &spec, err);
}

shi_status shi_data_check_from(const shi_data *d, int first, const char *who, shi_err *err)
{
    if (!d->dy_loaded || d->from <= SHI_DYADIC_Y0 || first >= d->from) {
        return SHI_OK;
    }
    return shi_err_set(err, SHI_EINTERNAL,
                       "%s: the data view starts in %d but year %d is read (shi_data_spec.from)",
                       who, d->from, first);
}
