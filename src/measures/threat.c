/*
 * threat.c - the directed balance-of-threat index (Walt 1987). Definitions,
 * defaults and sources: include/shi/threat.h and docs/threat.md.
 */
#include <shi/geography.h>
#include <shi/threat.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The parts of the data view the index reads. */
typedef struct threat_input {
    const shi_states *states;
    const shi_panel *caps;
    size_t cinc;
    const shi_dyadic *dy;
    const shi_relations *rel; /* NULL when the relations are not loaded */
} threat_input;

struct shi_threat_ctx {
    threat_input in;
    long map[1000]; /* COW code -> registry index */
    int y0, y1;     /* years of the capability panel */
    double *mil;    /* [year][state]: mean share of system milex and milper; NaN unknown */
    /* Dispute partners by year (CSR over the dyadic years): the states k with
     * mid_host[y][k][i] > 0 are part[pstart[(y - dy->y0) * n + i] ..]. They make
     * "allied with i's adversaries" O(partners) instead of O(states). */
    size_t *pstart;
    uint16_t *part;
};

shi_status shi_threat_ctx_new(shi_threat_ctx **out, const shi_data *d, shi_err *err)
{
    *out = NULL;
    if (!d->dy_loaded) {
        return shi_err_set(err, SHI_EINTERNAL, "threat: the dyadic data are not loaded");
    }
    const threat_input view = {&d->states, &d->caps, d->cinc, &d->dy,
                               d->rel_loaded ? &d->rel : NULL};
    const threat_input *in = &view;
    long cmx = shi_panel_find(in->caps, "milex"), cmp = shi_panel_find(in->caps, "milper");
    if (cmx < 0 || cmp < 0) {
        return shi_err_set(err, SHI_EINTERNAL, "threat: the panel has no milex/milper columns");
    }
    shi_threat_ctx *c = calloc(1, sizeof *c);
    if (!c) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    c->in = *in;
    for (int k = 0; k < 1000; k++) {
        c->map[k] = -1;
    }
    size_t n = in->states->n;
    for (size_t i = 0; i < n; i++) {
        c->map[in->states->v[i].ccode] = (long)i;
    }
    const shi_panel *p = in->caps;
    c->y0 = p->year_min;
    c->y1 = p->year_max;
    size_t ny = (size_t)(c->y1 - c->y0 + 1);
    c->mil = malloc((ny * n > 0 ? ny * n : 1) * sizeof *c->mil);
    if (!c->mil) {
        free(c);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t k = 0; k < ny * n; k++) {
        c->mil[k] = (double)NAN;
    }
    for (int y = c->y0; y <= c->y1; y++) {
        const size_t *rows;
        size_t m;
        shi_panel_year(p, y, &rows, &m);
        double tx = 0, tp = 0;
        for (size_t r = 0; r < m; r++) {
            if (shi_panel_ok(p, (size_t)cmx, rows[r])) {
                tx += shi_panel_get(p, (size_t)cmx, rows[r]);
            }
            if (shi_panel_ok(p, (size_t)cmp, rows[r])) {
                tp += shi_panel_get(p, (size_t)cmp, rows[r]);
            }
        }
        for (size_t r = 0; r < m; r++) {
            long i = c->map[p->unit[rows[r]]];
            if (i < 0) {
                continue;
            }
            double sum = 0;
            int k = 0;
            if (shi_panel_ok(p, (size_t)cmx, rows[r]) && tx > 0) {
                sum += shi_panel_get(p, (size_t)cmx, rows[r]) / tx;
                k++;
            }
            if (shi_panel_ok(p, (size_t)cmp, rows[r]) && tp > 0) {
                sum += shi_panel_get(p, (size_t)cmp, rows[r]) / tp;
                k++;
            }
            c->mil[(size_t)(y - c->y0) * n + (size_t)i] = k ? sum / k : (double)NAN;
        }
    }
    const shi_dyadic *dy = in->dy;
    if (dy && dy->mid_host) {
        size_t ny2 = (size_t)(dy->y1 - dy->y0 + 1), cells = ny2 * dy->n, total = 0;
        c->pstart = calloc(cells + 1, sizeof *c->pstart);
        for (size_t pass = 0; pass < 2 && c->pstart; pass++) {
            if (pass == 1) {
                c->part = malloc((total ? total : 1) * sizeof *c->part);
                if (!c->part) {
                    break;
                }
            }
            size_t at = 0;
            for (int y = dy->y0; y <= dy->y1; y++) {
                for (size_t i = 0; i < dy->n; i++) {
                    if (pass == 0) {
                        c->pstart[(size_t)(y - dy->y0) * dy->n + i] = total;
                    }
                    for (size_t k = 0; y >= dy->mid_y0 && y <= dy->mid_y1 && k < dy->n; k++) {
                        uint8_t h = dy->mid_host[shi_dy_pair(dy, y, k, i)];
                        if (h != SHI_DY_NA && h > 0) {
                            if (pass == 0) {
                                total++;
                            } else {
                                c->part[at++] = (uint16_t)k;
                            }
                        }
                    }
                }
            }
            c->pstart[cells] = total;
        }
        if (!c->pstart || !c->part) {
            shi_threat_ctx_free(c);
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
    }
    *out = c;
    return SHI_OK;
}

void shi_threat_ctx_free(shi_threat_ctx *c)
{
    if (c) {
        free(c->mil);
        free(c->pstart);
        free(c->part);
        free(c);
    }
}

double shi_threat_combine(const shi_threat_model *m, const double comp[SHI_T_N])
{
    double wsum = 0, acc = 0;
    for (int k = 0; k < SHI_T_N; k++) {
        if (isnan(comp[k]) || m->weight[k] <= 0) {
            continue;
        }
        wsum += m->weight[k];
        if (m->form == SHI_THREAT_GEOMETRIC) {
            acc += m->weight[k] * log(comp[k] > 1e-6 ? comp[k] : 1e-6);
        } else {
            acc += m->weight[k] * comp[k];
        }
    }
    if (wsum <= 0) {
        return (double)NAN;
    }
    return m->form == SHI_THREAT_GEOMETRIC ? exp(acc / wsum) : acc / wsum;
}

static double cinc_at(const shi_threat_ctx *c, int ccode, int year)
{
    long r = shi_panel_row(c->in.caps, ccode, year);
    return r >= 0 && shi_panel_ok(c->in.caps, c->in.cinc, (size_t)r)
               ? shi_panel_get(c->in.caps, c->in.cinc, (size_t)r)
               : (double)NAN;
}

/* Disputes j originated or joined against i over the window, weighted by
 * hostility / 5 and decay^age; saturating: 1 - prod(1 - x). */
static double disputes(const shi_threat_ctx *c, const shi_threat_model *m, size_t i, size_t j,
                       int year)
{
    const shi_dyadic *dy = c->in.dy;
    if (!dy || !dy->mid_host || year - m->window + 1 > dy->mid_y1 || year < dy->mid_y0) {
        return (double)NAN;
    }
    double keep = 1;
    for (int t = year; t > year - m->window && t >= dy->y0; t--) {
        if (t > dy->mid_y1 || t < dy->mid_y0) {
            continue;
        }
        uint8_t h = dy->mid_host[shi_dy_pair(dy, t, j, i)];
        if (h != SHI_DY_NA && h > 0) {
            keep *= 1 - (h / 5.0) * pow(m->decay, year - t);
        }
    }
    return 1 - keep;
}

/* j's alliances (level >= 2) with i's adversaries: the states that had a
 * dispute with i in the window. Share of i's adversaries allied to j. */
static double allied_with_adversaries(const shi_threat_ctx *c, const shi_threat_model *m, size_t i,
                                      size_t j, int year)
{
    const shi_dyadic *dy = c->in.dy;
    if (!dy || !dy->mid_host || year < dy->ally_y0 || year > dy->ally_y1 || year < dy->mid_y0 ||
        year - m->window + 1 > dy->mid_y1) {
        return (double)NAN;
    }
    /* i's adversaries in the window: the union of its yearly dispute partners. */
    uint16_t seen[256];
    size_t nseen = 0, allied = 0;
    for (int t = year; t > year - m->window && t >= dy->mid_y0; t--) {
        if (t > dy->mid_y1 || !c->pstart) {
            continue;
        }
        size_t cell = (size_t)(t - dy->y0) * dy->n + i;
        for (size_t q = c->pstart[cell]; q < c->pstart[cell + 1]; q++) {
            size_t k = c->part[q];
            int dup = k == j || k == i;
            for (size_t r = 0; r < nseen && !dup; r++) {
                dup = seen[r] == k;
            }
            if (dup || nseen == 256) {
                continue;
            }
            seen[nseen++] = (uint16_t)k;
            uint8_t a = dy->ally_level[shi_dy_pair(dy, year, j, k)];
            uint8_t b = dy->ally_level[shi_dy_pair(dy, year, k, j)];
            allied += (a != SHI_DY_NA && a >= 2) || (b != SHI_DY_NA && b >= 2);
        }
    }
    size_t adversaries = nseen;
    return adversaries ? (double)allied / (double)adversaries : 0.0;
}

shi_status shi_threat_compute(const shi_threat_ctx *c, const shi_threat_model *m, int i, int j,
                              int year, shi_threat *out, shi_err *err)
{
    for (int k = 0; k < SHI_T_N; k++) {
        out->comp[k] = (double)NAN;
    }
    for (int k = 0; k < SHI_TI_N; k++) {
        out->intent[k] = (double)NAN;
    }
    out->total = (double)NAN;
    if (i < 1 || i > 999 || j < 1 || j > 999 || c->map[i] < 0 || c->map[j] < 0) {
        return shi_err_set(err, SHI_EUSAGE, "threat: unknown state code %d",
                           (i < 1 || i > 999 || c->map[i] < 0) ? i : j);
    }
    if (i == j) {
        return shi_err_set(err, SHI_EUSAGE, "threat: a state does not threaten itself");
    }
    size_t si = (size_t)c->map[i], sj = (size_t)c->map[j];
    const shi_states *s = c->in.states;
    if (!shi_states_member(s, &s->v[si], year) || !shi_states_member(s, &s->v[sj], year)) {
        return SHI_OK; /* no dyad that year */
    }
    /* Strength. */
    double ci = cinc_at(c, i, year), cj = cinc_at(c, j, year);
    if (!isnan(ci) && !isnan(cj) && ci + cj > 0) {
        out->comp[SHI_T_STRENGTH] = cj / (ci + cj);
    }
    /* Proximity and offensive capability need the capitals and contiguity. */
    const shi_dyadic *dy = c->in.dy;
    double km = (double)NAN;
    if (dy && year >= dy->y0 && year <= dy->y1) {
        size_t a = shi_dy_one(dy, year, si), b = shi_dy_one(dy, year, sj);
        if (!isnan(dy->cap_lat[a]) && !isnan(dy->cap_lat[b])) {
            km =
                shi_great_circle_km(dy->cap_lat[a], dy->cap_lon[a], dy->cap_lat[b], dy->cap_lon[b]);
        }
        double prox = isnan(km) ? (double)NAN : pow(2.0, -km / m->half_distance_km);
        uint8_t ct = dy->contig[shi_dy_pair(dy, year, si, sj)];
        if (ct == SHI_DY_NA && year > dy->contig_y1 && dy->contig_y1 >= dy->y0) {
            /* After the contiguity data end (2016), borders are carried forward:
             * they rarely change, and missing would read as "far apart". */
            ct = dy->contig[shi_dy_pair(dy, dy->contig_y1, si, sj)];
        }
        if (ct >= 1 && ct <= 5) {
            double floor_ = m->contiguity[ct - 1];
            prox = isnan(prox) || floor_ > prox ? floor_ : prox;
        }
        out->comp[SHI_T_PROXIMITY] = prox;
    }
    if (year >= c->y0 && year <= c->y1 && !isnan(km)) {
        size_t n = s->n;
        double mi = c->mil[(size_t)(year - c->y0) * n + si];
        double mj = c->mil[(size_t)(year - c->y0) * n + sj];
        if (!isnan(mi) && !isnan(mj)) {
            double pj = shi_lsg(mj, km / SHI_KM_PER_MILE, m->miles_per_day);
            double pi = shi_lsg(mi, 0, m->miles_per_day);
            double o = pj + pi > 0 ? pj / (pj + pi) : 0.5;
            if (dy && dy->nuclear && year >= dy->y0 && year <= dy->y1 &&
                dy->nuclear[shi_dy_one(dy, year, sj)] == 3) {
                o = 1 - (1 - o) * (1 - m->nuclear);
            }
            out->comp[SHI_T_OFFENSIVE] = o;
        }
    }
    /* Intentions. */
    if (dy && year >= dy->y0 && year <= dy->y1) {
        double ui = dy->ideal[shi_dy_one(dy, year, si)], uj = dy->ideal[shi_dy_one(dy, year, sj)];
        if (!isnan(ui) && !isnan(uj)) {
            double u = fabs(ui - uj);
            out->intent[SHI_TI_UN] = u / (u + m->un_scale);
        }
        out->intent[SHI_TI_DISPUTES] = disputes(c, m, si, sj, year);
        out->intent[SHI_TI_ALLIANCES] = allied_with_adversaries(c, m, si, sj, year);
        if (c->in.rel) {
            out->intent[SHI_TI_EVENTS] = shi_rel_conflict(c->in.rel, j, i, year);
        }
        double w = 0, acc = 0;
        for (int k = 0; k < SHI_TI_N; k++) {
            if (!isnan(out->intent[k]) && m->intent_weight[k] > 0) {
                w += m->intent_weight[k];
                acc += m->intent_weight[k] * out->intent[k];
            }
        }
        out->comp[SHI_T_INTENTIONS] = w > 0 ? acc / w : (double)NAN;
    }
    out->total = shi_threat_combine(m, out->comp);
    return SHI_OK;
}
