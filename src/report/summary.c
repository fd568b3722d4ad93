/*
 * summary.c - the terminal summary of `shi report A B`.
 */
#include <shi/power.h>
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

shi_status shi_report_summary(FILE *f, const shi_data *d, const shi_report_opts *o, shi_err *err)
{
    int third = o->third ? o->third : default_third(d, o->cinc, o->a, o->b, o->y1);
    const shi_source *nmc = shi_data_source(d, "nmc");
    fprintf(f, "shi report: %s (%s) and %s (%s), %d-%d; third state %s (%s)\n\n", name(d, o->a),
            abb(d, o->a), name(d, o->b), abb(d, o->b), o->y0, o->y1, name(d, third), abb(d, third));

    fprintf(f, "1. Configuration of power among the major powers (CINC, COW NMC %s)\n",
            nmc ? nmc->version : "?");
    fprintf(f, "  %4s  %-10s  %-6s %6s  %-6s %6s  %6s  %5s\n", "year", "polarity", "leader",
            "share", "second", "share", "CON", "poles");
    shi_power_year last = {0};
    int step = (o->y1 - o->y0) > 12 ? 5 : 1;
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
                "capabilities, %.0f points ahead of %s.\n\n",
                last.year, shi_polarity_name(last.polarity), name(d, last.leader),
                100 * last.leader_share, 100 * last.lead, name(d, last.second));
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
                fprintf(f, "  (%s: no capability data in %d-%d)\n", abb(d, tri[k]), o->y0,
                        o->y1);
            }
        }
    }
    fprintf(f, "  trend %d-%d, %%/yr (log-linear)", o->y1 - 9, o->y1);
    double tr[3];
    for (int k = 0; k < 3; k++) {
        tr[k] = shi_power_trend(&d->caps, o->cinc, tri[k], o->y1, 10);
        fprintf(f, " %s %+.1f", abb(d, tri[k]), 100 * tr[k]);
    }
    fprintf(f, "\n");
    int rising = 0;
    for (int k = 1; k < 3; k++) {
        if (tr[k] > tr[rising]) {
            rising = k;
        }
    }
    double c0 = cinc_of(d, o->cinc, o->a, o->y1), c1 = cinc_of(d, o->cinc, o->b, o->y1);
    fprintf(f,
            "  Finding: in %d %s has %.1f times the capabilities of %s; %s is rising fastest "
            "(%+.1f%%/yr).\n\n",
            o->y1, abb(d, c0 >= c1 ? o->a : o->b), c0 >= c1 ? c0 / c1 : c1 / c0,
            abb(d, c0 >= c1 ? o->b : o->a), name(d, tri[rising]), 100 * tr[rising]);

    fprintf(f, "3. Power transitions (parity = 0.8-1.2 of the leader's CINC; Organski & Kugler "
               "1980)\n");
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
    fprintf(f, "\nSources:");
    for (size_t i = 0; i < d->nsrc; i++) {
        fprintf(f, "%s %s %s", i ? ";" : "", d->src[i].name, d->src[i].version);
    }
    fprintf(f, ".\n'shi data info' gives the citations. Threat, alignment, drivers and "
               "cooperation sections are not yet in this report.\n");
    return ferror(f) ? shi_err_set(err, SHI_EIO, "write error") : SHI_OK;
}
