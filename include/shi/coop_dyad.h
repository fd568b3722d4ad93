/*
 * shi/coop_dyad.h - a pair's prisoner's dilemma, calibrated from its data
 * (docs/coop.md, "Dyad calibration"). The mapping is shi's documented
 * convention, built from the literature's arguments rather than estimated:
 *
 *  gains     R = 3 + 2 d, T = R + 2, P = 1, S = 0, with d = min(1, mean trade
 *            dependence / 0.1): interdependence raises the reward of mutual
 *            cooperation (Keohane & Nye 1977), the temptation premium T - R
 *            and the punishment stay those of Axelrod (1984).
 *  relative  k = mean of the threat each poses to the other (shi threat): the
 *  gains     more a partner could threaten, the more its gains count against
 *            one's own (Grieco 1988); utility u = own - k (other - own).
 *  shadow of delta = 0.5 + 0.45 h, with h the mean of what is known of: the
 *  the future  ATOP alliance level / 3, (S + 1) / 2 (alliance similarity), and
 *            the share of the last 10 years without a militarized dispute
 *            between them: ties and a peaceful history lengthen the shadow of
 *            the future (Axelrod 1984, ch. 7; Oye 1986).
 *
 * Cooperation is sustainable for a rule when delta reaches its threshold
 * (shi_coop_thresholds_compute with relative gains k); the margin is delta
 * minus the threshold (margin[] and sustainable[] per shi_coop_rule).
 */
#ifndef SHI_COOP_DYAD_H
#define SHI_COOP_DYAD_H

#include <shi/api.h>
#include <shi/coop.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/threat.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct shi_coop_dyad {
    int a, b, year;
    double trade_dep;  /* mean trade dependence (NaN when unknown: d = 0) */
    double threat_ab;  /* threat to a from b */
    double threat_ba;  /* threat to b from a */
    double alliance;   /* ATOP level (0-3) or NaN */
    double similarity; /* S or NaN */
    double peace;      /* share of the last 10 years without a dispute, or NaN */
    shi_coop_payoffs payoffs;
    double k;     /* relative-gains weight */
    double delta; /* shadow of the future */
    shi_coop_thresholds thr;
    double margin[SHI_COOP_RULE_N];   /* delta minus the threshold of each rule */
    int sustainable[SHI_COOP_RULE_N]; /* delta >= the threshold of each rule */
} shi_coop_dyad;

/** Calibrate the game of (a, b) in `year` from the data view `d` (dyadic and
 *  relations parts) with the threat model `m` (NULL: the defaults). */
SHI_API shi_status shi_coop_dyad_calibrate(shi_coop_dyad *out, const shi_data *d,
                                           const shi_threat_model *m, int a, int b, int year,
                                           shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
