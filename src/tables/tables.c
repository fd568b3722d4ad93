/*
 * tables.c - the tables of `shi power`, `shi threat A B` and `shi drivers A
 * B` (include/shi/tables.h), for the command line (src/cli/cmd_power.c,
 * cmd_threat.c, cmd_drivers.c) and the bindings (src/bind/power.c,
 * threat.c, drivers.c). Unlike src/report, which formats results it is
 * handed, this module computes the measures a table shows.
 */
#include <shi/tables.h>

#include <math.h>
#include <stdint.h>

#include <shi/drivers.h>
#include <shi/dyad_drivers.h>

static const char *abb_of(const shi_states *st, int ccode)
{
    const shi_state *x = shi_states_get(st, ccode);
    return x ? x->abb : NULL;
}

static shi_status columns(shi_table *t, const char *const *names, const char *types,
                          const int *digits, int n, shi_err *err)
{
    shi_status s = SHI_OK;
    for (int c = 0; c < n && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], digits ? digits[c] : 4, err);
    }
    return s;
}

shi_status shi_tables_power_system(const shi_data *d, size_t col, int y0, int y1, shi_scope scope,
                                   shi_table *t, shi_err *err)
{
    static const char *const names[] = {
        "year",   "scope",        "n",    "con",     "poles", "leader", "leader_share",
        "second", "second_share", "lead", "polarity"};
    static const char types[] = {'i', 's', 'i', 'f', 'f', 's', 'f', 's', 'f', 'f', 's'};
    static const int digits[] = {0, 0, 0, 4, 2, 0, 4, 0, 4, 4, 0};
    const shi_states *st = &d->states;
    shi_status s = columns(t, names, types, digits, 11, err);
    for (int y = y0; y <= y1 && s == SHI_OK; y++) {
        shi_power_year r;
        s = shi_power_year_compute(&d->caps, col, st, y, scope, NULL, &r, err);
        if (s != SHI_OK || r.n == 0) {
            continue;
        }
        if ((s = shi_table_int(t, y, err)) ||
            (s = shi_table_str(t, scope ? "majors" : "all", err)) ||
            (s = shi_table_int(t, (int64_t)r.n, err)) || (s = shi_table_real(t, r.con, err)) ||
            (s = shi_table_real(t, r.poles, err)) ||
            (s = shi_table_str(t, abb_of(st, r.leader), err)) ||
            (s = shi_table_real(t, r.leader_share, err)) ||
            (s = shi_table_str(t, r.second ? abb_of(st, r.second) : NULL, err)) ||
            (s = shi_table_real(t, r.second_share, err)) || (s = shi_table_real(t, r.lead, err))) {
            break;
        }
        s = shi_table_str(t, shi_polarity_name(r.polarity), err);
    }
    return s;
}

shi_status shi_tables_power_states(const shi_data *d, const shi_power_measure *pm, size_t col,
                                   int y0, int y1, shi_scope scope, const shi_state *const *sel,
                                   size_t nsel, int window, shi_table *t, shi_err *err)
{
    /* The value column is named after the measure ("cinc", "gdp", ...). */
    const char *const names[] = {"year",  "state", "ccode",     pm->name,
                                 "share", "rank",  "trend_pct", "major"};
    static const char types[] = {'i', 's', 'i', 'f', 'f', 'i', 'f', 'b'};
    const int digits[] = {0, 0, 0, pm->digits, 4, 0, 2, 0};
    const shi_panel *p = &d->caps;
    const shi_states *st = &d->states;
    shi_status s = columns(t, names, types, digits, 8, err);
    for (int y = y0; y <= y1 && s == SHI_OK; y++) {
        for (size_t k = 0; k < nsel && s == SHI_OK; k++) {
            const shi_state *x = sel[k];
            long row = shi_panel_row(p, x->ccode, y);
            if (row < 0) {
                continue; /* not in the capability data that year */
            }
            double share = shi_power_share(p, col, st, x->ccode, y, scope);
            long rank = shi_power_rank(p, col, st, x->ccode, y, scope);
            double trend = shi_power_trend(p, col, x->ccode, y, window);
            if ((s = shi_table_int(t, y, err)) || (s = shi_table_str(t, x->abb, err)) ||
                (s = shi_table_int(t, x->ccode, err)) ||
                (s = shi_table_real(t, shi_panel_get(p, col, (size_t)row), err)) ||
                (s = shi_table_real(t, share, err))) {
                break;
            }
            s = rank ? shi_table_int(t, rank, err) : shi_table_missing(t, err);
            if (s == SHI_OK) {
                s = shi_table_real(t, isnan(trend) ? trend : 100 * trend, err);
            }
            if (s == SHI_OK) {
                s = shi_table_flag(t, shi_states_major(st, x, y), err);
            }
        }
    }
    return s;
}

shi_status shi_tables_threat_pair(const shi_threat_ctx *ctx, const shi_threat_model *m,
                                  const shi_state *a, const shi_state *b, int y0, int y1,
                                  shi_table *t, shi_err *err)
{
    static const char *const names[] = {"year",      "perceiver", "threat_from", "strength",
                                        "proximity", "offensive", "intentions",  "un",
                                        "disputes",  "conflict",  "alliances",   "events",
                                        "total",     "gap",       "partial"};
    static const char types[] = {'i', 's', 's', 'f', 'f', 'f', 'f', 'f',
                                 'f', 'f', 'f', 'f', 'f', 'f', 'i'};
    shi_status s = columns(t, names, types, NULL, 15, err);
    for (int y = y0; y <= y1 && s == SHI_OK; y++) {
        shi_threat ab, ba;
        if ((s = shi_threat_compute(ctx, m, a->ccode, b->ccode, y, &ab, err)) ||
            (s = shi_threat_compute(ctx, m, b->ccode, a->ccode, y, &ba, err))) {
            break;
        }
        if (isnan(ab.total) && isnan(ba.total)) {
            continue; /* not both members that year */
        }
        for (int dir = 0; dir < 2 && s == SHI_OK; dir++) {
            const shi_threat *x = dir ? &ba : &ab, *o = dir ? &ab : &ba;
            if ((s = shi_table_int(t, y, err)) ||
                (s = shi_table_str(t, dir ? b->abb : a->abb, err)) ||
                (s = shi_table_str(t, dir ? a->abb : b->abb, err))) {
                break;
            }
            for (int k = 0; k < SHI_T_N && s == SHI_OK; k++) {
                s = shi_table_real(t, x->comp[k], err);
            }
            for (int k = 0; k < SHI_TI_N && s == SHI_OK; k++) {
                s = shi_table_real(t, x->intent[k], err);
            }
            if (s == SHI_OK && (s = shi_table_real(t, x->total, err)) == SHI_OK &&
                (s = shi_table_real(t, x->total - o->total, err)) == SHI_OK) {
                s = shi_table_int(t, x->partial, err);
            }
        }
    }
    return s;
}

/* The verdict fields, one value per column, on every row of the table, so
 * that CSV, TSV and JSON carry them too (issue 12); `header`: the columns. */
static shi_status verdict_columns(shi_table *t, const shi_drivers_pair *dp, int header,
                                  shi_err *err)
{
    static const char *const names[] = {"verdict",      "external_share", "ext_lo",    "ext_hi",
                                        "placebo_rank", "placebo_n",      "placebo_p", "perm_p_ext",
                                        "perm_p_bil",   "form",           "spec"};
    static const char types[] = {'s', 'f', 'f', 'f', 'f', 'f', 'f', 'f', 'f', 's', 's'};
    if (header) {
        return columns(t, names, types, NULL, 11, err);
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
    shi_status s = shi_table_str(t, shi_verdict_name(id->verdict), err);
    for (int k = 0; k < 8 && s == SHI_OK; k++) {
        s = shi_table_real(t, v[k], err);
    }
    if (s == SHI_OK) {
        s = shi_table_str(t, id->diff ? "differences" : "levels", err);
    }
    return s == SHI_OK ? shi_table_str(t, shi_drivers_spec_name(dp->o.spec.spec), err) : s;
}

shi_status shi_tables_drivers_coef(const shi_drivers_pair *dp, int verdict, shi_table *t,
                                   shi_err *err)
{
    static const char *const names[] = {"driver", "block",     "coef",  "se_hac",
                                        "p_hac",  "lmg_share", "ci_lo", "ci_hi"};
    static const char types[] = {'s', 's', 'f', 'f', 'f', 'f', 'f', 'f'};
    const shi_drivers_result *res = &dp->id.fit;
    shi_status s = columns(t, names, types, NULL, 8, err);
    if (s == SHI_OK && verdict) {
        s = verdict_columns(t, dp, 1, err);
    }
    for (size_t j = 0; j <= res->k && s == SHI_OK; j++) {
        const shi_drivers_coef *cf = &res->coef[j];
        if ((s = shi_table_str(t, cf->name, err)) ||
            (s = shi_table_str(t, shi_drivers_block_name(cf->block), err)) ||
            (s = shi_table_real(t, cf->b, err)) || (s = shi_table_real(t, cf->se_hac, err)) ||
            (s = shi_table_real(t, cf->p_hac, err)) ||
            (s = shi_table_real(t, j ? cf->lmg_share : (double)NAN, err)) ||
            (s = shi_table_real(t, j ? cf->lmg_share_ci[0] : (double)NAN, err))) {
            break;
        }
        s = shi_table_real(t, j ? cf->lmg_share_ci[1] : (double)NAN, err);
        if (s == SHI_OK && verdict) {
            s = verdict_columns(t, dp, 0, err);
        }
    }
    return s;
}
