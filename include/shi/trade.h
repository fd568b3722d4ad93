/*
 * shi/trade.h - trade dependence of dyads from COW trade flows and national
 * totals (see shi/io_trade.h for the importers). Pure functions, no state.
 *
 * Definitions (COW Trade 4.0 units, current million USD):
 *   trade_ij = flow1 + flow2, i's imports from j plus j's imports from i: the
 *              total dyadic trade as COW defines it (Barbieri & Keshk 2016);
 *   dep_i    = trade_ij / (imports_i + exports_i), the share of i's total
 *              trade that is with j: Barbieri's (1996) "trade share" /
 *              salience component, and the trade-based dependence of Oneal &
 *              Russett (1997) with total trade instead of GDP in the
 *              denominator (GDP is not in the COW files);
 *   asym     = dep_i - dep_j, signed asymmetry: > 0 means i depends more on j
 *              than j on i (Barbieri 1996 uses 1 - |dep_i - dep_j| as
 *              symmetry; Oneal & Russett 1997 use the lower of the two).
 * References: Barbieri, Katherine. 1996. "Economic Interdependence: A Path to
 * Peace or a Source of Interstate Conflict?" Journal of Peace Research 33(1):
 * 29-49. Oneal, John R., and Bruce M. Russett. 1997. "The Classical Liberals
 * Were Right: Democracy, Interdependence, and Conflict, 1950-1985."
 * International Studies Quarterly 41(2): 267-294.
 *
 * Missing stays missing: any NaN input makes the result NaN, never 0. A
 * denominator of 0 (a state with no recorded trade) gives NaN as well.
 */
#ifndef SHI_TRADE_H
#define SHI_TRADE_H

#include <stddef.h>

#include <shi/api.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Dependence of a dyad in one year or over a window. */
typedef struct shi_trade_dep {
    double trade; /* trade_ij = flow1 + flow2 (million USD) */
    double dep_i; /* trade_ij / (imports_i + exports_i) */
    double dep_j; /* trade_ij / (imports_j + exports_j) */
    double asym;  /* dep_i - dep_j */
} shi_trade_dep;

/** trade_ij = flow_i_from_j + flow_j_from_i; NaN if either is NaN or negative. O(1). */
SHI_API double shi_trade_dyadic(double flow_i_from_j, double flow_j_from_i);
/** dep_i = trade_ij / (imports_i + exports_i); NaN if an input is NaN or the
 *  denominator is not positive. O(1). */
SHI_API double shi_trade_dependence(double trade_ij, double imports_i, double exports_i);
/** The four quantities for one dyad-year: `flow_i_from_j` is i's imports from
 *  j (COW flow1 when i is ccode1), `flow_j_from_i` j's imports from i. O(1). */
SHI_API shi_trade_dep shi_trade_dependence_dyad(double flow_i_from_j, double flow_j_from_i,
                                                double imports_i, double exports_i,
                                                double imports_j, double exports_j);
/** The same over a window of `n` years: numerators and denominators are each
 *  summed over the window before dividing (so large years weigh more than in
 *  a mean of yearly shares). Any NaN in the window makes every result NaN;
 *  n == 0 gives NaN. Each array has `n` entries, one per year. O(n). */
SHI_API shi_trade_dep shi_trade_dependence_window(size_t n, const double *flow_i_from_j,
                                                  const double *flow_j_from_i,
                                                  const double *imports_i, const double *exports_i,
                                                  const double *imports_j, const double *exports_j);

#ifdef __cplusplus
}
#endif
#endif
