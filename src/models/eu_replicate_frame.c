/*
 * eu_replicate_frame.c - shi_bs_frame: the result of Bennett & Stam's design
 * (shi/eu_replicate.h) as a long frame, one number a row, so that every
 * output format can carry it at full precision.
 */
#include <shi/eu_replicate.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct emit {
    shi_frame *f; /* NULL: count the rows only */
    size_t r;
    double *val;
    shi_status st;
    shi_err *err;
} emit;

static void put(emit *e, const char *sample, const char *item, const char *row, const char *col,
                double v)
{
    if (e->f && e->st == SHI_OK) {
        const char *cells[4] = {sample, item, row, col};
        for (size_t c = 0; c < 4 && e->st == SHI_OK; c++) {
            e->st = shi_frame_set_str(e->f, c, e->r, cells[c][0] ? cells[c] : NULL, e->err);
        }
        e->val[e->r] = v;
    }
    e->r++;
}

static const char *const TERMS[SHI_BS_NPRED] = {"AcqA", "AcqB", "Nego", "WarA", "constant"};

static long pred_total(const shi_bs_sample *s, int g)
{
    long t = 0;
    for (int k = 0; k < SHI_BS_NOUT; k++) {
        t += s->table[g][k];
    }
    return t;
}

static long outcome_total(const shi_bs_sample *s, int k)
{
    long t = 0;
    for (int g = 0; g < SHI_BS_NPRED; g++) {
        t += s->table[g][k];
    }
    return t;
}

static double cond(const shi_bs_sample *s, int g, int k)
{
    long t = pred_total(s, g);
    return t > 0 ? (double)s->table[g][k] / (double)t : (double)NAN;
}

static void counts(emit *e, const char *nm, const shi_bs_sample *s)
{
    const struct {
        const char *name;
        long v;
    } c[] = {{"dyad_years", s->dyad_years},
             {"no_game", s->no_game},
             {"drop_ongoing", s->drop_ongoing},
             {"drop_target", s->drop_target},
             {"drop_joiner", s->drop_joiner},
             {"drop_level", s->drop_level},
             {"n", s->n},
             {"acqa_recoded", s->acqa_recoded},
             {"mutual", s->mutual},
             {"not_sq", s->n - outcome_total(s, SHI_BS_SQ)},
             {"wara_sq", s->wara_sq}};
    for (size_t q = 0; q < sizeof c / sizeof c[0]; q++) {
        put(e, nm, "count", c[q].name, "", (double)c[q].v);
    }
}

static void tables(emit *e, const char *nm, const shi_bs_sample *s)
{
    for (int g = 0; g < SHI_BS_NPRED; g++) {
        put(e, nm, "predicted", shi_bs_pred_name(g), "", (double)pred_total(s, g));
        put(e, nm, "predicted_share", shi_bs_pred_name(g), "",
            s->n ? (double)pred_total(s, g) / (double)s->n : (double)NAN);
    }
    for (int k = 0; k < SHI_BS_NOUT; k++) {
        put(e, nm, "outcome", shi_bs_outcome_name(k), "", (double)outcome_total(s, k));
    }
    for (int g = 0; g < SHI_BS_NPRED; g++) {
        for (int k = 0; k < SHI_BS_NOUT; k++) {
            put(e, nm, "table", shi_bs_pred_name(g), shi_bs_outcome_name(k),
                (double)s->table[g][k]);
        }
    }
}

static void logit(emit *e, const char *nm, const shi_bs_sample *s)
{
    for (int j = 1; j < SHI_BS_NOUT; j++) {
        for (int t = 0; t < SHI_BS_NPRED; t++) {
            put(e, nm, "coef", shi_bs_outcome_name(j), TERMS[t], s->beta[j - 1][t]);
            put(e, nm, "se", shi_bs_outcome_name(j), TERMS[t], s->se[j - 1][t]);
        }
    }
    put(e, nm, "ll", "null", "", s->fit.beta ? s->fit.ll_null : (double)NAN);
    put(e, nm, "ll", "full", "", s->fit.beta ? s->fit.ll : (double)NAN);
    put(e, nm, "lr_chi2", "", "", s->fit.beta ? 2 * (s->fit.ll - s->fit.ll_null) : (double)NAN);
    put(e, nm, "df", "", "", s->fit.beta ? (double)((s->fit.k - 1) * (s->fit.p - 1)) : (double)NAN);
    for (int k = 0; k < SHI_BS_NOUT; k++) {
        double p0 = cond(s, SHI_BS_P_SQ, k);
        put(e, nm, "p_sq", shi_bs_outcome_name(k), "", p0);
        for (int g = 1; g < SHI_BS_NPRED; g++) {
            put(e, nm, "rr", shi_bs_outcome_name(k), shi_bs_pred_name(g), cond(s, g, k) / p0);
        }
    }
}

static void all_rows(emit *e, const shi_bs_result *r)
{
    const shi_bs_sample *s[2] = {&r->all, &r->relevant};
    static const char *const names[2] = {"all", "relevant"};
    for (int q = 0; q < 2; q++) {
        counts(e, names[q], s[q]);
        tables(e, names[q], s[q]);
        logit(e, names[q], s[q]);
    }
    put(e, "all", "initiations", "", "", (double)r->initiations);
    for (int t = 0; t < 5; t++) {
        for (int i = 0; i < 5; i++) {
            char row[8], col[8];
            snprintf(row, sizeof row, "%d", t + 1);
            snprintf(col, sizeof col, "%d", i + 1);
            put(e, "all", "host", row, col, (double)r->host[t][i]);
        }
    }
}

shi_status shi_bs_frame(const shi_bs_result *r, shi_frame *f, shi_err *err)
{
    emit e = {NULL, 0, NULL, SHI_OK, err};
    all_rows(&e, r);
    shi_status s;
    if ((s = shi_frame_init(f, "bennett_stam_2000", e.r, err)) ||
        (s = shi_frame_add_str(f, "sample", "all or politically relevant dyad-years", err)) ||
        (s = shi_frame_add_str(f, "item", "what the value is", err)) ||
        (s = shi_frame_add_str(f, "row", "outcome, predicted equilibrium or count", err)) ||
        (s = shi_frame_add_str(f, "col", "term, outcome or predicted equilibrium", err)) ||
        (s = shi_frame_add_f64(f, "value", "the number", 6, &e.val, err))) {
        return s;
    }
    e.f = f;
    e.r = 0;
    all_rows(&e, r);
    return e.st;
}
