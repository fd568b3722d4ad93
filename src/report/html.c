/*
 * html.c - a pair's analysis (shi/pair.h) as one self-contained HTML page:
 * inline SVG charts (src/output/svg.c), no scripts, no network, print- and
 * phone-friendly CSS. It formats the analysis; it computes nothing.
 */
#include <shi/futures_svg.h>
#include <shi/report.h>
#include <shi/svg.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct page {
    shi_svg_buf html;
    shi_err *err;
    shi_status st;
    int chart;          /* charts drawn, for ids */
    char missing[4096]; /* plain statements of missing data */
    const shi_data *d;
    const shi_pair_analysis *pa;
    int third;
} page;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
put(page *p, const char *fmt, ...)
{
    if (p->st != SHI_OK) {
        return;
    }
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    p->st = shi_svg_buf_puts(&p->html, buf, p->err);
}

static void text(page *p, const char *s)
{
    if (p->st == SHI_OK) {
        p->st = shi_svg_buf_escape(&p->html, s, p->err);
    }
}

static void note_missing(page *p, const char *what)
{
    size_t len = strlen(p->missing);
    snprintf(p->missing + len, sizeof p->missing - len, "%s\n", what);
}

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

/* Render a chart into the page (figure + svg), noting what it lacks. */
static void figure(page *p, shi_svg_chart *c, const char *what)
{
    if (p->st != SHI_OK || !c) {
        if (!c && p->st == SHI_OK) {
            p->st = shi_err_set(p->err, SHI_EIO, "out of memory");
        }
        shi_svg_free(c);
        return;
    }
    char id[32], miss[512];
    snprintf(id, sizeof id, "chart%d", ++p->chart);
    p->st = shi_svg_set_id(c, id, p->err);
    if (shi_svg_missing(c, miss, sizeof miss) > 0) {
        char line[700];
        snprintf(line, sizeof line, "%s: %s", what, miss);
        note_missing(p, line);
    }
    put(p, "<figure>");
    if (p->st == SHI_OK) {
        p->st = shi_svg_render(c, &p->html, p->err);
    }
    put(p, "</figure>\n");
    shi_svg_free(c);
}

/* CINC of the analysis' state k (0 a, 1 b, 2 third, 3 the leader in y1) in year y. */
static double cinc_of(const page *p, int k, int y)
{
    return p->pa->cinc[k][y - p->pa->y0];
}

/* Years as doubles for the x axis. */
static double *years(int y0, int y1)
{
    double *x = malloc((size_t)(y1 - y0 + 1) * sizeof *x);
    for (int y = y0; x && y <= y1; y++) {
        x[y - y0] = y;
    }
    return x;
}

static void set_axes(page *p, shi_svg_chart *c, const char *ylabel, shi_svg_numfmt yfmt, double lo,
                     double hi)
{
    shi_svg_axis x = {"year", SHI_SVG_YEAR, 0, 0, 0};
    shi_svg_axis y = {ylabel, yfmt, 2, lo, hi};
    if (p->st == SHI_OK) {
        p->st = shi_svg_set_axis(c, 'x', &x, p->err);
    }
    if (p->st == SHI_OK) {
        p->st = shi_svg_set_axis(c, 'y', &y, p->err);
    }
}

static void line(page *p, shi_svg_chart *c, const char *label, const double *x, const double *v,
                 size_t n)
{
    if (p->st == SHI_OK) {
        p->st = shi_svg_line(c, label, x, n, v, n, p->err);
    }
}

/* ---- 1. power -------------------------------------------------------------- */

/* Who is ahead in pair q under measure k, as a table cell. */
static void lead_cell(page *p, const shi_pair_lead *l)
{
    const shi_data *d = p->d;
    if (!l->ahead) {
        put(p, "<td>no data</td>");
    } else {
        put(p, "<td>%s %s %d (%.2f in %d)</td>", abb(d, l->ahead), l->since ? "since" : "from",
            l->since ? l->since : l->first_any, l->ratio, l->last);
    }
}

/* The measures side by side: polarity by year, who is ahead, where they disagree. */
static void power_measures(page *p)
{
    const shi_pair_analysis *o = p->pa;
    const shi_data *d = p->d;
    static const int pairs[3][2] = {{0, 1}, {0, 2}, {1, 2}};
    const int tri[3] = {o->a, o->b, p->third};
    if (o->nmeasures < 2) {
        return;
    }
    put(p, "<h3>The configuration of power by measure</h3>\n<table><tr><th>year</th>");
    for (size_t k = 0; k < o->nmeasures; k++) {
        put(p, "<th>%s</th>", o->measures[k].label);
    }
    put(p, "</tr>\n");
    int step = (o->y1 - o->y0) > 12 ? 5 : 1;
    for (int y = o->y0; y <= o->y1; y++) {
        if ((y - o->y0) % step != 0 && y != o->y1) {
            continue;
        }
        put(p, "<tr><td>%d</td>", y);
        for (size_t k = 0; k < o->nmeasures; k++) {
            const shi_power_year *r = &o->measures[k].majors[y - o->y0];
            if (r->n == 0) {
                put(p, "<td>-</td>");
            } else {
                put(p, "<td>%s, %s %.0f%%</td>", shi_polarity_name(r->polarity), abb(d, r->leader),
                    100 * r->leader_share);
            }
        }
        put(p, "</tr>\n");
    }
    put(p, "</table>\n<p class=\"src\">Polarity among the major powers and the leader's share "
           "of their total, by the same documented thresholds under each measure: CINC (COW "
           "NMC); GDP at market exchange rates and at PPP (World Bank WDI, Maddison before); "
           "Beckley's net resources GDP &times; GDP per capita (Beckley 2018); military "
           "expenditure (NMC milex). Sources and the splice: shi's documentation of the power "
           "measures.</p>\n");
    put(p, "<table><tr><th>pair</th>");
    for (size_t k = 0; k < o->nmeasures; k++) {
        put(p, "<th>%s</th>", o->measures[k].label);
    }
    put(p, "</tr>\n");
    for (int q = 0; q < 3; q++) {
        put(p, "<tr><td>%s-%s</td>", abb(d, tri[pairs[q][0]]), abb(d, tri[pairs[q][1]]));
        for (size_t k = 0; k < o->nmeasures; k++) {
            lead_cell(p, &o->measures[k].lead[q]);
        }
        put(p, "</tr>\n");
    }
    put(p, "</table>\n<p class=\"src\">Who is ahead in the last year with data for both, "
           "since when (the year it last passed the other, or the first year of the report "
           "if it led throughout), and the ratio of the one behind to the one ahead.</p>\n");
    for (int q = 0; q < 3; q++) {
        if (!o->disagree[q]) {
            continue;
        }
        put(p, "<p class=\"finding\">The measures disagree on %s-%s:", abb(d, tri[pairs[q][0]]),
            abb(d, tri[pairs[q][1]]));
        for (int side = 0; side < 2; side++) {
            int who = tri[pairs[q][side]], n = 0;
            for (size_t k = 0; k < o->nmeasures; k++) {
                if (o->measures[k].lead[q].ahead == who) {
                    put(p, "%s%s", n++ ? ", " : side ? "; " : " ", o->measures[k].label);
                }
            }
            if (n) {
                put(p, " put%s %s ahead", n == 1 ? "s" : "", abb(d, who));
            }
        }
        put(p,
            " in the last year each has data for both (%d); shi's documentation says why the "
            "measures differ.</p>\n",
            o->measures[0].lead[q].last);
    }
}

static void section_power(page *p)
{
    const shi_data *d = p->d;
    const shi_pair_analysis *o = p->pa;
    int y0 = o->y0, y1 = o->y1;
    size_t n = (size_t)(y1 - y0 + 1);
    double *x = years(y0, y1), *v = malloc(n * sizeof *v);
    const shi_power_year last = o->all_y1;
    if (!x || !v) {
        p->st = shi_err_set(p->err, SHI_EIO, "out of memory");
        free(x);
        free(v);
        return;
    }
    int who[4] = {o->a, o->b, p->third, last.leader};
    int nwho = last.leader == o->a || last.leader == o->b || last.leader == p->third ? 3 : 4;
    put(p, "<section id=\"power\"><h2>1. The configuration of power</h2>\n");
    char title[256], reading[2048];
    snprintf(title, sizeof title, "Share of world capabilities (CINC), %d-%d", y0, y1);
    double f0 = cinc_of(p, 0, y0), f1 = cinc_of(p, 0, y1);
    double g0 = cinc_of(p, 1, y0), g1 = cinc_of(p, 1, y1);
    snprintf(reading, sizeof reading,
             "%s's share of world capabilities went from %.1f%% to %.1f%% and %s's from %.1f%% "
             "to %.1f%%; vertical rules mark power transitions (parity 0.8-1.2 and overtaking, "
             "Organski & Kugler 1980).",
             abb(d, o->a), 100 * f0, 100 * f1, abb(d, o->b), 100 * g0, 100 * g1);
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 720, 380);
    if (c) {
        p->st = shi_svg_title(c, title, reading, p->err);
        set_axes(p, c, "share of world capabilities (%)", SHI_SVG_PERCENT, 0, 0);
        for (int k = 0; k < nwho; k++) {
            for (int y = y0; y <= y1; y++) {
                v[y - y0] = cinc_of(p, k, y);
            }
            line(p, c, abb(d, who[k]), x, v, n);
        }
        /* Transition markers among the pair and the third state. */
        int marks = 0;
        for (int q = 0; q < 3 && p->st == SHI_OK; q++) {
            for (int dir = 0; dir < 2; dir++) {
                const shi_pair_transitions *tr = &o->trans[q][dir];
                int ch = tr->challenger, ld = tr->leader;
                const shi_transition *ev = tr->ev.v;
                size_t ne = tr->ev.n;
                for (size_t e = 0; e < ne && marks < 6 && p->st == SHI_OK; e++) {
                    if (ev[e].kind != SHI_OVERTAKES || ev[e].year == y0) {
                        continue;
                    }
                    char lab[96];
                    snprintf(lab, sizeof lab, "%d: %s overtakes %s", ev[e].year, abb(d, ch),
                             abb(d, ld));
                    p->st = shi_svg_marker(c, ev[e].year, lab, p->err);
                    marks++;
                }
            }
        }
    }
    figure(p, c, "capability shares");
    /* Polarity and concentration. */
    c = shi_svg_new(SHI_SVG_LINES, 720, 320);
    double *con = malloc(n * sizeof *con), *poles = malloc(n * sizeof *poles);
    char periods[1024] = "";
    shi_polarity prev = SHI_POLARITY_NONE;
    int start = y0;
    for (int y = y0; con && poles && y <= y1 + 1; y++) {
        shi_polarity pol = SHI_POLARITY_NONE;
        if (y <= y1) {
            const shi_power_year *r = &o->majors[y - y0];
            con[y - y0] = r->con;
            poles[y - y0] = r->poles;
            v[y - y0] = r->leader_share;
            pol = r->polarity;
        }
        if (y > y0 && (pol != prev || y > y1)) {
            size_t len = strlen(periods);
            snprintf(periods + len, sizeof periods - len, "%s%d-%d %s", len ? "; " : "", start,
                     y - 1, shi_polarity_name(prev));
            start = y;
        }
        prev = pol;
    }
    if (c && con && poles) {
        snprintf(reading, sizeof reading,
                 "Concentration CON (Ray & Singer 1973) and the leader's share among the major "
                 "powers (the effective number of poles went from %.1f to %.1f). By shi's "
                 "documented thresholds: %s.",
                 poles[0], poles[n - 1], periods);
        p->st =
            shi_svg_title(c, "Polarity and concentration among the major powers", reading, p->err);
        set_axes(p, c, "share or index (0-1)", SHI_SVG_NUM, 0, 0); /* fitted to the data */
        line(p, c, "concentration CON", x, con, n);
        line(p, c, "leader's share of major-power capabilities", x, v, n);
        if (p->st == SHI_OK) {
            p->st = shi_svg_hline(c, 0.5, "unipolar threshold", p->err);
        }
    }
    figure(p, c, "polarity");
    put(p, "<p class=\"finding\">Polarity by CINC: ");
    text(p, periods);
    put(p, ". CINC weighs population and heavy industry as much as military spending, which "
           "favours China (shi's documentation, Caveats). Data: CINC through the last year "
           "above.</p>\n");
    power_measures(p);
    put(p, "</section>\n");
    free(con);
    free(poles);
    free(x);
    free(v);
}

/* ---- 2. threat ---------------------------------------------------------------- */

static void section_threat(page *p)
{
    const shi_data *d = p->d;
    const shi_pair_analysis *o = p->pa;
    int y0 = o->y0, y1 = o->y1;
    size_t n = (size_t)(y1 - y0 + 1);
    double *x = years(y0, y1);
    double *const *t = o->threat;
    double *const *comp = o->threat_comp;
    int pairs[4][2] = {{o->a, o->b}, {o->b, o->a}, {o->a, p->third}, {o->b, p->third}};
    put(p, "<section id=\"threat\"><h2>2. Who threatens whom (balance of threat)</h2>\n");
    char reading[2048], lab[4][64];
    double gap = t[0][n - 1] - t[1][n - 1];
    snprintf(reading, sizeof reading,
             "shi's threat index (Walt 1987), 0-1. In %d %s is %s threatened by "
             "%s (%.2f) than %s by %s (%.2f): a perception gap of %+.2f.",
             y1, abb(d, o->a), gap >= 0 ? "more" : "less", abb(d, o->b), t[0][n - 1], abb(d, o->b),
             abb(d, o->a), t[1][n - 1], gap);
    int full =
        o->threat_full_y1[0] < o->threat_full_y1[1] ? o->threat_full_y1[0] : o->threat_full_y1[1];
    if (full && full < y1) {
        size_t len = strlen(reading);
        snprintf(reading + len, sizeof reading - len,
                 " Caveat: after %d the totals leave out parts whose data had ended.", full);
    }
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 720, 360);
    if (c) {
        p->st = shi_svg_title(c, "Threat both ways, and from the third state", reading, p->err);
        set_axes(p, c, "threat index (0-1)", SHI_SVG_NUM, 0, 0); /* fitted to the data */
        for (int k = 0; k < 4; k++) {
            snprintf(lab[k], sizeof lab[k], "to %s from %s", abb(d, pairs[k][0]),
                     abb(d, pairs[k][1]));
            line(p, c, lab[k], x, t[k], n);
        }
    }
    figure(p, c, "threat");
    static const char *const rows[SHI_T_N + 1] = {"aggregate strength", "proximity",
                                                  "offensive capability", "offensive intentions",
                                                  "total (hatched: partial)"};
    /* The components and, as a fifth row, the total where it is complete: a
     * year whose total lacks a part whose data had ended is hatched. */
    double *cells = malloc((SHI_T_N + 1) * n * sizeof *cells);
    if (!cells && p->st == SHI_OK) {
        p->st = shi_err_set(p->err, SHI_EIO, "out of memory");
    }
    for (int k = 0; k < 2 && p->st == SHI_OK && cells; k++) {
        memcpy(cells, comp[k], SHI_T_N * n * sizeof *cells);
        for (size_t q = 0; q < n; q++) {
            cells[SHI_T_N * n + q] = o->threat_partial[k][q] ? (double)NAN : t[k][q];
        }
        char title[160];
        snprintf(title, sizeof title, "Components of the threat to %s from %s", abb(d, pairs[k][0]),
                 abb(d, pairs[k][1]));
        c = shi_svg_new(SHI_SVG_HEATMAP, 720, 200);
        if (c) {
            p->st = shi_svg_title(c, title,
                                  "Each of Walt's four criteria by year, and the total, 0-1: "
                                  "darker is lower, yellow higher; hatched cells have no data, "
                                  "or (total) lack a part whose data had ended.",
                                  p->err);
            shi_svg_axis xa = {"year", SHI_SVG_YEAR, 0, 0, 0};
            shi_svg_axis za = {"component score (0-1)", SHI_SVG_NUM, 2, 0, 1};
            if (p->st == SHI_OK) {
                p->st = shi_svg_set_axis(c, 'x', &xa, p->err);
            }
            if (p->st == SHI_OK) {
                p->st = shi_svg_set_axis(c, 'z', &za, p->err);
            }
            if (p->st == SHI_OK) {
                p->st =
                    shi_svg_heatmap(c, rows, SHI_T_N + 1, x, n, cells, (SHI_T_N + 1) * n, p->err);
            }
        }
        figure(p, c, "threat components");
    }
    free(cells);
    put(p, "</section>\n");
    free(x);
}

/* ---- 3 and 4. issue areas and alignment ----------------------------------------- */

/* One small chart of indicator k's closeness (up is closer), its y axis fitted
 * to the data, with the zeros that may be missing marked as dots. */
static void indicator_chart(page *p, const double *x, size_t n, int k)
{
    const shi_align *al = &p->pa->align;
    const shi_align_indicator *ind = p->pa->indicators;
    size_t at = (size_t)(p->pa->y0 - al->ys);
    double *fl = malloc(n * sizeof *fl);
    int any = 0, flagged = 0;
    for (size_t i = 0; fl && i < n; i++) {
        any |= !isnan(al->close[k][at + i]);
        fl[i] = al->flag[k][at + i] & SHI_AL_FLAG_ZERO ? al->close[k][at + i] : (double)NAN;
        flagged |= !isnan(fl[i]);
    }
    if (!any || !fl) {
        free(fl);
        return;
    }
    char title[160], reading[512], lab[128], what[256];
    const char *a = abb(p->d, p->pa->a), *b = abb(p->d, p->pa->b);
    int f0 = p->pa->indicator_y[k][0], f1 = p->pa->indicator_y[k][1];
    shi_align_text(ind[k].label, a, b, lab, sizeof lab);
    shi_align_text(ind[k].what, a, b, what, sizeof what);
    snprintf(title, sizeof title, "%s", lab);
    snprintf(reading, sizeof reading,
             "%s, as closeness (%s): up is closer. Data %d-%d. Trend: %s (Sen's slope %.3g a "
             "year, Mann-Kendall p %.3f).",
             what, ind[k].closeness, f0, f1, shi_direction_name(al->trend[k].dir),
             al->trend[k].mk.sen, al->trend[k].mk.p);
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 360, 200);
    if (c) {
        p->st = shi_svg_title(c, title, reading, p->err);
        set_axes(p, c, "closeness (up = closer)", SHI_SVG_NUM, 0, 0); /* fitted to the data */
        line(p, c, "closeness", x, al->close[k] + at, n);
        if (flagged) {
            line(p, c, "zero, possibly missing", x, fl, n);
        }
    }
    free(fl);
    figure(p, c, lab);
}

/* The areas: years covered, label, what carries it, the variants, the sphere. */
static void areas_table(page *p)
{
    const shi_align *al = &p->pa->align;
    put(p, "<table><tr><th>area</th><th>years</th><th>label (Scott's pi)</th><th>carried by</th>"
           "<th>under the similarity variants</th><th>sphere</th></tr>\n");
    for (int area = 0; area < SHI_AREA_N; area++) {
        char sens[512], drv[512], yrs[32] = "-";
        shi_align_sensitivity_text(al, area, sens, sizeof sens);
        shi_align_drivers_label(al, p->pa->indicators, area, abb(p->d, p->pa->a),
                                abb(p->d, p->pa->b), drv, sizeof drv);
        if (al->area_y[area][0]) {
            snprintf(yrs, sizeof yrs, "%d-%d", al->area_y[area][0], al->area_y[area][1]);
        }
        put(p, "<tr><td>%s</td><td>%s</td><td>%s</td><td>", shi_area_name(area), yrs,
            shi_direction_name(al->area_label[area][SHI_ALSIM_PI]));
        text(p, drv);
        put(p, "</td><td>");
        text(p, sens);
        put(p, "</td><td><b>%s</b></td></tr>\n", shi_align_sphere_name(al->sphere[area]));
    }
    put(p, "</table>\n");
}

/* The indicators: raw values at both ends, the closeness transform, the test. */
static void indicators_table(page *p)
{
    const shi_pair_analysis *o = p->pa;
    const shi_align *al = &o->align;
    put(p,
        "<table><tr><th>area</th><th>indicator</th><th>%d</th><th>%d</th><th>closeness</th>"
        "<th>Sen's slope [95%%]</th><th>p</th><th>threshold</th><th>trend</th>"
        "<th>zeros possibly missing</th></tr>\n",
        o->y0, o->y1);
    for (int k = 0; k < SHI_AL_N; k++) {
        const shi_align_trend *tr = &al->trend[k];
        double v0 = al->value[k][o->y0 - al->ys], v1 = al->value[k][o->y1 - al->ys];
        char c0[32] = "-", c1[32] = "-", sl[96] = "-", pv[32] = "-", nf[16] = "";
        if (!isnan(v0)) {
            snprintf(c0, sizeof c0, "%.3f", v0);
        }
        if (!isnan(v1)) {
            snprintf(c1, sizeof c1, "%.3f", v1);
        }
        if (!isnan(tr->mk.sen)) {
            snprintf(sl, sizeof sl, "%.4g [%.4g, %.4g]", tr->mk.sen, tr->mk.sen_lo, tr->mk.sen_hi);
            snprintf(pv, sizeof pv, "%.3f", tr->mk.p);
        }
        if (al->nflag[k]) {
            snprintf(nf, sizeof nf, "%d years", al->nflag[k]);
        }
        char lab[128], what[256];
        shi_align_text(o->indicators[k].label, abb(p->d, o->a), abb(p->d, o->b), lab, sizeof lab);
        shi_align_text(o->indicators[k].what, abb(p->d, o->a), abb(p->d, o->b), what, sizeof what);
        put(p, "<tr><td>%s</td><td><b>", shi_area_name(o->indicators[k].area));
        text(p, lab);
        put(p, "</b><br/><span class=\"src\">");
        text(p, what);
        put(p, "</span>");
        put(p,
            "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%.4g</td>"
            "<td>%s</td><td>%s</td></tr>\n",
            c0, c1, o->indicators[k].closeness, sl, pv, al->tol[k], shi_direction_name(tr->dir),
            nf);
    }
    put(p, "</table>\n");
}

/* Russia's crude by destination (CREA) and the EI cross-check: a short
 * table for the pair Russia-China only (docs/energy.md; the page names the
 * published sources, not the docs). */
static void energy_sources(page *p)
{
    const shi_pair_analysis *o = p->pa;
    if (!o->en_pair) {
        return;
    }
    put(p, "<h3>Russia's crude exports by destination (CREA: UN Comtrade and Eurostat)</h3>\n"
           "<table><tr><th>year</th><th>China (Mt)</th><th>Europe (Mt)</th><th>rest (Mt)</th>"
           "<th>China / (China + Europe)</th></tr>\n");
    for (int y = SHI_PAIR_EN_Y0; y <= SHI_PAIR_EN_Y1; y++) {
        const shi_energy_dest *e = &o->en_dest[y - SHI_PAIR_EN_Y0];
        put(p, "<tr><td>%d</td>", y);
        for (int g = 0; g < SHI_ENR_N; g++) {
            if (isnan(e->t[g])) {
                put(p, "<td>no data</td>");
            } else {
                put(p, "<td>%.1f%s</td>", e->t[g] / 1e6, e->short_[g] ? "*" : "");
            }
        }
        if (isnan(e->china_vs_europe)) {
            put(p, "<td>&mdash;</td></tr>\n");
        } else {
            put(p, "<td>%.1f%%</td></tr>\n", 100 * e->china_vs_europe);
        }
    }
    put(p, "</table>\n<p>Tonnes; Europe: the 36 Eurostat reporters in CREA's file, rest: every "
           "other importer. * some importers report part of the year (a lower bound). CREA's "
           "China rows end in 2021. Values in euros are kept apart from China Customs' USD. "
           "Source: UN Comtrade and Eurostat, compiled by CREA (fossil_shipment_tracker).");
    if (!isnan(o->en_ei_crude) && !isnan(o->en_customs_crude)) {
        put(p,
            " Cross-check, 2022: the Energy Institute Statistical Review of World Energy (2023) "
            "gives China's crude imports from Russia as %.2f Mt, China Customs %.2f Mt "
            "(%d months).",
            o->en_ei_crude, o->en_customs_crude / 1e6, o->en_customs_months);
    }
    put(p, "</p>\n");
}

static void section_align(page *p)
{
    const shi_data *d = p->d;
    const shi_pair_analysis *o = p->pa;
    const shi_align *al = &o->align;
    int y0 = o->y0, y1 = o->y1;
    size_t n = (size_t)(y1 - y0 + 1);
    double *x = years(y0, y1);
    put(p, "<section id=\"areas\"><h2>3. Issue areas: spheres of congruity and incongruity</h2>\n");
    put(p,
        "<p>Every indicator is shown as closeness: up is closer (a distance or a threat with "
        "its sign turned, the raw value in the table). A trend is a label only when the "
        "Mann-Kendall test rejects no trend at 5%% and Sen's slope adds up, over the years "
        "with data, to at least the threshold: the median year-on-year change of the "
        "indicator among %d pairs of major powers and the pair. An area is a sphere of "
        "congruity or incongruity only when its label is the same under all five variants of "
        "alliance-portfolio similarity (shi's documentation of the scorecard).</p>\n",
        al->tol_pairs);
    areas_table(p);
    indicators_table(p);
    energy_sources(p);
    put(p, "<div class=\"grid\" style=\"display:grid;grid-template-columns:repeat(auto-fill,"
           "minmax(320px,1fr));gap:4px\">\n");
    for (int k = 0; k < SHI_AL_N && x; k++) {
        indicator_chart(p, x, n, k);
    }
    put(p, "</div>\n</section>\n");
    /* 4. Alignment: the similarity variants side by side. */
    put(p, "<section id=\"alignment\"><h2>4. Alignment: alliance portfolios and UN votes</h2>\n");
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 720, 320);
    if (c && x) {
        char reading[1024];
        snprintf(reading, sizeof reading,
                 "Alliance-portfolio similarity of %s and %s under five variants (Signorino & "
                 "Ritter 1999; Haege 2011): where they part, the label depends on the variant. "
                 "Scott's pi is the scorecard's choice.",
                 abb(d, o->a), abb(d, o->b));
        p->st = shi_svg_title(c, "Similarity of alliance portfolios", reading, p->err);
        set_axes(p, c, "similarity", SHI_SVG_NUM, 0, 0);
        for (int v = 0; v < SHI_ALSIM_N; v++) {
            line(p, c, shi_align_sim_name(v), x, al->sim[v] + (y0 - al->ys), n);
        }
    }
    figure(p, c, "alignment");
    if (al->veto_n[0] >= 0) {
        put(p, "<p>UN Security Council vetoes %d-%d: %s cast %d, %s %d, %d jointly", y0, y1,
            abb(d, o->a), al->veto_n[0], abb(d, o->b), al->veto_n[1], al->veto_n[2]);
        if (al->veto_n[0] > 0 && al->veto_n[1] > 0) {
            put(p, " (%s joined %.0f%% of %s's vetoes, %s %.0f%% of %s's)", abb(d, o->b),
                100.0 * al->veto_n[2] / al->veto_n[0], abb(d, o->a), abb(d, o->a),
                100.0 * al->veto_n[2] / al->veto_n[1], abb(d, o->b));
        }
        put(p, ".</p>\n");
    }
    put(p, "</section>\n");
    free(x);
}

/* ---- 5. drivers ---------------------------------------------------------------- */

/* The placebo strip: every placebo's external share, sorted, with the real
 * third state among them at its rank. */
static void placebo_chart(page *p, const shi_drivers_pair *dp)
{
    const shi_drivers_id *id = &dp->id;
    const size_t n = id->placebo_valid + 1;
    double *x = malloc(n * sizeof *x), *pl = malloc(n * sizeof *pl), *re = malloc(n * sizeof *re);
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 720, 220);
    if (!x || !pl || !re) {
        free(x);
        free(pl);
        free(re);
        shi_svg_free(c);
        p->st = shi_err_set(p->err, SHI_EIO, "out of memory");
        return;
    }
    /* Sorted from the largest share down (rank 1 first); the real state takes
     * its rank (ties count against it, as in the p value). */
    size_t m = 0;
    for (size_t q = 0; q < id->nplacebo; q++) {
        if (!isnan(id->placebo_share[q])) {
            pl[m++] = id->placebo_share[q];
        }
    }
    for (size_t i = 1; i < m; i++) {
        for (size_t j = i; j > 0 && pl[j] > pl[j - 1]; j--) {
            double t = pl[j];
            pl[j] = pl[j - 1];
            pl[j - 1] = t;
        }
    }
    const size_t r = id->rank - 1;
    memmove(pl + r + 1, pl + r, (m - r) * sizeof *pl);
    for (size_t i = 0; i < n; i++) {
        x[i] = (double)(i + 1);
        re[i] = i == r ? id->fit.external_share : (double)NAN;
    }
    pl[r] = (double)NAN;
    char reading[600], lab[96];
    snprintf(reading, sizeof reading,
             "External share with each of %zu placebo third states in place of %s (same years, "
             "same model), sorted; %s ranks %zu of %zu, placebo p = %.2f. A third state that "
             "drives the alignment should rank near the top.",
             id->placebo_valid, abb(p->d, dp->o.third), abb(p->d, dp->o.third), id->rank, n,
             id->placebo_p);
    snprintf(lab, sizeof lab, "%s (the third state)", abb(p->d, dp->o.third));
    if (c) {
        shi_svg_axis xa = {"rank (1 = largest external share)", SHI_SVG_NUM, 0, 0, 0};
        shi_svg_axis ya = {"external share", SHI_SVG_PERCENT, 0, (double)NAN, (double)NAN};
        p->st = shi_svg_title(c, "Placebo third states", reading, p->err);
        if (p->st == SHI_OK) {
            p->st = shi_svg_set_axis(c, 'x', &xa, p->err);
        }
        if (p->st == SHI_OK) {
            p->st = shi_svg_set_axis(c, 'y', &ya, p->err);
        }
        if (p->st == SHI_OK) {
            p->st = shi_svg_line(c, "placebo third states", x, n, pl, n, p->err);
        }
        if (p->st == SHI_OK) {
            p->st = shi_svg_line(c, lab, x, n, re, n, p->err);
        }
        if (p->st == SHI_OK) {
            p->st = shi_svg_hline(c, 0.5, "50%", p->err);
        }
    }
    figure(p, c, "placebos");
    free(x);
    free(pl);
    free(re);
}

static void section_drivers(page *p)
{
    const shi_data *d = p->d;
    const shi_pair_analysis *o = p->pa;
    /* Trade and events end in 2014: the analysis ran over the years with trade. */
    int y1 = o->drivers_y1, y0 = o->drivers_y0;
    put(p, "<section id=\"drivers\"><h2>5. What drives the alignment?</h2>\n");
    const shi_drivers_pair *dp = &o->drivers;
    const shi_drivers_id *id = &dp->id;
    const shi_dyad_series *ser = &dp->series;
    const shi_drivers_result *res = &id->fit;
    char msg[2048] = "";
    shi_svg_chart *c = shi_svg_new(SHI_SVG_BARS, 720, 160);
    if (o->drivers_status != SHI_OK) {
        snprintf(msg, sizeof msg, "drivers of %s-%s, %d-%d: %s", abb(d, o->a), abb(d, o->b), y0, y1,
                 o->drivers_msg);
        note_missing(p, msg);
        if (c) {
            p->st = shi_svg_title(c, "External versus bilateral drivers", msg, p->err);
            if (p->st == SHI_OK) {
                p->st = shi_svg_placeholder(c, "too little data to tell", p->err);
            }
        }
        figure(p, c, "drivers");
        put(p, "<p class=\"finding\"><strong>Verdict: not identified</strong>. ");
        text(p, msg);
        put(p, "</p></section>\n");
        return;
    }
    char reading[2048];
    snprintf(reading, sizeof reading,
             "Specification %s. Outcome: minus the UN ideal-point distance, %d-%d, in %s (n = "
             "%zu). Share of the explained variance (R2 = %.2f) due to each block of drivers: the "
             "Shapley value of the two blocks, with a moving-block bootstrap 95%% interval.",
             shi_drivers_spec_name(dp->o.spec.spec), y0, y1,
             id->diff ? "first differences" : "levels", res->n, res->r2);
    if (c) {
        p->st = shi_svg_title(c, "External versus bilateral drivers", reading, p->err);
        shi_svg_axis xa = {"share of explained variance", SHI_SVG_PERCENT, 0, 0, 1};
        if (p->st == SHI_OK) {
            p->st = shi_svg_set_axis(c, 'x', &xa, p->err);
        }
        if (p->st == SHI_OK) {
            p->st =
                shi_svg_bar(c, "external (threat, third state's preponderance)", res->shap_share[0],
                            res->shap_share_ci[0][0], res->shap_share_ci[0][1], p->err);
        }
        if (p->st == SHI_OK) {
            p->st = shi_svg_bar(c, "bilateral (trade, arms)", res->shap_share[1],
                                res->shap_share_ci[1][0], res->shap_share_ci[1][1], p->err);
        }
    }
    figure(p, c, "drivers");
    put(p, "<p class=\"finding\"><strong>Verdict: %s</strong>, %d-%d (",
        shi_verdict_name(id->verdict), y0, y1);
    text(p, id->why);
    put(p,
        "). External share %.0f%% of explained variance [%.0f%%, %.0f%%]; third state %s ranks "
        "%zu of %zu against placebo third states (p = %.2f); block permutation p: external "
        "%.2f, bilateral %.2f. Form: ",
        100 * res->external_share, 100 * res->external_share_ci[0], 100 * res->external_share_ci[1],
        abb(d, dp->o.third), id->rank, id->placebo_valid + 1, id->placebo_p, res->perm_p[0],
        res->perm_p[1]);
    text(p, id->form_why);
    put(p, ". ");
    if (dp->panel_status == SHI_OK && dp->o.panel) {
        put(p,
            "Panel of %zu major-power dyads with dyad and year fixed effects: external share "
            "%.0f%% [%.0f%%, %.0f%%]. ",
            dp->panel.nunit, 100 * dp->panel.share, 100 * dp->panel.share_ci[0],
            100 * dp->panel.share_ci[1]);
    }
    if (ser->dropped[0]) {
        put(p, "Left out: ");
        text(p, ser->dropped);
        put(p, ". ");
    }
    put(p,
        "Caveat: a share of the explained variance (R2 = %.2f) in the years with trade data "
        "(to %d), not a causal effect.</p>\n",
        res->r2, y1);
    if (id->placebo_valid > 0 && p->st == SHI_OK) {
        placebo_chart(p, dp);
    }
    put(p, "<table><tr><th>driver</th><th>block</th><th>coefficient</th>"
           "<th>Newey-West p</th><th>share of R2</th></tr>\n");
    for (size_t j = 1; j <= res->k; j++) {
        const shi_drivers_coef *cf = &res->coef[j];
        put(p, "<tr><td>");
        text(p, cf->name);
        put(p, "</td><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.0f%% [%.0f, %.0f]</td></tr>\n",
            shi_drivers_block_name(cf->block), cf->b, cf->p_hac, 100 * cf->lmg_share,
            100 * cf->lmg_share_ci[0], 100 * cf->lmg_share_ci[1]);
    }
    put(p, "</table></section>\n");
}

/* ---- 6. cooperation ------------------------------------------------------------- */

static void section_coop(page *p)
{
    const shi_pair_analysis *o = p->pa;
    int y1 = o->coop_y1, y0 = o->coop_y0;
    put(p, "<section id=\"cooperation\"><h2>6. Can cooperation last under anarchy?</h2>\n");
    size_t n = o->coop_n;
    double *x = years(y0, y1 >= y0 ? y1 : y0);
    const double *delta = o->coop_delta, *grim = o->coop_grim;
    const shi_coop_dyad last = o->coop_last, *end = &o->coop_end;
    int have = o->coop_have;
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 720, 320);
    char reading[2048];
    if (have) {
        snprintf(reading, sizeof reading,
                 "The pair's prisoner's dilemma estimated from what states did: "
                 "the shadow of the future delta against the threshold g/(1+g) above which "
                 "reciprocity (grim trigger, Tit for Tat) sustains cooperation. In %d delta = "
                 "%.3f and the threshold %.3f: cooperation is %s.",
                 last.year, last.delta, last.thr.grim,
                 last.delta >= last.thr.grim ? "sustainable" : "not sustainable");
    } else {
        snprintf(reading, sizeof reading, "No year with the data the calibration needs.");
        note_missing(p, "cooperation: no year with every input of the calibrated game");
    }
    if (c) {
        p->st =
            shi_svg_title(c, "Shadow of the future and the cooperation threshold", reading, p->err);
        set_axes(p, c, "continuation probability delta", SHI_SVG_NUM, 0, 0); /* fitted */
        if (n > 0) {
            line(p, c, "delta (pair)", x, delta, n);
            line(p, c, "threshold g/(1+g)", x, grim, n);
        }
        if (!have && p->st == SHI_OK) {
            p->st = shi_svg_placeholder(c, "no data for the calibration", p->err);
        }
    }
    figure(p, c, "cooperation");
    if (o->coop_end_status == SHI_OK && !end->computable) {
        put(p, "<p class=\"finding\">In %d: not computable (missing: %s).</p>\n", y1, end->missing);
    }
    if (have) {
        put(p,
            "<p class=\"finding\">In %d, the latest year with every input: payoffs T=%.2f "
            "R=%.2f P=%.2f S=%.2f (temptation g=%.3f), delta=%.3f; margin %.3f; implied "
            "probability of no dispute the next year %.3f. Caveat: a stylised game calibrated "
            "from the pair's data, not a forecast.</p>\n",
            last.year, last.payoffs.T, last.payoffs.R, last.payoffs.P, last.payoffs.S, last.g,
            last.delta, last.delta - last.thr.grim, last.p_coop);
    }
    put(p, "</section>\n");
    free(x);
}

/* ---- 8. alliance formation ------------------------------------------------------ */

static void section_formation(page *p)
{
    const shi_pair_analysis *o = p->pa;
    const shi_formation_path *fp = &o->formation;
    put(p, "<section id=\"formation\"><h2>8. Would they ally? Alliance formation</h2>\n");
    if (fp->status != SHI_OK) {
        note_missing(p, "alliance formation: no covered onset year");
        put(p, "<p>No onset path: ");
        text(p, fp->msg);
        put(p, "</p></section>\n");
        return;
    }
    char reading[1024], marks[256] = "";
    size_t len = 0;
    for (size_t k = 0; k < fp->n && len + 8 < sizeof marks; k++) {
        if (fp->onset_any[k]) {
            len += (size_t)snprintf(marks + len, sizeof marks - len, "%s%d", len ? ", " : "",
                                    fp->y0 + (int)k);
        }
    }
    snprintf(reading, sizeof reading,
             "The probability that %s takes %s as a new %s ally, given that it takes one that "
             "year, under the conditional logit of each theory fitted on every onset "
             "%d-%d (McFadden 1974; ATOP 5.1, Leeds et al. 2002). New ATOP obligations between "
             "them begin in: %s.",
             abb(p->d, o->a), abb(p->d, o->b), fp->level == SHI_FORM_ANY ? "(any)" : "defence",
             fp->fit_y0, fp->fit_y1, marks[0] ? marks : "no year shown");
    put(p, "<p>");
    text(p, reading);
    put(p, "</p>\n<table><tr><th>year</th><th>status</th>");
    for (int q = 0; q < SHI_FM_N; q++) {
        put(p, "<th>%s</th>", shi_formation_model_name(q));
    }
    put(p, "<th>uniform</th><th>%s takes %s (joint)</th></tr>\n", abb(p->d, o->b), abb(p->d, o->a));
    for (size_t k = 0; k < fp->n; k++) {
        put(p, "<tr><td>%d%s</td><td>%s</td>", fp->y0 + (int)k, fp->onset_any[k] ? " *" : "",
            fp->allied[k] ? "obligated" : (fp->onset[k] ? "onset" : "at risk"));
        for (int q = 0; q <= SHI_FM_N + 1; q++) {
            double v =
                q < SHI_FM_N
                    ? fp->p_ab[q][k]
                    : (q == SHI_FM_N ? (fp->risk_ab[k] > 0 ? 1.0 / fp->risk_ab[k] : (double)NAN)
                                     : fp->p_ba[SHI_FM_JOINT][k]);
            put(p, isnan(v) ? "<td>-</td>" : "<td>%.4f</td>", v);
        }
        put(p, "</tr>\n");
    }
    put(p, "</table>\n<p class=\"finding\">* a new ATOP obligation between them begins: %s.</p>\n",
        marks[0] ? marks : "in none of these years");
    put(p, "</section>\n");
}

/* ---- 9. Central Asia ------------------------------------------------------------ */

static void section_sphere(page *p)
{
    const shi_pair_analysis *o = p->pa;
    const shi_sphere_table *sp = &o->sphere;
    put(p, "<section id=\"sphere\"><h2>9. %s: spheres of influence</h2>\n", SHI_PAIR_SPHERE_REGION);
    if (o->sphere_status != SHI_OK) {
        note_missing(p, "spheres of influence: not computed");
        put(p, "<p>Not computed: ");
        text(p, o->sphere_msg);
        put(p, ".</p></section>\n");
        return;
    }
    put(p,
        "<p>Each power's share of each state's arms imports (SIPRI, five-year window), trade "
        "(COW), crude and gas exports (China Customs, Eurostat), its alliance level (ATOP), "
        "the share of its full IGO memberships that it shares with the power (COW IGO) and UN "
        "agreement, combined into an influence index with fixed weights (arms %.2f, trade "
        "%.2f, energy %.2f, alliance %.2f, IGO %.2f, UN %.2f). "
        "The areas end where their sources do:",
        SHI_SPHERE_W_ARMS, SHI_SPHERE_W_TRADE, SHI_SPHERE_W_ENERGY, SHI_SPHERE_W_ALLIANCE,
        SHI_SPHERE_W_IGO, SHI_SPHERE_W_UN);
    for (int k = 0; k < SHI_SPH_N; k++) {
        if (sp->last[k]) {
            put(p, "%s %s %d", k ? "," : "", shi_sphere_area_name(k), sp->last[k]);
        } else {
            put(p, "%s %s no data", k ? "," : "", shi_sphere_area_name(k));
        }
    }
    put(p, "; each area is shown at its own last year.</p>\n");
    shi_svg_chart *c = NULL;
    p->st = shi_report_sphere_svg(&c, p->d, sp, SHI_PAIR_SPHERE_REGION, p->err);
    figure(p, c, "spheres of influence");
    put(p, "<table><tr><th>state</th><th>power</th>");
    for (int k = 0; k < SHI_SPH_N; k++) {
        put(p, "<th>%s</th>", shi_sphere_area_name(k));
    }
    put(p, "<th>index years</th><th>index first</th><th>index last</th><th>slope / yr</th>"
           "<th>gaining</th><th>index areas</th></tr>\n");
    for (size_t i = 0; i < sp->n; i++) {
        int g = sp->gain[i], fy, ly;
        shi_sphere_index_years(sp, i, &fy, &ly);
        for (int q = 0; q < 2; q++) {
            put(p, "<tr><td>%s</td><td>%s</td>", abb(p->d, sp->third[i]), abb(p->d, sp->p[q]));
            for (int k = 0; k < SHI_SPH_N; k++) {
                double v = shi_sphere_v(sp, i, q, k, sp->last[k] ? sp->last[k] : sp->y1);
                put(p, isnan(v) ? "<td>-</td>" : "<td>%.3f</td>", v);
            }
            double f, l, sl = sp->slope[i * 2 + (size_t)q];
            shi_sphere_index_ends(sp, i, q, &f, &l);
            put(p, fy ? "<td>%d-%d</td>" : "<td>-</td>", fy, ly);
            put(p, isnan(f) ? "<td>-</td>" : "<td>%.3f</td>", f);
            put(p, isnan(l) ? "<td>-</td>" : "<td>%.3f</td>", l);
            put(p, isnan(sl) ? "<td>-</td>" : "<td>%+.4f</td>", sl);
            put(p, "<td>%s</td><td>",
                q ? ""
                  : (g < 0    ? "no data"
                     : g == 0 ? "neither"
                              : abb(p->d, sp->p[g - 1])));
            for (int k = 0, m = 0; k < SHI_SPH_N && !q; k++) {
                if (sp->areas[i] & (1u << k)) {
                    put(p, "%s%s", m++ ? ", " : "", shi_sphere_area_name(k));
                }
            }
            put(p, "</td></tr>\n");
        }
    }
    put(p,
        "</table>\n<p class=\"finding\">A power is gaining in a state when its index slope "
        "exceeds the other's by more than %.3f a year. Each state's index uses a fixed set of "
        "areas (those both powers have in at least half of the years), so that its first and "
        "last values compare like with like; a year lacking one of them has no index.</p>"
        "</section>\n",
        SHI_SPHERE_GAIN_TOL);
}

/* ---- 10. Futures ------------------------------------------------------------------- */

/* The probability table: one row a future, one column a horizon, with the
 * parameter interval; the last row says what the data record happened. */
static void futures_table(page *p, const shi_futures *fu)
{
    const shi_scen_result *r = &fu->r;
    put(p, "<table><tr><th>future</th>");
    for (int k = 0; k < r->nh; k++) {
        put(p, "<th>by %d [5-95%%]</th>", r->from + r->h[k]);
    }
    put(p, "</tr>\n");
    for (int g = 0; g < SHI_FUT_N; g++) {
        put(p, "<tr><td>%s</td>", shi_future_name(g));
        for (int k = 0; k < r->nh; k++) {
            put(p, "<td>%.3f [%.2f, %.2f]</td>", r->p[k][g], r->par_lo[k][g], r->par_hi[k][g]);
        }
        put(p, "</tr>\n");
    }
    put(p, "<tr><td>what happened</td>");
    for (int k = 0; k < r->nh; k++) {
        int obs = fu->observed[k];
        put(p, "<td>%s</td>", obs < 0 ? "not yet known" : shi_future_name(obs));
    }
    put(p, "</tr></table>\n");
}

static void section_futures(page *p)
{
    const shi_pair_analysis *o = p->pa;
    const shi_futures *fu = &o->futures;
    put(p, "<section id=\"futures\"><h2>10. Futures: where the relationship could go</h2>\n");
    if (o->futures_status != SHI_OK) {
        note_missing(p, "futures: not computed");
        put(p, "<p>Not computed: ");
        text(p, o->futures_msg);
        put(p, ".</p></section>\n");
        return;
    }
    const shi_scen_result *r = &fu->r;
    put(p,
        "<p>The study's five futures as rules on data. The pair's alignment composite is the "
        "mean of four standardised components (UN ideal-point closeness, arms-transfer share, "
        "trade share, ATOP alliance level). Over a horizon, <em>confrontation</em> is a "
        "militarised dispute with use of force (MID hostility 4-5) or an interstate conflict "
        "(UCDP/PRIO); <em>alliance</em> a new defence pact; <em>convergence</em> and "
        "<em>tension</em> a rise or fall of the composite beyond its historical band (half "
        "of all moves of the major-power pairs stay inside it); the <em>status quo</em> "
        "otherwise. From %d, with a composite of %.2f, %d simulated paths of dynamics fitted "
        "on the major-power pairs since 1946, with %d bootstrap draws of the parameters "
        "(seed 1).</p>\n",
        r->from, r->c0, (int)r->paths, r->draws);
    char pair[32];
    snprintf(pair, sizeof pair, "%s-%s", abb(p->d, o->a), abb(p->d, o->b));
    shi_svg_chart *c = NULL;
    p->st = shi_futures_fan_svg(fu, pair, &c, p->err);
    figure(p, c, "futures: composite");
    c = NULL;
    if (p->st == SHI_OK) {
        p->st = shi_futures_probs_svg(fu, pair, &c, p->err);
        figure(p, c, "futures: probabilities");
    }
    futures_table(p, fu);
    put(p, "<p class=\"finding\">In brackets: the 5th to 95th percentile of the probability "
           "over the parameter draws, i.e. how much the data pin the model down. In a "
           "rolling back-test over the major-power pairs (origins 1960-2012, horizons 1-5 "
           "years) these forecasts beat persistence but were no better than the historical "
           "frequency of each future, and they over-predict tension; the alliance "
           "probabilities come from the alliance-formation model of section 8 (with whom a "
           "state allies, 1817 on) times how often a state takes on a new defence pact, at "
           "the origin's covariates held fixed. The full ensemble, shocks and the back-test: "
           "<code>shi scenarios</code>.</p></section>\n");
}

/* ---- 7. timeline, missing data, sources ------------------------------------------ */

/* An event's source as a reader can look it up: the published parts of the
 * events file's source ("Study, section 4.6; Rozman 1997" -> "Rozman 1997");
 * the study's section numbers are for shi's maintainers, so an event the study
 * alone dates is credited to shi's documentation. */
static void published_source(page *p, const char *src)
{
    int n = 0;
    for (const char *seg = src; seg && *seg;) {
        const char *end = strstr(seg, "; ");
        size_t len = end ? (size_t)(end - seg) : strlen(seg);
        int study = (seg[0] == 'S' || seg[0] == 's') && strncmp(seg + 1, "tudy", 4) == 0;
        if (!study && len > 0) {
            char part[512];
            snprintf(part, sizeof part, "%.*s", (int)len, seg);
            put(p, "%s", n++ ? "; " : "");
            text(p, part);
        }
        seg = end ? end + 2 : NULL;
    }
    if (!n) {
        put(p, "shi's documentation");
    }
}

static void section_timeline(page *p)
{
    const shi_pair_analysis *o = p->pa;
    put(p, "<section id=\"timeline\"><h2>7. Milestones</h2>\n");
    shi_svg_chart *c = shi_svg_new(SHI_SVG_TIMELINE, 720, 200);
    int count = 0;
    if (c) {
        p->st = shi_svg_title(c, "Milestones",
                              "Dated events concerning the pair or the system, from shi's events "
                              "file, each with its published source below.",
                              p->err);
        shi_svg_axis xa = {"year", SHI_SVG_YEAR, 0, o->y0, o->y1};
        if (p->st == SHI_OK) {
            p->st = shi_svg_set_axis(c, 'x', &xa, p->err);
        }
    }
    for (size_t e = 0; e < o->nevents && p->st == SHI_OK; e++) {
        const shi_event *ev = &o->ev->v[o->events[e]];
        int y = ev->date / 10000;
        double xf = y + ((ev->date / 100 % 100) - 1) / 12.0;
        p->st = shi_svg_event(c, xf, ev->label, p->err);
        count++;
    }
    if (c && count == 0 && p->st == SHI_OK) {
        p->st = shi_svg_placeholder(c, "no event of the events file concerns this pair", p->err);
        note_missing(p, "milestones: the events file has none for this pair and these years");
    }
    figure(p, c, "milestones");
    put(p, "<ul class=\"events\">\n");
    for (size_t e = 0; e < o->nevents; e++) {
        const shi_event *ev = &o->ev->v[o->events[e]];
        int y = ev->date / 10000;
        put(p, "<li><strong>%04d-%02d-%02d</strong> ", y, ev->date / 100 % 100, ev->date % 100);
        text(p, ev->label);
        put(p, ": ");
        text(p, ev->description);
        put(p, " <span class=\"src\">(");
        published_source(p, ev->source);
        put(p, ")</span></li>\n");
    }
    put(p, "</ul></section>\n");
}

/* ---- appendix: validation of the threat index ---------------------------------- */

/* Short labels of the validation's scores (they must fit the chart). */
static const char *tv_label(int k)
{
    return k == SHI_TV_CINC_RATIO ? "CINC ratio" : shi_tv_score_name(k);
}

/* The test-period AUC of every score for outcome `o`, as bars. */
static void validation_chart(page *p, int o)
{
    const shi_threat_validation *v = &p->pa->validation;
    static const char *const what[SHI_TV_NOUT] = {"MID onset", "UCDP conflict"};
    char title[128], reading[512];
    snprintf(title, sizeof title, "Threat and later %s, test years %d-%d", what[o],
             v->y0[o][SHI_TV_TEST], v->y1[o][SHI_TV_TEST]);
    snprintf(reading, sizeof reading,
             "How well each score ranks the states a perceiver then fought (%s within %d "
             "years) above the others: ROC AUC per perceiver-year, averaged over %zu "
             "perceiver-years; 0.5 is chance, 1 a perfect ranking.",
             o == SHI_TV_MID ? "a dispute begins" : "a UCDP conflict", v->horizon,
             v->cell[o][SHI_TV_TEST][SHI_TV_COMPOSITE].groups);
    shi_svg_chart *c = shi_svg_new(SHI_SVG_BARS, 720, 220);
    if (c) {
        p->st = shi_svg_title(c, title, reading, p->err);
        shi_svg_axis xa = {"ROC AUC, test years (0.5 = chance)", SHI_SVG_NUM, 2, 0, 1};
        if (p->st == SHI_OK) {
            p->st = shi_svg_set_axis(c, 'x', &xa, p->err);
        }
        for (int k = 0; k < SHI_TV_NSCORE && p->st == SHI_OK; k++) {
            p->st = shi_svg_bar(c, tv_label(k), v->cell[o][SHI_TV_TEST][k].auc, (double)NAN,
                                (double)NAN, p->err);
        }
    }
    figure(p, c, what[o]);
}

static void section_validation(page *p)
{
    const shi_pair_analysis *o = p->pa;
    const shi_threat_validation *v = &o->validation;
    put(p, "<section id=\"validation\"><h2>Appendix: does the threat index predict "
           "conflict?</h2>\n");
    if (o->validation_status != SHI_OK) {
        char msg[700];
        snprintf(msg, sizeof msg, "threat validation: %s", o->validation_msg);
        note_missing(p, msg);
        put(p, "<p>The validation of the threat index was not computed: ");
        text(p, o->validation_msg);
        put(p, ".</p></section>\n");
        return;
    }
    static const char *const what[SHI_TV_NOUT] = {"MID onset", "UCDP conflict"};
    put(p,
        "<p>For every perceiver and year, the other states are ranked by each score: the "
        "threat composite of section 2, each of its four components alone, and three "
        "baselines (capital distance, contiguity, the CINC ratio). <strong>Out of "
        "sample</strong>: the model's weights and parameters were fitted on perceiver-years "
        "%d-%d (MID; UCDP %d-%d), whose outcomes end by %d, and tested on %d-%d (MID onsets, "
        "outcomes to %d) and %d-%d (UCDP conflict, outcomes to %d).</p>\n",
        v->y0[SHI_TV_MID][SHI_TV_TRAIN], v->y1[SHI_TV_MID][SHI_TV_TRAIN],
        v->y0[SHI_TV_UCDP][SHI_TV_TRAIN], v->y1[SHI_TV_UCDP][SHI_TV_TRAIN], o->validation_train_end,
        v->y0[SHI_TV_MID][SHI_TV_TEST], v->y1[SHI_TV_MID][SHI_TV_TEST],
        v->y1[SHI_TV_MID][SHI_TV_TEST] + 1, v->y0[SHI_TV_UCDP][SHI_TV_TEST],
        v->y1[SHI_TV_UCDP][SHI_TV_TEST], v->y1[SHI_TV_UCDP][SHI_TV_TEST] + 1);
    for (int k = 0; k < SHI_TV_NOUT && p->st == SHI_OK; k++) {
        validation_chart(p, k);
        const shi_tv_cell *c = v->cell[k][SHI_TV_TEST];
        int r = o->validation_rival[k];
        put(p,
            "<p class=\"finding\"><strong>%s: the composite %s every component and "
            "baseline by AUC</strong> out of sample (",
            what[k], o->validation_beats[k] ? "beats" : "does not beat");
        if (isnan(c[SHI_TV_COMPOSITE].auc)) {
            put(p, "no test AUC");
        } else {
            put(p, "test AUC %.3f", c[SHI_TV_COMPOSITE].auc);
        }
        if (r >= 0) {
            put(p, "; best of the others: %s, %.3f", tv_label(r), c[r].auc);
        }
        put(p, ").</p>\n");
    }
    put(p, "<table><tr><th>score</th><th>MID AUC</th><th>top-1</th><th>top-5</th>"
           "<th>UCDP AUC</th><th>top-1</th><th>top-5</th></tr>\n");
    for (int k = 0; k < SHI_TV_NSCORE; k++) {
        put(p, "<tr><td>%s</td>", tv_label(k));
        for (int q = 0; q < SHI_TV_NOUT; q++) {
            const shi_tv_cell *c = &v->cell[q][SHI_TV_TEST][k];
            const double x[3] = {c->auc, c->top1, c->top5};
            for (int j = 0; j < 3; j++) {
                if (isnan(x[j])) {
                    put(p, "<td>-</td>");
                } else {
                    put(p, "<td>%.3f</td>", x[j]);
                }
            }
        }
        put(p, "</tr>\n");
    }
    put(p, "</table><p class=\"src\">Test years only; top-k: the share of perceiver-years "
           "whose later opponent is among the k highest scores. The training years too: "
           "<code>shi threat validate</code>.</p></section>\n");
}

/* Plain statements of what the data do not cover in the report's years. */
static void coverage_notes(page *p)
{
    const shi_data *d = p->d;
    const shi_pair_analysis *o = p->pa;
    int who[3] = {o->a, o->b, p->third};
    char line[300];
    for (int k = 0; k < 3; k++) {
        int first = 0, last = 0;
        for (int y = o->y0; y <= o->y1; y++) {
            if (!isnan(cinc_of(p, k, y))) {
                last = y;
                first = first ? first : y;
            }
        }
        const shi_state *st = shi_states_get(&d->states, who[k]);
        int m0 = 0, m1 = 0;
        if (st) {
            shi_states_years(&d->states, st, &m0, &m1);
        }
        if (!first) {
            snprintf(line, sizeof line, "%s: no capability data in %d-%d", abb(d, who[k]), o->y0,
                     o->y1);
            note_missing(p, line);
        } else if (first > o->y0 || last < o->y1) {
            snprintf(line, sizeof line,
                     "%s: capability data only for %d-%d (a system member from %d); earlier "
                     "years are left blank, not zero",
                     abb(d, who[k]), first, last, m0);
            note_missing(p, line);
        }
    }
    struct {
        const char *what;
        int y0, y1;
    } cov[] = {{"contiguity (COW 3.2)", d->dy.contig_y0, d->dy.contig_y1},
               {"alliances (ATOP 5.1) and alliance similarity", d->dy.ally_y0, d->dy.ally_y1},
               {"UN ideal points", d->dy.unga_y0, d->dy.unga_y1},
               {"militarized disputes (GML MID 2.1.1)", d->dy.mid_y0, d->dy.mid_y1},
               {"trade (COW 4.0), and so the drivers and cooperation sections", d->rel.trade_y0,
                d->rel.trade_y1},
               {"events (ICEWS)", d->rel.ev_y0, d->rel.ev_y1}};
    for (size_t k = 0; k < sizeof cov / sizeof cov[0]; k++) {
        if (cov[k].y0 > o->y0 || cov[k].y1 < o->y1) {
            snprintf(line, sizeof line, "%s: data cover %d-%d only; other years are missing",
                     cov[k].what, cov[k].y0, cov[k].y1);
            note_missing(p, line);
        }
    }
}

static void section_data(page *p)
{
    const shi_data *d = p->d;
    put(p, "<section id=\"missing\"><h2>Missing data</h2>\n");
    if (!p->missing[0]) {
        put(p, "<p>Every chart has data for every series.</p>\n");
    } else {
        put(p, "<ul>\n");
        for (char *line = p->missing; *line;) {
            char *nl = strchr(line, '\n');
            if (nl) {
                *nl = '\0';
            }
            put(p, "<li>");
            text(p, line);
            put(p, "</li>\n");
            if (!nl) {
                break;
            }
            line = nl + 1;
        }
        put(p, "</ul>\n");
    }
    put(p, "</section>\n<section id=\"data\"><h2>Data and sources</h2>\n<table><tr><th>data "
           "set</th><th>version</th><th>file</th><th>read from</th><th>citation</th></tr>\n");
    for (size_t i = 0; i < d->nsrc; i++) {
        const shi_source *s = &d->src[i];
        put(p, "<tr><td>");
        text(p, s->name);
        put(p, "</td><td>");
        text(p, s->version);
        put(p, "</td><td>");
        text(p, s->file);
        put(p, "</td><td>");
        text(p, s->loaded);
        put(p, "</td><td>");
        text(p, s->citation);
        put(p, "</td></tr>\n");
    }
    put(p, "</table>\n<p>Methods, with their published sources: capabilities (CINC: Singer, "
           "Bremer &amp; Stuckey 1972), concentration (Ray &amp; Singer 1973), net resources "
           "(Beckley 2018), power transitions (Organski &amp; Kugler 1980); threat (Walt 1987); "
           "alliance-portfolio similarity (Signorino &amp; Ritter 1999; H&auml;ge 2011); trend "
           "tests (Mann 1945; Kendall 1975; Sen 1968); the drivers' shares (Shapley 1953) with "
           "a moving-block bootstrap (K&uuml;nsch 1989) and Newey-West errors (Newey &amp; West "
           "1987); cooperation (Axelrod 1984). shi's documentation gives every rule and "
           "threshold. The drivers bootstrap uses seed 1 (Philox4x32-10).</p></section>\n");
}

/* ---- the executive summary ------------------------------------------------------- */

/* The last year of [y0, y1] with a configuration under measure k (0: none). */
static int measure_last(const shi_pair_analysis *o, size_t k)
{
    for (int y = o->y1; y >= o->y0; y--) {
        if (o->measures[k].majors[y - o->y0].n > 0) {
            return y;
        }
    }
    return 0;
}

/* Close a summary item with its caveat (plain text, escaped). */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
caveat(page *p, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    put(p, " <span class=\"caveat\">");
    text(p, buf);
    put(p, "</span></li>\n");
}

/* Power: the configuration by CINC in its last year, and by the other measures. */
static void summary_power(page *p)
{
    const shi_pair_analysis *o = p->pa;
    const shi_data *d = p->d;
    int last = o->nmeasures ? measure_last(o, 0) : 0;
    if (!last) {
        put(p,
            "<li><strong>Power.</strong> No year of %d-%d has capability data for the major "
            "powers.",
            o->y0, o->y1);
        caveat(p, "Caveat: the report's other sections stand on their own data.");
        return;
    }
    const shi_power_year *r = &o->majors[last - o->y0];
    put(p,
        "<li><strong>Power.</strong> By CINC the system of the major powers is <b>%s</b> in "
        "%d: %s holds %.0f%% of their capabilities",
        shi_polarity_name(r->polarity), last, name(d, r->leader), 100 * r->leader_share);
    if (r->second) {
        put(p, ", %s %.0f%%", name(d, r->second), 100 * r->second_share);
    }
    put(p, ".");
    for (size_t k = 1; k < o->nmeasures; k++) {
        int y = measure_last(o, k);
        if (!y) {
            continue;
        }
        const shi_power_year *m = &o->measures[k].majors[y - o->y0];
        put(p, "%s %s: %s, %s ahead (%d)", k == 1 ? " By the other measures:" : ";",
            o->measures[k].label, shi_polarity_name(m->polarity), abb(d, m->leader), y);
    }
    put(p, o->nmeasures > 1 ? "." : "");
    caveat(p,
           "Caveat: CINC weighs population and heavy industry as much as military spending, "
           "which favours populous industrial states such as China; the labels follow shi's "
           "documented thresholds. Data: CINC "
           "through %d.",
           last);
}

/* Crossings: who is ahead in each pair of the triangle by CINC, since when,
 * the years they changed places, and the measures that disagree. */
static void summary_crossings(page *p)
{
    const shi_pair_analysis *o = p->pa;
    const shi_data *d = p->d;
    static const int pairs[3][2] = {{0, 1}, {0, 2}, {1, 2}};
    const int tri[3] = {o->a, o->b, p->third};
    if (o->nmeasures == 0) {
        return;
    }
    int last = 0;
    put(p, "<li><strong>Crossings.</strong>");
    for (int q = 0; q < 3; q++) {
        const shi_pair_lead *l = &o->measures[0].lead[q];
        if (!l->ahead) {
            continue;
        }
        int behind = l->ahead == tri[pairs[q][0]] ? tri[pairs[q][1]] : tri[pairs[q][0]];
        last = l->last > last ? l->last : last;
        put(p, " %s is ahead of %s by CINC", abb(d, l->ahead), abb(d, behind));
        if (l->since) {
            put(p, " since %d", l->since);
        } else {
            put(p, " in every year %d-%d", l->first_any, l->last);
        }
        put(p, " (%s at %.2f of %s in %d)", abb(d, behind), l->ratio, abb(d, l->ahead), l->last);
        int yrs[32], n = 0; /* the years one passed the other, in order */
        for (int dir = 0; dir < 2; dir++) {
            const shi_pair_transitions *tr = &o->trans[q][dir];
            for (size_t e = 0; e < tr->ev.n && n < 32; e++) {
                if (tr->ev.v[e].kind == SHI_OVERTAKES && tr->ev.v[e].year > o->y0) {
                    int i = n++;
                    for (; i > 0 && yrs[i - 1] > tr->ev.v[e].year; i--) {
                        yrs[i] = yrs[i - 1];
                    }
                    yrs[i] = tr->ev.v[e].year;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            put(p, "%s%d", i ? ", " : "; one passed the other in ", yrs[i]);
        }
        if (o->disagree[q]) {
            int m = 0;
            for (size_t k = 1; k < o->nmeasures; k++) {
                if (o->measures[k].lead[q].ahead && o->measures[k].lead[q].ahead != l->ahead) {
                    put(p, "%s%s", m++ ? ", " : "; but ", o->measures[k].label);
                }
            }
            put(p, " put%s %s ahead", m == 1 ? "s" : "", abb(d, behind));
        }
        put(p, ".");
    }
    caveat(p,
           "Caveat: a crossing is a year one state's CINC passes the other's; where the measures "
           "disagree, who is ahead depends on what counts as power. Data: through %d.",
           last);
}

/* Threat both ways in the last year, and in the last year with every part. */
static void summary_threat(page *p)
{
    const shi_pair_analysis *o = p->pa;
    const shi_data *d = p->d;
    size_t t = o->n - 1;
    double ab = o->threat[0][t], ba = o->threat[1][t];
    put(p, "<li><strong>Threat.</strong>");
    if (isnan(ab) || isnan(ba)) {
        put(p, " No threat measure in %d (capabilities or membership missing).", o->y1);
    } else {
        put(p, " In %d %s is %s threatened by %s (%.2f) than %s by %s (%.2f).", o->y1, abb(d, o->a),
            ab >= ba ? "more" : "less", abb(d, o->b), ab, abb(d, o->b), abb(d, o->a), ba);
    }
    int full =
        o->threat_full_y1[0] < o->threat_full_y1[1] ? o->threat_full_y1[0] : o->threat_full_y1[1];
    if (full && full < o->y1) {
        size_t f = (size_t)(full - o->y0);
        caveat(p,
               "Caveat: the %d totals leave out parts of Walt's index whose data had ended; %d "
               "is the last year with every part (then %.2f and %.2f). Data: complete through "
               "%d.",
               o->y1, full, o->threat[0][f], o->threat[1][f], full);
    } else {
        caveat(p,
               "Caveat: Walt's four criteria with shi's documented weights; an index of "
               "capability, proximity and conduct, not of intentions alone. Data: through %d.",
               full ? full : o->y1);
    }
}

/* Spheres of congruity and incongruity, with the years each area's data cover. */
static void summary_spheres(page *p)
{
    const shi_pair_analysis *o = p->pa;
    const shi_align *al = &o->align;
    static const shi_sphere kinds[4] = {SHI_SPHERE_CONGRUITY, SHI_SPHERE_INCONGRUITY,
                                        SHI_SPHERE_MIXED, SHI_SPHERE_NOTREND};
    static const char *const heads[4] = {"spheres of congruity", "spheres of incongruity", "mixed",
                                         "no clear trend"};
    int last = 0, nk = 0;
    put(p, "<li><strong>Issue areas.</strong>");
    for (int k = 0; k < 4; k++) {
        int n = 0;
        for (int area = 0; area < SHI_AREA_N; area++) {
            if (al->sphere[area] != kinds[k]) {
                continue;
            }
            if (n++) {
                put(p, ", ");
            } else {
                char head[32]; /* the first capitalised: it opens the sentence */
                snprintf(head, sizeof head, "%s", heads[k]);
                head[0] = (char)(nk ? head[0] : head[0] - 'a' + 'A');
                put(p, "%s%s: ", nk++ ? "; " : " ", head);
            }
            put(p, "%s", shi_area_name((shi_area)area));
            if (al->area_y[area][0]) {
                put(p, " (%d-%d)", al->area_y[area][0], al->area_y[area][1]);
                last = al->area_y[area][1] > last ? al->area_y[area][1] : last;
            }
        }
    }
    put(p, ".");
    caveat(p,
           "Caveat: an area is a sphere only when its trend is significant (Mann-Kendall, 5%%), "
           "at least the median change among %d pairs of major powers, and the same under all "
           "five measures of alliance similarity; a direction over the years, not a level. "
           "Data: each area's years as given, the latest %d.",
           al->tol_pairs, last);
}

/* Drivers: the verdict; and cooperation: the latest verdict of the game. */
static void summary_drivers_coop(page *p)
{
    const shi_pair_analysis *o = p->pa;
    const shi_drivers_id *id = &o->drivers.id;
    int dy1 = o->drivers_y1 >= o->drivers_y0 ? o->drivers_y1 : o->y1;
    put(p, "<li><strong>Drivers of the alignment.</strong> ");
    if (o->drivers_status == SHI_OK) {
        put(p, "Verdict: <b>%s</b> (", shi_verdict_name(id->verdict));
        text(p, id->why);
        put(p, "); external share %.0f%% of the explained variance [%.0f%%, %.0f%%].",
            100 * id->fit.external_share, 100 * id->fit.external_share_ci[0],
            100 * id->fit.external_share_ci[1]);
    } else {
        put(p, "Verdict: <b>not identified</b>: ");
        text(p, o->drivers_msg);
        put(p, ".");
    }
    caveat(p,
           "Caveat: a share of explained variance, not a causal effect; only years with trade "
           "data count. Data: %d-%d.",
           o->drivers_y0, dy1);
    const shi_coop_dyad *end = &o->coop_end, *l = &o->coop_last;
    int computable = o->coop_end_status == SHI_OK && end->computable;
    put(p, "<li><strong>Cooperation.</strong> ");
    if (computable) {
        put(p,
            "In %d the shadow of the future (%.3f) is %s the threshold (%.3f): cooperation "
            "<b>%s</b>.",
            end->year, end->delta, end->delta >= end->thr.grim ? "above" : "below", end->thr.grim,
            end->delta >= end->thr.grim ? "sustainable" : "not sustainable");
    } else {
        put(p, "Not computable in %d", o->coop_y1);
        if (o->coop_end_status == SHI_OK && end->missing[0]) {
            put(p, " (missing: ");
            text(p, end->missing);
            put(p, ")");
        }
        put(p, ".");
        if (o->coop_have) {
            put(p,
                " In %d, the latest year with every input, delta %.3f against the threshold "
                "%.3f: cooperation <b>%s</b>.",
                l->year, l->delta, l->thr.grim,
                l->delta >= l->thr.grim ? "sustainable" : "not sustainable");
        }
    }
    caveat(p,
           "Caveat: a prisoner's dilemma calibrated from the pair's data, a stylised model and "
           "not a forecast. Data: through %d.",
           computable     ? end->year
           : o->coop_have ? l->year
                          : o->coop_y1);
}

/* The page's opening: sentences written from the analysis, each finding with
 * its caveat and the last year its data cover. */
static void exec_summary(page *p)
{
    put(p, "<section id=\"summary\" class=\"summary\"><h2>Summary</h2>\n<ul>\n");
    summary_power(p);
    summary_crossings(p);
    if (p->pa->relations) {
        summary_threat(p);
        summary_spheres(p);
        summary_drivers_coop(p);
    }
    put(p, "</ul></section>\n");
}

static const char *CSS =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;"
    "max-width:820px;padding:0 16px 48px;color:#1a1a1a;line-height:1.45;background:#fff}"
    "h1{font-size:1.6em;margin:24px 0 4px}h2{font-size:1.25em;border-bottom:1px solid #ccc;"
    "padding-bottom:4px;margin-top:36px}figure{margin:16px 0}svg{max-width:100%;height:auto}"
    "table{border-collapse:collapse;font-size:.85em;width:100%;margin:8px 0}"
    "th,td{border-bottom:1px solid #e2e2e2;padding:4px 6px;text-align:left;vertical-align:top;"
    "overflow-wrap:break-word}"
    ".finding{background:#f4f6f8;border-left:4px solid #0072b2;padding:8px 12px}"
    ".summary{background:#f8f8f0;border:1px solid #ddd;padding:4px 16px 8px}"
    ".summary h2{margin-top:8px}.summary li{margin:6px 0}"
    ".caveat{display:block;color:#555;font-size:.9em}"
    ".src{color:#555;font-size:.9em}.sub{color:#444}"
    "#data table{table-layout:fixed}#data td{overflow-wrap:anywhere}"
    "#data th:nth-child(1){width:22%}#data th:nth-child(2){width:10%}"
    "#data th:nth-child(3){width:18%}#data th:nth-child(4){width:10%}"
    "@media print{@page{size:A4;margin:16mm 14mm}"
    "body{max-width:none;padding:0;font-size:10.5pt}a{color:inherit}"
    "section{break-before:page}section#summary,section#data{break-before:auto}"
    "h2,h3{break-after:avoid}figure,svg,tr,.finding,li{break-inside:avoid}"
    "thead{display:table-header-group}table{font-size:8.5pt}"
    ".summary,.finding{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "div.grid{display:block!important}div.grid figure{display:inline-block;width:49%;"
    "vertical-align:top;margin:0 0 8px}}"
    "@media (max-width:600px){body{font-size:15px;padding:0 8px}table{font-size:.75em}}";

shi_status shi_report_html(FILE *f, const shi_data *d, const shi_pair_analysis *pa, shi_err *err)
{
    page p;
    memset(&p, 0, sizeof p);
    p.err = err;
    p.d = d;
    p.pa = pa;
    p.third = pa->third;
    const shi_pair_analysis *o = pa;
    if (!pa->relations) {
        return shi_err_set(err, SHI_EINTERNAL, "report: the dyadic and relations data are needed");
    }
    char title[256];
    snprintf(title, sizeof title, "%s and %s, %d-%d", name(d, o->a), name(d, o->b), o->y0, o->y1);
    put(&p, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>shi report: ");
    text(&p, title);
    put(&p, "</title><style>%s</style></head><body>\n<header><h1>", CSS);
    text(&p, title);
    put(&p,
        "</h1><p class=\"sub\">The configuration of power, threat, alignment, drivers and "
        "cooperation of a pair of states (shi %s). Third state: ",
        SHI_VERSION);
    text(&p, name(d, p.third));
    put(&p, ".</p></header>\n");
    exec_summary(&p);
    if (p.st == SHI_OK) {
        section_power(&p);
    }
    if (p.st == SHI_OK) {
        section_threat(&p);
    }
    if (p.st == SHI_OK) {
        section_align(&p);
    }
    if (p.st == SHI_OK) {
        section_drivers(&p);
    }
    if (p.st == SHI_OK) {
        section_coop(&p);
    }
    if (p.st == SHI_OK) {
        section_timeline(&p);
    }
    if (p.st == SHI_OK && pa->relations) {
        section_formation(&p);
    }
    if (p.st == SHI_OK && pa->relations) {
        section_sphere(&p);
    }
    if (p.st == SHI_OK && pa->relations) {
        section_futures(&p);
    }
    if (p.st == SHI_OK) {
        section_validation(&p);
    }
    if (p.st == SHI_OK) {
        coverage_notes(&p);
        section_data(&p);
    }
    put(&p,
        "<footer><p class=\"src\">Made by shi %s, GPL-3.0-or-later. Cite shi "
        "and the data sets above.</p></footer>\n</body></html>\n",
        SHI_VERSION);
    shi_status s = p.st;
    if (s == SHI_OK && p.html.len && fwrite(p.html.data, 1, p.html.len, f) != p.html.len) {
        s = shi_err_set(err, SHI_EIO, "write error");
    }
    shi_svg_buf_free(&p.html);
    return s;
}
