/*
 * coop_svg.c - SVG charts of the cooperation module's results (shi/coop_svg.h):
 * tournament standings, Moran fixation, replicator trajectories and the
 * delta x noise sweep. The builders only arrange results the coop library has
 * computed into shi/svg.h charts, with a title, a reading and labelled axes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <shi/coop_svg.h>

/* Most points per replicator line before thinning. */
#define MAX_POINTS 1000

static shi_status oom(shi_err *err)
{
    return shi_err_set(err, SHI_EIO, "out of memory");
}

/* Hand `c` over in *out when `s` is SHI_OK; otherwise free it. */
static shi_status finish(shi_svg_chart *c, shi_status s, shi_svg_chart **out)
{
    if (s == SHI_OK) {
        *out = c;
    } else {
        shi_svg_free(c);
    }
    return s;
}

/* ---- tournament ----------------------------------------------------------- */

shi_status shi_coop_svg_tournament(const shi_coop_tour *t, const shi_coop_player *pl,
                                   shi_svg_chart **out, shi_err *err)
{
    *out = NULL;
    if (!t || !pl || t->n == 0 || !t->order || !t->score || !t->utility || !t->rank) {
        return shi_err_set(err, SHI_EUSAGE, "coop svg: the tournament has no players");
    }
    size_t n = t->n;
    /* Scores are utilities; they differ from the payoffs only with relative gains. */
    int rel = 0;
    for (size_t i = 0; i < n; i++) {
        if (t->mean_payoff && t->score[i] != t->mean_payoff[i]) {
            rel = 1;
        }
    }
    const char *unit = rel ? "utility per turn" : "points per turn";
    shi_svg_chart *c = shi_svg_new(SHI_SVG_BARS, 0, 0);
    if (!c) {
        return oom(err);
    }
    size_t top = t->order[0], nfirst = 0;
    for (size_t i = 0; i < n; i++) {
        nfirst += t->rank[i] == 1;
    }
    char reading[512], label[160];
    if (nfirst > 1) {
        snprintf(reading, sizeof reading,
                 "%.60s and %zu other strateg%s tie for first with %.2f %s; whiskers span each "
                 "strategy's worst to best opponent.",
                 pl[top].name, nfirst - 1, nfirst == 2 ? "y" : "ies", t->score[top], unit);
    } else {
        snprintf(reading, sizeof reading,
                 "%.60s ranks first with %.2f %s; whiskers span each strategy's worst to best "
                 "opponent.",
                 pl[top].name, t->score[top], unit);
    }
    snprintf(label, sizeof label, "%s%s (whiskers: against the worst and the best opponent)", unit,
             rel ? ", relative gains" : "");
    shi_svg_axis x = {.label = label, .fmt = SHI_SVG_NUM, .digits = 2};
    x.lo = x.hi = (double)NAN;
    shi_status s = shi_svg_title(c, "Tournament standings", reading, err);
    if (s == SHI_OK) {
        s = shi_svg_set_axis(c, 'x', &x, err);
    }
    for (size_t a = 0; a < n && s == SHI_OK; a++) {
        size_t i = t->order[a];
        double lo = (double)INFINITY, hi = -(double)INFINITY;
        for (size_t j = 0; j < n; j++) {
            double u = t->utility[i * n + j];
            if (isfinite(u)) {
                lo = fmin(lo, u);
                hi = fmax(hi, u);
            }
        }
        if (!(lo <= hi)) {
            lo = hi = (double)NAN;
        }
        s = shi_svg_bar(c, pl[i].name, t->score[i], lo, hi, err);
    }
    return finish(c, s, out);
}

/* ---- Moran ------------------------------------------------------------------ */

shi_status shi_coop_svg_moran(const shi_coop_player *pl, size_t m, const shi_coop_moran_opts *o,
                              const long *init, const long *fixed, double mean_steps,
                              shi_svg_chart **out, shi_err *err)
{
    *out = NULL;
    if (!pl || !o || !init || !fixed || m == 0 || o->runs < 1 || o->pop < 1) {
        return shi_err_set(err, SHI_EUSAGE,
                           "coop svg: a Moran chart needs at least one type, one run and N >= 1");
    }
    long N = o->pop, runs = o->runs;
    size_t *ord = malloc(m * sizeof *ord);
    shi_svg_chart *c = shi_svg_new(SHI_SVG_BARS, 0, 0);
    shi_status s = SHI_OK;
    if (!ord || !c) {
        s = oom(err);
        goto done;
    }
    int equal = 1;
    for (size_t a = 0; a < m; a++) {
        equal = equal && init[a] == init[0];
    }
    /* Highest fixation first; ties keep input order. */
    for (size_t a = 0; a < m; a++) {
        size_t b = a;
        while (b > 0 && fixed[ord[b - 1]] < fixed[a]) {
            ord[b] = ord[b - 1];
            b--;
        }
        ord[b] = a;
    }
    size_t top = ord[0];
    char reading[512], steps[96] = "";
    if (isfinite(mean_steps)) {
        snprintf(steps, sizeof steps, "; the runs that fixed took %.0f steps on average",
                 mean_steps);
    }
    if (fixed[top] == 0) {
        snprintf(reading, sizeof reading,
                 "No type fixed within %ld steps in any of %ld runs (N = %ld, w = %g).",
                 o->max_steps, runs, N, o->w);
    } else {
        snprintf(reading, sizeof reading,
                 "%.60s fixed in %ld of %ld runs (%.2f); neutral drift would fix it with "
                 "probability %.2f, its initial share (1/N = %.3g for a single mutant; N = %ld, "
                 "w = %g)%s.",
                 pl[top].name, fixed[top], runs, (double)fixed[top] / (double)runs,
                 (double)init[top] / (double)N, 1.0 / (double)N, N, o->w, steps);
    }
    shi_svg_axis x = {.label = "fixation probability (share of runs)",
                      .fmt = SHI_SVG_NUM,
                      .digits = 2,
                      .lo = 0.0,
                      .hi = 1.0};
    s = shi_svg_title(c, "Moran process: which strategy takes over", reading, err);
    if (s == SHI_OK) {
        s = shi_svg_set_axis(c, 'x', &x, err);
    }
    for (size_t k = 0; k < m && s == SHI_OK; k++) {
        size_t a = ord[k];
        char label[128];
        if (equal) {
            snprintf(label, sizeof label, "%s", pl[a].name);
        } else {
            snprintf(label, sizeof label, "%.60s (neutral %.2f)", pl[a].name,
                     (double)init[a] / (double)N);
        }
        s = shi_svg_bar(c, label, (double)fixed[a] / (double)runs, (double)NAN, (double)NAN, err);
    }
    if (s == SHI_OK && fixed[m] > 0) {
        char label[96];
        snprintf(label, sizeof label, "not fixed in %ld steps", o->max_steps);
        s = shi_svg_bar(c, label, (double)fixed[m] / (double)runs, (double)NAN, (double)NAN, err);
    }
done:
    free(ord);
    if (!c) {
        return s;
    }
    return finish(c, s, out);
}

/* ---- replicator ------------------------------------------------------------- */

shi_status shi_coop_svg_replicator(const shi_coop_player *pl, size_t m, const double *traj,
                                   long gens, shi_svg_chart **out, shi_err *err)
{
    *out = NULL;
    if (!pl || !traj || m == 0 || gens < 0) {
        return shi_err_set(err, SHI_EUSAGE,
                           "coop svg: a replicator chart needs at least one type and gens >= 0");
    }
    const double *fin = traj + (size_t)gens * m;
    /* Thin long runs: every k-th generation, and always the last. */
    long k = gens > MAX_POINTS ? (gens + MAX_POINTS - 1) / MAX_POINTS : 1;
    size_t np = (size_t)(gens / k) + 1 + (gens % k != 0);
    size_t nlines = m <= SHI_COOP_SVG_MAX_LINES ? m : SHI_COOP_SVG_MAX_LINES - 1;
    size_t *ord = malloc(m * sizeof *ord);
    double *x = malloc(np * sizeof *x), *y = malloc(np * sizeof *y);
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 0, 0);
    shi_status s = SHI_OK;
    if (!ord || !x || !y || !c) {
        s = oom(err);
        goto done;
    }
    size_t p = 0;
    for (long g = 0; g <= gens; g += k) {
        x[p++] = (double)g;
    }
    if (p < np) {
        x[p++] = (double)gens;
    }
    /* Lines: all strategies in input order, or the largest by final share
     * (ties in input order) and the rest as "others". */
    for (size_t a = 0; a < m; a++) {
        size_t b = a;
        while (m > SHI_COOP_SVG_MAX_LINES && b > 0 && fin[ord[b - 1]] < fin[a]) {
            ord[b] = ord[b - 1];
            b--;
        }
        ord[b] = a;
    }
    size_t lead = 0;
    for (size_t a = 1; a < m; a++) {
        if (fin[a] > fin[lead]) {
            lead = a;
        }
    }
    size_t second = m, ntie = 0; /* strategies level with the leader */
    for (size_t a = 0; a < m; a++) {
        if (a != lead && fabs(fin[a] - fin[lead]) <= 1e-9) {
            second = second < m ? second : a;
            ntie++;
        }
    }
    char reading[512];
    if (ntie == 0) {
        snprintf(reading, sizeof reading,
                 "After %ld generation%s %.60s holds %.0f%% of the population (it started with "
                 "%.0f%%).",
                 gens, gens == 1 ? "" : "s", pl[lead].name, 100.0 * fin[lead], 100.0 * traj[lead]);
    } else if (ntie == 1) {
        snprintf(reading, sizeof reading,
                 "After %ld generation%s %.60s and %.60s hold %.0f%% of the population each.", gens,
                 gens == 1 ? "" : "s", pl[lead].name, pl[second].name, 100.0 * fin[lead]);
    } else {
        snprintf(reading, sizeof reading,
                 "After %ld generation%s %.60s and %zu others hold %.0f%% of the population each.",
                 gens, gens == 1 ? "" : "s", pl[lead].name, ntie, 100.0 * fin[lead]);
    }
    shi_svg_axis ax = {.label = "generation", .fmt = SHI_SVG_YEAR};
    ax.lo = ax.hi = (double)NAN;
    shi_svg_axis ay = {.label = "population share", .fmt = SHI_SVG_NUM, .lo = 0.0, .hi = 1.0};
    if ((s = shi_svg_title(c, "Replicator dynamics: population shares", reading, err)) ||
        (s = shi_svg_set_axis(c, 'x', &ax, err)) || (s = shi_svg_set_axis(c, 'y', &ay, err))) {
        goto done;
    }
    for (size_t l = 0; l < nlines && s == SHI_OK; l++) {
        size_t a = ord[l];
        for (size_t q = 0; q < np; q++) {
            y[q] = traj[(size_t)x[q] * m + a];
        }
        s = shi_svg_line(c, pl[a].name, x, np, y, np, err);
    }
    if (s == SHI_OK && nlines < m) {
        for (size_t q = 0; q < np; q++) {
            double sum = 0.0;
            for (size_t l = nlines; l < m; l++) {
                sum += traj[(size_t)x[q] * m + ord[l]];
            }
            y[q] = sum;
        }
        char name[64];
        snprintf(name, sizeof name, "others (%zu strategies)", m - nlines);
        s = shi_svg_line(c, name, x, np, y, np, err);
    }
done:
    free(ord);
    free(x);
    free(y);
    if (!c) {
        return s;
    }
    return finish(c, s, out);
}

/* ---- sweep ---------------------------------------------------------------- */

static double cell_value(const shi_coop_tour *t, shi_coop_svg_metric what)
{
    if (what == SHI_COOP_SVG_WINNER) {
        return t->score[t->order[0]];
    }
    double sum = 0.0;
    for (size_t i = 0; i < t->n; i++) {
        sum += t->coop[i];
    }
    return sum / (double)t->n;
}

shi_status shi_coop_svg_sweep(const shi_coop_tour *tours, const shi_coop_player *pl,
                              const double *deltas, size_t nd, const double *noises, size_t ne,
                              shi_coop_svg_metric what, shi_svg_chart **out, shi_err *err)
{
    *out = NULL;
    if (!tours || !pl || !deltas || !noises || nd == 0 || ne == 0) {
        return shi_err_set(err, SHI_EUSAGE, "coop svg: the sweep has no cells");
    }
    for (size_t i = 0; i < nd * ne; i++) {
        if (tours[i].n == 0 || tours[i].n != tours[0].n || !tours[i].order) {
            return shi_err_set(err, SHI_EUSAGE,
                               "coop svg: sweep cell %zu has no tournament of %zu players", i,
                               tours[0].n);
        }
    }
    double *z = malloc(nd * ne * sizeof *z);
    char(*rowbuf)[40] = malloc(ne * sizeof *rowbuf);
    const char **rows = malloc(ne * sizeof *rows);
    shi_svg_chart *c = shi_svg_new(SHI_SVG_HEATMAP, 0, 0);
    shi_status s = SHI_OK;
    if (!z || !rowbuf || !rows || !c) {
        s = oom(err);
        goto done;
    }
    size_t hi = 0, lo = 0;
    for (size_t i = 0; i < nd * ne; i++) {
        z[i] = cell_value(&tours[i], what);
        if (z[i] > z[hi]) {
            hi = i;
        }
        if (z[i] < z[lo]) {
            lo = i;
        }
    }
    for (size_t e = 0; e < ne; e++) {
        snprintf(rowbuf[e], sizeof rowbuf[e], "\xce\xb5 = %g", noises[e]); /* epsilon */
        rows[e] = rowbuf[e];
    }
    int coop = what != SHI_COOP_SVG_WINNER;
    char reading[512];
    if (coop) {
        snprintf(reading, sizeof reading,
                 "Cooperation (share of turns, mean over the strategies) is highest, %.0f%%, at "
                 "\xce\xb4 = %g, \xce\xb5 = %g and lowest, %.0f%%, at \xce\xb4 = %g, "
                 "\xce\xb5 = %g.",
                 100.0 * z[hi], deltas[hi % nd], noises[hi / nd], 100.0 * z[lo], deltas[lo % nd],
                 noises[lo / nd]);
    } else {
        const shi_coop_tour *th = &tours[hi], *tl = &tours[lo];
        snprintf(reading, sizeof reading,
                 "The winner scores most at \xce\xb4 = %g, \xce\xb5 = %g (%.60s, %.2f points per "
                 "turn) and least at \xce\xb4 = %g, \xce\xb5 = %g (%.60s, %.2f).",
                 deltas[hi % nd], noises[hi / nd], pl[th->order[0]].name, z[hi], deltas[lo % nd],
                 noises[lo / nd], pl[tl->order[0]].name, z[lo]);
    }
    /* The module labels only the columns on nice ticks; name every delta in
     * the axis title when the list is short. */
    char xl[200];
    int len = snprintf(xl, sizeof xl, "continuation probability \xce\xb4 (0 = fixed length)");
    if (nd > 1 && nd <= 12) {
        len = snprintf(xl, sizeof xl, "continuation probability \xce\xb4:");
        for (size_t d = 0; d < nd && len > 0 && (size_t)len < sizeof xl; d++) {
            len += snprintf(xl + len, sizeof xl - (size_t)len, "%s %g", d ? "," : "", deltas[d]);
        }
        if (len > 0 && (size_t)len < sizeof xl) {
            snprintf(xl + len, sizeof xl - (size_t)len, "%s",
                     deltas[0] == 0.0 ? " (0 = fixed length)" : "");
        }
    }
    shi_svg_axis ax = {.label = xl, .fmt = SHI_SVG_NUM};
    ax.lo = ax.hi = (double)NAN;
    shi_svg_axis az = {.label = coop ? "cooperation (share of turns, mean over strategies)"
                                     : "winner's score (points per turn)",
                       .fmt = coop ? SHI_SVG_PERCENT : SHI_SVG_NUM,
                       .digits = coop ? 0 : 2};
    if (coop) {
        az.lo = 0.0;
        az.hi = 1.0;
    } else {
        az.lo = az.hi = (double)NAN;
    }
    if ((s = shi_svg_title(c,
                           coop ? "Cooperation by shadow of the future and noise"
                                : "Winner's score by shadow of the future and noise",
                           reading, err)) ||
        (s = shi_svg_set_axis(c, 'x', &ax, err)) || (s = shi_svg_set_axis(c, 'z', &az, err))) {
        goto done;
    }
    s = shi_svg_heatmap(c, rows, ne, deltas, nd, z, nd * ne, err);
done:
    free(z);
    free(rowbuf);
    free(rows);
    if (!c) {
        return s;
    }
    return finish(c, s, out);
}
