/*
 * shi/geography.h - distance and the reach of power over it: great-circle
 * distance between capitals and Bueno de Mesquita's loss-of-strength gradient.
 * Pure functions.
 */
#ifndef SHI_GEOGRAPHY_H
#define SHI_GEOGRAPHY_H

#include <shi/api.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Kilometres in an international mile (exact, by the 1959 agreement). */
#define SHI_KM_PER_MILE 1.609344

/** Great-circle distance in km between two points (degrees), by the haversine
 *  formula on a sphere of the mean Earth radius 6371.0088 km (IUGG). */
SHI_API double shi_great_circle_km(double lat1, double lon1, double lat2, double lon2);

/** WGS 84 equatorial radius in metres: geosphere's default sphere radius. */
#define SHI_WGS84_A_M 6378137.0

/** peacesciencer's capital distance (add_capital_distance): the Vincenty
 *  formula for a sphere of `radius_m` metres, as geosphere's
 *  distVincentySphere computes it, in metres divided by 1000 (km). With
 *  SHI_WGS84_A_M every distance is 0.112% longer than shi_great_circle_km. */
SHI_API double shi_vincenty_sphere_km(double lat1, double lon1, double lat2, double lon2,
                                      double radius_m);

/** Loss-of-strength gradient (Bueno de Mesquita 1981, The War Trap, p. 105):
 *  capability `cap` (a share in [0, 1]) projected over `miles`, with `mpd`
 *  miles per day of the era: cap^(log10(miles / mpd + 10 - e)). At distance 0
 *  the exponent is log10(10 - e) < 1, so a share is slightly raised at home. */
SHI_API double shi_lsg(double cap, double miles, double mpd);

#ifdef __cplusplus
}
#endif
#endif
