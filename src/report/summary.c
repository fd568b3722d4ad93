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

/* 1. The other measures beside CINC: polarity, leader and its share of the
 * major powers' total in (at most) four years of the range. */
static void measures_table(FILE *f, const shi_data *d, const shi_pair_analysis *pa)
{
    if (pa->nmeasures < 2) {
        return;
    }
    int span = pa->y1 - pa->y0, cols = span >= 3 ? 4 : span + 1, yr[4];
    fprintf(f, "  %-14s", "other measures");
    for (int c = 0; c < cols; c++) {
        yr[c] = pa->y0 + (span >= 30 ? 10 * c : (span * c) / (cols > 1 ? cols - 1 : 1));
        yr[c] = c == cols - 1 ? pa->y1 : yr[c];
        fprintf(f, c + 1 < cols ? "  %-21d" : "  %d", yr[c]);
    }
    fprintf(f, "\n");
    for (size_t k = 1; k < pa->nmeasures; k++) {
        fprintf(f, "  %-14s", pa->measures[k].label);
        for (int c = 0; c < cols; c++) {
            const shi_power_year *r = &pa->measures[k].majors[yr[c] - pa->y0];
            if (r->n == 0) {
                fprintf(f, c + 1 < cols ? "  %-21s" : "  %s", "-");
            } else {
                fprintf(f, "  %-10s %-4s %5.3f", shi_polarity_name(r->polarity), abb(d, r->leader),
                        r->leader_share);
            }
        }
        fprintf(f, "\n");
    }
}

/* 2. For each pair of the triangle on which the measures disagree, which
 * measures put whom ahead in their last year (since when, or the ratio). */
static void leads_lines(FILE *f, const shi_data *d, const shi_pair_analysis *pa)
{
    static const int pairs[3][2] = {{0, 1}, {0, 2}, {1, 2}};
    const int tri[3] = {pa->a, pa->b, pa->third};
    for (int q = 0; q < 3; q++) {
        if (!pa->disagree[q]) {
            continue;
        }
        fprintf(f, "  Finding: the power measures disagree on %s-%s:", abb(d, tri[pairs[q][0]]),
                abb(d, tri[pairs[q][1]]));
        for (int side = 0; side < 2; side++) {
            int who = tri[pairs[q][side]], n = 0;
            for (size_t k = 0; k < pa->nmeasures; k++) {
                const shi_pair_lead *l = &pa->measures[k].lead[q];
                if (l->ahead != who) {
                    continue;
                }
                fprintf(f, "%s%s", n++ ? ", " : side ? "; " : " ", pa->measures[k].label);
                if (l->since) {
                    fprintf(f, " (since %d)", l->since);
                } else {
                    fprintf(f, " (ratio %.2f)", l->ratio);
                }
            }
            if (n) {
                fprintf(f, " put%s %s ahead", n == 1 ? "s" : "", abb(d, who));
            }
        }
        fprintf(f, " in %d (docs/power.md).\n", pa->y1);
    }
}

/* 5. Issue areas, in at most five lines: each area's sphere (robust across
 * the similarity variants) with the years its data cover and what carries
 * it; the variants where they disagree; the flagged zeros; the vetoes. */
static void issue_areas(FILE *f, const shi_data *d, const shi_pair_analysis *pa)
{
    const shi_align *al = &pa->align;
    const shi_align_indicator *ind = pa->indicators;
    fprintf(f, "5. Issue areas %d-%d (docs/align.md; Mann-Kendall at 5%%, Scott's pi)\n ", pa->y0,
            pa->y1);
    for (int area = 0; area < SHI_AREA_N; area++) {
        char drv[512];
        shi_align_drivers_label(al, ind, area, abb(d, pa->a), abb(d, pa->b), drv, sizeof drv);
        fprintf(f, "%s %s %s", area ? ";" : "", shi_area_name((shi_area)area),
                shi_align_sphere_name(al->sphere[area]));
        if (al->area_y[area][0]) {
            fprintf(f, " %d-%d", al->area_y[area][0], al->area_y[area][1]);
        }
        if (strcmp(drv, "-") != 0) {
            fprintf(f, " (%s)", drv);
        }
    }
    fprintf(f, "\n");
    for (int area = 0; area < SHI_AREA_N; area++) {
        char sens[512];
        shi_align_sensitivity_text(al, area, sens, sizeof sens);
        if (strncmp(sens, "same", 4) != 0) {
            fprintf(f, "  %s by similarity variant: %s\n", shi_area_name((shi_area)area), sens);
        }
    }
    for (int k = 0, n = 0; k < SHI_AL_N; k++) {
        if (al->nflag[k] > 0) {
            char lab[128];
            shi_align_text(ind[k].label, abb(d, pa->a), abb(d, pa->b), lab, sizeof lab);
            fprintf(f, "%s %s %d", n++ ? "," : "  zeros possibly missing (years):", lab,
                    al->nflag[k]);
        }
        if (k == SHI_AL_N - 1 && n) {
            fprintf(f, "\n");
        }
    }
    if (al->veto_n[0] >= 0) {
        fprintf(f, "  Security Council vetoes: %s %d, %s %d, jointly %d", abb(d, pa->a),
                al->veto_n[0], abb(d, pa->b), al->veto_n[1], al->veto_n[2]);
        if (al->veto_n[0] > 0 && al->veto_n[1] > 0) {
            fprintf(f, " (%s joined %.0f%% of %s's, %s %.0f%% of %s's)", abb(d, pa->b),
                    100.0 * al->veto_n[2] / al->veto_n[0], abb(d, pa->a), abb(d, pa->a),
                    100.0 * al->veto_n[2] / al->veto_n[1], abb(d, pa->b));
        }
        fprintf(f, "\n");
    }
    fprintf(f, "\n");
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
                "from %s: %.2f and %.2f\n",
                pa->y1, abb(d, pa->a), ab >= ba ? "more" : "less", abb(d, pa->b), ab, abb(d, pa->b),
                abb(d, pa->a), ba, ab - ba, abb(d, pa->third), ac, bc);
        int partial = 0;
        for (int k = 0; k < 4; k++) {
            partial |= pa->threat_partial[k][t];
        }
        fprintf(f, partial ? "  partial: some sources had ended by %d (docs/threat.md)\n\n" : "\n",
                pa->y1);
    }
    issue_areas(f, d, pa);
    int dy1 = pa->drivers_y1 >= pa->drivers_y0 ? pa->drivers_y1 : pa->y1;
    const shi_drivers_pair *dp = &pa->drivers;
    if (pa->drivers_status == SHI_OK) {
        const shi_drivers_id *id = &dp->id;
        const shi_drivers_result *res = &id->fit;
        fprintf(f, "6. Drivers %d-%d (%s, outcome: UN ideal-point distance, %s; docs/drivers.md)\n",
                pa->drivers_y0, dy1, shi_drivers_spec_name(dp->o.spec.spec),
                id->diff ? "first differences" : "levels");
        fprintf(f, "  verdict: %s - %s\n", shi_verdict_name(id->verdict), id->why);
        fprintf(f,
                "  external share %.0f%% [%.0f%%, %.0f%%] (R2 %.2f, n %zu); %s ranks %zu of %zu "
                "against placebo third states (p %.2f); permutation p: external %.2f, bilateral "
                "%.2f\n",
                100 * res->external_share, 100 * res->external_share_ci[0],
                100 * res->external_share_ci[1], res->r2, res->n, abb(d, dp->o.third), id->rank,
                id->placebo_valid + 1, id->placebo_p, res->perm_p[0], res->perm_p[1]);
        if (dp->panel_status == SHI_OK && dp->o.panel) {
            fprintf(f,
                    "  panel of %zu major-power dyads (dyad and year fixed effects): external "
                    "share %.0f%% [%.0f%%, %.0f%%]\n\n",
                    dp->panel.nunit, 100 * dp->panel.share, 100 * dp->panel.share_ci[0],
                    100 * dp->panel.share_ci[1]);
        } else {
            fprintf(f, "  panel: %s\n\n", dp->panel_msg);
        }
    } else {
        fprintf(f, "6. Drivers %d-%d (docs/drivers.md)\n", pa->drivers_y0, dy1);
        fprintf(f, "  verdict: not identified - too little data to tell: %s\n\n", pa->drivers_msg);
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

/* 8. Alliance formation: the pair's onset path under the shipped fits, in
 * four lines (the year-by-year path is `shi formation pair`). */
static void formation_section(FILE *f, const shi_data *d, const shi_pair_analysis *pa)
{
    const shi_formation_path *fp = &pa->formation;
    const char *a = abb(d, pa->a), *b = abb(d, pa->b);
    fprintf(f,
            "8. Alliance formation (%s onsets, conditional logit by chooser-year, fitted "
            "%d-%d; docs/formation.md)\n",
            fp->level == SHI_FORM_ANY ? "ATOP obligation" : "defence-pact", fp->fit_y0, fp->fit_y1);
    if (fp->status != SHI_OK) {
        fprintf(f, "  no onset path: %s\n\n", fp->msg);
        return;
    }
    long first = -1, last = -1, hi = -1;
    for (size_t k = 0; k < fp->n; k++) {
        double v = fp->p_ab[SHI_FM_JOINT][k];
        if (!isnan(v)) {
            first = first < 0 ? (long)k : first;
            last = (long)k;
            hi = hi < 0 || v > fp->p_ab[SHI_FM_JOINT][hi] ? (long)k : hi;
        }
    }
    if (last < 0) {
        fprintf(f,
                "  %s has no year at risk of a new pact with %s in %d-%d (obligated, or not "
                "both members)\n\n",
                a, b, fp->y0, fp->y1);
        return;
    }
    size_t l = (size_t)last;
    fprintf(f,
            "  P(%s takes %s | %s takes a new ally), joint model: %ld %.4f, %ld %.4f "
            "(uniform %.4f); highest %.4f in %ld\n",
            a, b, a, fp->y0 + first, fp->p_ab[SHI_FM_JOINT][first], fp->y0 + last,
            fp->p_ab[SHI_FM_JOINT][l], 1.0 / fp->risk_ab[l], fp->p_ab[SHI_FM_JOINT][hi],
            fp->y0 + hi);
    fprintf(f,
            "  %ld by theory: balance of power %.4f, of threat %.4f, bandwagoning %.4f, "
            "controls only %.4f; %s takes %s %.4f\n",
            fp->y0 + last, fp->p_ab[SHI_FM_BOP][l], fp->p_ab[SHI_FM_BOT][l], fp->p_ab[SHI_FM_BW][l],
            fp->p_ab[SHI_FM_CONTROLS][l], b, a, fp->p_ba[SHI_FM_JOINT][l]);
    fprintf(f, "  new ATOP obligations between them begin in:");
    int any = 0;
    for (size_t k = 0; k < fp->n; k++) {
        if (fp->onset_any[k]) {
            fprintf(f, "%s %d", any++ ? "," : "", fp->y0 + (int)k);
        }
    }
    fprintf(f, "%s; year by year: shi formation pair %s %s\n\n", any ? "" : " none", a, b);
}

/* 10. Futures in two lines: the probability of each future at the reported
 * horizons (5, 10, 20 years), and what the back-test says of such numbers
 * (docs/scenarios.md: better than persistence, level with climatology). */
static void futures_section(FILE *f, const shi_pair_analysis *pa)
{
    const shi_scen_result *r = &pa->futures.r;
    if (pa->futures_status != SHI_OK) {
        fprintf(f, "10. Futures not computed: %s\n\n", pa->futures_msg);
        return;
    }
    fprintf(f,
            "10. Futures from %d (%llu paths, %d parameter draws; back-test: beats persistence, "
            "no better than climatology; docs/scenarios.md)\n  P by",
            r->from, (unsigned long long)r->paths, r->draws);
    for (int k = 0; k < r->nh; k++) {
        fprintf(f, "%s%d", k ? "/" : " ", r->from + r->h[k]);
    }
    fprintf(f, ":");
    for (int g = 0; g < SHI_FUT_N; g++) {
        fprintf(f, "%s %s", g ? "," : "", shi_future_name(g));
        for (int k = 0; k < r->nh; k++) {
            fprintf(f, "%s%.2f", k ? "/" : " ", r->p[k][g]);
        }
    }
    fprintf(f, "\n\n");
}

/* 9. Central Asia in three lines: each state's index at its last year, who
 * is gaining (the table and the areas year by year: shi sphere). */
static void sphere_section(FILE *f, const shi_data *d, const shi_pair_analysis *pa)
{
    const shi_sphere_table *sp = &pa->sphere;
    if (pa->sphere_status != SHI_OK) {
        fprintf(f, "9. %s: spheres of influence not computed: %s\n\n", SHI_PAIR_SPHERE_REGION,
                pa->sphere_msg);
        return;
    }
    unsigned all = 0;
    for (size_t i = 0; i < sp->n; i++) {
        all |= sp->areas[i];
    }
    fprintf(f, "9. %s %d-%d: influence index of", SHI_PAIR_SPHERE_REGION, sp->y0, sp->y1);
    for (int k = 0, m = 0; k < SHI_SPH_N; k++) {
        if (all & (1u << k)) {
            fprintf(f, "%s %s", m++ ? "," : "", shi_sphere_area_name(k));
        }
    }
    fprintf(f, " (one set per state; docs/sphere.md)\n  last year of the index, %s vs %s:",
            abb(d, sp->p[0]), abb(d, sp->p[1]));
    for (size_t i = 0; i < sp->n; i++) {
        int fy, ly;
        double v[2][2];
        shi_sphere_index_years(sp, i, &fy, &ly);
        shi_sphere_index_ends(sp, i, 0, &v[0][0], &v[0][1]);
        shi_sphere_index_ends(sp, i, 1, &v[1][0], &v[1][1]);
        if (fy) {
            fprintf(f, "%s %s %d %.2f-%.2f", i ? "," : "", abb(d, sp->third[i]), ly, v[0][1],
                    v[1][1]);
        } else {
            fprintf(f, "%s %s none", i ? "," : "", abb(d, sp->third[i]));
        }
    }
    fprintf(f, "\n  gaining (index slope):");
    for (int g = 1, m = 0; g <= 2; g++) {
        for (size_t i = 0, c = 0; i < sp->n; i++) {
            if (sp->gain[i] == g) {
                fprintf(f, "%s", c++ ? ", " : (m++ ? "; " : " "));
                fprintf(f, "%s%s", c == 1 ? abb(d, sp->p[g - 1]) : "", c == 1 ? " in " : "");
                fprintf(f, "%s", abb(d, sp->third[i]));
            }
        }
    }
    int any = 0;
    for (size_t i = 0; i < sp->n; i++) {
        any |= sp->gain[i] > 0;
    }
    fprintf(f, "%s; areas end:", any ? "" : " neither");
    for (int k = 0; k < SHI_SPH_N; k++) {
        if (sp->last[k]) {
            fprintf(f, "%s %s %d", k ? "," : "", shi_sphere_area_name(k), sp->last[k]);
        } else {
            fprintf(f, "%s %s no data", k ? "," : "", shi_sphere_area_name(k));
        }
    }
    fprintf(f, "\n\n");
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
                "capabilities.\n",
                last->year, shi_polarity_name(last->polarity), name(d, last->leader),
                100 * last->leader_share);
    }
    measures_table(f, d, pa);
    fprintf(f, "\n");
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
    fprintf(f, "\n");
    leads_lines(f, d, pa);
    fprintf(f, "\n3. Power transitions (parity = 0.8-1.2 of the leader's CINC; Organski & "
               "Kugler 1980)\n");
    for (int q = 0; q < 3; q++) {
        transitions_line(f, d, pa, q);
    }
    fprintf(f, "\n");
    if (pa->relations) {
        later_sections(f, d, pa);
        formation_section(f, d, pa);
        sphere_section(f, d, pa);
        futures_section(f, pa);
    }
    fprintf(f, "Sources: 'shi data info'; the HTML report ('-o report.html') has the charts.\n");
    return ferror(f) ? shi_err_set(err, SHI_EIO, "write error") : SHI_OK;
}
