/*
 * shi/mktrend.h - the Mann-Kendall trend test with Sen's slope, for the short
 * yearly series of the issue-area scorecard (docs/align.md, "Trend tests").
 *
 * For values x_1..x_n at times t_1..t_n (missing values skipped):
 *
 *   S     = sum_{i<j} sign(x_j - x_i)                          (Mann 1945)
 *   Var S = [n(n-1)(2n+5) - sum_g t_g(t_g-1)(2t_g+5)] / 18     (Kendall 1975,
 *           ties: t_g values share the g-th tied value)
 *   Z     = (S - 1)/sqrt(Var S) if S > 0, (S + 1)/sqrt(Var S) if S < 0, else 0
 *           (continuity correction), two-sided p = erfc(|Z| / sqrt 2)
 *   Sen's slope (Sen 1968): the median of (x_j - x_i)/(t_j - t_i) over i < j
 *           with t_j != t_i; its 100(1-alpha)% interval (Sen 1968; Gilbert
 *           1987, section 16.5): with N' slopes sorted and
 *           C = z_{1-alpha/2} sqrt(Var S), the slopes of rank (N' - C)/2 and
 *           (N' + C)/2 + 1 (1-based, rounded to the nearest rank, clipped).
 *
 * The normal approximation is Kendall's; below about 10 values it is rough
 * (Kendall 1975 tabulates the exact distribution), which only makes the test
 * more cautious at the 5% level for the scorecard's windows.
 *
 * Mann, H. B. (1945). Nonparametric tests against trend. Econometrica 13(3):
 * 245-259. Kendall, M. G. (1975). Rank Correlation Methods, 4th ed. London:
 * Griffin. Sen, P. K. (1968). Estimates of the regression coefficient based on
 * Kendall's tau. JASA 63(324): 1379-1389. Gilbert, R. O. (1987). Statistical
 * Methods for Environmental Pollution Monitoring. New York: Van Nostrand
 * Reinhold.
 */
#ifndef SHI_MKTREND_H
#define SHI_MKTREND_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The result of a Mann-Kendall test with Sen's slope (NaN when n < 3). */
typedef struct shi_mk {
    size_t n;      /* values used (not missing) */
    double s;      /* Mann-Kendall S */
    double var_s;  /* its variance, corrected for ties */
    double z;      /* continuity-corrected normal score */
    double p;      /* two-sided p value */
    double sen;    /* Sen's slope: median pairwise slope, per unit of t */
    double sen_lo; /* its 95% interval (Sen 1968; Gilbert 1987) */
    double sen_hi;
} shi_mk;

/** \brief Mann-Kendall test and Sen's slope of x over t (n points; NaN values
 *  of x are skipped; t need not be equally spaced, but must be finite).
 *  With fewer than 3 values every statistic is NaN and out->n says how many.
 *  \return SHI_OK, SHI_EIO when out of memory. Complexity O(n^2 log n). */
SHI_API shi_status shi_mk_test(const double *t, const double *x, size_t n, shi_mk *out,
                               shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
