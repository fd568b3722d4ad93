/*
 * shi/energy.h - energy trade in the data view (SHI_DATA_ENERGY): annual
 * aggregates of China's imports by partner (China Customs, 1993-2023) and of
 * the 36 Eurostat reporters' imports by partner, summed as "Europe"
 * (2008-2022). docs/energy.md gives the sources, units and coding choices.
 *
 * Units: crude and coal in tonnes; gas in billion cubic metres (bcm). China
 * Customs reports gas as a mass: it is converted at 1,360 m3 per tonne
 * (SHI_EN_M3_PER_TONNE; the EI/BP approximate conversion factor "1 million
 * tonnes LNG = 1.36 bcm"). Eurostat gas is kept in terajoules (its m3 series
 * covers fewer reporters). Values: China in USD; Europe has none here. USD
 * and EUR are never mixed.
 *
 * Incomplete years: every record keeps the months it sums (a 12-bit mask)
 * and the months that the importer's total of that commodity reports that
 * year. A share is computed over the months the total reports (the partner's
 * months outside them are left out of `qty_tm`), and a year with fewer than
 * 12 months is flagged, never shown as a full year.
 */
#ifndef SHI_ENERGY_H
#define SHI_ENERGY_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Partner codes that are not COW states (as in shi/io_energy.h, which the
 * measures above the panel do not see). */
#ifndef SHI_EN_WORLD
#    define SHI_EN_WORLD 0
#    define SHI_EN_NOT_STATE (-1)
#    define SHI_EN_EUROPE (-2)
#endif

/* Importer table (shi/io_energy.h): the builder's input, opaque here. */
struct shi_energy_table;

/** Cubic metres of natural gas per tonne (EI/BP approximate conversion factors). */
#define SHI_EN_M3_PER_TONNE 1360.0

/** Commodities of the annual aggregates. */
typedef enum shi_en_comm {
    SHI_EN_CRUDE,   /* crude oil, tonnes */
    SHI_EN_PIPEGAS, /* pipeline gas, bcm (China: mass x 1,360 m3/t) */
    SHI_EN_LNG,     /* LNG, bcm (idem) */
    SHI_EN_COAL,    /* coal and lignite, tonnes */
    SHI_EN_GAS_TJ,  /* Europe: all gas (pipeline and LNG), terajoules */
    SHI_EN_NCOMM
} shi_en_comm;

static inline const char *shi_en_comm_name(int c)
{
    static const char *const n[SHI_EN_NCOMM] = {"crude", "pipeline_gas", "lng", "coal", "gas_tj"};
    return (unsigned)c < SHI_EN_NCOMM ? n[c] : "?";
}

/** Annual aggregates, sorted by (importer, exporter, commodity, year). The
 *  importer is 710 (China) or SHI_EN_EUROPE; the exporter a COW code or
 *  SHI_EN_WORLD (the importer's total: China Customs' "World" series for
 *  crude and coal, the sum of the partner series for gas, which has no
 *  World series before 2019; for Europe the sum over every partner). */
typedef struct shi_energy {
    size_t n;
    int32_t *imp, *exp, *year;
    int8_t *comm;
    double *qty;       /* every month the partner reports, in the commodity's unit */
    double *qty_tm;    /* only the months the importer's total reports (for shares) */
    double *usd;       /* value in USD (China Customs), NaN otherwise */
    uint16_t *months;  /* bit m-1: month m summed */
    uint16_t *tmonths; /* bit m-1: the importer's total reports month m */
    int y0[SHI_EN_NCOMM], y1[SHI_EN_NCOMM]; /* years of each commodity (0: none) */
    int china_y1, europe_y1;                /* last year of each source */
} shi_energy;

SHI_API void shi_energy_destroy(shi_energy *e);

/** The record of (importer, exporter, commodity, year), or -1. */
SHI_API long shi_energy_find(const shi_energy *e, int imp, int exp, int comm, int year);

/** Number of months set in a mask. */
static inline int shi_en_nmonths(uint16_t m)
{
    int n = 0;
    for (; m; m &= (uint16_t)(m - 1)) {
        n++;
    }
    return n;
}

/** Aggregate monthly importer rows into `e` (zeroed): China Customs (`cn`,
 *  may be NULL) and Eurostat (`eu`, may be NULL). Conflicting duplicate
 *  months are an error at the row (`paths` name the files). */
SHI_API shi_status shi_energy_build(shi_energy *e, const struct shi_energy_table *cn,
                                    const struct shi_energy_table *eu, const char *const paths[2],
                                    shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
