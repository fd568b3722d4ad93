/*
 * slope_priv.h - the least-squares slope per year of a yearly series (NaN
 * values skipped; NaN with fewer than 3 points), shared by the energy and
 * sphere measures (private to src/measures).
 */
#ifndef SHI_MEASURES_SLOPE_PRIV_H
#define SHI_MEASURES_SLOPE_PRIV_H

#include <gsl/gsl_fit.h>
#include <math.h>
#include <stddef.h>

/* v[0..n) are the years y0 .. y0 + n - 1; at most 256 points are used. */
static inline double shi_i_series_slope(const double *v, int n, int y0)
{
    double x[256], y[256];
    size_t k = 0;
    for (int t = 0; t < n && k < 256; t++) {
        if (!isnan(v[t])) {
            x[k] = y0 + t;
            y[k++] = v[t];
        }
    }
    if (k < 3) {
        return (double)NAN;
    }
    double c0, c1, v00, v01, v11, ss;
    gsl_fit_linear(x, 1, y, 1, k, &c0, &c1, &v00, &v01, &v11, &ss);
    return c1;
}

#endif
