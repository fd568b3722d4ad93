/*
 * test_formation.c - the conditional logit against maximum-likelihood
 * estimates derived by hand, its degenerate cases, and the alliance-onset
 * design and shipped fits on the embedded data.
 */
#include "test_util.h"

#include <math.h>

#include <shi/formation.h>

/* Four choice sets of two partners, x = 0 and x = 1; three choose x = 1.
 * L(b) = 3 log(e^b / (1 + e^b)) + log(1 / (1 + e^b)) is maximal where
 * e^b / (1 + e^b) = 3/4, b = log 3; the information is 4 p (1 - p) = 3/4,
 * so se = sqrt(4/3). (McFadden 1974: with two alternatives the conditional
 * logit is a logit of the difference.) */
static void clogit_two(void **state)
{
    (void)state;
    const double X[] = {0, 1, 0, 1, 0, 1, 0, 1};
    const int y[] = {0, 1, 0, 1, 0, 1, 1, 0};
    const size_t gs[] = {0, 2, 4, 6, 8};
    double b = 0, se = 0, ll;
    int it, ok;
    char msg[100];
    shi_err err = {0};
    assert_int_equal(
        shi_clogit_fit(X, y, NULL, gs, 4, 1, &b, &se, &ll, &it, &ok, msg, sizeof msg, &err),
        SHI_OK);
    assert_true(ok);
    assert_true(fabs(b - log(3.0)) < 1e-9);
    assert_true(fabs(se - sqrt(4.0 / 3.0)) < 1e-9);
    assert_true(fabs(ll - (3 * log(0.75) + log(0.25))) < 1e-9);
}

/* Three partners x = (0, 0, 1); two sets choose x = 1, two choose an x = 0:
 * e^b / (2 + e^b) = 1/2 gives b = log 2. */
static void clogit_three(void **state)
{
    (void)state;
    const double X[] = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
    const int y[] = {0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0};
    const size_t gs[] = {0, 3, 6, 9, 12};
    double b = 0, ll;
    int it, ok;
    char msg[100];
    shi_err err = {0};
    assert_int_equal(
        shi_clogit_fit(X, y, NULL, gs, 4, 1, &b, NULL, &ll, &it, &ok, msg, sizeof msg, &err),
        SHI_OK);
    assert_true(ok);
    assert_true(fabs(b - log(2.0)) < 1e-9);
}

/* Breslow with weights: set A = (0, 1, 1) with onsets on both x = 1, weight
 * 1/2 each (one chooser-year, one decision); set B = (0, 1, 1) with the onset
 * on x = 0. L = [b - log(1 + 2e^b)] + [0 - log(1 + 2e^b)]; dL/db = 1 -
 * 4e^b / (1 + 2e^b) = 0 gives e^b = 1/2, b = -log 2. */
static void clogit_weighted(void **state)
{
    (void)state;
    const double X[] = {0, 1, 1, 0, 1, 1};
    const int y[] = {0, 1, 1, 1, 0, 0};
    const double w[] = {0, 0.5, 0.5, 1, 0, 0};
    const size_t gs[] = {0, 3, 6};
    double b = 0, ll;
    int it, ok;
    char msg[100];
    shi_err err = {0};
    assert_int_equal(
        shi_clogit_fit(X, y, w, gs, 2, 1, &b, NULL, &ll, &it, &ok, msg, sizeof msg, &err), SHI_OK);
    assert_true(ok);
    assert_true(fabs(b + log(2.0)) < 1e-9);
}

/* No finite MLE: every set chooses x = 1 (separation); x never varies; no
 * onsets. Each is reported, never a coefficient. */
static void clogit_degenerate(void **state)
{
    (void)state;
    const double X[] = {0, 1, 0, 1, 0, 1}, flat[] = {2, 2, 2, 2, 2, 2};
    const int y[] = {0, 1, 0, 1, 0, 1}, none[] = {0, 0, 0, 0, 0, 0};
    const size_t gs[] = {0, 2, 4, 6};
    double b = 0, ll;
    int it, ok = 1;
    char msg[100];
    shi_err err = {0};
    assert_int_equal(
        shi_clogit_fit(X, y, NULL, gs, 3, 1, &b, NULL, &ll, &it, &ok, msg, sizeof msg, &err),
        SHI_OK);
    assert_false(ok);
    assert_non_null(strstr(msg, "separation"));
    b = 0;
    assert_int_equal(
        shi_clogit_fit(flat, y, NULL, gs, 3, 1, &b, NULL, &ll, &it, &ok, msg, sizeof msg, &err),
        SHI_OK);
    assert_false(ok);
    assert_non_null(strstr(msg, "does not vary"));
    b = 0;
    assert_int_equal(
        shi_clogit_fit(X, none, NULL, gs, 3, 1, &b, NULL, &ll, &it, &ok, msg, sizeof msg, &err),
        SHI_OK);
    assert_false(ok);
    assert_string_equal(msg, "no onsets");
}

static shi_data DATA;

static int setup(void **state)
{
    (void)state;
    return open_data(&DATA, SHI_DATA_RELATIONS | SHI_DATA_ECON);
}

static int teardown(void **state)
{
    (void)state;
    shi_data_destroy(&DATA);
    return 0;
}

/* Shared IGOs in the design of onsets 1948-1950 (covariates of 1947-1949):
 * the design counts the rows with an IGO value and their onsets (counted
 * again here); the embedded data hold IGOs only for dyads with a (sometime)
 * major power, so some rows have them and some do not; a missing value is 0
 * with igo_missing 1. US -> UK in 1949 (NATO) has the value of 1948 from
 * cow_igo_v3/cow_igo_ndy.csv.gz, the row "2,200,1948,36": log(1 + 36). */
static void igo_rows(const shi_formation_design *x)
{
    size_t rows = 0, onsets = 0;
    int seen = 0;
    for (size_t g = 0; g < x->ngroup; g++) {
        for (size_t r = x->gstart[g]; r < x->gstart[g + 1]; r++) {
            const double *v = x->x + r * SHI_FV_N;
            assert_true(v[SHI_FV_IGO_NA] == 0 || (v[SHI_FV_IGO_NA] == 1 && v[SHI_FV_IGO] == 0));
            rows += v[SHI_FV_IGO_NA] == 0;
            onsets += v[SHI_FV_IGO_NA] == 0 && x->onset[r];
            if (x->gchooser[g] == 2 && x->gyear[g] == 1949 && x->partner[r] == 200) {
                assert_int_equal(v[SHI_FV_IGO_NA], 0);
                assert_float_equal(v[SHI_FV_IGO], log(37.0), 1e-12);
                seen = 1;
            }
        }
    }
    assert_true(seen);
    assert_int_equal(x->igo_rows, rows);
    assert_int_equal(x->igo_onsets, onsets);
    assert_true(rows > 0 && rows < x->n);
}

/* The design on the embedded data: the years it covers (ATOP 1815-2018, NMC
 * to 2016, covariates lagged one year), NATO's founding in 1949 as US defence
 * onsets with the United Kingdom and France (ATOP 5.1), refused years. */
static void design_embedded(void **state)
{
    (void)state;
    int y0, y1, pmax;
    shi_formation_years(&DATA, &y0, &y1, &pmax);
    assert_int_equal(y0, 1817);
    assert_int_equal(y1, 2017);
    shi_formation_opts o = shi_formation_opts_default();
    o.y0 = 1948;
    o.y1 = 1950;
    shi_formation_design x;
    shi_err err = {0};
    assert_int_equal(shi_formation_design_build(&DATA, &o, &x, &err), SHI_OK);
    int uk = 0, fra = 0;
    for (size_t g = 0; g < x.ngroup; g++) {
        for (size_t r = x.gstart[g]; r < x.gstart[g + 1]; r++) {
            const double *v = x.x + r * SHI_FV_N;
            assert_true(v[SHI_FV_CONTIG] == 0 || v[SHI_FV_CONTIG] == 1);
            assert_true(v[SHI_FV_THREAT_IJ] >= 0 && v[SHI_FV_THREAT_IJ] <= 1);
            if (x.gchooser[g] == 2 && x.gyear[g] == 1949 && x.onset[r]) {
                uk |= x.partner[r] == 200;
                fra |= x.partner[r] == 220;
            }
        }
    }
    assert_true(uk && fra);
    assert_true(x.nonsets > 0 && x.nonsets <= x.onsets_all);
    igo_rows(&x);
    shi_formation_design_free(&x);
    o.y0 = 1800;
    assert_int_equal(shi_formation_design_build(&DATA, &o, &x, &err), SHI_EUSAGE);
    assert_non_null(strstr(err.msg, "1817-2017"));
}

/* The controls-only baseline has the shared IGOs and their missing
 * indicator (docs/formation.md), and so every model; its shipped fit has a
 * coefficient on both. */
static void controls_have_igo(void **state)
{
    (void)state;
    for (int m = 0; m < SHI_FM_N; m++) {
        unsigned v = shi_formation_model_vars(m);
        assert_true((v & (1u << SHI_FV_IGO)) && (v & (1u << SHI_FV_IGO_NA)));
    }
    const shi_formation_fit *f = shi_formation_fit_embedded(SHI_FORM_DEFENCE, SHI_FM_CONTROLS);
    assert_non_null(f);
    assert_true(f->beta[SHI_FV_IGO] != 0 && f->se[SHI_FV_IGO] > 0);
    assert_true(f->beta[SHI_FV_IGO_NA] != 0 && f->se[SHI_FV_IGO_NA] > 0);
    assert_string_equal(shi_formation_var_name(SHI_FV_IGO), "igo_shared");
}

/* The fits shipped in src/models/formation_fits.inc are what the fit gives
 * today: coefficients and standard errors to the 6 decimals they are stored
 * with (half a unit of the 6th decimal, and the refit's last bits), the
 * covariance, stored at full precision, to 1e-9 of se_v se_u (the refit may
 * differ in the last bits of Newton's final step); 0 outside the model.
 * se_v = sqrt(cov[v][v]) checks that the two are the same matrix. */
static void shipped_fits(void **state)
{
    (void)state;
    for (int l = 0; l < SHI_FORM_NLEVEL; l++) {
        shi_formation_opts o = shi_formation_opts_default();
        o.level = (shi_form_level)l;
        shi_formation_design x;
        shi_err err = {0};
        assert_int_equal(shi_formation_design_build(&DATA, &o, &x, &err), SHI_OK);
        for (int m = 0; m < SHI_FM_N; m++) {
            shi_formation_fit f;
            const shi_formation_fit *e = shi_formation_fit_embedded((shi_form_level)l, m);
            assert_int_equal(shi_formation_fit_model(&x, m, x.y0, x.y1, &f, &err), SHI_OK);
            assert_non_null(e);
            assert_true(f.ok);
            unsigned vars = shi_formation_model_vars(m);
            for (int v = 0; v < SHI_FV_N; v++) {
                assert_true(fabs(f.beta[v] - e->beta[v]) < 2e-6);
                int in = (vars >> v) & 1u;
                assert_true(!in || fabs(f.se[v] - e->se[v]) < 2e-6);
                assert_true(!in || fabs(sqrt(e->cov[v][v]) - e->se[v]) < 2e-6);
                for (int u = 0; u < SHI_FV_N; u++) {
                    double tol = in && ((vars >> u) & 1u) ? 1e-9 * f.se[v] * f.se[u] : 0.0;
                    assert_true(fabs(f.cov[v][u] - e->cov[v][u]) <= tol);
                    assert_true(e->cov[v][u] == e->cov[u][v]);
                }
            }
            assert_int_equal(f.nonsets, e->nonsets);
        }
        shi_formation_design_free(&x);
    }
}

/* RUS-CHN: ATOP records new obligations between them in 1992 and 2001 (the
 * Treaty of Good-Neighbourliness: non-aggression and consultation); at the
 * defence level they are at risk every year, with probabilities in (0, 1). */
static void pair_rus_chn(void **state)
{
    (void)state;
    shi_formation_path p;
    shi_err err = {0};
    assert_int_equal(
        shi_formation_pair_path(&DATA, SHI_FORM_DEFENCE, 365, 710, 1992, 2018, &p, &err), SHI_OK);
    assert_int_equal(p.status, SHI_OK);
    assert_int_equal(p.y0, 1992);
    assert_int_equal(p.y1, 2017);
    assert_true(p.onset_any[2001 - 1992]);
    for (size_t k = 0; k < p.n; k++) {
        assert_false(p.allied[k]);
        assert_true(p.p_ab[SHI_FM_JOINT][k] > 0 && p.p_ab[SHI_FM_JOINT][k] < 1);
    }
    shi_formation_path_free(&p);
    assert_int_equal(
        shi_formation_pair_path(&DATA, SHI_FORM_DEFENCE, 365, 710, 2030, 2040, &p, &err), SHI_OK);
    assert_int_equal(p.status, SHI_EUSAGE);
    assert_non_null(strstr(p.msg, "1817-2017"));
    shi_formation_path_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clogit_two),      cmocka_unit_test(clogit_three),
        cmocka_unit_test(clogit_weighted), cmocka_unit_test(clogit_degenerate),
        cmocka_unit_test(design_embedded), cmocka_unit_test(shipped_fits),
        cmocka_unit_test(pair_rus_chn),    cmocka_unit_test(controls_have_igo),
    };
    return shi_run_group_tests(tests, setup, teardown);
}
