/*
 * dyadvars_eu.h - the eu and wr families of shi_dyadvars_add (private to the
 * measures module): their columns and how one year's rows are filled.
 */
#ifndef SHI_DYADVARS_EU_H
#define SHI_DYADVARS_EU_H

#include <shi/dyadvars.h>
#include <shi/eu.h>

typedef struct dv_eu_cols {
    double *eu12, *eu21, *bil12, *bil21, *third12, *third21, *u12, *p12, *p21;
    int32_t *region12, *n3;
    long reason; /* column index of eu_reason */
    int32_t *ind, *log, *c_sq, *c_wara, *c_acqa, *c_acqb;
    double *wk, *pa, *pb;
    long wreason;
    double *rk1, *rk2, *rr1, *rr2; /* risk: R and r of each side */
    int32_t *rg1, *rg2;            /* risk: the region of each side's attitude */
    long rreason;
} dv_eu_cols;

/** Add the columns of the eu (SHI_DV_EU), wr (SHI_DV_WR) and risk (SHI_DV_RISK)
 *  families in mask. */
shi_status dv_eu_add_cols(shi_frame *f, unsigned mask, dv_eu_cols *k, shi_err *err);

/** Fill rows [r0, r1) of `year`; -1 when out of memory. */
int dv_eu_fill_year(const dv_eu_cols *k, shi_frame *f, size_t r0, size_t r1, unsigned mask,
                    const shi_data *d, int year, const shi_dyadvars_opts *o);

#endif
