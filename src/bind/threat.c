/*
 * threat.c - shi_session_threat: the table of `shi threat A B` (both
 * directions each year, the components and the perception gap), from the
 * same measure as the command (src/cli/cmd_threat.c); the tests compare them.
 */
#include "bind_priv.h"

#include <math.h>

#include <shi/power.h>
#include <shi/threat.h>

static shi_status pair_rows(shi_session *ss, shi_table *t, const shi_threat_ctx *ctx,
                            const shi_threat_model *m, const shi_state *a, const shi_state *b,
                            int y0, int y1)
{
    static const char *const names[] = {"year",      "perceiver", "threat_from", "strength",
                                        "proximity", "offensive", "intentions",  "un",
                                        "disputes",  "conflict",  "alliances",   "events",
                                        "total",     "gap",       "partial"};
    static const char types[] = {'i', 's', 's', 'f', 'f', 'f', 'f', 'f',
                                 'f', 'f', 'f', 'f', 'f', 'f', 'i'};
    shi_err *err = &ss->err;
    shi_status s = SHI_OK;
    for (int c = 0; c < 15 && s == SHI_OK; c++) {
        s = shi_table_column(t, names[c], types[c], 4, err);
    }
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
    shi_status s = t ? pair_rows(ss, t, ctx, &m, sa, sb, ya, yb)
                     : shi_err_set(&ss->err, SHI_EIO, "out of memory");
    shi_frame *f = t ? shi_i_bind_table_frame(ss, t, s, "threat") : NULL;
    shi_threat_ctx_free(ctx);
    return f;
}
