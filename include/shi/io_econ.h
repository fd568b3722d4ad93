/*
 * shi/io_econ.h - importers for GDP and population: World Bank WDI bulk CSV,
 * Maddison Project Database 2020, Our World in Data population.
 *
 * File formats only: each reader turns one source's file into a columnar
 * table and checks every value, nothing more. Mapping ISO3 codes to COW codes
 * and choosing between sources belong to the caller (shi_states: iso3).
 *
 * Every read APPENDS rows to a caller-owned table (zero
 * it before the first read: `shi_wdi_table t = {0};`) and the matching
 * _destroy frees it (safe on a zeroed struct, and twice). On failure the rows
 * appended before the bad one stay in the table and it stays valid. Each row
 * keeps the line and column of one field in the file (named per table). Every
 * error names file:line:column and the column ("... in column 'x', got 'y'").
 *
 * Missing values are never turned into zeros: real-valued columns hold NaN,
 * small integer codes hold SHI_NA_I8 (-1), counts hold -1.
 *
 * Sources, columns read and coding choices: docs/sources_econ.md.
 */
#ifndef SHI_IO_ECON_H
#define SHI_IO_ECON_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>
#include <shi/missing.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a row's area code stands for (the `kind` columns). */
enum {
    SHI_AREA_COUNTRY = 0,    /* a country or territory (ISO 3166 alpha-3 or the source's own
                                code for one, e.g. WDI's XKX Kosovo, CHI Channel Islands) */
    SHI_AREA_AGGREGATE = 1,  /* a group of countries: region, income group, World */
    SHI_AREA_HISTORICAL = 2, /* a former state over its historical borders (Maddison's
                                SUN Former USSR, CSK Czechoslovakia, YUG Yugoslavia) */
    SHI_AREA_OTHER = 3       /* none of these can be told from the code (OWID_KOS, or an
                                OWID entity without a code that is not a known aggregate) */
};

#define SHI_ECON_CODE_MAX 16 /* bytes of an area code, including the NUL ("OWID_EU27") */
#define SHI_ECON_NAME_MAX 64 /* bytes of an OWID entity name, including the NUL */

/** Is `iso3` one of the 49 aggregate codes of the WDI bulk files (WLD, EUU,
 *  HIC, SSF, ...; the list is in docs/sources_econ.md)? O(log 49). */
SHI_API int shi_wdi_is_aggregate(const char *iso3);

/** Parse a non-negative decimal that may carry Excel's thousands separators:
 *  "17", "1385439" or "1,385,439" (groups of exactly three digits after the
 *  first group of one to three), with an optional fraction ".5". Anything
 *  else ("", "1,38", ",123", "-1", "1 000") returns 0 and leaves *v alone.
 *  \return 1 when `s` parsed. O(length). */
SHI_API int shi_econ_parse_grouped(const char *s, double *v);

/* ------------------------------------------------------------------------ */
/* World Bank, World Development Indicators: bulk CSV (API_<code>_DS2_*.csv) */
/* ------------------------------------------------------------------------ */

/** One indicator read into a shi_wdi_table. */
typedef struct shi_wdi_indicator {
    char code[32];  /* Indicator Code, e.g. "NY.GDP.MKTP.PP.KD" */
    char name[160]; /* Indicator Name, e.g. "GDP, PPP (constant 2021 international $)" */
} shi_wdi_indicator;

/** Long table of (area, year, value): one row per cell of the wide file,
 *  missing cells included (value NaN), so a file of R records and Y year
 *  columns gives R * Y rows, in file order (area by area, years ascending). */
typedef struct shi_wdi_table {
    size_t n, cap;
    char (*iso3)[4]; /* Country Code: 3 letters A-Z (ISO3 or a WDI aggregate code) */
    int32_t *year;   /* from the column header, 1900-2100 */
    double *value;   /* the cell; NaN where empty */
    int8_t *kind;    /* SHI_AREA_AGGREGATE if shi_wdi_is_aggregate, else SHI_AREA_COUNTRY */
    int16_t *ind;    /* index into `indicators` */
    int32_t *line;   /* line of the cell */
    int32_t *col;    /* column of the cell */
    size_t nrec;     /* records (area rows) read, over all reads */
    size_t nind;     /* indicators read so far */
    shi_wdi_indicator *indicators;
} shi_wdi_table;

SHI_API void shi_wdi_table_destroy(shi_wdi_table *t);
/** Read a WDI bulk CSV: 4 preamble lines ("Data Source", "Last Updated
 *  Date"), then the header `Country Name,Country Code,Indicator Name,
 *  Indicator Code,1960,...` and a trailing unnamed column, which is ignored;
 *  a UTF-8 BOM is fine. Every record must carry the same Indicator Code; a
 *  new code is added to `indicators`, a code read before reuses its index.
 *  Checks: Country Code of 3 letters A-Z; year headers 1900-2100; cells a
 *  finite number or empty. Country names are not kept.
 *  \return SHI_OK, SHI_EDATA (err names file:line:column), SHI_EIO.
 *  Time complexity: O(cells); a 266-record file reads in about 10 ms. */
SHI_API shi_status shi_io_read_wdi(const char *path, shi_wdi_table *out, shi_err *err);
/** The value for (iso3, year) of indicator `ind`, or NaN if absent. O(n). */
SHI_API double shi_wdi_value(const shi_wdi_table *t, int ind, const char *iso3, int year);

/* ------------------------------------------------------------------------ */
/* Maddison Project Database 2020 (Bolt & van Zanden 2020)                   */
/* ------------------------------------------------------------------------ */

/** Country-years: GDP per capita from mpd2020_gdppc.csv (full precision), and
 *  population from mpd2020_gdppc_pop_excel-formatted.csv, merged by
 *  (countrycode, year). */
typedef struct shi_maddison_table {
    size_t n, cap;
    char (*iso3)[4];       /* countrycode: ISO3, or SUN / CSK / YUG */
    int32_t *year;         /* 1-2100 */
    double *gdppc;         /* real GDP per capita, 2011 US$; NaN where empty */
    double *pop_thousands; /* population in thousands; NaN where empty or no pop file */
    int8_t *kind;          /* SHI_AREA_COUNTRY, or SHI_AREA_HISTORICAL for SUN, CSK, YUG */
    int32_t *line;         /* line of the row in the gdppc file */
    int32_t *col;          /* column of its countrycode field */
} shi_maddison_table;

SHI_API void shi_maddison_table_destroy(shi_maddison_table *t);
/** Read `gdppc_path` (columns countrycode, year, gdppc; country is ignored),
 *  then, unless `pop_path` is NULL, `pop_path` (columns countrycode, year,
 *  gdppc, pop, with numbers like "1,385,439"): each of its rows must match a
 *  row of the first file read by this call, by (countrycode, year); its pop
 *  goes into that row. Its rounded gdppc must agree with the full-precision
 *  one within 1 where both are present (a check that the two files are the
 *  same release). Rows of the first file without a partner keep pop NaN.
 *  Checks: countrycode of 3 letters A-Z, year 1-2100, gdppc and pop >= 0 or
 *  empty, no (countrycode, year) twice in the first file.
 *  \return SHI_OK, SHI_EDATA, SHI_EUSAGE (gdppc_path NULL), SHI_EIO.
 *  Time complexity: O(rows log rows). */
SHI_API shi_status shi_io_read_maddison(const char *gdppc_path, const char *pop_path,
                                        shi_maddison_table *out, shi_err *err);

/* ------------------------------------------------------------------------ */
/* Our World in Data: population (HYDE, Gapminder, UN WPP)                  */
/* ------------------------------------------------------------------------ */

typedef struct shi_owid_pop_table {
    size_t n, cap;
    char (*code)[SHI_ECON_CODE_MAX]; /* Code: ISO3, OWID_xxx or "" (regions) */
    char (*name)[SHI_ECON_NAME_MAX]; /* Entity */
    int32_t *year;                   /* -10000..2100 */
    double *pop;                     /* persons; NaN where empty */
    int8_t *kind;                    /* SHI_AREA_COUNTRY, _AGGREGATE or _OTHER (see docs) */
    int32_t *line;                   /* line of each row */
    int32_t *col;                    /* column of its Code field */
} shi_owid_pop_table;

SHI_API void shi_owid_pop_table_destroy(shi_owid_pop_table *t);
/** Read OWID's population.csv (columns Entity, Code, Year, and the
 *  population column: "Population (historical estimates)" or "population").
 *  kind: 3 letters A-Z -> country; OWID_WRL and OWID's region and income
 *  group codes, or no code with an entity name on OWID's list of regions
 *  (Africa, World, High-income countries, ...) -> aggregate; anything else
 *  (OWID_KOS, "Saint Barthelemy" without a code) -> other.
 *  Checks: Entity of 1-63 bytes, Code of letters, digits and '_' (at most 15)
 *  or empty, year -10000..2100, population >= 0 (a whole number) or empty. */
SHI_API shi_status shi_io_read_owid_population(const char *path, shi_owid_pop_table *out,
                                               shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
