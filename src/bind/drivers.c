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

/* The verdict fields, one value per column on every row (issue 12). */
static shi_status verdict_columns(shi_table *t, const shi_drivers_pair *dp, int header,
                                  shi_err *err)
{
    static const char *const names[] = {"verdict",      "external_share", "ext_lo",    "ext_hi",
                                        "placebo_rank", "placebo_n",      "placebo_p", "perm_p_ext",
                                        "perm_p_bil",   "form",           "spec"};
    static const char types[] = {'s', 'f', 'f', 'f', 'f', 'f', 'f', 'f', 'f', 's', 's'};
    shi_status s = SHI_OK;
    if (header) {
        for (int k = 0; k < 11 && s == SHI_OK; k++) {
            s = shi_table_column(t, names[k], types[k], 4, err);
        }
        return s;
    }
    const shi_drivers_id *id = &dp->id;
    const double v[8] = {id->fit.external_share,
                         id->fit.external_share_ci[0],
                         id->fit.external_share_ci[1],
                         (double)id->rank,
                         (double)(id->placebo_valid + 1),
                         id->placebo_p,
                         id->fit.perm_p[0],
                         id->fit.perm_p[1]};
    s = shi_table_str(t, shi_verdict_name(id->verdict), err);
    for (int k = 0; k < 8 && s == SHI_OK; k++) {
        s = shi_table_real(t, v[k], err);
    }
    if (s == SHI_OK) {
        s = shi_table_str(t, id->diff ? "differences" : "levels", err);
    }
    return s == SHI_OK ? shi_table_str(t, shi_drivers_spec_name(dp->o.spec.spec), err) : s;
}

static shi_status coef_rows(shi_table *t, const shi_drivers_pair *dp, shi_err *err)
{
    static const char *const names[] = {"driver", "block",     "coef",  "se_hac",
                                        "p_hac",  "lmg_share", "ci_lo", "ci_hi"};
    static const char types[] = {'s', 's', 'f', 'f', 'f', 'f', 'f', 'f'};
    const shi_drivers_result *res = &dp->id.fit;
    shi_status s = SHI_OK;
    for (int k = 0; k < 8 && s == SHI_OK; k++) {
        s = shi_table_column(t, names[k], types[k], 4, err);
    }
    if (s == SHI_OK) {
        s = verdict_columns(t, dp, 1, err);
    }
    for (size_t j = 0; j <= res->k && s == SHI_OK; j++) {
        const shi_drivers_coef *cf = &res->coef[j];
        if ((s = shi_table_str(t, cf->name, err)) ||
            (s = shi_table_str(t, shi_drivers_block_name(cf->block), err)) ||
            (s = shi_table_real(t, cf->b, err)) || (s = shi_table_real(t, cf->se_hac, err)) ||
            (s = shi_table_real(t, cf->p_hac, err)) ||
            (s = shi_table_real(t, j ? cf->lmg_share : (double)NAN, err)) ||
            (s = shi_table_real(t, j ? cf->lmg_share_ci[0] : (double)NAN, err)) ||
            (s = shi_table_real(t, j ? cf->lmg_share_ci[1] : (double)NAN, err))) {
            break;
        }
        s = verdict_columns(t, dp, 0, err);
    }
    return s;
}

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
    shi_status s =
        t ? coef_rows(t, &dp, &ss->err) : shi_err_set(&ss->err, SHI_EIO, "out of memory");
    shi_frame *f = t ? shi_i_bind_table_frame(ss, t, s, "drivers") : NULL;
    shi_drivers_pair_free(&dp);
    return f;
}
