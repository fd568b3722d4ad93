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

double shi_lsg(double cap, double miles, double mpd)
{
    const double e = 2.718281828459045; /* Euler's number, as in EUGene's gradient */
    return pow(cap, log10(miles / mpd + 10 - e));
}
