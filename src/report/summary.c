/*
 * summary.c - the terminal summary of `shi report A B`.
 */
#include <shi/align.h>
#include <shi/coop_dyad.h>
#include <shi/drivers.h>
#include <shi/dyad_drivers.h>
#include <shi/power.h>
#include <shi/report.h>
#include <shi/threat.h>

#include <math.h>
#include <string.h>

static const char *abb(const shi_data *d, int cc)
{
    const shi_state *s = shi_states_get(&d->states, cc);
    return s ? s->abb : "?";
}

static const char *name(const shi_data *d, int cc)
{
    const shi_state *s = shi_states_get(&d->states, cc);
    return s ? s->name : "?";
}

static double cinc_of(const shi_data *d, size_t cinc, int cc, int y)
{
    long r = shi_panel_row(&d->caps, cc, y);
    return r >= 0 ? shi_panel_get(&d->caps, cinc, (size_t)r) : (double)NAN;
}

/* The most capable state in year y other than a and b. */
static int default_third(const shi_data *d, size_t cinc, int a, int b, int y)
{
    const size_t *rows;
    size_t n;
    shi_panel_year(&d->caps, y, &rows, &n);
    int best = 0;
    double bv = -1;
    for (size_t i = 0; i < n; i++) {
        int cc = d->caps.unit[rows[i]];
        if (cc == a || cc == b || !shi_panel_ok(&d->caps, cinc, rows[i])) {
            continue;
        }
        if (shi_panel_get(&d->caps, cinc, rows[i]) > bv) {
            bv = shi_panel_get(&d->caps, cinc, rows[i]);
            best = cc;
        }
    }
    return best;
}

static void put_share(FILE *f, double v)
{
    if (isnan(v)) {
        fprintf(f, "  %7s", "-");
    } else {
        fprintf(f, "  %7.4f", v);
    }
}

/* One line of transition events between x and y (challenger = weaker at y0). */
static shi_status transitions_line(FILE *f, const shi_data *d, const shi_report_opts *o, int x,
                                   int y, shi_err *err)
{
    double cx = cinc_of(d, o->cinc, x, o->y0), cy = cinc_of(d, o->cinc, y, o->y0);
    int ch = x, ld = y;
    if (!isnan(cx) && !isnan(cy) && cx > cy) {
        ch = y;
        ld = x;
    }
    shi_transition ev[64];
    size_t n = 0;
    shi_status s =
        shi_power_transitions(&d->caps, o->cinc, ch, ld, o->y0, o->y1, 0.8, 1.2, ev, 64, &n, err);
    if (s != SHI_OK) {
        return s;
    }
    /* The first and last years in which both have a CINC. */
    int f0 = 0, f1 = 0;
    for (int t = o->y0; t <= o->y1; t++) {
        if (!isnan(cinc_of(d, o->cinc, ch, t)) && !isnan(cinc_of(d, o->cinc, ld, t))) {
            f1 = t;
            if (!f0) {
                f0 = t;
            }
        }
    }
    if (!f0) {
        fprintf(f, "  %s vs %s: no year of %d-%d with capability data for both\n", abb(d, ch),
                abb(d, ld), o->y0, o->y1);
        return SHI_OK;
    }
    double r0 = cinc_of(d, o->cinc, ch, f0) / cinc_of(d, o->cinc, ld, f0);
    double r1 = cinc_of(d, o->cinc, ch, f1) / cinc_of(d, o->cinc, ld, f1);
    fprintf(f, "  %s vs %s: ratio %.2f in %d, %.2f in %d", abb(d, ch), abb(d, ld), r0, f0, r1, f1);
    if (n == 0) {
        fprintf(f, "; no transition event\n");
        return SHI_OK;
    }
    fprintf(f, ";");
    for (size_t i = 0; i < n && i < 4; i++) {
        fprintf(f, " %s %d (%.2f)%s", shi_transition_name(ev[i].kind), ev[i].year, ev[i].ratio,
                i + 1 < n && i + 1 < 4 ? "," : "");
    }
    fprintf(f, n > 4 ? " ... (%zu events)\n" : "\n", n);
    return SHI_OK;
}

/* Threat, issue areas, drivers and cooperation: one line each. */
static shi_status later_sections(FILE *f, const shi_data *d, const shi_events *ev,
                                 const shi_report_opts *o, int third, shi_err *err)
{
    shi_threat_input ti = {&d->states, &d->caps, o->cinc, &d->dy, &d->rel};
    shi_threat_ctx *ctx = NULL;
    shi_status s = shi_threat_ctx_new(&ctx, &ti, err);
    if (s != SHI_OK) {
        return s;
    }
    shi_threat_model m = shi_threat_model_default();
    shi_threat ab, ba, ac, bc;
    if ((s = shi_threat_compute(ctx, &m, o->a, o->b, o->y1, &ab, err)) ||
        (s = shi_threat_compute(ctx, &m, o->b, o->a, o->y1, &ba, err)) ||
        (s = shi_threat_compute(ctx, &m, o->a, third, o->y1, &ac, err)) ||
        (s = shi_threat_compute(ctx, &m, o->b, third, o->y1, &bc, err))) {
        shi_threat_ctx_free(ctx);
        return s;
    }
    shi_threat_ctx_free(ctx);
    fprintf(f, "4. Threat (Walt; docs/threat.md)\n");
    if (isnan(ab.total) || isnan(ba.total)) {
        fprintf(f, "  no threat measure in %d (missing capabilities or membership)\n\n", o->y1);
    } else {
        fprintf(f,
                "  %d: %s is %s threatened by %s (%.2f) than %s by %s (%.2f): gap %+.2f; "
                "from %s: %.2f and %.2f\n\n",
                o->y1, abb(d, o->a), ab.total >= ba.total ? "more" : "less", abb(d, o->b), ab.total,
                abb(d, o->b), abb(d, o->a), ba.total, ab.total - ba.total, abb(d, third), ac.total,
                bc.total);
    }
    shi_align_input ai = {&d->states, &d->caps, o->cinc, &d->dy, &d->rel, NULL};
    shi_align al;
    if ((s = shi_align_compute(&al, &ai, o->a, o->b, o->y0, o->y1, 5, err)) != SHI_OK) {
        return s;
    }
    fprintf(f, "5. Issue areas %d-%d (docs/align.md):", o->y0, o->y1);
    for (int area = 0; area < SHI_AREA_N; area++) {
        double score;
        shi_direction dd = shi_align_area_direction(&al, (shi_area)area, &score);
        fprintf(f, "%s %s %s", area ? ";" : "", shi_area_name((shi_area)area),
                dd == SHI_DIR_NA ? "no data" : shi_direction_name(dd));
    }
    fprintf(f, "\n\n");
    shi_align_destroy(&al);
    int y1 = o->y1 < d->rel.trade_y1 ? o->y1 : d->rel.trade_y1;
    shi_dyad_drivers_input in = {&d->states, &d->caps, o->cinc, &d->dy, &d->rel, ev, NULL};
    shi_dyad_series ser;
    shi_drivers_result res;
    shi_drivers_result_init(&res);
    shi_err e = {0};
    fprintf(f, "6. Drivers %d-%d (outcome: UN ideal-point distance; docs/drivers.md)\n", o->y0, y1);
    s = shi_dyad_series_build(&ser, &in, o->a, o->b, third, o->y0, y1, SHI_OUTCOME_IDEAL, &e);
    if (s == SHI_OK && ser.k > 0) {
        const char *names[SHI_DD_MAX];
        for (size_t j = 0; j < ser.k; j++) {
            names[j] = ser.name[j];
        }
        shi_drivers_input di = {ser.n, ser.k, ser.y, ser.X, ser.block, names};
        s = shi_drivers_fit(&di, NULL, &res, &e);
    } else if (s == SHI_OK) {
        s = shi_err_set(&e, SHI_EDATA, "no driver varies over the years");
    }
    if (s == SHI_OK) {
        fprintf(f,
                "  externally driven: %.0f%% of explained variance [%.0f%%, %.0f%%] (R2 %.2f, "
                "n %zu)\n\n",
                100 * res.external_share, 100 * res.external_share_ci[0],
                100 * res.external_share_ci[1], res.r2, res.n);
        shi_dyad_series_destroy(&ser);
    } else if (s == SHI_EDATA) {
        fprintf(f, "  too little data to tell: %s\n\n", e.msg);
        s = SHI_OK;
        if (ser.y) {
            shi_dyad_series_destroy(&ser);
        }
    } else {
        *err = e;
        return s;
    }
    shi_drivers_result_destroy(&res);
    shi_coop_dyad_input ci = {&d->states, &d->caps, o->cinc, &d->dy, &d->rel, NULL};
    shi_coop_dyad cd;
    fprintf(f,
            "7. Cooperation (prisoner's dilemma calibrated from the pair's data; docs/coop.md)\n");
    if (shi_coop_dyad_calibrate(&cd, &ci, o->a, o->b, y1, &e) == SHI_OK) {
        fprintf(f,
                "  %d: delta %.2f against thresholds %.2f (grim trigger) and %.2f (Tit for "
                "Tat): %s\n\n",
                y1, cd.delta, cd.thr.grim, cd.thr.tft,
                cd.delta >= cd.thr.tft    ? "cooperation sustainable"
                : cd.delta >= cd.thr.grim ? "sustainable for grim trigger only"
                                          : "cooperation not sustainable");
    } else {
        fprintf(f, "  %d: no calibration (%s)\n\n", y1, e.msg);
    }
    return SHI_OK;
}

shi_status shi_report_summary(FILE *f, const shi_data *d, const shi_events *ev,
                              const shi_report_opts *o, shi_err *err)
{
    int third = o->third ? o->third : default_third(d, o->cinc, o->a, o->b, o->y1);
    const shi_source *nmc = shi_data_source(d, "nmc");
    fprintf(f, "shi report: %s (%s) and %s (%s), %d-%d; third state %s (%s)\n\n", name(d, o->a),
            abb(d, o->a), name(d, o->b), abb(d, o->b), o->y0, o->y1, name(d, third), abb(d, third));
    int step = (o->y1 - o->y0) > 12 ? 10 : 1;
    fprintf(f, "1. Power among the major powers (CINC, COW NMC %s)\n", nmc ? nmc->version : "?");
    fprintf(f, "  %4s  %-10s  %-6s %6s  %-6s %6s  %6s  %5s\n", "year", "polarity", "leader",
            "share", "second", "share", "CON", "poles");
    shi_power_year last = {0};
    for (int y = o->y0; y <= o->y1; y++) {
        if ((y - o->y0) % step != 0 && y != o->y1) {
            continue;
        }
        shi_power_year r;
        shi_status s = shi_power_year_compute(&d->caps, o->cinc, &d->states, y, SHI_SCOPE_MAJORS,
                                              NULL, &r, err);
        if (s != SHI_OK) {
            return s;
        }
        if (r.n == 0) {
            continue;
        }
        fprintf(f, "  %4d  %-10s  %-6s %6.3f  %-6s %6.3f  %6.3f  %5.2f\n", y,
                shi_polarity_name(r.polarity), abb(d, r.leader), r.leader_share,
                r.second ? abb(d, r.second) : "-", r.second_share, r.con, r.poles);
        last = r;
    }
    if (last.n > 0) {
        fprintf(f,
                "  Finding: in %d the system is %s by CINC; %s leads with %.0f%% of major-power "
                "capabilities.\n\n",
                last.year, shi_polarity_name(last.polarity), name(d, last.leader),
                100 * last.leader_share);
    }
    int tri[3] = {o->a, o->b, third};
    fprintf(f, "2. The triangle: share of world capabilities (CINC)\n  %4s", "year");
    for (int k = 0; k < 3; k++) {
        fprintf(f, "  %7s", abb(d, tri[k]));
    }
    fprintf(f, "\n");
    for (int y = o->y0; y <= o->y1; y++) {
        if ((y - o->y0) % step != 0 && y != o->y1) {
            continue;
        }
        fprintf(f, "  %4d", y);
        for (int k = 0; k < 3; k++) {
            put_share(f, cinc_of(d, o->cinc, tri[k], y));
        }
        fprintf(f, "\n");
    }
    for (int k = 0; k < 3; k++) {
        int first = 0;
        for (int y = o->y0; y <= o->y1 && !first; y++) {
            first = isnan(cinc_of(d, o->cinc, tri[k], y)) ? 0 : y;
        }
        if (first != o->y0) {
            const shi_state *st = shi_states_get(&d->states, tri[k]);
            int m0 = 0, m1 = 0;
            if (st) {
                shi_states_years(&d->states, st, &m0, &m1);
            }
            if (first) {
                fprintf(f, "  (%s: no capability data before %d; system member from %d)\n",
                        abb(d, tri[k]), first, m0);
            } else {
                fprintf(f, "  (%s: no capability data in %d-%d)\n", abb(d, tri[k]), o->y0, o->y1);
            }
        }
    }
    fprintf(f, "  trend %d-%d, %%/yr (log-linear):", o->y1 - 9, o->y1);
    for (int k = 0; k < 3; k++) {
        fprintf(f, " %s %+.1f", abb(d, tri[k]),
                100 * shi_power_trend(&d->caps, o->cinc, tri[k], o->y1, 10));
    }
    fprintf(f, "\n\n3. Power transitions (parity = 0.8-1.2 of the leader's CINC; Organski & "
               "Kugler 1980)\n");
    shi_status s = transitions_line(f, d, o, o->a, o->b, err);
    if (s == SHI_OK) {
        s = transitions_line(f, d, o, o->a, third, err);
    }
    if (s == SHI_OK) {
        s = transitions_line(f, d, o, o->b, third, err);
    }
    if (s != SHI_OK) {
        return s;
    }
    fprintf(f, "\n");
    if (d->dy_loaded && d->rel_loaded) {
        shi_report_opts oo = *o;
        oo.third = third;
        if ((s = later_sections(f, d, ev, &oo, third, err)) != SHI_OK) {
            return s;
        }
    }
    fprintf(f, "Sources: 'shi data info'; the HTML report ('-o report.html') has the charts.\n");
    return ferror(f) ? shi_err_set(err, SHI_EIO, "write error") : SHI_OK;
}
