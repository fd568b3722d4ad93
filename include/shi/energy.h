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

/* Importer tables (shi/io_energy.h): the builders' input, opaque here. */
struct shi_energy_table;
struct shi_ei_table;

/** Commodities of the CREA file of imports from Russia (as in shi/io_energy.h). */
#ifndef SHI_ENC_DEFINED
#    define SHI_ENC_DEFINED 1
enum {
    SHI_ENC_COAL,
    SHI_ENC_COKE,
    SHI_ENC_LNG,
    SHI_ENC_GAS,
    SHI_ENC_OIL,
    SHI_ENC_OIL_PRODUCTS,
    SHI_ENC_TAR,
    SHI_ENC_COAL_GAS,
    SHI_ENC_N
};
#endif
/** EI commodities (as in shi/io_energy.h). */
#ifndef SHI_EIC_DEFINED
#    define SHI_EIC_DEFINED 1
enum { SHI_EIC_CRUDE, SHI_EIC_PRODUCT, SHI_EIC_PIPEGAS, SHI_EIC_LNG, SHI_EIC_COAL, SHI_EIC_N };
#endif
#ifndef SHI_EN_REGION0
#    define SHI_EN_EU_AGG (-3)
#    define SHI_EN_REGION0 (-1000)
#endif

/** Bit 12 of a CREA month mask: every month of the year has the same value,
 *  i.e. an annual total spread evenly over 12 months (UN Comtrade rows). */
#define SHI_ENC_SPREAD 0x1000u

/** Russia's energy exports by importer, annual (CREA imports from Russia,
 *  UN Comtrade and Eurostat), sorted by (importer, commodity, year). The
 *  months with a value are summed; the masks say which (bits 0-11) and whether
 *  they were an annual total spread evenly (SHI_ENC_SPREAD); a year with fewer
 *  than 12 months is incomplete and is never shown as a full year. CREA's "EU"
 *  rows are the sum of its members' rows and are left out. */
typedef struct shi_energy_ru {
    size_t n;
    int32_t *imp, *year;
    int8_t *comm;      /* SHI_ENC_* */
    double *t, *eur;   /* tonnes; euros (never USD) */
    uint16_t *mt, *me; /* months of t, of eur (bit m-1), | SHI_ENC_SPREAD */
} shi_energy_ru;

/** The Energy Institute 2022 trade matrices as published (Mt crude and
 *  products, bcm gas, EJ coal). exp/imp: a COW code or an EI region
 *  (<= SHI_EN_REGION0, never a state). */
typedef struct shi_energy_ei {
    size_t n;
    int32_t *exp, *imp, *year;
    int8_t *comm; /* SHI_EIC_* */
    double *value;
} shi_energy_ei;

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
    shi_energy_ru ru;                       /* Russia's exports by importer (CREA) */
    shi_energy_ei ei;                       /* EI 2022 trade matrices */
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

/** Sum CREA's monthly rows into `r` (zeroed): per importer, commodity and
 *  year; the "EU" aggregate is left out. */
SHI_API shi_status shi_energy_ru_build(shi_energy_ru *r, const struct shi_energy_table *t,
                                       shi_err *err);
/** Copy the EI rows into `x` (zeroed). */
SHI_API shi_status shi_energy_ei_build(shi_energy_ei *x, const struct shi_ei_table *t,
                                       shi_err *err);
/** The record of (importer, commodity, year) of r, or -1. */
SHI_API long shi_energy_ru_find(const shi_energy_ru *r, int imp, int comm, int year);
/** Is c one of the 36 Eurostat reporters ("Europe" of shi's energy data)? */
SHI_API int shi_energy_is_europe(int c);

#ifdef __cplusplus
}
#endif
#endif
