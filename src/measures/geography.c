/*
 * geography.c - great-circle distance and the loss-of-strength gradient
 * (formulas and sources in shi/geography.h).
 */
#include <shi/geography.h>

#include <math.h>

double shi_great_circle_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0088, rad = 3.14159265358979323846 / 180.0;
    double p1 = lat1 * rad, p2 = lat2 * rad;
    double dp = (lat2 - lat1) * rad, dl = (lon2 - lon1) * rad;
    double h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);
    if (h > 1) {
        h = 1;
    }
    return 2 * r * asin(sqrt(h));
}

/* The special case of Vincenty's (1975) inverse formula on a sphere
 * (Wikipedia, "Great-circle distance"): atan2 of the chord's two components,
 * well conditioned at every distance. The operations follow geosphere's
 * distVincentySphere one by one (degrees times pi/180, longitudes subtracted
 * first 1 - 2, metres, then / 1000 in peacesciencer), so that the doubles
 * are the same as R's. */
double shi_vincenty_sphere_km(double lat1, double lon1, double lat2, double lon2, double radius_m)
{
    const double rad = 3.14159265358979323846 / 180.0;
    double p1 = lat1 * rad, p2 = lat2 * rad, dl = lon1 * rad - lon2 * rad;
    double a = cos(p2) * sin(dl), b = cos(p1) * sin(p2) - sin(p1) * cos(p2) * cos(dl);
    double x = sqrt(a * a + b * b), y = sin(p1) * sin(p2) + cos(p1) * cos(p2) * cos(dl);
    return radius_m * atan2(x, y) / 1000.0;
}

double shi_lsg(double cap, double miles, double mpd)
{
    const double e = 2.718281828459045; /* Euler's number, as in EUGene's gradient */
    return pow(cap, log10(miles / mpd + 10 - e));
}
