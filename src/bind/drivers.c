/*
 * drivers.c - shi_session_drivers: the coefficient table of `shi drivers A B`
 * with its verdict columns (what the command writes as CSV, TSV or JSON),
 * from the identified test of the library (shi_drivers_pair_run) with the
 * command's defaults (src/cli/cmd_drivers.c); the tests compare the two.
 */
#include "bind_priv.h"

#include <math.h>
#include <stdint.h>

#include <shi/drivers.h>
#include <shi/drivers_pair.h>
#include <shi/dyad_drivers.h>
#include <shi/tables.h>

/* The options: the command's defaults, with the given outcome, spec, boot, seed. */
static shi_status drivers_options(shi_session *ss, const char *outcome, const char *spec, int boot,
                                  int seed, int threads, shi_drivers_pair_opts *po)
{
    *po = shi_drivers_pair_opts_default();
    shi_status s;
    if ((s = shi_outcome_parse(shi_i_bind_given(outcome) ? outcome : "ideal", &po->spec.outcome,
                               &ss->err)) != SHI_OK ||
        (s = shi_drivers_spec_parse(shi_i_bind_given(spec) ? spec : "study", &po->spec.spec,
                                    &ss->err)) != SHI_OK) {
        return s;
    }
    if (boot < 1 || boot > 100000 || threads < 0 || seed < 0) {
        return shi_err_set(&ss->err, SHI_EUSAGE,
                           "drivers: --boot takes 1-100000, --threads and --seed >= 0");
    }
    po->id.form = SHI_FORM_AUTO;
    po->id.fit.boot = boot;
    po->id.fit.perm = 999;
    po->id.fit.threads = threads;
    po->id.fit.seed = (uint64_t)seed;
    po->nrandom = 30;
    po->panel = 1;
    return SHI_OK;
}

/* The pair, the third state and the years (default 1992-2014), into po. */
static shi_status drivers_pair(shi_session *ss, const char *a, const char *b, const char *third,
                               int y0, int y1, shi_drivers_pair_opts *po)
{
    const shi_states *st = &ss->data.states;
    const shi_panel *p = &ss->data.caps;
    const shi_state *sa, *sb, *sc = NULL;
    shi_status s;
    po->y0 = 1992;
    po->y1 = 2014;
    po->years_given = !(y0 == 0 && y1 == 0);
    if ((s = shi_i_bind_years(ss, y0, y1, p->year_min, p->year_max, &po->y0, &po->y1)) ||
        (s = shi_states_resolve(st, a ? a : "", po->y1, &sa, &ss->err)) ||
        (s = shi_states_resolve(st, b ? b : "", po->y1, &sb, &ss->err)) ||
        (shi_i_bind_given(third) && (s = shi_states_resolve(st, third, po->y1, &sc, &ss->err)))) {
        return s;
    }
    if (sa == sb || (sc && (sc == sa || sc == sb))) {
        return shi_err_set(&ss->err, SHI_EUSAGE, "drivers: the states must be different");
    }
    po->a = sa->ccode;
    po->b = sb->ccode;
    po->third =
        sc ? sc->ccode : shi_most_capable_other(p, ss->data.cinc, sa->ccode, sb->ccode, po->y1);
    return SHI_OK;
}

shi_frame *shi_session_drivers(shi_session *ss, const char *a, const char *b, const char *third,
                               int y0, int y1, const char *outcome, const char *spec, int boot,
                               int seed, int threads)
{
    if (!ss) {
        return NULL;
    }
    shi_err_clear(&ss->err);
    shi_drivers_pair_opts po;
    /* The events file (shi's) gives the event drivers. */
    if (drivers_options(ss, outcome, spec, boot, seed, threads, &po) != SHI_OK ||
        shi_i_bind_load(ss, SHI_DATA_RELATIONS | SHI_DATA_EVENTS) != SHI_OK ||
        drivers_pair(ss, a, b, third, y0, y1, &po) != SHI_OK) {
        return NULL;
    }
    shi_drivers_pair dp;
    if (shi_drivers_pair_run(&dp, &ss->data, &po, &ss->err) != SHI_OK) {
        return NULL;
    }
    shi_table *t = shi_table_new();
    shi_status s = t ? shi_tables_drivers_coef(&dp, 1, t, &ss->err)
                     : shi_err_set(&ss->err, SHI_EIO, "out of memory");
    shi_frame *f = t ? shi_i_bind_table_frame(ss, t, s, "drivers") : NULL;
    shi_drivers_pair_free(&dp);
    return f;
}
