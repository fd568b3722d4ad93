/*
 * eu_replicate.c - Bennett & Stam's (2000) design on shi's data
 * (shi/eu_replicate.h): every directed dyad-year with its predicted
 * equilibrium (the logical conditions of shi_wr_logical), its coded outcome,
 * the politically relevant subset, and the multinomial logits of their
 * Tables 3-4 (shi/mnl.h).
 */
#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/eu_replicate.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eu_replicate_mids.h"

const char *shi_bs_outcome_name(int o)
{
    static const char *const n[SHI_BS_NOUT] = {"SQ", "AcqB", "Nego", "CapA", "CapB", "Force"};
    return o >= 0 && o < SHI_BS_NOUT ? n[o] : "";
}

const char *shi_bs_pred_name(int p)
{
    static const char *const n[SHI_BS_NPRED] = {"SQ", "AcqA", "AcqB", "Nego", "WarA"};
    return p >= 0 && p < SHI_BS_NPRED ? n[p] : "";
}

/* The predicted class of a logical outcome; -1 for none. */
static int pred_of(int32_t logical)
{
    switch (logical) {
    case SHI_WR_SQ:
        return SHI_BS_P_SQ;
    case SHI_WR_ACQA:
        return SHI_BS_P_ACQA;
    case SHI_WR_ACQB:
        return SHI_BS_P_ACQB;
    case SHI_WR_NEGO:
        return SHI_BS_P_NEGO;
    case SHI_WR_WARA:
        return SHI_BS_P_WARA;
    default:
        return -1;
    }
}

/* One directed dyad-year into a sample. */
static void tally(shi_bs_sample *s, int pred, int c_sq, bs_status st, int ha, int hb,
                  long host[5][5])
{
    s->dyad_years++;
    if (pred < 0) {
        s->no_game++;
        return;
    }
    int out = SHI_BS_SQ, acqa = 0;
    switch (st) {
    case BS_ONGOING:
        s->drop_ongoing++;
        return;
    case BS_TARGET:
        s->drop_target++;
        return;
    case BS_JOINER:
        s->drop_joiner++;
        return;
    case BS_INIT:
    case BS_INIT_MUTUAL:
        if (ha < 1 || hb < 1) {
            s->drop_level++;
            return;
        }
        out = bs_outcome(ha, hb, &acqa);
        s->acqa_recoded += acqa;
        s->mutual += st == BS_INIT_MUTUAL;
        if (host) {
            host[hb - 1][ha - 1]++;
        }
        break;
    case BS_NONE:
        break;
    }
    s->table[pred][out]++;
    s->wara_sq += pred == SHI_BS_P_WARA && c_sq;
    s->n++;
}

/* The logit of a sample from its table: one weighted row per non-empty cell,
 * x = (dummies of the predicted classes other than the reference, 1). The
 * reference is SQ, or (when SQ is never predicted, as in a risk-neutral run)
 * the first class predicted; a class never predicted has no dummy. */
static shi_status fit_sample(shi_bs_sample *s, shi_err *err)
{
    int use[SHI_BS_NPRED] = {0}, np = 0, ref = -1;
    for (int g = 0; g < SHI_BS_NPRED; g++) {
        long tot = 0;
        for (int k = 0; k < SHI_BS_NOUT; k++) {
            tot += s->table[g][k];
        }
        if (tot > 0 && ref < 0) {
            ref = g;
        } else if (tot > 0) {
            use[g] = 1;
            np++;
        }
    }
    for (int j = 0; j < SHI_BS_NOUT - 1; j++) {
        for (int t = 0; t < SHI_BS_NPRED; t++) {
            s->beta[j][t] = s->se[j][t] = NAN;
        }
    }
    if (ref < 0) {
        return SHI_OK; /* no cases */
    }
    size_t p = (size_t)np + 1, n = 0;
    double x[SHI_BS_NPRED * SHI_BS_NOUT * SHI_BS_NPRED], w[SHI_BS_NPRED * SHI_BS_NOUT];
    int y[SHI_BS_NPRED * SHI_BS_NOUT];
    for (int g = 0; g < SHI_BS_NPRED; g++) {
        for (int k = 0; k < SHI_BS_NOUT; k++) {
            if (s->table[g][k] == 0) {
                continue;
            }
            size_t a = 0;
            for (int h = 1; h < SHI_BS_NPRED; h++) {
                if (use[h]) {
                    x[n * p + a++] = h == g ? 1.0 : 0.0;
                }
            }
            x[n * p + a] = 1.0;
            y[n] = k;
            w[n++] = (double)s->table[g][k];
        }
    }
    shi_status st = shi_mnl_fit_weighted(x, y, w, n, p, SHI_BS_NOUT, &s->fit, err);
    if (st != SHI_OK) {
        return st;
    }
    /* Terms: AcqA, AcqB, Nego, WarA (columns 0-3 = classes 1-4), constant (4). */
    for (int j = 0; j < SHI_BS_NOUT - 1; j++) {
        size_t a = 0;
        for (int h = 1; h < SHI_BS_NPRED; h++) {
            if (use[h]) {
                s->beta[j][h - 1] = s->fit.beta[(size_t)j * p + a];
                s->se[j][h - 1] = s->fit.se[(size_t)j * p + a];
                a++;
            }
        }
        s->beta[j][SHI_BS_NPRED - 1] = s->fit.beta[(size_t)j * p + a];
        s->se[j][SHI_BS_NPRED - 1] = s->fit.se[(size_t)j * p + a];
    }
    return SHI_OK;
}

/* Politically relevant (Bennett & Stam, p. 465; eu-formulas.md section 5):
 * land-contiguous (COW direct contiguity type 1) or a major power as a member. */
static int relevant(const shi_data *d, int year, int a, int b)
{
    const shi_state *sa = shi_states_get(&d->states, a), *sb = shi_states_get(&d->states, b);
    if (!sa || !sb) {
        return 0;
    }
    if (shi_states_major(&d->states, sa, year) || shi_states_major(&d->states, sb, year)) {
        return 1;
    }
    const shi_dyadic *dy = &d->dy;
    if (year < dy->contig_y0 || year > dy->contig_y1 || year < dy->y0 || year > dy->y1) {
        return 0;
    }
    size_t ia = (size_t)(sa - d->states.v), ib = (size_t)(sb - d->states.v);
    return dy->contig[shi_dy_pair(dy, year, ia, ib)] == 1;
}

/* The dyad-years with their games: directed, years y0-y1. */
static shi_status games(shi_frame *f, const shi_data *d, const shi_bs_request *q, shi_err *err)
{
    shi_dyad_opts o = {0};
    o.y0 = q->y0;
    o.y1 = q->y1;
    o.directed = 1;
    o.threads = q->threads;
    shi_status s = shi_dyads_generate(&d->states, &o, f, err);
    if (s != SHI_OK) {
        return s;
    }
    shi_dyadvars_opts vo = {0};
    vo.threads = q->threads;
    vo.eu = q->eu;
    vo.wr = &q->wr;
    return shi_dyadvars_add(f, SHI_DV_WR, d, &vo, err);
}

shi_status shi_bs_replicate(const shi_data *d, const shi_bs_request *q, shi_bs_result *out,
                            shi_err *err)
{
    memset(out, 0, sizeof *out);
    if (!d->dy_loaded || q->y0 < d->dy.y0 || q->y1 > d->dy.y1 || q->y0 > q->y1) {
        return shi_err_set(err, SHI_EUSAGE, "replicate: years %d-%d are outside the dyadic data",
                           q->y0, q->y1);
    }
    bs_mids m;
    shi_status s = bs_mids_read(&m, q->mid_path, q->y0, q->y1, err);
    if (s != SHI_OK) {
        return s;
    }
    shi_frame f;
    memset(&f, 0, sizeof f);
    if ((s = games(&f, d, q, err)) != SHI_OK) {
        bs_mids_free(&m);
        shi_frame_destroy(&f);
        return s;
    }
    const int32_t *yr = f.cols[0].i32, *c1 = f.cols[1].i32, *c2 = f.cols[2].i32;
    const int32_t *lg = f.cols[shi_frame_find(&f, "wr_logical")].i32;
    const int32_t *csq = f.cols[shi_frame_find(&f, "wr_c_sq")].i32;
    for (size_t r = 0; r < f.nrow; r++) {
        int ha = 0, hb = 0;
        bs_status st = bs_code(&m, yr[r], c1[r], c2[r], &ha, &hb);
        out->initiations += st == BS_INIT || st == BS_INIT_MUTUAL;
        int pred = lg[r] == SHI_NA_I32 ? -1 : pred_of(lg[r]);
        int sq = csq[r] == 1;
        tally(&out->all, pred, sq, st, ha, hb, out->host);
        if (relevant(d, yr[r], c1[r], c2[r])) {
            tally(&out->relevant, pred, sq, st, ha, hb, NULL);
        }
    }
    shi_frame_destroy(&f);
    bs_mids_free(&m);
    if ((s = fit_sample(&out->all, err)) == SHI_OK) {
        s = fit_sample(&out->relevant, err);
    }
    if (s != SHI_OK) {
        shi_bs_result_free(out);
    }
    return s;
}

void shi_bs_result_free(shi_bs_result *r)
{
    if (!r) {
        return;
    }
    shi_mnl_fit_free(&r->all.fit);
    shi_mnl_fit_free(&r->relevant.fit);
}
