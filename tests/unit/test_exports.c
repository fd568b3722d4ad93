/*
 * test_exports.c - public functions (SHI_API) that nothing else in the tree
 * calls: shi_status_name, shi_region_name, shi_rng_name, shi_rel_arms_exports.
 * Each reference value says where it comes from; none is taken from a run of
 * the function under test.
 */
#include "test_util.h"

#include <math.h>

#include <shi/data.h>
#include <shi/dyads.h>
#include <shi/error.h>
#include <shi/relations.h>
#include <shi/rng.h>

/* The names are the ones shi prints in messages; "invalid input data" is the
 * example in the comment of shi/error.h. A value outside the enum is named
 * too, not an out-of-range read. */
static void status_names(void **state)
{
    (void)state;
    assert_string_equal(shi_status_name(SHI_OK), "ok");
    assert_string_equal(shi_status_name(SHI_EDATA), "invalid input data");
    assert_string_equal(shi_status_name(SHI_EUSAGE), "usage error");
    assert_string_equal(shi_status_name(SHI_EIO), "I/O or system error");
    assert_string_equal(shi_status_name(SHI_EINTERNAL), "internal error");
    assert_string_equal(shi_status_name((shi_status)99), "unknown status");
}

/* Region names are the words shi_region_parse accepts (its comment in
 * shi/dyads.h and 'shi dyads --region'); each name parses back to its region.
 * Region codes by COW country-code range, from the COW State System
 * documentation: 2 USA americas, 200 UK europe, 475 Nigeria africa, 630 Iran
 * middle east, 710 China asia, 900 Australia oceania. */
static void region_names(void **state)
{
    (void)state;
    static const struct {
        int ccode;
        shi_region r;
        const char *name;
    } cases[] = {
        {2, SHI_AMERICAS, "americas"}, {200, SHI_EUROPE, "europe"},
        {475, SHI_AFRICA, "africa"},   {630, SHI_MIDDLE_EAST, "middleeast"},
        {710, SHI_ASIA, "asia"},       {900, SHI_OCEANIA, "oceania"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        assert_int_equal(shi_region_of(cases[k].ccode), cases[k].r);
        assert_string_equal(shi_region_name(cases[k].r), cases[k].name);
        shi_region back = SHI_REGION_NONE;
        shi_err err = {0};
        assert_int_equal(shi_region_parse(shi_region_name(cases[k].r), &back, &err), SHI_OK);
        assert_int_equal(back, cases[k].r);
    }
    assert_string_equal(shi_region_name(SHI_REGION_NONE), "none");
    assert_string_equal(shi_region_name((shi_region)7), "none");
    assert_string_equal(shi_region_name((shi_region)-1), "none");
}

/* The generator is Philox4x32-10 (shi/rng.h, and the known answers in
 * test_rng.c); the version is that of the Debian package librandom123-dev
 * the build uses (1.14.0). */
static void rng_name(void **state)
{
    (void)state;
    assert_string_equal(shi_rng_name(), "philox4x32-10 (Random123 1.14)");
}

/* Arms exports on a hand-made table: state 2 exports 10, 20 and 40 (TIV) in
 * 2000-2002, state 365 exports 5 in 2001; imports are different numbers so a
 * mix-up shows. Sums by hand: 2 in 2000-2001 = 30, 2001-2002 = 60, 1990-2030
 * = 70 (clipped to the rows present); 365 in 2000-2002 = 5; a state without
 * rows = 0; years outside the arms coverage (1999-2002) = NaN. */
static void arms_exports_hand(void **state)
{
    (void)state;
    int32_t c[] = {2, 2, 2, 365};
    int32_t year[] = {2000, 2001, 2002, 2001};
    double imp[] = {1, 2, 4, 8};
    double exp_[] = {10, 20, 40, 5};
    shi_relations r = {0};
    r.narmst = 4;
    r.armst_c = c;
    r.armst_year = year;
    r.armst_imp = imp;
    r.armst_exp = exp_;
    r.arms_y0 = 1999;
    r.arms_y1 = 2002;
    assert_true(shi_rel_arms_exports(&r, 2, 2000, 2001) == 30);
    assert_true(shi_rel_arms_exports(&r, 2, 2001, 2002) == 60);
    assert_true(shi_rel_arms_exports(&r, 2, 1990, 2030) == 70);
    assert_true(shi_rel_arms_exports(&r, 365, 2000, 2002) == 5);
    assert_true(shi_rel_arms_exports(&r, 20, 2000, 2002) == 0);
    assert_true(isnan(shi_rel_arms_exports(&r, 2, 2003, 2010)));
    assert_true(isnan(shi_rel_arms_exports(&r, 2, 1950, 1998)));
    /* The imports of the same rows, for contrast: 1 + 2 = 3. */
    assert_true(shi_rel_arms_imports(&r, 2, 2000, 2001) == 3);
}

/* On the embedded data: the sums of the export column (field 5) of the
 * 'armstot' rows of data/relations.shd, computed with awk:
 *   awk -F'\t' '$1=="armstot" && $2==2 && $3>=2010 && $3<=2014 {s+=$5}
 *               END {printf "%.6f\n", s}' data/relations.shd
 * USA (2) 2010-2014: 45459.110510; Russia (365) 2010-2014: 35456.480477. */
static void arms_exports_embedded(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    assert_true(fabs(shi_rel_arms_exports(&d.rel, 2, 2010, 2014) - 45459.110510) < 1e-5);
    assert_true(fabs(shi_rel_arms_exports(&d.rel, 365, 2010, 2014) - 35456.480477) < 1e-5);
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(status_names),
        cmocka_unit_test(region_names),
        cmocka_unit_test(rng_name),
        cmocka_unit_test(arms_exports_hand),
        cmocka_unit_test(arms_exports_embedded),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
