/*
 * shi/energy_share.h - energy measures (docs/energy.md): the share of an
 * importer's crude, gas and coal imports that one partner supplies, and
 * Russia's "pivot" (its exports to China against Europe), as yearly series.
 *
 * Shares are taken over the months the importer's total reports (so an
 * incomplete year is a share of the same months, never a partial partner
 * figure over a full total); `months` says how many (12 = a full year).
 * China's data end in 2022 (crude and coal; pipeline gas volumes 2021),
 * Europe's (Eurostat) in 2022 (to September).
 */
#ifndef SHI_ENERGY_SHARE_H
#define SHI_ENERGY_SHARE_H

#include <shi/api.h>
#include <shi/data.h>
#include <shi/energy.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Commodity groups of the measures. */
enum {
    SHI_ENG_CRUDE, /* crude oil (tonnes) */
    SHI_ENG_GAS,   /* pipeline gas and LNG together (bcm) */
    SHI_ENG_COAL,  /* coal and lignite (tonnes) */
    SHI_ENG_N
};
static inline const char *shi_eng_name(int g)
{
    static const char *const n[SHI_ENG_N] = {"crude", "gas", "coal"};
    return (unsigned)g < SHI_ENG_N ? n[g] : "?";
}

/** Bcm of natural gas per terajoule (EI approximate conversion factors:
 *  1 bcm = 0.036 EJ), for Europe's gas reported in TJ. */
#define SHI_EN_BCM_PER_TJ (1.0 / 36000.0)

/** Share of `imp`'s imports of group g supplied by `exp` in `year`, over the
 *  months the importer's total reports (*months: how many; 0 and NaN
 *  without data). */
SHI_API double shi_energy_share(const shi_energy *e, int imp, int exp, int g, int year,
                                int *months);

/** Quantity `exp` supplied to `imp` in `year` (group g, all months the
 *  partner reports; *months: how many). Tonnes for crude and coal, bcm for
 *  gas (Europe's TJ converted at SHI_EN_BCM_PER_TJ). NaN without data. */
SHI_API double shi_energy_flow(const shi_energy *e, int imp, int exp, int g, int year, int *months);

/** The pivot of exporter x in `year` for group g: x's monthly rate of
 *  exports to China over its rate to China plus Europe (each over the
 *  months its importer's total reports; *months: the fewer of the two).
 *  NaN when either side has no data. */
SHI_API double shi_energy_pivot(const shi_energy *e, int x, int g, int year, int *months);

/** The pair's energy series (A, B any states; China Customs covers imports
 *  of China only, so the shares are those of the pair's member that is China,
 *  supplied by the other; NaN otherwise). */
typedef struct shi_energy_pair {
    int a, b, y0, y1;
    int china, partner;       /* which of the pair is China (710), and the other; 0: neither */
    double *share[SHI_ENG_N]; /* [year - y0]: share of China's imports from the partner */
    double *flow[SHI_ENG_N];  /* the partner's exports to China (t; gas bcm) */
    int *months[SHI_ENG_N];   /* months of China's total (12 = full year) */
    double *pivot[SHI_ENG_N]; /* the partner's exports to China / (China + Europe) */
    double slope[SHI_ENG_N];  /* OLS slope per year of the share over the years with data */
    double pivot_slope;       /* idem, crude pivot */
    int last[SHI_ENG_N];      /* last year with a share */
} shi_energy_pair;

SHI_API void shi_energy_pair_free(shi_energy_pair *p);

/** Compute the pair's series for [y0, y1] from `d` (energy part loaded). */
SHI_API shi_status shi_energy_pair_compute(shi_energy_pair *p, const shi_data *d, int a, int b,
                                           int y0, int y1, shi_err *err);

/** The scorecard's energy indicators (shi/align.h SHI_AL_EN_CRUDE ..
 *  SHI_AL_EN_PIVOT, in that order) of (a, b) for years [ys, y1] into
 *  out[0..3][year - ys] (arrays the caller owns, NaN where missing). */
SHI_API shi_status shi_energy_align_fill(double *const out[4], const shi_data *d, int a, int b,
                                         int ys, int y1, shi_err *err);

/** Russia's exports of one CREA commodity (SHI_ENC_*) in `year` by
 *  destination: China, Europe (the 36 Eurostat reporters) and the rest of
 *  CREA's importers (territories included; CREA's "EU" aggregate left out).
 *  From the CREA file of imports from Russia (UN Comtrade, Eurostat): tonnes
 *  and euros kept apart, never mixed with the China Customs USD. */
enum { SHI_ENR_CHINA, SHI_ENR_EUROPE, SHI_ENR_REST, SHI_ENR_N };
typedef struct shi_energy_dest {
    double t[SHI_ENR_N];    /* tonnes: sum over the importers with a figure (NaN: none) */
    double eur[SHI_ENR_N];  /* euros, idem */
    int n[SHI_ENR_N];       /* importers with a tonnes figure */
    int short_[SHI_ENR_N];  /* of them, with fewer than 12 months (incomplete year) */
    double china_share;     /* t[China] / (sum of the three); NaN when China has no figure */
    double china_vs_europe; /* t[China] / (t[China] + t[Europe]); NaN idem */
} shi_energy_dest;

/** Fill *out for commodity `comm` in `year`. A destination without any
 *  importer's figure is NaN (unknown), not 0: CREA's China rows end in 2021,
 *  so there is no China figure for 2022. */
SHI_API void shi_energy_dest_compute(const shi_energy *e, int comm, int year, shi_energy_dest *out);

/** An EI 2022 matrix flow (SHI_EIC_*) from exp to imp in the published unit
 *  (Mt, bcm, EJ); NaN when the matrix has no such cell. */
SHI_API double shi_energy_ei_flow(const shi_energy *e, int exp, int imp, int comm, int year);

#ifdef __cplusplus
}
#endif
#endif
