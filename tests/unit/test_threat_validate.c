/*
 * test_threat_validate.c - the validation table of the threat index
 * (shi/threat_validate.h) on the embedded data: its periods, that every
 * statistic is a probability, that the two baselines that are the same
 * ranking (strength and the CINC ratio, both monotone in CINC_j for a fixed
 * perceiver) agree, and the published claim of docs/threat.md: out of sample
 * the composite's AUC beats every component and baseline, for MID onset and
 * for UCDP conflict.
 */
#define _POSIX_C_SOURCE 200809L
#define SHI_TEST_NAME "test_threat_validate"
#include "test_util.h"

#include <math.h>

#include <shi/data.h>
#include <shi/threat_validate.h>

static void table(void **state)
{
    (void)state;
    shi_data d = {0};
    shi_err err = {0};
    const shi_data_spec spec = {.parts = SHI_DATA_RELATIONS};
    assert_int_equal(shi_data_open(&d, &spec, &err), SHI_OK);
    shi_threat_model m = shi_threat_model_default();
    shi_threat_validation v;
    assert_int_equal(shi_threat_validate(&d, &m, 1980, 5, &v, &err), SHI_OK);
    assert_int_equal(v.y1[SHI_TV_MID][SHI_TV_TRAIN], 1975);
    assert_int_equal(v.y0[SHI_TV_MID][SHI_TV_TEST], 1981);
    assert_int_equal(v.y1[SHI_TV_MID][SHI_TV_TEST], 2013);
    assert_int_equal(v.y0[SHI_TV_UCDP][SHI_TV_TRAIN], 1946);
    assert_int_equal(v.y1[SHI_TV_UCDP][SHI_TV_TEST], 2023);
    for (int o = 0; o < SHI_TV_NOUT; o++) {
        for (int p = 0; p < SHI_TV_NPERIOD; p++) {
            for (int k = 0; k < SHI_TV_NSCORE; k++) {
                const shi_tv_cell *c = &v.cell[o][p][k];
                assert_true(c->groups > 100);
                assert_true(c->auc > 0 && c->auc < 1);
                assert_true(c->top1 >= 0 && c->top1 <= c->top5 && c->top5 <= 1);
            }
            const shi_tv_cell *s = &v.cell[o][p][1 + SHI_T_STRENGTH];
            const shi_tv_cell *r = &v.cell[o][p][SHI_TV_CINC_RATIO];
            assert_true(fabs(s->auc - r->auc) < 1e-12);
            const shi_tv_cell *c = &v.cell[o][SHI_TV_TEST][SHI_TV_COMPOSITE];
            for (int k = 1; k < SHI_TV_NSCORE; k++) {
                assert_true(c->auc > v.cell[o][SHI_TV_TEST][k].auc);
            }
        }
    }
    assert_int_equal(shi_threat_validate(&d, &m, 1980, 0, &v, &err), SHI_EUSAGE);
    shi_data_destroy(&d);
    /* Without the relations there is nothing to validate against. */
    shi_data caps = {0};
    const shi_data_spec dy = {.parts = SHI_DATA_DYADIC};
    assert_int_equal(shi_data_open(&caps, &dy, &err), SHI_OK);
    assert_int_equal(shi_threat_validate(&caps, &m, 1980, 5, &v, &err), SHI_EDATA);
    shi_data_destroy(&caps);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(table)};
    return shi_run_group_tests(tests, NULL, NULL);
}
