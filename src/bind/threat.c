/*
 * threat.c - shi_session_threat: the table of `shi threat A B` (both
 * directions each year, the components and the perception gap), from the
 * same measure as the command (src/cli/cmd_threat.c); the tests compare them.
 */
#include "bind_priv.h"

#include <math.h>

#include <shi/power.h>
#include <shi/tables.h>
#include <shi/threat.h>

/* The pair and the years (default: the last 10 of the data), as the command. */
static shi_status threat_pair(shi_session *ss, const char *a, const char *b, int y0, int y1,
                              const shi_state **sa, const shi_state **sb, int *ya, int *yb)
{
    const shi_panel *p = &ss->data.caps;
    *ya = p->year_max - 9;
    *yb = p->year_max;
    shi_status s;
    if ((s = shi_i_bind_years(ss, y0, y1, p->year_min, p->year_max, ya, yb)) ||
        (s = shi_states_resolve(&ss->data.states, a ? a : "", *yb, sa, &ss->err)) ||
        (s = shi_states_resolve(&ss->data.states, b ? b : "", *yb, sb, &ss->err))) {
        return s;
    }
    return *sa == *sb ? shi_err_set(&ss->err, SHI_EUSAGE, "threat: the two states are the same")
                      : SHI_OK;
}

shi_frame *shi_session_threat(shi_session *ss, const char *a, const char *b, int y0, int y1)
{
    if (!ss) {
        return NULL;
    }
    shi_err_clear(&ss->err);
    shi_threat_model m = shi_threat_model_default();
    /* A power measure on GDP needs the economic part of the data. */
    const shi_power_measure *pm = shi_power_measure_find(m.measure);
    const shi_state *sa, *sb;
    int ya, yb;
    if (shi_i_bind_load(ss, SHI_DATA_RELATIONS | (pm ? pm->parts : 0)) != SHI_OK ||
        threat_pair(ss, a, b, y0, y1, &sa, &sb, &ya, &yb) != SHI_OK) {
        return NULL;
    }
    shi_threat_ctx *ctx = NULL;
    if (shi_threat_ctx_new(&ctx, &ss->data, &ss->err) != SHI_OK) {
        return NULL;
    }
    shi_table *t = shi_table_new();
    shi_status s = t ? shi_tables_threat_pair(ctx, &m, sa, sb, ya, yb, t, &ss->err)
                     : shi_err_set(&ss->err, SHI_EIO, "out of memory");
    shi_frame *f = t ? shi_i_bind_table_frame(ss, t, s, "threat") : NULL;
    shi_threat_ctx_free(ctx);
    return f;
}
