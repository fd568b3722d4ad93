/*
 * shi/unitroot.h - unit-root and stationarity tests of a yearly series, used by
 * the drivers model to choose between levels and first differences
 * (docs/drivers.md, "Time-series hygiene").
 *
 *  ADF   augmented Dickey-Fuller (Dickey & Fuller 1979; Said & Dickey 1984).
 *        H0: a unit root. The test regression is
 *            dx_t = a [+ d t] + g x_{t-1} + sum_{i=1..p} f_i dx_{t-i} + e_t
 *        and the statistic is tau = g^ / se(g^) (classical OLS standard
 *        error). Critical values at 1%, 5% and 10% come from MacKinnon's
 *        (2010) response surfaces, c(T) = b_inf + b1/T + b2/T^2 + b3/T^3, with
 *        T the observations in the test regression (MacKinnon 2010, Table 2,
 *        N = 1, rows "c" and "ct"); the p value is MacKinnon's (1994)
 *        asymptotic approximation Phi(poly(tau)) (his Table 3, N = 1).
 *        The lag p is fixed or chosen by AIC over 0..pmax on a common sample
 *        (Ng & Perron 2001 advise a common sample), pmax = floor(4 (n/100)^(1/4))
 *        (Schwert 1989, "l4").
 *  KPSS  Kwiatkowski, Phillips, Schmidt & Shin (1992). H0: stationarity
 *        (around a level, or a linear trend). With e_t the residuals of x on
 *        a constant [and trend] and S_t their partial sums,
 *            eta = sum_t S_t^2 / (n^2 s^2(l)),
 *            s^2(l) = (1/n) sum e_t^2 + (2/n) sum_{s=1..l} (1 - s/(l+1)) sum_{t>s} e_t e_{t-s}
 *        (Bartlett weights; Newey & West 1987), l = floor(4 (n/100)^(1/4))
 *        by default (KPSS 1992, "l4"). Critical values are the asymptotic
 *        ones of KPSS (1992), Table 1: level 0.347 / 0.463 / 0.574 / 0.739,
 *        trend 0.119 / 0.146 / 0.176 / 0.216 at 10 / 5 / 2.5 / 1 %; the p
 *        value is interpolated linearly in that table and clipped to
 *        [0.01, 0.10] (beyond the table it is only known to be smaller or
 *        larger).
 *
 * The classification at 5% (shi_ur_classify) combines the two, the
 * "confirmatory" reading of Maddala & Kim (1998, section 4.5): stationary when
 * ADF rejects and KPSS does not; a unit root when KPSS rejects and ADF does not;
 * inconclusive otherwise (with 20-odd years, often).
 */
#ifndef SHI_UNITROOT_H
#define SHI_UNITROOT_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Deterministic terms of a test regression. */
typedef enum shi_ur_det {
    SHI_UR_CONST = 0, /* a constant: level stationarity */
    SHI_UR_TREND = 1  /* a constant and a linear trend */
} shi_ur_det;

/** Result of an ADF test. */
typedef struct shi_adf {
    double stat;    /* tau = g^ / se(g^) */
    int lag;        /* augmentation lags p used */
    size_t nobs;    /* observations in the test regression */
    double crit[3]; /* MacKinnon (2010) critical values at 1%, 5%, 10% for nobs */
    double p;       /* MacKinnon (1994) asymptotic p value */
} shi_adf;

/** Result of a KPSS test. */
typedef struct shi_kpss {
    double stat;    /* eta */
    int lag;        /* Bartlett truncation lag l */
    size_t nobs;    /* n */
    double crit[4]; /* KPSS (1992) at 10%, 5%, 2.5%, 1% */
    double p;       /* interpolated in the table, in [0.01, 0.10] */
} shi_kpss;

/** How a series looks at 5% after both tests. */
typedef enum shi_ur_class {
    SHI_UR_STATIONARY = 0,  /* ADF rejects a unit root, KPSS does not reject stationarity */
    SHI_UR_UNIT_ROOT = 1,   /* KPSS rejects, ADF does not */
    SHI_UR_INCONCLUSIVE = 2 /* both reject, or neither */
} shi_ur_class;

/* Inline: the views format it without calling a model. */
static inline const char *shi_ur_class_name(int c)
{
    switch (c) {
    case SHI_UR_STATIONARY:
        return "stationary";
    case SHI_UR_UNIT_ROOT:
        return "unit root";
    case SHI_UR_INCONCLUSIVE:
        return "inconclusive";
    default:
        return "?";
    }
}

/** MacKinnon (2010) critical value of the ADF tau at `level` (0.01, 0.05 or
 *  0.10; anything else gives NaN) for `nobs` observations in the test
 *  regression. */
SHI_API double shi_adf_crit(shi_ur_det det, double level, size_t nobs);

/** MacKinnon (1994) asymptotic p value of an ADF tau (N = 1). */
SHI_API double shi_adf_pvalue(shi_ur_det det, double tau);

/**
 * \brief Augmented Dickey-Fuller test of x[0..n-1] (finite values, in time order).
 * \param lag  augmentation lags, or -1 to choose by AIC over 0..floor(4 (n/100)^(1/4)).
 * \return SHI_OK; SHI_EUSAGE for lag < -1; SHI_EDATA for a non-finite value,
 *   a constant series, or too few observations: the test regression needs at
 *   least (regressors + 5) rows ("ADF needs at least 8 years, got 6").
 */
SHI_API shi_status shi_adf_test(const double *x, size_t n, shi_ur_det det, int lag, shi_adf *out,
                                shi_err *err);

/**
 * \brief KPSS test of x[0..n-1] (finite values, in time order).
 * \param lag  Bartlett lag, or -1 for floor(4 (n/100)^(1/4)).
 * \return SHI_OK; SHI_EUSAGE for lag < -1 or lag >= n; SHI_EDATA for a
 *   non-finite value, a constant series or fewer than 5 values.
 */
SHI_API shi_status shi_kpss_test(const double *x, size_t n, shi_ur_det det, int lag, shi_kpss *out,
                                 shi_err *err);

/** Stationary / unit root / inconclusive at 5% (see the header comment). */
SHI_API shi_ur_class shi_ur_classify(const shi_adf *adf, const shi_kpss *kpss);

#ifdef __cplusplus
}
#endif
#endif
