/*
 * shi/futures_svg.h - SVG charts of a pair's futures (shi/futures.h) for
 * `shi scenarios A B --svg FILE` and `--svg-probs FILE` (docs/scenarios.md).
 * They draw what the ensemble computed; nothing new. Each builder returns a
 * new chart (shi/svg.h) in *out, NULL on failure; free it with shi_svg_free.
 */
#ifndef SHI_FUTURES_SVG_H
#define SHI_FUTURES_SVG_H

#include <shi/api.h>
#include <shi/error.h>
#include <shi/futures.h>
#include <shi/svg.h>

#ifdef __cplusplus
extern "C" {
#endif

/** \brief The fan chart: the pair's composite since 1946 and, after the
 *  origin, the ensemble's median and its 25-75% and 5-95% quantiles by year.
 *  `pair` names the pair in the title, e.g. "RUS-CHN". */
SHI_API shi_status shi_futures_fan_svg(const shi_futures *f, const char *pair, shi_svg_chart **out,
                                       shi_err *err);

/** \brief The probability of each future at each horizon as bars, with the
 *  parameter-uncertainty interval (5-95% over bootstrap draws) as whiskers. */
SHI_API shi_status shi_futures_probs_svg(const shi_futures *f, const char *pair,
                                         shi_svg_chart **out, shi_err *err);

/** \brief The futures stacked over horizons 1..H: the cumulative share of
 *  paths in confrontation, then adding tension, the status quo and
 *  convergence, as lines (the gap between two lines is a future's
 *  probability; above the top line, alliance). Lines rather than filled
 *  areas: shi/svg.h draws no areas. */
SHI_API shi_status shi_futures_stack_svg(const shi_futures *f, const char *pair,
                                         shi_svg_chart **out, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
