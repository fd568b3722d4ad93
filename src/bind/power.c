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
#include <shi/tables.h>

#define BIND_MAX_STATES 256

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
                       ? shi_tables_power_states(&ss->data, pm, col, a, b, scope, sel, nsel, window,
                                                 t, &ss->err)
                       : shi_tables_power_system(&ss->data, col, a, b, scope, t, &ss->err);
    return shi_i_bind_table_frame(ss, t, s, "power");
}
