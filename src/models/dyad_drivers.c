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

static const char *const OUTCOMES[] = {"ideal", "sim", "index"};

shi_status shi_outcome_parse(const char *name, shi_outcome *out, shi_err *err)
{
    for (int k = 0; k < 3; k++) {
        if (strcmp(name, OUTCOMES[k]) == 0) {
            *out = (shi_outcome)k;
            return SHI_OK;
        }
    }
    return shi_err_set(err, SHI_EUSAGE,
                       "unknown outcome '%s'; valid outcomes are ideal, sim, index", name);
}

const char *shi_outcome_name(shi_outcome o)
{
    return (unsigned)o < 3 ? OUTCOMES[o] : "?";
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
    if (y1 < y0) {
        return shi_err_set(err, SHI_EUSAGE, "drivers: the year range %d-%d runs backwards", y0, y1);
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
        double dist = al.value[SHI_AL_UN_DIST][at], sim = al.value[SHI_AL_S][at];
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
        if (in->rel) {
            double ab = shi_rel_arms(in->rel, a, b, y, y), ba = shi_rel_arms(in->rel, b, a, y, y);
            double ia_ = shi_rel_arms_imports(in->rel, a, y, y);
            double ib_ = shi_rel_arms_imports(in->rel, b, y, y);
            X[D_ARMS * n + t] = ia_ + ib_ > 0 ? (ab + ba) / (ia_ + ib_) : (double)NAN;
        } else {
            X[D_ARMS * n + t] = (double)NAN;
        }
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
        const double *col = raw + (size_t)d * n;
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
            add_note(s->dropped, sizeof s->dropped, names[d],
                     "missing in more than a quarter of the years");
            continue;
        }
        if (!(hi > lo)) {
            add_note(s->dropped, sizeof s->dropped, names[d], "no variation");
            continue;
        }
        memcpy(s->X + s->k * n, col, n * sizeof *col);
        s->block[s->k] = blocks[d];
        snprintf(s->name[s->k], sizeof s->name[0], "%s", names[d]);
        s->k++;
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
