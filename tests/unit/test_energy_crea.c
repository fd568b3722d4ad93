/*
 * test_energy_crea.c - the CREA file of imports from Russia and the EI 2022
 * trade matrices: importers, annual aggregates, Russia's exports by
 * destination and the EI cross-check (docs/energy.md).
 *
 * Reference values, hand-computed from named rows of the source files (not
 * with shi):
 *   crea_imports_from_russia_comtrade_eurostat_monthly.csv
 *     China, oil, tonne, 2021: lines 7171-7193, twelve months of 6,636,840
 *       (UN Comtrade: the annual total / 12) = 79,642,080 t
 *     Germany, oil, tonne, 2021: lines 13179-13201, twelve different months,
 *       summed with Python's csv module: 24,320,027.055 t
 *     India, oil, tonne, 2022: 8 months (python: 21,866,904 t)
 *     Russia's oil by destination, 2021, summed with a Python script
 *       (csv module; "EU" rows left out; Europe = the 36 Eurostat reporters):
 *       China 79,642,080 t, Europe 100,544,939.901 t, rest 26,408,353.523 t;
 *       EUR: China 36,855,184,134.545 (in euros, never USD)
 *   ei_statreview2023_trade_matrices_2022_long.csv
 *     line 102:  Crude, Other CIS -> China, 6.028152544 Mt (a region)
 *     line 81:   Crude, Russia -> Europe, 116.8638079079375 Mt (a region)
 *     line 1148: pipeline natural gas, Russian Federation -> China,
 *                14.66937069813181 bcm
 *     line 1149: pipeline natural gas, Turkmenistan -> China,
 *                32.89098159656375 bcm
 *   China Customs annual file: crude from Russia 2022 86,249,660.228 t
 *     (EI: 86.24293582300001 Mt, the cross-check: within 0.01%);
 *     Turkmenistan's pipeline gas 2021 24,000,147.233 t (= 32.640 bcm).
 */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/data.h>
#include <shi/energy_share.h>
#include <shi/io_energy.h>

static void names(void **state)
{
    (void)state;
    assert_int_equal(shi_energy_name_code("Czech Rep."), 316);
    assert_int_equal(shi_energy_name_code("Côte d'Ivoire"), 437);
    assert_int_equal(shi_energy_name_code("Côte d’Ivoire"), 437);
    assert_int_equal(shi_energy_name_code("United States of America"), 2);
    assert_int_equal(shi_energy_name_code("EU"), SHI_EN_EU_AGG);
    assert_int_equal(shi_energy_name_code("China, Hong Kong SAR"), SHI_EN_NOT_STATE);
    assert_int_equal(shi_energy_name_code("Zambia"), 551);
    /* regions: both ends of the sorted table; never a state */
    int c = shi_energy_region_code("Africa");
    assert_true(c <= SHI_EN_REGION0);
    assert_string_equal(shi_energy_region_name(c), "Africa");
    c = shi_energy_region_code("West Africa");
    assert_string_equal(shi_energy_region_name(c), "West Africa");
    assert_int_equal(shi_energy_region_code("Russia"), -100);
    assert_null(shi_energy_region_name(710));
}

static void check_crea(const shi_energy *e)
{
    const shi_energy_ru *r = &e->ru;
    long k = shi_energy_ru_find(r, 710, SHI_ENC_OIL, 2021);
    assert_true(k >= 0);
    assert_true(fabs(r->t[k] - 79642080.0) < 1e-6);
    assert_int_equal(r->mt[k], 0xFFF | SHI_ENC_SPREAD); /* 12 equal months */
    assert_true(fabs(r->eur[k] - 36855184134.545395) < 1e-2);
    k = shi_energy_ru_find(r, 255, SHI_ENC_OIL, 2021);
    assert_true(k >= 0);
    assert_true(fabs(r->t[k] - 24320027.055) < 1e-6);
    assert_int_equal(r->mt[k], 0xFFF); /* monthly data */
    k = shi_energy_ru_find(r, 750, SHI_ENC_OIL, 2022);
    assert_true(k >= 0);
    assert_true(fabs(r->t[k] - 21866904.0) < 1e-6);
    assert_int_equal(shi_en_nmonths(r->mt[k] & 0xFFF), 8); /* incomplete */
    /* CREA's "EU" (the sum of its members) is left out. */
    assert_int_equal(shi_energy_ru_find(r, SHI_EN_EU_AGG, SHI_ENC_OIL, 2021), -1);

    shi_energy_dest dd;
    shi_energy_dest_compute(e, SHI_ENC_OIL, 2021, &dd);
    assert_true(fabs(dd.t[SHI_ENR_CHINA] - 79642080.0) < 1e-3);
    assert_true(fabs(dd.t[SHI_ENR_EUROPE] - 100544939.901) < 1e-3);
    assert_true(fabs(dd.t[SHI_ENR_REST] - 26408353.523) < 1e-3);
    assert_int_equal(dd.n[SHI_ENR_EUROPE], 21);
    assert_int_equal(dd.short_[SHI_ENR_EUROPE], 8);
    assert_true(fabs(dd.china_vs_europe - 79642080.0 / (79642080.0 + 100544939.901)) < 1e-9);
    /* 2022: CREA has no China rows: unknown, not zero. */
    shi_energy_dest_compute(e, SHI_ENC_OIL, 2022, &dd);
    assert_true(isnan(dd.t[SHI_ENR_CHINA]));
    assert_true(isnan(dd.china_share));
    assert_true(dd.t[SHI_ENR_EUROPE] > 0);
}

static void check_ei(const shi_energy *e)
{
    int cis = shi_energy_region_code("Other CIS"), eur = shi_energy_region_code("Europe");
    assert_true(fabs(shi_energy_ei_flow(e, 365, 710, SHI_EIC_PIPEGAS, 2022) - 14.66937069813181) <
                1e-12);
    assert_true(fabs(shi_energy_ei_flow(e, 701, 710, SHI_EIC_PIPEGAS, 2022) - 32.89098159656375) <
                1e-12);
    assert_true(fabs(shi_energy_ei_flow(e, cis, 710, SHI_EIC_CRUDE, 2022) - 6.028152544) < 1e-12);
    assert_true(fabs(shi_energy_ei_flow(e, 365, eur, SHI_EIC_CRUDE, 2022) - 116.8638079079375) <
                1e-12);
    assert_true(isnan(shi_energy_ei_flow(e, 365, 710, SHI_EIC_CRUDE, 2021)));
    /* The cross-check: EI's Russia -> China crude against China Customs. */
    double ei = shi_energy_ei_flow(e, 365, 710, SHI_EIC_CRUDE, 2022);
    assert_true(fabs(ei - 86.24293582300001) < 1e-12);
    int m;
    double cu = shi_energy_flow(e, 710, 365, SHI_ENG_CRUDE, 2022, &m);
    assert_true(fabs(cu - 86249660.228) < 1e-3);
    assert_true(fabs(ei * 1e6 / cu - 1) < 1e-4);
    /* Customs' last gas volumes (2021) beside EI 2022: Turkmenistan's
     * pipeline gas, 24,000,147.233 t in the annual file x 1,360 m3/t. */
    long r = shi_energy_find(e, 710, 701, SHI_EN_PIPEGAS, 2021);
    assert_true(r >= 0);
    assert_true(fabs(e->qty[r] - 24000147.233 * 1360 / 1e9) < 1e-8);
}

static void check_all(const shi_data *d)
{
    check_crea(&d->en);
    check_ei(&d->en);
}

static void embedded(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_ENERGY};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    check_all(&d);
    assert_string_equal(shi_data_source(&d, "crea_ru")->loaded, "embedded");
    assert_string_equal(shi_data_source(&d, "ei_trade")->loaded, "embedded");
    shi_data_destroy(&d);
}

static void official_files(void **state)
{
    (void)state;
    if (!shared_present()) {
        SHI_SKIP_NO_DATA();
    }
    shi_data d = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.dir = SHI_SHARED_DATA, .parts = SHI_DATA_ENERGY};
    shi_status s = shi_data_open(&d, &spec, &err);
    if (s != SHI_OK) {
        print_error("%s\n", err.msg);
    }
    assert_int_equal(s, SHI_OK);
    check_all(&d);
    /* The full file keeps what the embedded copy leaves out: coke (China's
     * 2017 rows are negative, kept as published). */
    assert_true(shi_energy_ru_find(&d.en.ru, 710, SHI_ENC_COKE, 2017) >= 0);
    assert_true(strstr(shi_data_source(&d, "ei_trade")->loaded, "ei_statreview2023") != NULL);
    shi_data_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names),
        cmocka_unit_test(embedded),
        cmocka_unit_test(official_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
