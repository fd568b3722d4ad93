/*
 * test_drivers_reference.c - the reference set of a drivers analysis: every
 * pair of major powers, analysed like the pair itself.
 */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/data.h>
#include <shi/drivers.h>
#include <shi/drivers_reference.h>
#include <shi/dyad_drivers.h>

static shi_data D;

static int setup(void **state)
{
    (void)state;
    return open_data(&D, SHI_DATA_RELATIONS | SHI_DATA_EVENTS);
}

static int teardown(void **state)
{
    (void)state;
    shi_data_destroy(&D);
    return 0;
}

/* The external share of (a, b) computed step by step, as a user of the
 * models would: the series, then the fit on its columns. */
static double direct_share(int a, int b, int third, const shi_drivers_opts *opt)
{
    shi_dyad_series s;
    shi_err err = {0};
    assert_int_equal(
        shi_dyad_series_build(&s, &D, NULL, a, b, third, 1992, 2014, SHI_OUTCOME_IDEAL, &err),
        SHI_OK);
    const char *names[SHI_DD_MAX];
    for (size_t j = 0; j < s.k; j++) {
        names[j] = s.name[j];
    }
    shi_drivers_input in = {s.n, s.k, s.y, s.X, s.block, names};
    shi_drivers_result r;
    shi_drivers_result_init(&r);
    assert_int_equal(shi_drivers_fit(&in, opt, &r, &err), SHI_OK);
    double share = r.external_share;
    shi_drivers_result_destroy(&r);
    shi_dyad_series_destroy(&s);
    return share;
}

/* COW's major powers of 2014 are the United States (2), the United Kingdom
 * (200), France (220), Germany (255), Russia (365), China (710) and Japan
 * (740) (majors2024.csv): 7 x 6 / 2 = 21 pairs. The shares of the first, 8th
 * and 15th pairs are the ones computed step by step; the set is sorted by share, largest first. */
static void major_pairs_2014(void **state)
{
    (void)state;
    shi_drivers_opts opt = shi_drivers_opts_default();
    opt.boot = 0;
    shi_drivers_refs refs = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_reference(&D, 1992, 2014, SHI_OUTCOME_IDEAL, &opt, &refs, &err),
                     SHI_OK);
    assert_int_equal(refs.n, 21);
    const int majors[7] = {2, 200, 220, 255, 365, 710, 740};
    int seen[7][7] = {{0}};
    for (size_t r = 0; r < refs.n; r++) {
        const shi_drivers_ref *x = &refs.v[r];
        int i = -1, j = -1;
        for (int k = 0; k < 7; k++) {
            i = majors[k] == x->a ? k : i;
            j = majors[k] == x->b ? k : j;
        }
        assert_true(i >= 0 && j > i); /* registry order: a before b */
        seen[i][j]++;
        assert_int_equal(x->third, shi_most_capable_other(&D.caps, D.cinc, x->a, x->b, 2014));
        assert_true(x->note[0] == '\0');
        if (r % 7 == 0) { /* three pairs step by step: each analysis takes a while */
            assert_true(fabs(x->share - direct_share(x->a, x->b, x->third, &opt)) < 1e-12);
        }
        assert_true(r == 0 || refs.v[r - 1].share >= x->share);
    }
    for (int i = 0; i < 7; i++) {
        for (int j = i + 1; j < 7; j++) {
            assert_int_equal(seen[i][j], 1);
        }
    }
    shi_drivers_refs_free(&refs);
    assert_null(refs.v);
}

/* Five years (2010-2014) are too few for any pair (at least 10 are needed):
 * every pair is kept, with no share and the fit's message as its note. */
static void too_few_years_noted(void **state)
{
    (void)state;
    shi_drivers_opts opt = shi_drivers_opts_default();
    opt.boot = 0;
    shi_drivers_refs refs = {0};
    shi_err err = {0};
    assert_int_equal(shi_drivers_reference(&D, 2010, 2014, SHI_OUTCOME_IDEAL, &opt, &refs, &err),
                     SHI_OK);
    assert_int_equal(refs.n, 21);
    for (size_t r = 0; r < refs.n; r++) {
        assert_true(isnan(refs.v[r].share));
        assert_int_equal(refs.v[r].n, 0);
        assert_true(strncmp(refs.v[r].note, "too few observations: n=5", 25) == 0);
    }
    assert_int_equal(err.code, SHI_OK);
    shi_drivers_refs_free(&refs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(major_pairs_2014),
        cmocka_unit_test(too_few_years_noted),
    };
    return shi_run_group_tests(tests, setup, teardown);
}
