/*
 * power.c - shares, concentration, polarity, trends and power transitions.
 * Formulas and sources are given in include/shi/power.h and docs/power.md.
 */
#include <shi/power.h>

#include <gsl/gsl_fit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

/* Definitions and sources of each: docs/power.md. The economic columns are
 * made by panel/data_econ.c. */
const shi_power_measure shi_power_measures[] = {
    {"cinc", "CINC", "share of the system (COW NMC)", 0, 6},
    {"gdp", "GDP", "million constant 2015 US$ (WDI; Maddison before)", SHI_DATA_ECON, 1},
    {"gdp_ppp", "GDP (PPP)", "million constant 2021 international $ (WDI; Maddison before)",
     SHI_DATA_ECON, 1},
    {"beckley", "Beckley", "GDP x GDP per capita (million US$ x US$)", SHI_DATA_ECON, 0},
    {"milex", "milex", "military expenditure, thousand current US$ (COW NMC)", 0, 0},
    {"milper", "military personnel", "thousands (COW NMC)", 0, 0},
    {"irst", "iron and steel", "thousand tons (COW NMC)", 0, 0},
    {"pec", "energy consumption", "thousand coal-ton equivalents (COW NMC)", 0, 0},
    {"tpop", "population", "thousands (COW NMC)", 0, 0},
    {"upop", "urban population", "thousands (COW NMC)", 0, 0},
    {NULL, NULL, NULL, 0, 0}};

const shi_power_measure *shi_power_measure_find(const char *name)
{
    for (const shi_power_measure *m = shi_power_measures; name && m->name; m++) {
        if (strcmp(m->name, name) == 0) {
            return m;
        }
    }
    return NULL;
}

void shi_power_measure_list(char *buf, size_t size)
{
    size_t n = 0;
    if (size) {
        buf[0] = '\0';
    }
    for (const shi_power_measure *m = shi_power_measures; m->name && n < size; m++) {
        int k = snprintf(buf + n, size - n, "%s%s", m == shi_power_measures ? "" : ", ", m->name);
        n += k > 0 ? (size_t)k : 0;
    }
}

shi_status shi_power_measure_col(const shi_data *d, const char *name, size_t *col, shi_err *err)
{
    const shi_power_measure *m = shi_power_measure_find(name);
    if (!m) {
        char list[256];
        shi_power_measure_list(list, sizeof list);
        return shi_err_set(err, SHI_EUSAGE, "unknown power measure '%s'; valid are %s",
                           name ? name : "", list);
    }
    if (strcmp(m->name, "cinc") == 0) {
        *col = d->cinc;
        return SHI_OK;
    }
    long c = shi_panel_find(&d->caps, m->name);
    if (c < 0) {
        return shi_err_set(err, SHI_EDATA,
                           "power measure '%s' needs the %s data, which are not loaded", m->name,
                           m->parts & SHI_DATA_ECON ? "economic (SHI_DATA_ECON)" : "capability");
    }
    *col = (size_t)c;
    return SHI_OK;
}

shi_polarity_rule shi_polarity_rule_default(void)
{
    shi_polarity_rule r = {0.50, 0.60, 0.50};
    return r;
}

static int in_scope(const shi_states *s, int ccode, int year, shi_scope scope)
{
    if (scope == SHI_SCOPE_ALL) {
        return 1;
    }
    const shi_state *st = shi_states_get(s, ccode);
    return st && shi_states_major(s, st, year);
}

/* The three largest values and their owners, descending. */
static void top3(double v, int who, double *best, int *owner)
{
    for (int k = 0; k < 3; k++) {
        if (v > best[k]) {
            for (int j = 2; j > k; j--) {
                best[j] = best[j - 1];
                owner[j] = owner[j - 1];
            }
            best[k] = v;
            owner[k] = who;
            return;
        }
    }
}

shi_status shi_power_year_compute(const shi_panel *p, size_t cinc, const shi_states *s, int year,
                                  shi_scope scope, const shi_polarity_rule *rule,
                                  shi_power_year *out, shi_err *err)
{
    if (cinc >= p->ncol) {
        return shi_err_set(err, SHI_EINTERNAL, "power: CINC column %zu does not exist", cinc);
    }
    shi_polarity_rule def = shi_polarity_rule_default();
    if (!rule) {
        rule = &def;
    }
    shi_power_year r = {0};
    r.year = year;
    r.scope = scope;
    r.con = r.poles = r.leader_share = r.second_share = r.lead = r.ratio = (double)NAN;
    for (int k = 0; k < 3; k++) {
        r.major_share[k] = (double)NAN;
    }
    const size_t *rows;
    size_t n;
    shi_panel_year(p, year, &rows, &n);
    double total = 0, mtotal = 0;
    double best[3] = {-1, -1, -1}, mbest[3] = {-1, -1, -1};
    int owner[3] = {0, 0, 0}, mowner[3] = {0, 0, 0};
    size_t nmaj = 0;
    for (size_t i = 0; i < n; i++) {
        size_t row = rows[i];
        if (!shi_panel_ok(p, cinc, row)) {
            continue;
        }
        double c = shi_panel_get(p, cinc, row);
        int cc = p->unit[row];
        if (in_scope(s, cc, year, scope)) {
            total += c;
            r.n++;
            top3(c, cc, best, owner);
        }
        if (in_scope(s, cc, year, SHI_SCOPE_MAJORS)) {
            mtotal += c;
            nmaj++;
            top3(c, cc, mbest, mowner);
        }
    }
    r.total = total;
    if (r.n > 0 && total > 0) {
        double sum2 = 0;
        for (size_t i = 0; i < n; i++) {
            size_t row = rows[i];
            if (shi_panel_ok(p, cinc, row) && in_scope(s, p->unit[row], year, scope)) {
                double sh = shi_panel_get(p, cinc, row) / total;
                sum2 += sh * sh;
            }
        }
        r.poles = 1.0 / sum2;
        if (r.n >= 2) {
            /* Ray & Singer (1973): CON = sqrt((sum s^2 - 1/N) / (1 - 1/N)). The
             * radicand can fall a rounding error below 0 when shares are equal. */
            double inv = 1.0 / (double)r.n;
            double rad = (sum2 - inv) / (1.0 - inv);
            r.con = sqrt(rad > 0 ? rad : 0);
        }
        r.leader = owner[0];
        r.leader_share = best[0] / total;
        if (r.n >= 2) {
            r.second = owner[1];
            r.second_share = best[1] / total;
            r.lead = r.leader_share - r.second_share;
            r.ratio = best[1] > 0 ? best[0] / best[1] : (double)NAN;
        }
    }
    if (nmaj >= 2 && mtotal > 0) {
        double sh[3];
        for (int k = 0; k < 3; k++) {
            sh[k] = mbest[k] >= 0 ? mbest[k] / mtotal : (double)NAN;
            r.major_share[k] = sh[k];
        }
        double s3 = isnan(sh[2]) ? 0 : sh[2];
        if (sh[0] >= rule->unipolar) {
            r.polarity = SHI_UNIPOLAR;
        } else if (sh[0] + sh[1] >= rule->bipolar_top2 && s3 <= rule->bipolar_gap * sh[1]) {
            r.polarity = SHI_BIPOLAR;
        } else {
            r.polarity = SHI_MULTIPOLAR;
        }
    }
    *out = r;
    return SHI_OK;
}

double shi_power_share(const shi_panel *p, size_t cinc, const shi_states *s, int ccode, int year,
                       shi_scope scope)
{
    long row = shi_panel_row(p, ccode, year);
    if (row < 0 || !shi_panel_ok(p, cinc, (size_t)row) || !in_scope(s, ccode, year, scope)) {
        return NAN;
    }
    /* CINC need not sum to exactly 1 (a state missing a component is averaged
     * over fewer shares), so shares are normalised over the scope, as in
     * shi_power_year_compute. */
    const size_t *rows;
    size_t n;
    shi_panel_year(p, year, &rows, &n);
    double total = 0;
    for (size_t i = 0; i < n; i++) {
        if (shi_panel_ok(p, cinc, rows[i]) && in_scope(s, p->unit[rows[i]], year, scope)) {
            total += shi_panel_get(p, cinc, rows[i]);
        }
    }
    return total > 0 ? shi_panel_get(p, cinc, (size_t)row) / total : (double)NAN;
}

long shi_power_rank(const shi_panel *p, size_t cinc, const shi_states *s, int ccode, int year,
                    shi_scope scope)
{
    long row = shi_panel_row(p, ccode, year);
    if (row < 0 || isnan(shi_power_share(p, cinc, s, ccode, year, scope))) {
        return 0;
    }
    const size_t *rows;
    size_t n;
    shi_panel_year(p, year, &rows, &n);
    double mine = shi_panel_get(p, cinc, (size_t)row);
    long rank = 1;
    for (size_t i = 0; i < n; i++) {
        if (shi_panel_ok(p, cinc, rows[i]) && shi_panel_get(p, cinc, rows[i]) > mine &&
            !isnan(shi_power_share(p, cinc, s, p->unit[rows[i]], year, scope))) {
            rank++;
        }
    }
    return rank;
}

double shi_power_trend(const shi_panel *p, size_t cinc, int ccode, int year, int window)
{
    if (window < 3 || window > 400) {
        return NAN;
    }
    double x[400], y[400];
    size_t n = 0;
    /* One state's rows are contiguous and sorted by year: find the last year of
     * the window, then walk back through the slice. */
    long last = -1;
    for (int t = year; t > year - window && last < 0; t--) {
        last = shi_panel_row(p, ccode, t);
    }
    for (long row = last; row >= 0 && p->unit[row] == ccode && p->year[row] > year - window;
         row--) {
        if (shi_panel_ok(p, cinc, (size_t)row)) {
            double c = shi_panel_get(p, cinc, (size_t)row);
            if (c > 0) {
                x[n] = p->year[row] - year;
                y[n] = log(c);
                n++;
            }
        }
    }
    if (n < 3) {
        return NAN;
    }
    double c0, c1, cov00, cov01, cov11, sumsq;
    if (gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &sumsq) != 0) {
        return NAN;
    }
    return expm1(c1);
}

void shi_transitions_free(shi_transitions *t)
{
    if (t) {
        free(t->v);
        memset(t, 0, sizeof *t);
    }
}

/* The ratio of `a` to `b` in `year` into *r; 0 when either lacks a value or
 * b's is not positive. */
static int ratio_at(const shi_panel *p, size_t col, int a, int b, int year, double *r)
{
    long ra = shi_panel_row(p, a, year), rb = shi_panel_row(p, b, year);
    if (ra < 0 || rb < 0 || !shi_panel_ok(p, col, (size_t)ra) ||
        !shi_panel_ok(p, col, (size_t)rb) || shi_panel_get(p, col, (size_t)rb) <= 0) {
        return 0;
    }
    *r = shi_panel_get(p, col, (size_t)ra) / shi_panel_get(p, col, (size_t)rb);
    return 1;
}

void shi_power_ratios_free(shi_power_ratios *r)
{
    if (r) {
        free(r->v);
        memset(r, 0, sizeof *r);
    }
}

shi_status shi_power_ratio_series(const shi_panel *p, size_t col, int challenger, int leader,
                                  int y0, int y1, double lo, double hi, shi_power_ratios *out,
                                  shi_err *err)
{
    out->n = 0;
    for (int y = y0; y <= y1; y++) {
        double r;
        if (!ratio_at(p, col, challenger, leader, y, &r)) {
            continue;
        }
        if (SHI_GROW(out->v, out->cap, out->n + 1) != 0) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        shi_power_ratio *x = &out->v[out->n++];
        x->year = y;
        x->ratio = r;
        x->phase = r < lo ? SHI_BELOW_PARITY : r <= hi ? SHI_AT_PARITY : SHI_ABOVE_PARITY;
    }
    return SHI_OK;
}

shi_status shi_power_transitions(const shi_panel *p, size_t cinc, int challenger, int leader,
                                 int y0, int y1, double lo, double hi, shi_transitions *out,
                                 shi_err *err)
{
    out->n = 0;
    if (!(lo > 0 && lo < 1 && hi > 1)) {
        return shi_err_set(err, SHI_EUSAGE,
                           "parity bounds must satisfy 0 < low < 1 < high, got %g and %g", lo, hi);
    }
    /* The years before the window: where the ratio stands when it opens, and
     * since when it has been at parity (so the events do not depend on y0). */
    double prev = (double)NAN;
    int since = 0;
    for (int y = p->year_min; y < y0; y++) {
        double r;
        if (ratio_at(p, cinc, challenger, leader, y, &r)) {
            int in_now = r >= lo && r <= hi, in_before = !isnan(prev) && prev >= lo && prev <= hi;
            since = in_now && !in_before ? y : since;
            prev = r;
        }
    }
    int first = 1;
    for (int y = y0; y <= y1; y++) {
        double r;
        if (!ratio_at(p, cinc, challenger, leader, y, &r)) {
            continue;
        }
        int in_now = r >= lo && r <= hi;
        int in_before = !isnan(prev) && prev >= lo && prev <= hi;
        shi_transition_kind k[3];
        int nk = 0;
        if (first && in_now && in_before) {
            k[nk++] = SHI_ALREADY_AT_PARITY;
        }
        first = 0;
        if (in_now && !in_before) {
            k[nk++] = SHI_ENTERS_PARITY;
        }
        if (!isnan(prev) && prev < 1 && r >= 1) {
            k[nk++] = SHI_OVERTAKES;
        }
        if (!isnan(prev) && prev >= 1 && r < 1) {
            k[nk++] = SHI_FALLS_BEHIND;
        }
        if (!in_now && in_before) {
            k[nk++] = SHI_LEAVES_PARITY;
        }
        for (int i = 0; i < nk; i++) {
            if (SHI_GROW(out->v, out->cap, out->n + 1) != 0) {
                return shi_err_set(err, SHI_EIO, "out of memory");
            }
            out->v[out->n].year = y;
            out->v[out->n].kind = k[i];
            out->v[out->n].ratio = r;
            out->v[out->n].since = k[i] == SHI_ALREADY_AT_PARITY ? since : 0;
            out->n++;
        }
        prev = r;
    }
    return SHI_OK;
}
