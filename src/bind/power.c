/*
 * power.c - shi_session_power: the table of `shi power` (the system's
 * configuration each year, or with --states one row per state-year), built
 * from the same measures as the command (src/cli/cmd_power.c) so that the
 * bindings return what it writes; the tests compare the two.
 */
#include "bind_priv.h"

#include <math.h>
#include <stdint.h>

#include <shi/power.h>

#define BIND_MAX_STATES 256

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
        s = shi_table_column(t, names[c], types[c], digits[c], err);
    }
    return s;
}

/* One row per year: the configuration of power (as the command without --states). */
static shi_status system_rows(shi_session *ss, shi_table *t, size_t col, int y0, int y1,
                              shi_scope scope)
{
    static const char *const names[] = {
        "year",   "scope",        "n",    "con",     "poles", "leader", "leader_share",
        "second", "second_share", "lead", "polarity"};
    static const char types[] = {'i', 's', 'i', 'f', 'f', 's', 'f', 's', 'f', 'f', 's'};
    static const int digits[] = {0, 0, 0, 4, 2, 0, 4, 0, 4, 4, 0};
    shi_err *err = &ss->err;
    const shi_states *st = &ss->data.states;
    shi_status s = columns(t, names, types, digits, 11, err);
    for (int y = y0; y <= y1 && s == SHI_OK; y++) {
        shi_power_year r;
        s = shi_power_year_compute(&ss->data.caps, col, st, y, scope, NULL, &r, err);
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

/* One row per state-year of `sel` (as the command with --states). */
static shi_status state_rows(shi_session *ss, shi_table *t, const shi_power_measure *pm, size_t col,
                             int y0, int y1, shi_scope scope, const shi_state **sel, size_t nsel,
                             int window)
{
    const char *const names[] = {"year",  "state", "ccode",     pm->name,
                                 "share", "rank",  "trend_pct", "major"};
    static const char types[] = {'i', 's', 'i', 'f', 'f', 'i', 'f', 'b'};
    const int digits[] = {0, 0, 0, pm->digits, 4, 0, 2, 0};
    shi_err *err = &ss->err;
    const shi_panel *p = &ss->data.caps;
    const shi_states *st = &ss->data.states;
    shi_status s = columns(t, names, types, digits, 8, err);
    for (int y = y0; y <= y1 && s == SHI_OK; y++) {
        for (size_t k = 0; k < nsel && s == SHI_OK; k++) {
            const shi_state *x = sel[k];
            long row = shi_panel_row(p, x->ccode, y);
            if (row < 0) {
                continue; /* not in the capability data that year */
            }
            long rank = shi_power_rank(p, col, st, x->ccode, y, scope);
            double trend = shi_power_trend(p, col, x->ccode, y, window);
            if ((s = shi_table_int(t, y, err)) || (s = shi_table_str(t, x->abb, err)) ||
                (s = shi_table_int(t, x->ccode, err)) ||
                (s = shi_table_real(t, shi_panel_get(p, col, (size_t)row), err)) ||
                (s = shi_table_real(t, shi_power_share(p, col, st, x->ccode, y, scope), err))) {
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

/* The measure (default CINC), the data it needs and its column. */
static shi_status power_measure(shi_session *ss, const char *name, const shi_power_measure **pm,
                                size_t *col)
{
    *pm = shi_power_measure_find(shi_i_bind_given(name) ? name : "cinc");
    if (!*pm) {
        char list[256];
        shi_power_measure_list(list, sizeof list);
        return shi_err_set(&ss->err, SHI_EUSAGE, "power: unknown --measure '%s'; valid are %s",
                           name, list);
    }
    shi_status s = shi_i_bind_load(ss, SHI_DATA_CAPS | (*pm)->parts);
    return s != SHI_OK ? s : shi_power_measure_col(&ss->data, (*pm)->name, col, &ss->err);
}

shi_frame *shi_session_power(shi_session *ss, int y0, int y1, const char *states,
                             const char *measure, int majors, int window)
{
    if (!ss) {
        return NULL;
    }
    shi_err_clear(&ss->err);
    const shi_power_measure *pm;
    size_t col;
    if (window < 3 || window > 200) {
        shi_err_set(&ss->err, SHI_EUSAGE, "power: --window takes 3-200 years, got %d", window);
        return NULL;
    }
    if (power_measure(ss, measure, &pm, &col) != SHI_OK) {
        return NULL;
    }
    /* By default both ends are the last year (as the command). */
    const shi_panel *p = &ss->data.caps;
    int b = p->year_max, a = b;
    const shi_state *sel[BIND_MAX_STATES];
    size_t nsel = 0;
    if (shi_i_bind_years(ss, y0, y1, p->year_min, p->year_max, &a, &b) != SHI_OK ||
        (shi_i_bind_given(states) &&
         shi_states_resolve_list(&ss->data.states, states, b, sel, BIND_MAX_STATES, &nsel,
                                 &ss->err) != SHI_OK)) {
        return NULL;
    }
    shi_table *t = shi_table_new();
    if (!t) {
        shi_err_set(&ss->err, SHI_EIO, "out of memory");
        return NULL;
    }
    shi_scope scope = majors ? SHI_SCOPE_MAJORS : SHI_SCOPE_ALL;
    shi_status s = shi_i_bind_given(states)
                       ? state_rows(ss, t, pm, col, a, b, scope, sel, nsel, window)
                       : system_rows(ss, t, col, a, b, scope);
    return shi_i_bind_table_frame(ss, t, s, "power");
}
