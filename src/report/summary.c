/*
 * summary.c - the terminal summary of `shi report A B`: formats a pair's
 * analysis (shi/pair.h); computes nothing.
 */
#include <shi/report.h>

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

static void put_share(FILE *f, double v)
{
    if (isnan(v)) {
        fprintf(f, "  %7s", "-");
    } else {
        fprintf(f, "  %7.4f", v);
    }
}

/* One line of transition events of triangle pair q (challenger = the weaker in y0). */
static void transitions_line(FILE *f, const shi_data *d, const shi_pair_analysis *pa, int q)
{
    static const int pairs[3][2] = {{0, 1}, {0, 2}, {1, 2}};
    const shi_pair_transitions *tr = &pa->trans[q][pa->weaker_dir[q]];
    int ch = tr->challenger, ld = tr->leader;
    int f0 = pa->both_y0[q], f1 = pa->both_y1[q];
    if (!f0) {
        fprintf(f, "  %s vs %s: no year of %d-%d with capability data for both\n", abb(d, ch),
                abb(d, ld), pa->y0, pa->y1);
        return;
    }
    const double *c = pa->cinc[pairs[q][pa->weaker_dir[q]]];
    const double *l = pa->cinc[pairs[q][1 - pa->weaker_dir[q]]];
    double r0 = c[f0 - pa->y0] / l[f0 - pa->y0], r1 = c[f1 - pa->y0] / l[f1 - pa->y0];
    fprintf(f, "  %s vs %s: ratio %.2f in %d, %.2f in %d", abb(d, ch), abb(d, ld), r0, f0, r1, f1);
    size_t n = tr->ev.n;
    if (n == 0) {
        fprintf(f, "; no transition event\n");
        return;
    }
    fprintf(f, ";");
    for (size_t i = 0; i < n && i < 4; i++) {
        const shi_transition *e = &tr->ev.v[i];
        const char *sep = i + 1 < n && i + 1 < 4 ? "," : "";
        if (e->kind == SHI_ALREADY_AT_PARITY) { /* a fact of the data, not of the window */
            fprintf(f, " already at parity when the window opens (since %d)%s", e->since, sep);
        } else {
            fprintf(f, " %s %d (%.2f)%s", shi_transition_name(e->kind), e->year, e->ratio, sep);
        }
    }
    fprintf(f, n > 4 ? " ... (%zu events)\n" : "\n", n);
}

/* Threat, issue areas, drivers and cooperation: one line each. */
static void later_sections(FILE *f, const shi_data *d, const shi_pair_analysis *pa)
{
    size_t t = pa->n - 1;
    double ab = pa->threat[0][t], ba = pa->threat[1][t];
    double ac = pa->threat[2][t], bc = pa->threat[3][t];
    fprintf(f, "4. Threat (Walt; docs/threat.md)\n");
    if (isnan(ab) || isnan(ba)) {
        fprintf(f, "  no threat measure in %d (missing capabilities or membership)\n\n", pa->y1);
    } else {
        fprintf(f,
                "  %d: %s is %s threatened by %s (%.2f) than %s by %s (%.2f): gap %+.2f; "
                "from %s: %.2f and %.2f\n\n",
                pa->y1, abb(d, pa->a), ab >= ba ? "more" : "less", abb(d, pa->b), ab, abb(d, pa->b),
                abb(d, pa->a), ba, ab - ba, abb(d, pa->third), ac, bc);
    }
    fprintf(f, "5. Issue areas %d-%d (docs/align.md):", pa->y0, pa->y1);
    for (int area = 0; area < SHI_AREA_N; area++) {
        shi_direction dd = pa->area_dir[area];
        fprintf(f, "%s %s %s", area ? ";" : "", shi_area_name((shi_area)area),
                dd == SHI_DIR_NA ? "no data" : shi_direction_name(dd));
    }
    fprintf(f, "\n\n");
    int dy1 = pa->drivers_y1 >= pa->drivers_y0 ? pa->drivers_y1 : pa->y1;
    fprintf(f, "6. Drivers %d-%d (outcome: UN ideal-point distance; docs/drivers.md)\n",
            pa->drivers_y0, dy1);
    if (pa->drivers_status == SHI_OK) {
        const shi_drivers_result *res = &pa->drivers;
        fprintf(f,
                "  externally driven: %.0f%% of explained variance [%.0f%%, %.0f%%] (R2 %.2f, "
                "n %zu)\n\n",
                100 * res->external_share, 100 * res->external_share_ci[0],
                100 * res->external_share_ci[1], res->r2, res->n);
    } else {
        fprintf(f, "  too little data to tell: %s\n\n", pa->drivers_msg);
    }
    fprintf(f,
            "7. Cooperation (prisoner's dilemma calibrated from the pair's data; docs/coop.md)\n");
    const shi_coop_dyad *cd = &pa->coop_end;
    if (pa->coop_end_status != SHI_OK) {
        fprintf(f, "  %d: no calibration (%s)\n\n", pa->coop_y1, pa->coop_end_msg);
        return;
    }
    if (cd->computable) {
        fprintf(f,
                "  %d: delta %.3f against threshold %.3f (grim trigger and Tit for Tat; "
                "temptation g %.2f): %s; implied P(no dispute next year) %.3f\n\n",
                pa->coop_y1, cd->delta, cd->thr.grim, cd->g,
                cd->delta >= cd->thr.grim ? "cooperation sustainable"
                                          : "cooperation not sustainable",
                cd->p_coop);
        return;
    }
    fprintf(f, "  %d: not computable (missing: %s)\n", pa->coop_y1, cd->missing);
    if (pa->coop_have) {
        const shi_coop_dyad *l = &pa->coop_last;
        fprintf(f,
                "  latest computable year %d: delta %.3f against threshold %.3f: %s; implied "
                "P(no dispute next year) %.3f\n",
                l->year, l->delta, l->thr.grim,
                l->delta >= l->thr.grim ? "cooperation sustainable" : "cooperation not sustainable",
                l->p_coop);
    }
    fprintf(f, "\n");
}

shi_status shi_report_summary(FILE *f, const shi_data *d, const shi_pair_analysis *pa, shi_err *err)
{
    const int a = pa->a, b = pa->b, third = pa->third, y0 = pa->y0, y1 = pa->y1;
    const shi_source *nmc = shi_data_source(d, "nmc");
    fprintf(f, "shi report: %s (%s) and %s (%s), %d-%d; third state %s (%s)\n\n", name(d, a),
            abb(d, a), name(d, b), abb(d, b), y0, y1, name(d, third), abb(d, third));
    int step = (y1 - y0) > 12 ? 10 : 1;
    fprintf(f, "1. Power among the major powers (CINC, COW NMC %s)\n", nmc ? nmc->version : "?");
    fprintf(f, "  %4s  %-10s  %-6s %6s  %-6s %6s  %6s  %5s\n", "year", "polarity", "leader",
            "share", "second", "share", "CON", "poles");
    const shi_power_year *last = NULL;
    for (int y = y0; y <= y1; y++) {
        if ((y - y0) % step != 0 && y != y1) {
            continue;
        }
        const shi_power_year *r = &pa->majors[y - y0];
        if (r->n == 0) {
            continue;
        }
        fprintf(f, "  %4d  %-10s  %-6s %6.3f  %-6s %6.3f  %6.3f  %5.2f\n", y,
                shi_polarity_name(r->polarity), abb(d, r->leader), r->leader_share,
                r->second ? abb(d, r->second) : "-", r->second_share, r->con, r->poles);
        last = r;
    }
    if (last) {
        fprintf(f,
                "  Finding: in %d the system is %s by CINC; %s leads with %.0f%% of major-power "
                "capabilities.\n\n",
                last->year, shi_polarity_name(last->polarity), name(d, last->leader),
                100 * last->leader_share);
    }
    int tri[3] = {a, b, third};
    fprintf(f, "2. The triangle: share of world capabilities (CINC)\n  %4s", "year");
    for (int k = 0; k < 3; k++) {
        fprintf(f, "  %7s", abb(d, tri[k]));
    }
    fprintf(f, "\n");
    for (int y = y0; y <= y1; y++) {
        if ((y - y0) % step != 0 && y != y1) {
            continue;
        }
        fprintf(f, "  %4d", y);
        for (int k = 0; k < 3; k++) {
            put_share(f, pa->cinc[k][y - y0]);
        }
        fprintf(f, "\n");
    }
    for (int k = 0; k < 3; k++) {
        int first = 0;
        for (int y = y0; y <= y1 && !first; y++) {
            first = isnan(pa->cinc[k][y - y0]) ? 0 : y;
        }
        if (first != y0) {
            const shi_state *st = shi_states_get(&d->states, tri[k]);
            int m0 = 0, m1 = 0;
            if (st) {
                shi_states_years(&d->states, st, &m0, &m1);
            }
            if (first) {
                fprintf(f, "  (%s: no capability data before %d; system member from %d)\n",
                        abb(d, tri[k]), first, m0);
            } else {
                fprintf(f, "  (%s: no capability data in %d-%d)\n", abb(d, tri[k]), y0, y1);
            }
        }
    }
    fprintf(f, "  trend %d-%d, %%/yr (log-linear):", y1 - 9, y1);
    for (int k = 0; k < 3; k++) {
        fprintf(f, " %s %+.1f", abb(d, tri[k]), 100 * pa->trend[k]);
    }
    fprintf(f, "\n\n3. Power transitions (parity = 0.8-1.2 of the leader's CINC; Organski & "
               "Kugler 1980)\n");
    for (int q = 0; q < 3; q++) {
        transitions_line(f, d, pa, q);
    }
    fprintf(f, "\n");
    if (pa->relations) {
        later_sections(f, d, pa);
    }
    fprintf(f, "Sources: 'shi data info'; the HTML report ('-o report.html') has the charts.\n");
    return ferror(f) ? shi_err_set(err, SHI_EIO, "write error") : SHI_OK;
}
