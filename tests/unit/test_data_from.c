/*
 * test_data_from.c - a data view from a later year (shi_data_spec.from) is
 * a view, not other data: `shi align` and `shi formation predict` load only
 * the years they read (shi_align_from, shi_formation_predict_from), and
 * every number they compute must be the one the whole data give. The
 * reference is the whole embedded data loaded the usual way; the cases
 * cover the default years and earlier ones, a longer trend window and a
 * threat model with a longer memory.
 */
#include "test_util.h"

#include <math.h>

#include <shi/align.h>
#include <shi/formation.h>
#include <shi/threat.h>

typedef struct fixture {
    shi_data all;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || open_data(&f->all, SHI_DATA_RELATIONS | SHI_DATA_ECON | SHI_DATA_ENERGY)) {
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    shi_data_destroy(&f->all);
    free(f);
    return 0;
}

static void open_from(shi_data *d, unsigned parts, int from, unsigned omit)
{
    shi_err err = {0};
    const shi_data_spec spec = {.parts = parts, .from = from, .omit = omit};
    memset(d, 0, sizeof *d);
    assert_int_equal(shi_data_open(d, &spec, &err), SHI_OK);
    assert_int_equal(d->from, from);
    assert_int_equal(d->dy.y0, from);
}

/* Equal doubles, NaN equal to NaN (the same computation gives the same NaN). */
static void same_reals(const double *a, const double *b, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++) {
        if (!(a[i] == b[i] || (isnan(a[i]) && isnan(b[i])))) {
            fail_msg("%s[%zu]: %.17g (whole data) vs %.17g (view)", what, i, a[i], b[i]);
        }
    }
}

static void same_align(const shi_align *x, const shi_align *y)
{
    assert_int_equal(x->ys, y->ys);
    size_t ny = (size_t)(x->y1 - x->ys + 1);
    for (int k = 0; k < SHI_AL_N; k++) {
        same_reals(x->value[k], y->value[k], ny, shi_align_indicators()[k].name);
        same_reals(x->close[k], y->close[k], ny, "closeness");
        assert_memory_equal(x->flag[k], y->flag[k], ny);
        same_reals(x->slope[k], y->slope[k], ny, "slope");
        same_reals(x->p[k], y->p[k], ny, "p");
        assert_memory_equal(x->dir[k], y->dir[k], ny * sizeof *x->dir[k]);
        same_reals(&x->trend[k].mk.p, &y->trend[k].mk.p, 1, "trend p");
        same_reals(&x->trend[k].change, &y->trend[k].change, 1, "trend change");
        assert_int_equal(x->trend[k].dir, y->trend[k].dir);
        assert_int_equal(x->nflag[k], y->nflag[k]);
    }
    for (int v = 0; v < SHI_ALSIM_N; v++) {
        same_reals(x->sim[v], y->sim[v], ny, "similarity");
    }
    same_reals(x->tol, y->tol, SHI_AL_N, "thresholds");
    same_reals(x->sim_tol, y->sim_tol, SHI_ALSIM_N, "variant thresholds");
    assert_memory_equal(x->area_label, y->area_label, sizeof x->area_label);
    assert_memory_equal(x->sphere, y->sphere, sizeof x->sphere);
    assert_memory_equal(x->area_y, y->area_y, sizeof x->area_y);
    assert_memory_equal(x->veto_n, y->veto_n, sizeof x->veto_n);
}

static void align_case(const shi_data *all, int a, int b, int y0, int y1, int window,
                       const shi_threat_model *m)
{
    shi_err err = {0};
    shi_align x, y;
    assert_int_equal(shi_align_compute(&x, all, m, a, b, y0, y1, window, &err), SHI_OK);
    assert_int_equal(shi_align_assess(&x, all, m, &err), SHI_OK);
    shi_data v;
    int from = shi_align_from(m, y0, window);
    assert_true(from > SHI_DYADIC_Y0); /* the cases are views, not the whole data */
    /* As `shi align` loads it: from `from`, without the shared IGOs. */
    open_from(&v, SHI_DATA_RELATIONS | SHI_DATA_ECON | SHI_DATA_ENERGY, from, SHI_DATA_OMIT_IGO);
    assert_null(v.dy.igo);
    assert_int_equal(shi_align_compute(&y, &v, m, a, b, y0, y1, window, &err), SHI_OK);
    assert_int_equal(shi_align_assess(&y, &v, m, &err), SHI_OK);
    same_align(&x, &y);
    shi_align_destroy(&x);
    shi_align_destroy(&y);
    shi_data_destroy(&v);
}

static void align_views(void **state)
{
    fixture *f = *state;
    align_case(&f->all, 365, 710, 1992, 2016, 5, NULL); /* RUS CHN, the defaults */
    align_case(&f->all, 220, 255, 1992, 2016, 5, NULL); /* FRN GMY */
    align_case(&f->all, 2, 710, 1950, 1980, 7, NULL);   /* USA CHN, the Cold War */
    shi_threat_model m = shi_threat_model_default();
    m.window = 25;                                    /* a longer memory reaches further back */
    align_case(&f->all, 750, 770, 1960, 1990, 5, &m); /* IND PAK */
}

/* A view that starts after the years a measure reads is refused, not read
 * as missing. */
static void align_refuses_short_view(void **state)
{
    (void)state;
    shi_data v;
    open_from(&v, SHI_DATA_RELATIONS, 2000, 0);
    shi_err err = {0};
    shi_align al;
    assert_int_equal(shi_align_compute(&al, &v, NULL, 365, 710, 1992, 2016, 5, &err),
                     SHI_EINTERNAL);
    assert_non_null(strstr(err.msg, "starts in 2000"));
    shi_align_destroy(&al);
    shi_data_destroy(&v);
}

static void formation_case(const shi_data *all, int t)
{
    shi_err err = {0};
    shi_formation_opts o = shi_formation_opts_default();
    shi_data v;
    const shi_data_spec spec = {0};
    int from = shi_formation_predict_from(all, &spec, &o, t);
    assert_int_equal(from, shi_formation_from(&o, t ? t : 2017));
    open_from(&v, SHI_DATA_RELATIONS | SHI_DATA_ECON, from, 0);
    int c0, c1, pmax;
    shi_formation_years(&v, &c0, &c1, &pmax);
    t = t ? t : pmax;
    shi_threat_ctx *cx = NULL, *cy = NULL;
    shi_formation_year x = {0}, y = {0};
    assert_int_equal(shi_threat_ctx_new(&cx, all, &err), SHI_OK);
    assert_int_equal(shi_threat_ctx_new(&cy, &v, &err), SHI_OK);
    assert_int_equal(shi_formation_year_compute(all, cx, &o, t, &x, &err), SHI_OK);
    assert_int_equal(shi_formation_year_compute(&v, cy, &o, t, &y, &err), SHI_OK);
    size_t n = x.n;
    same_reals(x.x, y.x, n * n * SHI_FV_N, "covariates");
    for (int l = 0; l < SHI_FORM_NLEVEL; l++) {
        assert_memory_equal(x.risk[l], y.risk[l], n * n);
        assert_memory_equal(x.onset[l], y.onset[l], n * n);
    }
    shi_formation_year_free(&x);
    shi_formation_year_free(&y);
    shi_threat_ctx_free(cx);
    shi_threat_ctx_free(cy);
    shi_data_destroy(&v);
}

static void formation_views(void **state)
{
    fixture *f = *state;
    int c0, c1, pmax;
    shi_formation_years(&f->all, &c0, &c1, &pmax);
    assert_int_equal(pmax, 2017); /* contiguity (COW 3.2) ends in 2016 */
    formation_case(&f->all, 0);   /* the default: the last year a prediction can be made for */
    formation_case(&f->all, 2001);
    formation_case(&f->all, 1950);
    formation_case(&f->all, 1900);
}

/* Outside the covered years there is no view: the whole data, whose error
 * names the covered range. */
static void formation_outside(void **state)
{
    fixture *f = *state;
    shi_formation_opts o = shi_formation_opts_default();
    const shi_data_spec spec = {0};
    assert_int_equal(shi_formation_predict_from(&f->all, &spec, &o, 2030), 0);
    assert_int_equal(shi_formation_predict_from(&f->all, &spec, &o, 1700), 0);
    const shi_data_spec dir = {.dir = "/nonexistent"};
    assert_int_equal(shi_formation_predict_from(&f->all, &dir, &o, 0), 0);
}

/* The lists of a view hold the rows of its years, the same as the whole
 * data's; coverages start at the view. */
static void lists_and_coverage(void **state)
{
    fixture *f = *state;
    shi_data v;
    open_from(&v, SHI_DATA_RELATIONS, 1990, 0);
    size_t n = 0;
    for (size_t r = 0; r < f->all.rel.ntd; r++) {
        n += f->all.rel.td_year[r] >= 1990;
    }
    assert_true(n > 0 && n < f->all.rel.ntd);
    assert_int_equal(v.rel.ntd, n);
    for (size_t r = 0, q = 0; r < f->all.rel.ntd; r++) {
        if (f->all.rel.td_year[r] >= 1990) {
            assert_int_equal(v.rel.td_a[q], f->all.rel.td_a[r]);
            assert_int_equal(v.rel.td_b[q], f->all.rel.td_b[r]);
            assert_int_equal(v.rel.td_year[q], f->all.rel.td_year[r]);
            q++;
        }
    }
    assert_int_equal(v.rel.trade_y0, 1990);
    assert_int_equal(v.rel.trade_y1, f->all.rel.trade_y1);
    assert_int_equal(v.dy.mid_y0, 1990);
    assert_int_equal(v.dy.ally_y0, 1990);
    assert_int_equal(v.dy.contig_y1, f->all.dy.contig_y1);
    assert_int_equal(v.dy.unga_y0, 1990);
    /* The IGO arrays are there, from 1990, as in the whole data. */
    assert_non_null(v.dy.igo);
    size_t nn = v.dy.n * v.dy.n;
    assert_memory_equal(v.dy.igo, f->all.dy.igo + (size_t)(1990 - 1816) * nn,
                        (size_t)(2014 - 1990 + 1) * nn);
    /* A later call cannot widen the view. */
    shi_err err = {0};
    const shi_data_spec wider = {.parts = SHI_DATA_RELATIONS | SHI_DATA_EVENTS, .from = 1980};
    assert_int_equal(shi_data_open(&v, &wider, &err), SHI_EINTERNAL);
    shi_data_destroy(&v);
    /* Nor bring back an omitted part. */
    open_from(&v, SHI_DATA_RELATIONS, 2000, SHI_DATA_OMIT_IGO);
    assert_null(v.dy.igo);
    assert_null(v.dy.igo_sy[0]);
    assert_true(v.dy.igo_y0 > v.dy.igo_y1);
    const shi_data_spec igo = {.parts = SHI_DATA_RELATIONS | SHI_DATA_EVENTS, .from = 2000};
    assert_int_equal(shi_data_open(&v, &igo, &err), SHI_EINTERNAL);
    shi_data_destroy(&v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(align_views),        cmocka_unit_test(align_refuses_short_view),
        cmocka_unit_test(formation_views),    cmocka_unit_test(formation_outside),
        cmocka_unit_test(lists_and_coverage),
    };
    return shi_run_group_tests(tests, setup, teardown);
}
