/*
 * mktrend.c - Mann-Kendall trend test with Sen's slope (include/shi/mktrend.h):
 * Mann (1945), Kendall (1975) for the tie-corrected variance, Sen (1968) for
 * the slope and Gilbert (1987, section 16.5) for its interval.
 */
#include <shi/mktrend.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *p, const void *q)
{
    double a = *(const double *)p, b = *(const double *)q;
    return (a > b) - (a < b);
}

/* The 1-based rank r (rounded, clipped to [1, n]) of the sorted v. */
static double at_rank(const double *v, size_t n, double r)
{
    double k = floor(r + 0.5);
    k = k < 1 ? 1 : k > (double)n ? (double)n : k;
    return v[(size_t)k - 1];
}

shi_status shi_mk_test(const double *t, const double *x, size_t n, shi_mk *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    out->s = out->var_s = out->z = out->p = (double)NAN;
    out->sen = out->sen_lo = out->sen_hi = (double)NAN;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        m += !isnan(x[i]);
    }
    out->n = m;
    if (m < 3) {
        return SHI_OK;
    }
    double *tt = malloc(m * sizeof *tt), *xx = malloc(m * sizeof *xx);
    double *sl = malloc(m * (m - 1) / 2 * sizeof *sl), *srt = malloc(m * sizeof *srt);
    if (!tt || !xx || !sl || !srt) {
        free(tt);
        free(xx);
        free(sl);
        free(srt);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t i = 0, k = 0; i < n; i++) {
        if (!isnan(x[i])) {
            tt[k] = t[i];
            xx[k++] = x[i];
        }
    }
    double s = 0;
    size_t ns = 0;
    for (size_t i = 0; i < m; i++) {
        for (size_t j = i + 1; j < m; j++) {
            /* The sign of the change in time order (t need not be sorted). */
            double d = tt[j] > tt[i] ? xx[j] - xx[i] : xx[i] - xx[j];
            s += tt[j] == tt[i] ? 0 : (d > 0) - (d < 0);
            if (tt[j] != tt[i]) {
                sl[ns++] = (xx[j] - xx[i]) / (tt[j] - tt[i]);
            }
        }
    }
    /* Ties: groups of equal values (Kendall 1975, eq. 4.3). */
    memcpy(srt, xx, m * sizeof *srt);
    qsort(srt, m, sizeof *srt, cmp_double);
    double dm = (double)m, ties = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && srt[j] == srt[i]) {
            j++;
        }
        double g = (double)(j - i);
        ties += g * (g - 1) * (2 * g + 5);
        i = j;
    }
    double var = (dm * (dm - 1) * (2 * dm + 5) - ties) / 18;
    out->s = s;
    out->var_s = var;
    if (var > 0) {
        out->z = s > 0 ? (s - 1) / sqrt(var) : s < 0 ? (s + 1) / sqrt(var) : 0;
        out->p = erfc(fabs(out->z) / sqrt(2.0));
    } else {
        out->z = 0;
        out->p = 1; /* a constant series: no trend */
    }
    if (ns > 0) {
        qsort(sl, ns, sizeof *sl, cmp_double);
        out->sen = ns % 2 ? sl[ns / 2] : (sl[ns / 2 - 1] + sl[ns / 2]) / 2;
        double c = 1.959963984540054 * sqrt(var > 0 ? var : 0), dn = (double)ns;
        out->sen_lo = at_rank(sl, ns, (dn - c) / 2);
        out->sen_hi = at_rank(sl, ns, (dn + c) / 2 + 1);
    }
    free(tt);
    free(xx);
    free(sl);
    free(srt);
    return SHI_OK;
}
