/*
 * scenarios.c - shi_session_scenarios: the futures table of `shi scenarios A
 * B` (the five futures' probabilities at each reported horizon), built from
 * the same library calls as the command (shi_futures_compute, shi/futures.h)
 * with the command's options and defaults. The command's table is built in
 * src/cli/cmd_scenarios.c, which the bindings cannot call; this is a short
 * copy of it, and the bindings' tests compare the two cell by cell.
 */
#include "bind_priv.h"

#include <shi/futures.h>
#include <shi/scenarios.h>

/* The columns and rows of the command's futures table, but for one cell:
 * where the data cannot say what happened, the command writes "" in
 * `observed` and the bindings a missing value (NA in R, None in pandas), which
 * is what it means (its CSV is the same). */
static shi_status futures_table(shi_table *t, const shi_futures *fu, shi_err *err)
{
    static const char *const names[] = {"horizon", "year",    "future",   "probability",
                                        "mc_lo",   "mc_hi",   "param_lo", "param_hi",
                                        "band",    "observed"};
    static const char types[] = "iisffffffs";
    const shi_scen_result *r = &fu->r;
    shi_status s = SHI_OK;
    for (int c = 0; types[c] && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], 4, err);
    }
    for (int k = 0; k < r->nh && s == SHI_OK; k++) {
        int obs = fu->observed[k];
        for (int f = 0; f < SHI_FUT_N && s == SHI_OK; f++) {
            (void)((s = shi_table_int(t, r->h[k], err)) ||
                   (s = shi_table_int(t, r->from + r->h[k], err)) ||
                   (s = shi_table_str(t, shi_future_name(f), err)) ||
                   (s = shi_table_real(t, r->p[k][f], err)) ||
                   (s = shi_table_real(t, r->mc_lo[k][f], err)) ||
                   (s = shi_table_real(t, r->mc_hi[k][f], err)) ||
                   (s = shi_table_real(t, r->par_lo[k][f], err)) ||
                   (s = shi_table_real(t, r->par_hi[k][f], err)) ||
                   (s = shi_table_real(t, r->band[k], err)) ||
                   (s = obs < 0 ? shi_table_missing(t, err)
                                : shi_table_str(t, obs == f ? "yes" : "no", err)));
        }
    }
    return s;
}

/* The options as the command checks them before loading the data. */
static shi_status scen_opts(shi_session *s, int from, int horizon, int paths, uint64_t seed,
                            int draws, int threads, shi_scen_opts *o)
{
    if (paths < 1) {
        return shi_err_set(&s->err, SHI_EUSAGE, "scenarios: --paths must be at least 1");
    }
    if (horizon < 1 || horizon > SHI_SCEN_HMAX) {
        return shi_err_set(&s->err, SHI_EUSAGE, "scenarios: --horizon must be 1-%d, not %d",
                           SHI_SCEN_HMAX, horizon);
    }
    *o = shi_scen_opts_default();
    o->from = from;
    o->horizon = horizon;
    o->paths = (uint64_t)paths;
    o->seed = seed;
    o->draws = draws ? draws : o->draws; /* as the command: 0 is the default */
    o->threads = threads;
    return SHI_OK;
}

/* The pair as the command resolves it: names in the origin year (by
 * default the last year of the alliance data). */
static shi_status scen_pair(shi_session *s, const char *a, const char *b, int from, int *ca,
                            int *cb)
{
    int year = from ? from : s->data.dy.ally_y1;
    const shi_state *sa, *sb;
    shi_status st;
    if ((st = shi_states_resolve(&s->data.states, a ? a : "", year, &sa, &s->err)) ||
        (st = shi_states_resolve(&s->data.states, b ? b : "", year, &sb, &s->err))) {
        return st;
    }
    if (sa == sb) {
        return shi_err_set(&s->err, SHI_EUSAGE, "scenarios: name two different states");
    }
    *ca = sa->ccode;
    *cb = sb->ccode;
    return SHI_OK;
}

/* With shocks: read as the command does, windows from 1946 to 50 years after
 * the data's last year. */
static shi_status scen_shocks(shi_session *s, const char *path, shi_scen_shocks *sh,
                              shi_scen_opts *o)
{
    if (!shi_i_bind_given(path)) {
        return SHI_OK;
    }
    int last = s->data.dy.y1 < SHI_DYADIC_Y1 ? s->data.dy.y1 : SHI_DYADIC_Y1;
    o->shocks = sh;
    return shi_scen_shocks_read(path, 1946, last + SHI_SCEN_HMAX, sh, &s->err);
}

shi_frame *shi_session_scenarios(shi_session *s, const char *a, const char *b, int from,
                                 int horizon, int paths, uint64_t seed, int draws,
                                 const char *shocks, int threads)
{
    if (!s) {
        return NULL;
    }
    shi_err_clear(&s->err);
    shi_scen_opts o;
    int ca = 0, cb = 0;
    shi_scen_shocks sh = {0};
    if (scen_opts(s, from, horizon, paths, seed, draws, threads, &o) != SHI_OK ||
        shi_i_bind_load(s, SHI_DATA_RELATIONS | SHI_DATA_ECON) != SHI_OK ||
        scen_pair(s, a, b, from, &ca, &cb) != SHI_OK || scen_shocks(s, shocks, &sh, &o) != SHI_OK) {
        shi_scen_shocks_free(&sh);
        return NULL;
    }
    shi_futures fu;
    shi_status st = shi_futures_compute(&s->data, ca, cb, &o, &fu, &s->err);
    shi_scen_shocks_free(&sh);
    if (st != SHI_OK) {
        return NULL; /* shi_futures_compute freed what it made */
    }
    shi_table *t = shi_table_new();
    if (!t) {
        st = shi_err_set(&s->err, SHI_EIO, "out of memory");
    } else {
        st = futures_table(t, &fu, &s->err);
    }
    shi_futures_free(&fu);
    return t ? shi_i_bind_table_frame(s, t, st, "scenarios") : NULL;
}
