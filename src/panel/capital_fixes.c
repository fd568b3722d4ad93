/*
 * capital_fixes.c - corrections of capital coordinates in
 * cow_capitals_peacesciencer.csv (Miller 2022) where the geocoder returned
 * the centroid of the country (or island) instead of the city.
 *
 * How the rows were found (issue 14; docs/dyad_sources.md, "Capital
 * coordinates"): each capital was placed again from Gleditsch & Ward's (2001)
 * capdist.csv alone, by least squares on its distances to the neighbouring
 * capitals (100-2,500 km), and compared with the file's point. Of the rows
 * more than 100 km from that fit, all but these are explained by a capital
 * that moved (G&W keep one capital per state: Almaty, Lagos, Dar es Salaam,
 * Rangoon, Karachi, La Paz ...) or by G&W's own noise on small islands; these
 * four are points that no city occupies, at the centroid of the country or
 * island: Brazil (-10.33, -53.20), Tunisia (33.84, 9.40), Saudi Arabia
 * (23.33, 45.33) and Dominica (15.42, -61.34, 14 km north-east of Roseau).
 *
 * The corrections are the city's coordinates as GeoNames gives them
 * (https://www.geonames.org, CC BY 4.0; feature ids below), entered without
 * network access in this session: they agree within about 5 km with the
 * coordinates of the cities' Wikipedia articles, and the unit test checks
 * them independently, against Gleditsch & Ward's distances (each must lower
 * the capdist error). Re-check them against geonames.org. A row is
 * corrected only when it still has exactly the coordinates listed, so a
 * corrected upstream file is read as it is.
 */
#include "capital_fixes.h"

#include <string.h>

static const struct {
    int ccode;
    const char *capital;
    double bad_lat, bad_lon; /* as in the file */
    double lat, lon;         /* GeoNames */
    long geonames;
} FIXES[] = {
    {140, "Brasilia", -10.3333333, -53.2, -15.77972, -47.92972, 3469058},
    {616, "Tunis", 33.8439408, 9.400138, 36.81897, 10.16579, 2464470},
    {670, "Riyadh", 23.333333, 45.333333, 24.68773, 46.72185, 108410},
    {54, "Roseau", 15.4238539, -61.3416513, 15.30174, -61.38808, 3575635},
};

size_t shi_i_capitals_fix(shi_capital_table *t)
{
    size_t fixed = 0;
    for (size_t i = 0; i < t->n; i++) {
        for (size_t k = 0; k < sizeof FIXES / sizeof FIXES[0]; k++) {
            if (t->ccode[i] == FIXES[k].ccode && strcmp(t->name[i], FIXES[k].capital) == 0 &&
                t->lat[i] == FIXES[k].bad_lat && t->lon[i] == FIXES[k].bad_lon) {
                t->lat[i] = FIXES[k].lat;
                t->lon[i] = FIXES[k].lon;
                fixed++;
            }
        }
    }
    return fixed;
}
