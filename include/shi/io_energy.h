/*
 * shi/io_energy.h - importers for energy trade: China Customs imports by
 * partner (monthly, via CREA's fossil_shipment_tracker from the Wind
 * terminal), Eurostat imports of 36 European countries by partner (monthly,
 * via CREA), CREA's imports from Russia of 125 countries (UN Comtrade and
 * Eurostat, EUR and tonnes) and the Energy Institute's 2022 trade matrices.
 * Sources, units and coding choices: docs/energy.md.
 *
 * The importers normalise units and nothing else: a volume becomes tonnes
 * (kg / 1000, "10000 tons" x 10,000), a China Customs value becomes USD
 * ("USD 10 th" x 10,000); Eurostat gas stays in cubic metres. A unit the
 * importer does not know, a unit that does not fit the measure (a mass for a
 * value), or a series whose unit changes between rows is an error naming
 * file:line:col; so is a partner or country name that the name table
 * (shi_energy_name_code) does not list.
 *
 * Tables append (zero them before the first read) and their _destroy frees
 * them (safe on a zeroed struct). Months are not summed here: the panel
 * (shi/energy.h) makes the annual aggregates and flags incomplete years.
 */
#ifndef SHI_IO_ENERGY_H
#define SHI_IO_ENERGY_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Partner codes that are not COW states. */
#ifndef SHI_EN_WORLD
#    define SHI_EN_WORLD 0         /* "World (all partners)": the importer's total */
#    define SHI_EN_NOT_STATE (-1)  /* a territory or aggregate COW does not list (Hong Kong) */
#    define SHI_EN_EUROPE (-2)     /* the 36 Eurostat reporters together (panel aggregates) */
#    define SHI_EN_EU_AGG (-3)     /* CREA's "EU": the sum of its EU members' rows (dropped) */
#    define SHI_EN_REGION0 (-1000) /* EI region k is SHI_EN_REGION0 - k: never a state */
#endif

/** Commodities as the files label them (China Customs / Wind; Eurostat via CREA). */
typedef enum shi_en_label {
    SHI_ENL_CRUDE,        /* Crude Oil (HS 2709); Eurostat crude_oil */
    SHI_ENL_PIPEGAS,      /* Pipeline Carried Natural Gas (Gaseous State) */
    SHI_ENL_LNG,          /* Liquified Natural Gas (LNG); Eurostat lng */
    SHI_ENL_GAS_GASEOUS,  /* Natural Gas in Gaseous State (China's total, 2020-) */
    SHI_ENL_COAL,         /* Coal (HS 2701); Eurostat coal */
    SHI_ENL_COAL_LIGNITE, /* Coal and Lignite (China's total, HS 2701-2702) */
    SHI_ENL_STEAM,        /* Steam Coal (part of Coal) */
    SHI_ENL_COKING,       /* Coking Coal (part of Coal) */
    SHI_ENL_ANTHRACITE,   /* Anthracite Coal (part of Coal) */
    SHI_ENL_LIGNITE,      /* Lignite (HS 2702) */
    SHI_ENL_NG271121,     /* Natural Gas(271121): value only, Customs Statistics Data Platform */
    SHI_ENL_LNG271111,    /* Liquified Natural Gas(271111): value only, idem */
    SHI_ENL_GAS_ALL,      /* Eurostat gas_all (pipeline and LNG) */
    SHI_ENL_OIL_PRODUCTS, /* Eurostat oil_products */
    SHI_ENL_N
} shi_en_label;

/** Measures. */
enum {
    SHI_ENM_TONNES = 0, /* a volume, normalised to tonnes */
    SHI_ENM_USD = 1,    /* a value, normalised to US dollars */
    SHI_ENM_M3 = 2,     /* Eurostat gas, cubic metres */
    SHI_ENM_TJ = 3,     /* Eurostat gas, terajoules (read, not used) */
    SHI_ENM_EUR = 4     /* CREA imports from Russia: a value in euros (never mixed with USD) */
};

/** Commodities of the CREA file of imports from Russia, as it labels them
 *  (the same list is in shi/energy.h). */
#ifndef SHI_ENC_DEFINED
#    define SHI_ENC_DEFINED 1
enum {
    SHI_ENC_COAL,         /* coal */
    SHI_ENC_COKE,         /* coke */
    SHI_ENC_LNG,          /* lng */
    SHI_ENC_GAS,          /* natural_gas (pipeline) */
    SHI_ENC_OIL,          /* oil (crude) */
    SHI_ENC_OIL_PRODUCTS, /* oil_products */
    SHI_ENC_TAR,          /* tar */
    SHI_ENC_COAL_GAS,     /* coal_gas */
    SHI_ENC_N
};
#endif

/** Monthly rows of either file. */
typedef struct shi_energy_table {
    size_t n, cap;
    int32_t *importer; /* COW code of the importer (China 710; Eurostat: the reporter) */
    int32_t *partner;  /* COW code of the exporter, SHI_EN_WORLD or SHI_EN_NOT_STATE */
    int32_t *ym;       /* year * 100 + month */
    int8_t *label;     /* shi_en_label */
    int8_t *measure;   /* SHI_ENM_* */
    double *value;     /* in the measure's unit */
    int32_t *series;   /* China Customs: the Wind series id without its letter; Eurostat: 0 */
    int32_t *line;     /* line of each row */
    int32_t *col;      /* column of its value */
} shi_energy_table;

SHI_API void shi_energy_table_destroy(shi_energy_table *t);

/** China Customs imports by partner, monthly
 *  (china_customs_energy_imports_by_partner_monthly.csv). */
SHI_API shi_status shi_io_read_china_customs(const char *path, shi_energy_table *out, shi_err *err);

/** Eurostat imports by partner, monthly, via CREA
 *  (crea_eurostat_energy_imports_by_partner_monthly.csv). */
SHI_API shi_status shi_io_read_eurostat_energy(const char *path, shi_energy_table *out,
                                               shi_err *err);

/** CREA imports from Russia of 125 countries and the EU, monthly, EUR and
 *  tonnes, UN Comtrade and Eurostat via CREA
 *  (crea_imports_from_russia_comtrade_eurostat_monthly.csv). Rows go to a
 *  shi_energy_table: importer = the country (SHI_EN_EU_AGG for "EU"),
 *  partner = 365, label = SHI_ENC_*, measure SHI_ENM_TONNES or SHI_ENM_EUR,
 *  value NaN where the file has none, series 0. A partner other than Russia,
 *  a unit other than eur/tonne and a repeated (country, date, commodity,
 *  unit) are errors. */
SHI_API shi_status shi_io_read_crea_russia(const char *path, shi_energy_table *out, shi_err *err);

/** Energy Institute Statistical Review 2023 trade matrices (2022), as
 *  published: crude and products in million tonnes, pipeline gas and LNG in
 *  bcm, coal in exajoules. An exporter or importer is a COW code or an EI
 *  region (SHI_EN_REGION0 - k, never a state). */
#ifndef SHI_EIC_DEFINED
#    define SHI_EIC_DEFINED 1
enum { SHI_EIC_CRUDE, SHI_EIC_PRODUCT, SHI_EIC_PIPEGAS, SHI_EIC_LNG, SHI_EIC_COAL, SHI_EIC_N };
#endif
typedef struct shi_ei_table {
    size_t n, cap;
    int32_t *exp, *imp, *year;
    int8_t *comm;  /* SHI_EIC_* */
    double *value; /* Mt (crude, product), bcm (gas), EJ (coal) */
    int32_t *line; /* line of each row */
    int32_t *col;  /* column of its value */
} shi_ei_table;

SHI_API void shi_ei_table_destroy(shi_ei_table *t);
SHI_API shi_status shi_io_read_ei_trade(const char *path, shi_ei_table *out, shi_err *err);

/** An EI region name -> SHI_EN_REGION0 - k, or -100 when it is not one. */
SHI_API int shi_energy_region_code(const char *name);
/** The name of region code c, or NULL. */
SHI_API const char *shi_energy_region_name(int c);

/** The COW code of a partner or country name of the energy files (the
 *  documented name table, src/io/energy_names.c): a code, SHI_EN_WORLD,
 *  SHI_EN_NOT_STATE; or -100 when the table does not list the name. */
SHI_API int shi_energy_name_code(const char *name);

#ifdef __cplusplus
}
#endif
#endif
