/*
 * pair.c - the analysis of a pair of states, computed once (shi/pair.h).
 *
 * This is the only place that runs the measures and models for a pair: the
 * terminal summary and the HTML report format its result and compute nothing.
 */
#include <shi/pair.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void shi_pair_free(shi_pair_analysis *pa)
{
    if (!pa) {
        return;
    }
    free(pa->majors);
    for (int k = 0; k < 4; k++) {
        free(pa->cinc[k]);
        free(pa->threat[k]);
        free(pa->threat_partial[k]);
    }
    for (int q = 0; q < 3; q++) {
        shi_transitions_free(&pa->trans[q][0].ev);
        shi_transitions_free(&pa->trans[q][1].ev);
    }
    for (size_t k = 0; k < pa->nmeasures; k++) {
        free(pa->measures[k].majors);
        for (int q = 0; q < 3; q++) {
            free(pa->measures[k].share[q]);
        }
    }
    free(pa->threat_comp[0]);
    free(pa->threat_comp[1]);
    shi_align_destroy(&pa->align);
    shi_drivers_pair_free(&pa->drivers);
    free(pa->coop_delta);
    free(pa->coop_grim);
    free(pa->coop_tft);
    shi_formation_path_free(&pa->formation);
    shi_sphere_free(&pa->sphere);
    shi_futures_free(&pa->futures);
    free(pa->events);
    memset(pa, 0, sizeof *pa);
}

static double *nan_array(size_t n)
{
    double *v = malloc((n ? n : 1) * sizeof *v);
    for (size_t i = 0; v && i < n; i++) {
        v[i] = (double)NAN;
    }
    return v;
}

static double cinc_of(const shi_data *d, int cc, int y)
{
    long r = shi_panel_row(&d->caps, cc, y);
    return r >= 0 ? shi_panel_get(&d->caps, d->cinc, (size_t)r) : (double)NAN;
}

/* 1. Power: the configuration among the major powers each year, the shares
 * of the triangle, trends and transitions. */
static shi_status power(shi_pair_analysis *pa, const shi_data *d, shi_err *err)
{
    size_t n = pa->n;
    pa->majors = calloc(n, sizeof *pa->majors);
    if (!pa->majors) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    shi_status s = SHI_OK;
    for (int y = pa->y0; y <= pa->y1 && s == SHI_OK; y++) {
        s = shi_power_year_compute(&d->caps, d->cinc, &d->states, y, SHI_SCOPE_MAJORS, NULL,
                                   &pa->majors[y - pa->y0], err);
    }
    if (s == SHI_OK) {
        s = shi_power_year_compute(&d->caps, d->cinc, &d->states, pa->y1, SHI_SCOPE_ALL, NULL,
                                   &pa->all_y1, err);
    }
    if (s != SHI_OK) {
        return s;
    }
    const int who[4] = {pa->a, pa->b, pa->third, pa->all_y1.leader};
    for (int k = 0; k < 4; k++) {
        if (!(pa->cinc[k] = nan_array(n))) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        for (int y = pa->y0; y <= pa->y1; y++) {
            pa->cinc[k][y - pa->y0] = cinc_of(d, who[k], y);
        }
        if (k < 3) {
            pa->trend[k] = shi_power_trend(&d->caps, d->cinc, who[k], pa->y1, 10);
        }
    }
    /* Transitions of the pair and each of it with the third state, both ways;
     * the challenger of record is the weaker of the two when the years open. */
    const int pairs[3][2] = {{0, 1}, {0, 2}, {1, 2}};
    for (int q = 0; q < 3 && s == SHI_OK; q++) {
        const double *x = pa->cinc[pairs[q][0]], *z = pa->cinc[pairs[q][1]];
        pa->weaker_dir[q] = !isnan(x[0]) && !isnan(z[0]) && x[0] > z[0];
        for (size_t t = 0; t < n; t++) {
            if (!isnan(x[t]) && !isnan(z[t])) {
                pa->both_y1[q] = pa->y0 + (int)t;
                pa->both_y0[q] = pa->both_y0[q] ? pa->both_y0[q] : pa->y0 + (int)t;
            }
        }
        for (int dir = 0; dir < 2 && s == SHI_OK; dir++) {
            shi_pair_transitions *tr = &pa->trans[q][dir];
            tr->challenger = who[pairs[q][dir]];
            tr->leader = who[pairs[q][1 - dir]];
            s = shi_power_transitions(&d->caps, d->cinc, tr->challenger, tr->leader, pa->y0, pa->y1,
                                      0.8, 1.2, &tr->ev, err);
        }
    }
    return s;
}

/* Who is ahead in pair (x, z) under column `col`, and since when. */
static shi_status lead_of(const shi_data *d, size_t col, int x, int z, int y0, int y1,
                          shi_pair_lead *out, shi_err *err)
{
    shi_power_ratios rs = {0};
    memset(out, 0, sizeof *out);
    out->ratio = (double)NAN;
    shi_status s = shi_power_ratio_series(&d->caps, col, x, z, y0, y1, 0.8, 1.2, &rs, err);
    if (s != SHI_OK || rs.n == 0) {
        shi_power_ratios_free(&rs);
        return s;
    }
    double r = rs.v[rs.n - 1].ratio;
    out->last = rs.v[rs.n - 1].year;
    out->first_any = rs.v[0].year;
    out->ahead = r >= 1 ? x : z;
    out->ratio = r >= 1 ? (r > 0 ? 1 / r : (double)NAN) : r;
    for (size_t i = 1; i < rs.n; i++) {
        int was = rs.v[i - 1].ratio >= 1, now = rs.v[i].ratio >= 1;
        if (was != now && now == (r >= 1)) {
            out->since = rs.v[i].year;
            out->first = out->first ? out->first : rs.v[i].year;
        }
    }
    shi_power_ratios_free(&rs);
    return SHI_OK;
}

/* The configuration under one measure: majors each year, the triangle's
 * shares of all states, and who leads in each pair of the triangle. */
static shi_status one_measure(shi_pair_analysis *pa, const shi_data *d, const shi_power_measure *m,
                              size_t col, shi_pair_measure *pm, shi_err *err)
{
    const int who[3] = {pa->a, pa->b, pa->third};
    const int pairs[3][2] = {{0, 1}, {0, 2}, {1, 2}};
    pm->name = m->name;
    pm->label = m->label;
    pm->unit = m->unit;
    if (!(pm->majors = calloc(pa->n ? pa->n : 1, sizeof *pm->majors))) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    shi_status s = SHI_OK;
    for (int y = pa->y0; y <= pa->y1 && s == SHI_OK; y++) {
        s = shi_power_year_compute(&d->caps, col, &d->states, y, SHI_SCOPE_MAJORS, NULL,
                                   &pm->majors[y - pa->y0], err);
    }
    for (int k = 0; k < 3 && s == SHI_OK; k++) {
        if (!(pm->share[k] = nan_array(pa->n))) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        for (int y = pa->y0; y <= pa->y1; y++) {
            pm->share[k][y - pa->y0] =
                shi_power_share(&d->caps, col, &d->states, who[k], y, SHI_SCOPE_ALL);
        }
    }
    for (int q = 0; q < 3 && s == SHI_OK; q++) {
        s = lead_of(d, col, who[pairs[q][0]], who[pairs[q][1]], pa->y0, pa->y1, &pm->lead[q], err);
    }
    return s;
}

/* The measures side by side (those the data view has), and where they disagree. */
static shi_status measures(shi_pair_analysis *pa, const shi_data *d, shi_err *err)
{
    static const char *const names[SHI_PAIR_NMEASURE] = {"cinc", "gdp", "gdp_ppp", "beckley",
                                                         "milex"};
    shi_status s = SHI_OK;
    for (int k = 0; k < SHI_PAIR_NMEASURE && s == SHI_OK; k++) {
        size_t col;
        shi_err e = {0};
        const shi_power_measure *m = shi_power_measure_find(names[k]);
        if (!m || shi_power_measure_col(d, names[k], &col, &e) != SHI_OK) {
            continue; /* not in this data view (no SHI_DATA_ECON) */
        }
        s = one_measure(pa, d, m, col, &pa->measures[pa->nmeasures++], err);
    }
    for (int q = 0; q < 3 && s == SHI_OK; q++) {
        int ahead = 0;
        for (size_t k = 0; k < pa->nmeasures; k++) {
            int a = pa->measures[k].lead[q].ahead;
            pa->disagree[q] |= a && ahead && a != ahead;
            ahead = a ? a : ahead;
        }
    }
    return s;
}

/* 2. Threat both ways, and from the third state, with the components of the first two. */
static shi_status threat(shi_pair_analysis *pa, const shi_data *d, const shi_threat_model *m,
                         shi_err *err)
{
    size_t n = pa->n;
    for (int k = 0; k < 4; k++) {
        if (!(pa->threat[k] = nan_array(n)) ||
            !(pa->threat_partial[k] = calloc(n ? n : 1, sizeof *pa->threat_partial[k]))) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
    }
    for (int k = 0; k < 2; k++) {
        if (!(pa->threat_comp[k] = nan_array(SHI_T_N * n))) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
    }
    shi_threat_ctx *ctx = NULL;
    shi_status s = shi_threat_ctx_new(&ctx, d, err);
    const int pairs[4][2] = {
        {pa->a, pa->b}, {pa->b, pa->a}, {pa->a, pa->third}, {pa->b, pa->third}};
    for (int y = pa->y0; y <= pa->y1 && s == SHI_OK; y++) {
        size_t t = (size_t)(y - pa->y0);
        for (int k = 0; k < 4 && s == SHI_OK; k++) {
            shi_threat th;
            s = shi_threat_compute(ctx, m, pairs[k][0], pairs[k][1], y, &th, err);
            pa->threat[k][t] = th.total;
            pa->threat_partial[k][t] = th.partial;
            if (k < 2 && !th.partial && !isnan(th.total)) {
                pa->threat_full_y1[k] = y;
            }
            for (int q = 0; k < 2 && q < SHI_T_N; q++) {
                pa->threat_comp[k][(size_t)q * n + t] = th.comp[q];
            }
        }
    }
    shi_threat_ctx_free(ctx);
    return s;
}

/* 5. Drivers over the years with trade data: the identified test with its
 * defaults. A test the data cannot support is recorded (status and message),
 * not an error of the analysis. */
static shi_status drivers(shi_pair_analysis *pa, const shi_data *d, const shi_threat_model *m,
                          const char *power, shi_err *err)
{
    pa->drivers_y0 = pa->y0;
    pa->drivers_y1 = pa->y1 < d->rel.trade_y1 ? pa->y1 : d->rel.trade_y1;
    if (pa->drivers_y1 < pa->drivers_y0) {
        pa->drivers_status = SHI_EDATA;
        snprintf(pa->drivers_msg, sizeof pa->drivers_msg,
                 "no year of %d-%d has trade data (they end in %d)", pa->y0, pa->y1,
                 d->rel.trade_y1);
        return SHI_OK;
    }
    shi_drivers_pair_opts o = shi_drivers_pair_opts_default();
    o.a = pa->a;
    o.b = pa->b;
    o.third = pa->third;
    o.y0 = pa->drivers_y0;
    o.y1 = pa->drivers_y1;
    o.model = m;
    o.spec.power = power;
    shi_err e = {0};
    shi_status s = shi_drivers_pair_run(&pa->drivers, d, &o, &e);
    if (s == SHI_EIO || s == SHI_EINTERNAL) {
        *err = e;
        return s;
    }
    pa->drivers_status = s;
    if (s != SHI_OK) {
        snprintf(pa->drivers_msg, sizeof pa->drivers_msg, "%s", e.msg);
    }
    return SHI_OK;
}

/* 6. The calibrated game per year of the report; the verdict of its last
 * year (not computable when an input of that year is missing) and the latest
 * year that is computable. */
static shi_status coop(shi_pair_analysis *pa, const shi_data *d, shi_err *err)
{
    pa->coop_y0 = pa->y0;
    pa->coop_y1 = pa->y1;
    pa->coop_n = pa->coop_y1 >= pa->coop_y0 ? (size_t)(pa->coop_y1 - pa->coop_y0 + 1) : 0;
    pa->coop_delta = nan_array(pa->coop_n);
    pa->coop_grim = nan_array(pa->coop_n);
    pa->coop_tft = nan_array(pa->coop_n);
    if (!pa->coop_delta || !pa->coop_grim || !pa->coop_tft) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (int y = pa->coop_y0; y <= pa->coop_y1; y++) {
        shi_coop_dyad cd;
        shi_err e = {0};
        size_t t = (size_t)(y - pa->coop_y0);
        shi_status s = shi_coop_dyad_calibrate(&cd, d, NULL, pa->a, pa->b, y, &e);
        if (s == SHI_OK && cd.computable) {
            pa->coop_delta[t] = cd.delta;
            pa->coop_grim[t] = cd.thr.grim;
            pa->coop_tft[t] = cd.thr.tft;
            pa->coop_last = cd;
            pa->coop_have = 1;
        }
        if (y == pa->coop_y1) {
            pa->coop_end_status = s;
            pa->coop_end = cd;
            snprintf(pa->coop_end_msg, sizeof pa->coop_end_msg, "%s", s == SHI_OK ? "" : e.msg);
        }
    }
    return SHI_OK;
}

/* 9. The out-of-sample validation of the threat model, and whether its
 * composite beats every component and baseline in the test years. A
 * validation the data cannot support is recorded, not an error. */
static shi_status validation(shi_pair_analysis *pa, const shi_data *d, const shi_threat_model *m,
                             int asked, shi_err *err)
{
    pa->validation_train_end = SHI_PAIR_TV_TRAIN_END;
    for (int o = 0; o < SHI_TV_NOUT; o++) {
        pa->validation_rival[o] = -1;
    }
    if (!asked) {
        pa->validation_status = SHI_EUSAGE;
        snprintf(pa->validation_msg, sizeof pa->validation_msg, "not computed (not asked for)");
        return SHI_OK;
    }
    shi_err e = {0};
    shi_status s =
        shi_threat_validate(d, m, SHI_PAIR_TV_TRAIN_END, SHI_PAIR_TV_HORIZON, &pa->validation, &e);
    if (s == SHI_EIO || s == SHI_EINTERNAL) {
        *err = e;
        return s;
    }
    pa->validation_status = s;
    if (s != SHI_OK) {
        snprintf(pa->validation_msg, sizeof pa->validation_msg, "%s", e.msg);
        return SHI_OK;
    }
    for (int o = 0; o < SHI_TV_NOUT; o++) {
        const shi_tv_cell *c = pa->validation.cell[o][SHI_TV_TEST];
        double best = (double)NAN;
        for (int k = 1; k < SHI_TV_NSCORE; k++) {
            if (!isnan(c[k].auc) && (isnan(best) || c[k].auc > best)) {
                best = c[k].auc;
                pa->validation_rival[o] = k;
            }
        }
        pa->validation_beats[o] =
            !isnan(c[SHI_TV_COMPOSITE].auc) && (isnan(best) || c[SHI_TV_COMPOSITE].auc > best);
    }
    return SHI_OK;
}

/* 7. The events that concern the pair in the years covered. */
static shi_status milestones(shi_pair_analysis *pa, const shi_data *d, shi_err *err)
{
    if (!d->ev_loaded) {
        return SHI_OK;
    }
    pa->ev = &d->events;
    pa->events = malloc((d->events.n ? d->events.n : 1) * sizeof *pa->events);
    if (!pa->events) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t e = 0; e < d->events.n; e++) {
        const shi_event *ev = &d->events.v[e];
        int y = ev->date / 10000;
        if (y >= pa->y0 && y <= pa->y1 && shi_event_concerns(ev, pa->a, pa->b)) {
            pa->events[pa->nevents++] = e;
        }
    }
    return SHI_OK;
}

/* The pair's spheres of influence in Central Asia. Only a range the region's
 * states cannot have (before independence) or a power inside the region is
 * "no section"; missing areas stay NaN inside the table. */
static shi_status sphere(shi_pair_analysis *pa, const shi_data *d, shi_err *err)
{
    size_t n = 0;
    const int *region = shi_sphere_region(SHI_PAIR_SPHERE_REGION, &n);
    int y0 = pa->y0 > SHI_PAIR_SPHERE_Y0 ? pa->y0 : SHI_PAIR_SPHERE_Y0;
    pa->sphere_status = SHI_EDATA;
    if (!region) {
        return shi_err_set(err, SHI_EINTERNAL, "pair analysis: no region '%s'",
                           SHI_PAIR_SPHERE_REGION);
    }
    for (size_t k = 0; k < n; k++) {
        if (region[k] == pa->a || region[k] == pa->b) {
            snprintf(pa->sphere_msg, sizeof pa->sphere_msg,
                     "one of the pair is itself a state of %s", SHI_PAIR_SPHERE_REGION);
            return SHI_OK;
        }
    }
    if (pa->y1 < y0) {
        snprintf(pa->sphere_msg, sizeof pa->sphere_msg,
                 "the years end in %d, before the %s states' first year of independence (%d)",
                 pa->y1, SHI_PAIR_SPHERE_REGION, SHI_PAIR_SPHERE_Y0);
        return SHI_OK;
    }
    shi_status s = shi_sphere_compute(&pa->sphere, d, pa->a, pa->b, region, n, y0, pa->y1, err);
    if (s == SHI_OK) {
        pa->sphere_status = SHI_OK;
    }
    return s;
}

/* 10. The pair's futures from the last origin in or before y1. Too little
 * history, or no origin at all, is "no section", not an error of the
 * analysis. */
static shi_status futures(shi_pair_analysis *pa, const shi_data *d, shi_err *err)
{
    shi_scen_opts o = shi_scen_opts_default();
    o.paths = SHI_PAIR_FUTURES_PATHS;
    o.draws = SHI_PAIR_FUTURES_DRAWS;
    shi_err e2 = {0};
    shi_status s = shi_futures_compute_before(d, pa->a, pa->b, &o, pa->y1, &pa->futures, &e2);
    pa->futures_status = s;
    if (s == SHI_EUSAGE || s == SHI_EDATA) {
        pa->futures_status = SHI_EDATA;
        snprintf(pa->futures_msg, sizeof pa->futures_msg, "%s", e2.msg);
        return SHI_OK;
    }
    return s == SHI_OK ? SHI_OK : shi_err_set(err, s, "%s", e2.msg);
}

/* Russia's crude by destination (CREA) and the EI cross-check, for the pair
 * Russia-China (docs/energy.md); nothing for any other pair. */
static void energy(shi_pair_analysis *pa, const shi_data *d)
{
    int lo = pa->a < pa->b ? pa->a : pa->b, hi = pa->a < pa->b ? pa->b : pa->a;
    pa->en_pair = d->en_loaded && lo == 365 && hi == 710;
    if (!pa->en_pair) {
        return;
    }
    for (int y = SHI_PAIR_EN_Y0; y <= SHI_PAIR_EN_Y1; y++) {
        shi_energy_dest_compute(&d->en, SHI_ENC_OIL, y, &pa->en_dest[y - SHI_PAIR_EN_Y0]);
    }
    pa->en_ei_crude = shi_energy_ei_flow(&d->en, 365, 710, SHI_EIC_CRUDE, 2022);
    pa->en_customs_crude =
        shi_energy_flow(&d->en, 710, 365, SHI_ENG_CRUDE, 2022, &pa->en_customs_months);
}

shi_status shi_pair_analyze(shi_pair_analysis *pa, const shi_data *d, const shi_pair_opts *o,
                            shi_err *err)
{
    memset(pa, 0, sizeof *pa);
    if (o->y1 < o->y0) {
        return shi_err_set(err, SHI_EUSAGE, "pair analysis: the years %d-%d run backwards", o->y0,
                           o->y1);
    }
    shi_threat_model def = shi_threat_model_default();
    const shi_threat_model *m = o->model ? o->model : &def;
    pa->a = o->a;
    pa->b = o->b;
    pa->y0 = o->y0;
    pa->y1 = o->y1;
    pa->n = (size_t)(o->y1 - o->y0 + 1);
    pa->third = o->third ? o->third : shi_most_capable_other(&d->caps, d->cinc, o->a, o->b, o->y1);
    pa->relations = d->dy_loaded && d->rel_loaded;
    shi_status s = power(pa, d, err);
    if (s == SHI_OK) {
        s = measures(pa, d, err);
    }
    if (s == SHI_OK && pa->relations) {
        s = threat(pa, d, m, err);
    }
    if (s == SHI_OK && pa->relations) {
        s = shi_align_compute(&pa->align, d, o->model, pa->a, pa->b, pa->y0, pa->y1, 5, err);
        pa->indicators = shi_align_indicators();
        for (int k = 0; s == SHI_OK && k < SHI_AL_N; k++) {
            shi_align_indicator_span(&pa->align, k, &pa->indicator_y[k][0], &pa->indicator_y[k][1]);
        }
        if (s == SHI_OK) {
            s = shi_align_assess(&pa->align, d, o->model, err);
        }
    }
    if (s == SHI_OK) {
        energy(pa, d);
    }
    if (s == SHI_OK && pa->relations) {
        s = drivers(pa, d, o->model, o->power, err);
    }
    if (s == SHI_OK && pa->relations) {
        s = coop(pa, d, err);
    }
    if (s == SHI_OK && pa->relations) {
        s = shi_formation_pair_path(d, SHI_FORM_DEFENCE, pa->a, pa->b, pa->y0, pa->y1,
                                    &pa->formation, err);
    }
    if (s == SHI_OK && pa->relations) {
        s = sphere(pa, d, err);
    }
    if (s == SHI_OK && pa->relations) {
        s = futures(pa, d, err);
    }
    if (s == SHI_OK) {
        s = milestones(pa, d, err);
    }
    if (s == SHI_OK) {
        s = validation(pa, d, m, o->validate, err);
    }
    if (s != SHI_OK) {
        shi_pair_free(pa);
    }
    return s;
}
