/*
 * test_energy.c - energy importers, aggregates and measures (docs/energy.md).
 *
 * The pinned values were computed by hand from the source file with Python
 * (csv module; units kg / 1000, "10000 tons" x 10,000; rows repeated with the
 * same Wind id and value counted once), not with shi:
 *   China's crude imports from Russia, 2010: 15,245,214.433 t (12 months)
 *   China's crude imports from Russia, 2022: 86,249,660.228 t (12 months);
 *     over Jan-Nov, the months China's World total reports: 79,778,117.797 t
 *   China's crude imports, World, 2022: 460,320,000 t (Jan-Nov only)
 *   Turkmenistan's pipeline gas to China, 2015: 20,402,972.55 t
 *     = 27.748042668 bcm at 1,360 m3/t
 *   Russia's crude to Europe (Eurostat, 36 reporters), 2010: 184,297,000 t
 */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <shi/data.h>
#include <shi/energy_share.h>
#include <shi/io_energy.h>
#include <shi/sphere.h>

static void names_sorted(void **state)
{
    (void)state;
    assert_int_equal(shi_energy_name_code("Russian Federation"), 365);
    assert_int_equal(shi_energy_name_code("Russia"), 365);
    assert_int_equal(shi_energy_name_code("World (all partners)"), SHI_EN_WORLD);
    assert_int_equal(shi_energy_name_code("Hong Kong SAR China"), SHI_EN_NOT_STATE);
    assert_int_equal(shi_energy_name_code("Columbia"), 100);
    assert_int_equal(shi_energy_name_code("Atlantis"), -100);
    /* both ends of the byte-sorted table, and a name with a UTF-8 apostrophe */
    assert_int_equal(shi_energy_name_code(""), SHI_EN_NOT_STATE);
    assert_int_equal(shi_energy_name_code("Zaire"), 490);
    assert_int_equal(shi_energy_name_code("Côte d’Ivoire"), 437);
    assert_int_equal(shi_energy_name_code("Curaçao"), SHI_EN_NOT_STATE);
}

static void check_values(const shi_data *d)
{
    const shi_energy *e = &d->en;
    long r = shi_energy_find(e, 710, 365, SHI_EN_CRUDE, 2010);
    assert_true(r >= 0);
    assert_true(fabs(e->qty[r] - 15245214.433) < 1e-3);
    assert_int_equal(e->months[r], 4095);
    r = shi_energy_find(e, 710, 365, SHI_EN_CRUDE, 2022);
    assert_true(fabs(e->qty[r] - 86249660.228) < 1e-3);
    assert_true(fabs(e->qty_tm[r] - 79778117.797) < 1e-3);
    assert_int_equal(shi_en_nmonths(e->tmonths[r]), 11);
    r = shi_energy_find(e, 710, SHI_EN_WORLD, SHI_EN_CRUDE, 2022);
    assert_true(fabs(e->qty[r] - 460320000.0) < 1e-3);
    r = shi_energy_find(e, 710, 701, SHI_EN_PIPEGAS, 2015);
    assert_true(fabs(e->qty[r] - 27.748042668) < 1e-8);
    r = shi_energy_find(e, SHI_EN_EUROPE, 365, SHI_EN_CRUDE, 2010);
    assert_true(fabs(e->qty[r] - 184297000.0) < 1e-3);
    int m;
    double sh = shi_energy_share(e, 710, 365, SHI_ENG_CRUDE, 2022, &m);
    assert_int_equal(m, 11);
    assert_true(fabs(sh - 79778117.797 / 460320000.0) < 1e-12);
    /* Before Russia's crude series starts (1995-04), the share is unknown. */
    assert_true(isnan(shi_energy_share(e, 710, 365, SHI_ENG_CRUDE, 1994, &m)));
    /* China's pipeline-gas volumes end in 2021: no gas share for 2022. */
    assert_true(isnan(shi_energy_share(e, 710, 365, SHI_ENG_GAS, 2022, &m)));
    assert_false(isnan(shi_energy_share(e, 710, 365, SHI_ENG_GAS, 2021, &m)));
}

static void embedded_values(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_ENERGY};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    assert_true(d.en_loaded);
    check_values(&d);
    assert_string_equal(shi_data_source(&d, "customs")->loaded, "embedded");
    shi_data_destroy(&d);
}

/* data/energy.shd is rebuilt byte for byte from the official files, and the
 * official files give the pinned values too. */
static void build_reproduces_energy(void **state)
{
    (void)state;
    if (!shared_present()) {
        SHI_SKIP_NO_DATA();
    }
    char out[512];
    snprintf(out, sizeof out, "%s/rebuilt_energy.shd", SHI_TEST_TMP);
    shi_err err = {0};
    shi_status s = shi_data_build_energy(SHI_SHARED_DATA, out, &err);
    if (s != SHI_OK) {
        print_error("%s\n", err.msg);
    }
    assert_int_equal(s, SHI_OK);
    expect_same_file(out, SHI_SOURCE_DIR "/data/energy.shd");
    shi_data d = {0};
    const shi_data_spec spec = {.dir = SHI_SHARED_DATA, .parts = SHI_DATA_ENERGY};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    check_values(&d);
    shi_data_destroy(&d);
}

static void sphere_central_asia(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_ALL};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    size_t n;
    const int *ca = shi_sphere_region("central asia", &n);
    assert_non_null(ca);
    assert_int_equal(n, 5);
    shi_sphere_table sp;
    assert_int_equal(shi_sphere_compute(&sp, &d, 365, 710, ca, n, 1992, 2021, &err), SHI_OK);
    assert_int_equal(sp.n, 5);
    /* Turkmenistan's gas and crude exports to the covered importers go to China. */
    assert_true(fabs(shi_sphere_v(&sp, 3, 1, SHI_SPH_ENERGY, 2021) - 1.0) < 1e-12);
    /* Russia has no importer data: no energy share, never a zero. */
    assert_true(isnan(shi_sphere_v(&sp, 3, 0, SHI_SPH_ENERGY, 2021)));
    /* The weights of the index sum to 1. */
    assert_true(fabs(SHI_SPHERE_W_ARMS + SHI_SPHERE_W_TRADE + SHI_SPHERE_W_ENERGY +
                     SHI_SPHERE_W_ALLIANCE + SHI_SPHERE_W_IGO + SHI_SPHERE_W_UN - 1.0) < 1e-12);
    /* The index is one fixed set of areas per state (here arms, trade,
     * alliance, IGO, UN: energy has no Russian value), so in 2010, when all
     * five have values, it is their weighted mean with the SHI_SPHERE_W_*
     * weights, recomputed here from the areas; after trade and the IGO data
     * end (2014) it has none. */
    for (size_t i = 0; i < sp.n; i++) {
        if (sp.third[i] != 705) {
            continue;
        }
        assert_int_equal(sp.areas[i], (1u << SHI_SPH_ARMS) | (1u << SHI_SPH_TRADE) |
                                          (1u << SHI_SPH_ALLIANCE) | (1u << SHI_SPH_IGO) |
                                          (1u << SHI_SPH_UN));
        /* IGO area, from rows of the COW IGO v3 files: 365,705,2010,47 and
         * 705,710,2010,35 over 705,2010,55 (full memberships); 365,705,2014,47
         * and 705,710,2014,36 over 705,2014,55; missing after 2014. */
        assert_true(fabs(shi_sphere_v(&sp, i, 0, SHI_SPH_IGO, 2010) - 47.0 / 55) < 1e-15);
        assert_true(fabs(shi_sphere_v(&sp, i, 1, SHI_SPH_IGO, 2010) - 35.0 / 55) < 1e-15);
        assert_true(fabs(shi_sphere_v(&sp, i, 0, SHI_SPH_IGO, 2014) - 47.0 / 55) < 1e-15);
        assert_true(fabs(shi_sphere_v(&sp, i, 1, SHI_SPH_IGO, 2014) - 36.0 / 55) < 1e-15);
        assert_true(isnan(shi_sphere_v(&sp, i, 0, SHI_SPH_IGO, 2015)));
        assert_int_equal(sp.last[SHI_SPH_IGO], 2014);
        for (int p = 0; p < 2; p++) {
            const double w[5] = {SHI_SPHERE_W_ARMS, SHI_SPHERE_W_TRADE, SHI_SPHERE_W_ALLIANCE,
                                 SHI_SPHERE_W_IGO, SHI_SPHERE_W_UN};
            const int k[5] = {SHI_SPH_ARMS, SHI_SPH_TRADE, SHI_SPH_ALLIANCE, SHI_SPH_IGO,
                              SHI_SPH_UN};
            double num = 0, den = 0;
            for (int q = 0; q < 5; q++) {
                num += w[q] * shi_sphere_v(&sp, i, p, k[q], 2010);
                den += w[q];
            }
            assert_true(fabs(shi_sphere_index(&sp, i, p, 2010) - num / den) < 1e-12);
            assert_false(isnan(shi_sphere_v(&sp, i, p, SHI_SPH_UN, 2020)));
            assert_true(isnan(shi_sphere_index(&sp, i, p, 2020)));
        }
    }
    shi_sphere_free(&sp);
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_sorted),
        cmocka_unit_test(embedded_values),
        cmocka_unit_test(build_reproduces_energy),
        cmocka_unit_test(sphere_central_asia),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
