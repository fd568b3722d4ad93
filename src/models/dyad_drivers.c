/*
 * dyad_drivers.c - assemble the alignment series and the drivers of a pair
 * (include/shi/dyad_drivers.h) from the measures.
 */
#include <shi/align.h>
#include <shi/dyad_drivers.h>
#include <shi/power.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const OUTCOMES[] = {"ideal", "sim", "index", "arms", "align"};

shi_status shi_outcome_parse(const char *name, shi_outcome *out, shi_err *err)
{
    for (int k = 0; k < 5; k++) {
        if (strcmp(name, OUTCOMES[k]) == 0) {
            *out = (shi_outcome)k;
            return SHI_OK;
        }
    }
    return shi_err_set(err, SHI_EUSAGE,
                       "unknown outcome '%s'; valid outcomes are ideal, sim, arms, align "
                       "(and index, the legacy composite)",
                       name);
}

const char *shi_outcome_name(shi_outcome o)
{
    return (unsigned)o < 5 ? OUTCOMES[o] : "?";
}

void shi_dyad_series_destroy(shi_dyad_series *s)
{
    if (s) {
        free(s->y);
        free(s->X);
        memset(s, 0, sizeof *s);
    }
}

int shi_most_capable_other(const shi_panel *caps, size_t cinc, int a, int b, int year)
{
    const size_t *rows;
    size_t n;
    shi_panel_year(caps, year, &rows, &n);
    int best = 0;
    double bv = -1;
    for (size_t i = 0; i < n; i++) {
        int cc = caps->unit[rows[i]];
        if (cc != a && cc != b && shi_panel_ok(caps, cinc, rows[i]) &&
            shi_panel_get(caps, cinc, rows[i]) > bv) {
            bv = shi_panel_get(caps, cinc, rows[i]);
            best = cc;
        }
    }
    return best;
}

static double mean2(double x, double y)
{
    return (x + y) / 2; /* NaN when either is */
}

static long state_index(const shi_states *s, int cc)
{
    for (size_t i = 0; i < s->n; i++) {
        if (s->v[i].ccode == cc) {
            return (long)i;
        }
    }
    return -1;
}

/* Standardise v over its finite values (in place); all NaN if no variation. */
static void standardise(double *v, size_t n)
{
    double m = 0, s2 = 0;
    size_t k = 0;
    for (size_t t = 0; t < n; t++) {
        if (!isnan(v[t])) {
            m += v[t];
            k++;
        }
    }
    if (k < 2) {
        return;
    }
    m /= (double)k;
    for (size_t t = 0; t < n; t++) {
        if (!isnan(v[t])) {
            s2 += (v[t] - m) * (v[t] - m);
        }
    }
    double sd = sqrt(s2 / (double)(k - 1));
    for (size_t t = 0; t < n; t++) {
        v[t] = sd > 0 ? (v[t] - m) / sd : (double)NAN;
    }
}

static void add_note(char *buf, size_t size, const char *name, const char *why)
{
    size_t len = strlen(buf);
    snprintf(buf + len, size - len, "%s%s (%s)", len ? ", " : "", name, why);
}

/* The share of the two states' combined arms imports in `y` that they supply
 * each other (SIPRI TIV); defined whenever either imports. */
static double arms_share(const shi_relations *rel, int a, int b, int y)
{
    if (!rel) {
        return (double)NAN;
    }
    double ab = shi_rel_arms(rel, a, b, y, y), ba = shi_rel_arms(rel, b, a, y, y);
    double ia = shi_rel_arms_imports(rel, a, y, y), ib = shi_rel_arms_imports(rel, b, y, y);
    return ia + ib > 0 ? (ab + ba) / (ia + ib) : (double)NAN;
}

/* Append column `col` (n values) to s as driver `name` of `block` when it
 * varies and is known in at least three quarters of the years; otherwise
 * name it in s->dropped. */
static void keep_column(shi_dyad_series *s, const double *col, const char *name, int block, int id)
{
    const size_t n = s->n;
    size_t known = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t t = 0; t < n; t++) {
        if (!isnan(col[t])) {
            known++;
            lo = col[t] < lo ? col[t] : lo;
            hi = col[t] > hi ? col[t] : hi;
        }
    }
    if (4 * known < 3 * n) {
        add_note(s->dropped, sizeof s->dropped, name,
                 "missing in more than a quarter of the years");
        return;
    }
    if (!(hi > lo)) {
        add_note(s->dropped, sizeof s->dropped, name, "no variation");
        return;
    }
    memcpy(s->X + s->k * n, col, n * sizeof *col);
    s->block[s->k] = block;
    s->id[s->k] = id;
    snprintf(s->name[s->k], sizeof s->name[0], "%s", name);
    s->k++;
}

shi_status shi_dyad_series_build(shi_dyad_series *s, const shi_data *data,
                                 const shi_threat_model *model, int a, int b, int third, int y0,
                                 int y1, shi_outcome outcome, shi_err *err)
{
    /* The parts of the data view the series read. */
    const struct {
        const shi_states *states;
        const shi_panel *caps;
        size_t cinc;
        const shi_dyadic *dy;
        const shi_relations *rel;
        const shi_events *events;
        const shi_threat_model *model;
    } view = {&data->states,
              &data->caps,
              data->cinc,
              &data->dy,
              data->rel_loaded ? &data->rel : NULL,
              data->ev_loaded ? &data->events : NULL,
              model},
      *in = &view;
    memset(s, 0, sizeof *s);
    s->spec = -1;
    if (y1 < y0) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: the year range %d-%d runs backwards", y0, y1);
    }
    if (outcome == SHI_OUTCOME_ARMS || outcome == SHI_OUTCOME_ALIGN) {
        return shi_err_set(err, SHI_EUSAGE,
                           "drivers: outcome '%s' needs a specification (shi_dyad_spec_build)",
                           shi_outcome_name(outcome));
    }
    s->a = a;
    s->b = b;
    s->third = third;
    s->y0 = y0;
    s->y1 = y1;
    size_t n = (size_t)(y1 - y0 + 1);
    s->n = n;
    /* The alignment scorecard gives most of what is needed, year by year. */
    shi_align al;
    shi_status st = shi_align_compute(&al, data, model, a, b, y0, y1, 3, err);
    if (st != SHI_OK) {
        return st;
    }
    enum {
        D_THREAT,
        D_SHARE,
        D_CON,
        D_UNTHIRD,
        D_EXTEV,
        D_TRADE,
        D_ASYM,
        D_ARMS,
        D_DISP,
        D_AGREE,
        D_EVENTS,
        D_N
    };
    static const char *const names[D_N] = {"common_threat", "third_share",   "concentration",
                                           "un_dist_third", "ext_events",    "trade_dep",
                                           "trade_asym",    "arms_share",    "disputes",
                                           "agreements",    "events_balance"};
    static const int blocks[D_N] = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    double *raw = malloc(D_N * n * sizeof *raw);
    s->y = malloc(n * sizeof *s->y);
    s->X = malloc(D_N * n * sizeof *s->X);
    shi_threat_ctx *ctx = NULL;
    shi_threat_model def = shi_threat_model_default();
    if (!raw || !s->y || !s->X) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    if ((st = shi_threat_ctx_new(&ctx, data, err)) != SHI_OK) {
        goto cleanup;
    }
    long ia = state_index(in->states, a), ib = state_index(in->states, b);
    long ic = state_index(in->states, third);
    const shi_dyadic *dy = in->dy;
    double idx[3][512];
    for (size_t t = 0; t < n; t++) {
        int y = y0 + (int)t;
        size_t at = (size_t)(y - al.ys);
        double *X = raw;
        /* Outcome. */
        double dist = al.value[SHI_AL_UN_DIST][at], sim = al.sim[SHI_ALSIM_S_WT][at];
        s->y[t] = outcome == SHI_OUTCOME_IDEAL ? -dist : sim;
        if (t < 512) {
            idx[0][t] = -dist;
            idx[1][t] = sim;
            idx[2][t] = al.value[SHI_AL_ALLIANCE][at];
        }
        /* External. */
        shi_threat tac, tbc;
        const shi_threat_model *m = in->model ? in->model : &def;
        if ((st = shi_threat_compute(ctx, m, a, third, y, &tac, err)) != SHI_OK ||
            (st = shi_threat_compute(ctx, m, b, third, y, &tbc, err)) != SHI_OK) {
            goto cleanup;
        }
        X[D_THREAT * n + t] = mean2(tac.total, tbc.total);
        X[D_SHARE * n + t] =
            shi_power_share(in->caps, in->cinc, in->states, third, y, SHI_SCOPE_ALL);
        shi_power_year py;
        if ((st = shi_power_year_compute(in->caps, in->cinc, in->states, y, SHI_SCOPE_MAJORS, NULL,
                                         &py, err)) != SHI_OK) {
            goto cleanup;
        }
        X[D_CON * n + t] = py.con;
        X[D_UNTHIRD * n + t] = (double)NAN;
        if (dy && ia >= 0 && ib >= 0 && ic >= 0 && y >= dy->y0 && y <= dy->y1) {
            double ua = dy->ideal[shi_dy_one(dy, y, (size_t)ia)];
            double ub = dy->ideal[shi_dy_one(dy, y, (size_t)ib)];
            double uc = dy->ideal[shi_dy_one(dy, y, (size_t)ic)];
            X[D_UNTHIRD * n + t] = mean2(fabs(ua - uc), fabs(ub - uc));
        }
        double ext = 0, agree = 0;
        for (size_t e = 0; in->events && e < in->events->n; e++) {
            const shi_event *ev = &in->events->v[e];
            int ey = ev->date / 10000;
            if (!shi_event_concerns(ev, a, b)) {
                continue;
            }
            if (ev->kind == SHI_EV_BILATERAL) {
                agree += ey <= y;
            } else {
                ext += ey == y;
            }
        }
        X[D_EXTEV * n + t] = ext;
        /* Bilateral. */
        X[D_TRADE * n + t] = mean2(al.value[SHI_AL_TRADE_A][at], al.value[SHI_AL_TRADE_B][at]);
        X[D_ASYM * n + t] = fabs(al.value[SHI_AL_TRADE_A][at] - al.value[SHI_AL_TRADE_B][at]);
        /* Arms: the share of the two states' combined arms imports that they
         * supply each other (defined whenever either imports). */
        X[D_ARMS * n + t] = arms_share(in->rel, a, b, y);
        X[D_DISP * n + t] = al.value[SHI_AL_DISPUTE][at];
        X[D_AGREE * n + t] = agree;
        X[D_EVENTS * n + t] = al.value[SHI_AL_EVENTS][at];
    }
    if (outcome == SHI_OUTCOME_INDEX) {
        size_t m = n < 512 ? n : 512;
        for (int q = 0; q < 3; q++) {
            standardise(idx[q], m);
        }
        for (size_t t = 0; t < m; t++) {
            double sum = 0;
            int k = 0;
            for (int q = 0; q < 3; q++) {
                if (!isnan(idx[q][t])) {
                    sum += idx[q][t];
                    k++;
                }
            }
            s->y[t] = k ? sum / k : (double)NAN;
        }
    }
    /* Keep drivers that vary and are known in at least three quarters of the years. */
    for (int d = 0; d < D_N; d++) {
        keep_column(s, raw + (size_t)d * n, names[d], blocks[d], -1);
    }
cleanup:
    free(raw);
    shi_threat_ctx_free(ctx);
    shi_align_destroy(&al);
    if (st != SHI_OK) {
        shi_dyad_series_destroy(s);
    }
    return st;
}

shi_status shi_dyad_drivers_fit(shi_dyad_series *ser, shi_drivers_result *res, const shi_data *d,
                                int a, int b, int third, int y0, int y1, shi_outcome outcome,
                                const shi_drivers_opts *opt, shi_err *err)
{
    shi_status s = shi_dyad_series_build(ser, d, NULL, a, b, third, y0, y1, outcome, err);
    if (s != SHI_OK) {
        return s;
    }
    if (ser->k == 0) {
        s = shi_err_set(err, SHI_EDATA,
                        "drivers: no driver varies over %d-%d for this pair (dropped: %s)", y0, y1,
                        ser->dropped);
    } else {
        const char *names[SHI_DD_MAX];
        for (size_t j = 0; j < ser->k; j++) {
            names[j] = ser->name[j];
        }
        shi_drivers_input di = {ser->n, ser->k, ser->y, ser->X, ser->block, names};
        s = shi_drivers_fit(&di, opt, res, err);
    }
    if (s != SHI_OK) {
        shi_dyad_series_destroy(ser);
    }
    return s;
}

/* ---- pre-declared specifications ------------------------------------------------ */

/* Each specification's drivers, two per block at most, external first; -1 ends. */
static const int SPEC_DRIVERS[SHI_SPEC_N][4] = {
    {SHI_DRV_THREAT_CAP, SHI_DRV_THIRD_PREP, SHI_DRV_TRADE_DEP, SHI_DRV_ARMS_SHARE},
    {SHI_DRV_THREAT_CAP, SHI_DRV_EXT_PULSE, SHI_DRV_TRADE_DEP, SHI_DRV_BIL_PULSE}};

static const char *const DRV_NAMES[SHI_DRV_N] = {"threat_cap", "third_prep", "ext_events",
                                                 "trade_dep",  "arms_share", "bil_events"};
static const int DRV_BLOCK[SHI_DRV_N] = {0, 0, 0, 1, 1, 1};

shi_status shi_drivers_spec_parse(const char *name, int *spec, shi_err *err)
{
    for (int k = 0; k < SHI_SPEC_N; k++) {
        size_t base = strcspn(shi_drivers_spec_name(k), "-");
        if (strcmp(name, shi_drivers_spec_name(k)) == 0 ||
            (strlen(name) == base && strncmp(name, shi_drivers_spec_name(k), base) == 0)) {
            *spec = k;
            return SHI_OK;
        }
    }
    return shi_err_set(err, SHI_EUSAGE,
                       "unknown specification '%s'; valid specifications are study (study-v1) "
                       "and events (events-v1)",
                       name);
}

shi_spec_opts shi_spec_opts_default(void)
{
    shi_spec_opts o;
    memset(&o, 0, sizeof o);
    o.spec = SHI_SPEC_STUDY;
    o.outcome = SHI_OUTCOME_IDEAL;
    o.half_life = 2.0;
    return o;
}

static double cinc_of(const shi_data *d, int cc, int y)
{
    long r = shi_panel_row(&d->caps, cc, y);
    return r >= 0 && shi_panel_ok(&d->caps, d->cinc, (size_t)r)
               ? shi_panel_get(&d->caps, d->cinc, (size_t)r)
               : (double)NAN;
}

/* Walt's (1987) first three criteria only - aggregate strength, proximity,
 * offensive capability - with the model's weights and form. The fourth,
 * intentions, is built from UN ideal points and alliances, the measurements
 * of the ideal and sim outcomes, so it is left out (no mechanical overlap). */
static double capability_threat(const shi_threat_model *m, const shi_threat *t)
{
    /* The capability part A of the interactive model (the weighted mean of
     * the three), whatever form the model combines the four with. */
    shi_threat_model mc = *m;
    mc.form = SHI_THREAT_ARITHMETIC;
    mc.weight[SHI_T_INTENTIONS] = 0.0;
    double comp[SHI_T_N];
    memcpy(comp, t->comp, sizeof comp);
    comp[SHI_T_INTENTIONS] = (double)NAN;
    return shi_threat_combine(&mc, comp);
}

/* Events of `block` concerning (a, b) as pulses decaying with half-life h:
 * x_t = sum over events of year e <= t of 2^(-(t - e) / h). Both blocks are
 * coded the same way (issue 12: bilateral events used to be cumulative counts
 * and external ones one-year pulses). With move_contested, a contested event
 * counts in the other block. */
static void pulses(const shi_data *d, const shi_spec_opts *o, int a, int b, int block, int y0,
                   size_t n, double *col)
{
    for (size_t t = 0; t < n; t++) {
        col[t] = d->ev_loaded ? 0.0 : (double)NAN;
    }
    for (size_t e = 0; d->ev_loaded && e < d->events.n; e++) {
        const shi_event *ev = &d->events.v[e];
        if (ev->block == SHI_EVB_NONE || !shi_event_concerns(ev, a, b)) {
            continue;
        }
        int eb = ev->block == SHI_EVB_EXTERNAL ? 0 : 1;
        if (o->move_contested && ev->contested) {
            eb = 1 - eb;
        }
        if (eb != block) {
            continue;
        }
        int ey = ev->date / 10000;
        for (size_t t = 0; t < n; t++) {
            int y = y0 + (int)t;
            if (ey <= y) {
                col[t] += pow(2.0, -(double)(y - ey) / o->half_life);
            }
        }
    }
}

/* Driver `id` of (a, b) with third state c, years y0 .. y0 + n - 1, into col.
 * `al` (the pair's scorecard from y0) serves the bilateral drivers. */
static shi_status driver_column(int id, const shi_data *d, const shi_threat_ctx *ctx,
                                const shi_threat_model *m, const shi_spec_opts *o,
                                const shi_align *al, int a, int b, int c, int y0, size_t n,
                                double *col, shi_err *err)
{
    if (id == SHI_DRV_EXT_PULSE || id == SHI_DRV_BIL_PULSE) {
        pulses(d, o, a, b, id == SHI_DRV_EXT_PULSE ? 0 : 1, y0, n, col);
        return SHI_OK;
    }
    /* Another power measure than CINC for third_prep: shares of its column. */
    size_t pcol = d->cinc;
    int other = id == SHI_DRV_THIRD_PREP && o->power && strcmp(o->power, "cinc") != 0;
    if (other) {
        shi_status st = shi_power_measure_col(d, o->power, &pcol, err);
        if (st != SHI_OK) {
            return st;
        }
    }
    for (size_t t = 0; t < n; t++) {
        int y = y0 + (int)t;
        size_t at = al ? (size_t)(y - al->ys) : 0;
        switch (id) {
        case SHI_DRV_THREAT_CAP: {
            shi_threat tac, tbc;
            shi_status st;
            if ((st = shi_threat_compute(ctx, m, a, c, y, &tac, err)) != SHI_OK ||
                (st = shi_threat_compute(ctx, m, b, c, y, &tbc, err)) != SHI_OK) {
                return st;
            }
            col[t] = mean2(capability_threat(m, &tac), capability_threat(m, &tbc));
            break;
        }
        case SHI_DRV_THIRD_PREP: {
            /* C's share of the capabilities of the states other than A and B
             * (Waltz 1979: the distribution of capabilities), so the pair's own
             * growth does not enter its "external" driver mechanically. */
            double ca = cinc_of(d, a, y), cb = cinc_of(d, b, y), cc = cinc_of(d, c, y);
            if (other) {
                ca = shi_power_share(&d->caps, pcol, &d->states, a, y, SHI_SCOPE_ALL);
                cb = shi_power_share(&d->caps, pcol, &d->states, b, y, SHI_SCOPE_ALL);
                cc = shi_power_share(&d->caps, pcol, &d->states, c, y, SHI_SCOPE_ALL);
            }
            col[t] = 1.0 - ca - cb > 0.0 ? cc / (1.0 - ca - cb) : (double)NAN;
            break;
        }
        case SHI_DRV_TRADE_DEP:
            col[t] = mean2(al->value[SHI_AL_TRADE_A][at], al->value[SHI_AL_TRADE_B][at]);
            break;
        case SHI_DRV_ARMS_SHARE:
            col[t] = arms_share(d->rel_loaded ? &d->rel : NULL, a, b, y);
            break;
        default:
            col[t] = (double)NAN;
        }
    }
    return SHI_OK;
}

/* Does driver `id` share a measurement with the outcome? */
static int overlaps(int id, shi_outcome outcome)
{
    return id == SHI_DRV_ARMS_SHARE &&
           (outcome == SHI_OUTCOME_ARMS || outcome == SHI_OUTCOME_ALIGN);
}

static shi_status spec_outcome(shi_dyad_series *s, const shi_data *d, const shi_align *al,
                               shi_outcome outcome, double *work)
{
    const size_t n = s->n;
    double *un = work, *sim = work + n, *arms = work + 2 * n;
    for (size_t t = 0; t < n; t++) {
        int y = s->y0 + (int)t;
        size_t at = (size_t)(y - al->ys);
        un[t] = -al->value[SHI_AL_UN_DIST][at];
        sim[t] = al->sim[SHI_ALSIM_S_WT][at]; /* capability-weighted S, as before */
        arms[t] = arms_share(d->rel_loaded ? &d->rel : NULL, s->a, s->b, y);
    }
    const double *pick = outcome == SHI_OUTCOME_IDEAL ? un
                         : outcome == SHI_OUTCOME_SIM ? sim
                                                      : arms;
    if (outcome != SHI_OUTCOME_ALIGN) {
        memcpy(s->y, pick, n * sizeof *pick);
        return SHI_OK;
    }
    standardise(un, n);
    standardise(sim, n);
    standardise(arms, n);
    for (size_t t = 0; t < n; t++) {
        double sum = 0.0;
        int k = 0;
        for (int q = 0; q < 3; q++) {
            double v = work[(size_t)q * n + t];
            if (!isnan(v)) {
                sum += v;
                k++;
            }
        }
        s->y[t] = k ? sum / k : (double)NAN;
    }
    return SHI_OK;
}

shi_status shi_dyad_spec_build(shi_dyad_series *s, const shi_data *d, const shi_threat_ctx *ctx_in,
                               const shi_threat_model *m, int a, int b, int third, int y0, int y1,
                               const shi_spec_opts *o, shi_err *err)
{
    memset(s, 0, sizeof *s);
    if (o->spec < 0 || o->spec >= SHI_SPEC_N) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: unknown specification %d", o->spec);
    }
    if (o->outcome == SHI_OUTCOME_INDEX || (unsigned)o->outcome > SHI_OUTCOME_ALIGN) {
        return shi_err_set(err, SHI_EUSAGE,
                           "drivers: specification '%s' takes the outcomes ideal, sim, arms or "
                           "align",
                           shi_drivers_spec_name(o->spec));
    }
    if (!(o->half_life > 0.0)) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: the events' half-life must be > 0, got %g",
                           o->half_life);
    }
    if (y1 < y0) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: the year range %d-%d runs backwards", y0, y1);
    }
    shi_threat_model def = shi_threat_model_default();
    const shi_threat_model *tm = m ? m : &def;
    const size_t n = (size_t)(y1 - y0 + 1);
    s->spec = o->spec;
    s->a = a;
    s->b = b;
    s->third = third;
    s->y0 = y0;
    s->y1 = y1;
    s->n = n;
    shi_align al;
    shi_status st = shi_align_compute(&al, d, m, a, b, y0, y1, 3, err);
    if (st != SHI_OK) {
        return st;
    }
    shi_threat_ctx *ctx = NULL;
    double *work = malloc(3 * n * sizeof *work);
    s->y = malloc(n * sizeof *s->y);
    s->X = malloc(4 * n * sizeof *s->X);
    if (!work || !s->y || !s->X) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    if ((!ctx_in && (st = shi_threat_ctx_new(&ctx, d, err)) != SHI_OK) ||
        (st = spec_outcome(s, d, &al, o->outcome, work)) != SHI_OK) {
        goto cleanup;
    }
    for (int q = 0; q < 4; q++) {
        int id = SPEC_DRIVERS[o->spec][q];
        if (overlaps(id, o->outcome)) {
            add_note(s->dropped, sizeof s->dropped, DRV_NAMES[id], "the outcome is built from it");
            continue;
        }
        if ((st = driver_column(id, d, ctx_in ? ctx_in : ctx, tm, o, &al, a, b, third, y0, n, work,
                                err)) != SHI_OK) {
            goto cleanup;
        }
        keep_column(s, work, DRV_NAMES[id], DRV_BLOCK[id], id);
    }
cleanup:
    free(work);
    shi_threat_ctx_free(ctx);
    shi_align_destroy(&al);
    if (st != SHI_OK) {
        shi_dyad_series_destroy(s);
    }
    return st;
}

shi_status shi_dyad_spec_external(const shi_dyad_series *s, const shi_data *d,
                                  const shi_threat_ctx *ctx, const shi_threat_model *m,
                                  const shi_spec_opts *o, int third, double *X, shi_err *err)
{
    if (s->spec < 0) {
        return shi_err_set(err, SHI_EUSAGE,
                           "drivers: the series was not built from a specification");
    }
    shi_threat_model def = shi_threat_model_default();
    const shi_threat_model *tm = m ? m : &def;
    size_t e = 0;
    for (size_t j = 0; j < s->k; j++) {
        if (s->block[j] != 0) {
            continue;
        }
        shi_status st = driver_column(s->id[j], d, ctx, tm, o, NULL, s->a, s->b, third, s->y0, s->n,
                                      X + e * s->n, err);
        if (st != SHI_OK) {
            return st;
        }
        e++;
    }
    return SHI_OK;
}
