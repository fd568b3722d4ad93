/*
 * shi/stateyears.h - the state-year data set: one row per COW member state
 * and year, with chosen families of variables (docs/stateyears.md), the
 * state-level counterpart of shi/dyadvars.h (peacesciencer's
 * create_stateyears() with add_* functions).
 *
 * Families:
 *   nmc      milex milper irst pec tpop upop (COW NMC, as published; -9 is
 *            missing) and cinc (Singer, Bremer & Stuckey 1972, computed at load)
 *   major    major: COW major power on any day of the year (0/1)
 *   gdp      gdp (millions of constant 2015 US$), gdp_src ("WDI" or "Maddison":
 *            where the row's value comes from, docs/power.md), gdppc (US$)
 *   democracy  polity2 (Polity5, -10..10) and polyarchy (V-Dem v2x_polyarchy, 0-1)
 *   nuclear  nuclear (0 none, 1 considered, 2 pursued, 3 possessed; OWID after
 *            Bleek 2017) and warheads (FAS stockpile via OWID)
 *   igos     igo_full igo_associate igo_observer igo_any: the state's IGO
 *            memberships by type (COW IGO v3, Pevehouse et al. 2020), to 2014
 *   population  population (persons, Our World in Data, of the present-day
 *            country with the state's ISO3 code) and population_src: "OWID", or
 *            why the state-year has none (its territory was not that country's:
 *            the USSR, West Germany, ...; docs/stateyears.md); needs SHI_DATA_ECON
 * Missing stays missing: outside a source's years a value is missing, never 0.
 */
#ifndef SHI_STATEYEARS_H
#define SHI_STATEYEARS_H

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/frame.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    SHI_SY_NMC = 1u << 0,
    SHI_SY_MAJOR = 1u << 1,
    SHI_SY_GDP = 1u << 2,
    SHI_SY_NUCLEAR = 1u << 3,
    SHI_SY_DEMOCRACY = 1u << 4,
    SHI_SY_IGOS = 1u << 5,
    SHI_SY_POPULATION = 1u << 6,
    SHI_SY_ALL = (1u << 7) - 1
};

/** Parse a comma-separated list of families ("nmc,major,gdp,nuclear,igos" or
 *  "all"); an unknown name is SHI_EUSAGE listing the valid ones. */
SHI_API shi_status shi_stateyears_parse(const char *list, unsigned *mask, shi_err *err);

/** The parts of the data view (SHI_DATA_*) the families in `mask` need. */
SHI_API unsigned shi_stateyears_parts(unsigned mask);

/** Which state-years. */
typedef struct shi_stateyear_opts {
    int y0, y1;        /* years, inclusive */
    const int *states; /* keep these COW codes only (NULL: all members) */
    size_t nstates;
} shi_stateyear_opts;

/** Make the frame "state_year" of every member state-year in [y0, y1]
 *  (columns year, ccode, stateabb, ordered by year then ccode) with the
 *  families in `mask`, from `d`, which must hold shi_stateyears_parts(mask).
 *  `out` is initialised here; on failure it is left empty. */
SHI_API shi_status shi_stateyears_make(const shi_data *d, const shi_stateyear_opts *o,
                                       unsigned mask, shi_frame *out, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
