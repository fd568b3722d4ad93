/*
 * dyadvars_psci.h - the peace-science families of the dyad-year variables
 * (nmc, mids, peaceyears, ucdp, trade, democracy, gdp, igos), private to src/measures: dyadvars.c
 * adds their columns, prepares them once and fills each row.
 */
#ifndef SHI_DYADVARS_PSCI_H
#define SHI_DYADVARS_PSCI_H

#include <shi/data.h>
#include <shi/error.h>
#include <shi/frame.h>

#include <stdint.h>

typedef struct psci_cols {
    double *nmc[2][6]; /* milex milper irst pec tpop upop of state 1 and 2 */
    int32_t *ongoing, *host1, *host2, *onset;
    int32_t *mida[6][2]; /* mid_init, mid_sidea, mid_orig, mid_revisionist, mid_hiact,
                            mid_fatality of state 1 and 2 (MIDA_* order) */
    int32_t *py[3];      /* peace years and its square and cube */
    int32_t *spl[3];     /* spline1..spline3: (peaceyears - knot)^3 where positive */
    int32_t *ucdp_on, *ucdp_int, *ucdp_onset;
    double *flow1, *flow2;
    double *dep[2];  /* trade dependence of state 1 and 2: (flow1 + flow2) / gdp */
    double *demo[6]; /* polity2_1, polity2_2, polyarchy1, polyarchy2, polity2_min, polyarchy_min */
    double *gdp[4];  /* gdp1, gdp2, gdppc1, gdppc2 */
    int32_t *igo;    /* igo_shared */
    double *mindist; /* mindist_km */
} psci_cols;

typedef struct psci_ctx {
    const shi_data *d;
    long nmc_col[6];
    long demo_col[2]; /* polity2, polyarchy in the panel, or -1 (no economic part) */
    long gdp_col[2];  /* gdp, gdppc in the panel, or -1 */
    int have_rel;     /* the relations are loaded: disputes, UCDP, trade */
    int16_t *spell;   /* [year][i][j] peace years (i < j filled both ways), -1 missing */
} psci_ctx;

shi_status shi_i_psci_add_cols(shi_frame *f, unsigned mask, psci_cols *k, shi_err *err);
shi_status shi_i_psci_init(psci_ctx *c, const shi_data *d, unsigned mask, shi_err *err);
void shi_i_psci_free(psci_ctx *c);
/** Row r of f, whose states have registry indices a and b. */
void shi_i_psci_row(const psci_ctx *c, const psci_cols *k, const shi_frame *f, size_t r,
                    unsigned mask, long a, long b);

#endif
