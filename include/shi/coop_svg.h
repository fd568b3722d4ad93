/*
 * shi/coop_svg.h - SVG charts of the cooperation module's results.
 *
 * Chart builders for `shi coop tournament|moran|replicator|sweep --svg FILE`
 * and for the HTML report. They draw results the coop library has already
 * computed (include/shi/coop.h); they compute nothing new beyond layout and
 * what a chart needs to show them (a ranking for the reading, a sum of the
 * smallest replicator shares as "others", the mean of the strategies'
 * cooperation shares in a sweep cell). See docs/coop.md, "Charts".
 *
 * Each builder returns a new chart (shi/svg.h) in *out: render it with
 * shi_svg_render (into a page) or shi_svg_write (to a file), then free it with
 * shi_svg_free. On failure *out is NULL and err says why.
 */
#ifndef SHI_COOP_SVG_H
#define SHI_COOP_SVG_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/coop.h>
#include <shi/error.h>
#include <shi/svg.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Most lines in a replicator chart: with more strategies, the largest
 *  SHI_COOP_SVG_MAX_LINES - 1 by final share get a line each and the rest are
 *  summed into one line "others (K strategies)". */
#define SHI_COOP_SVG_MAX_LINES SHI_SVG_PALETTE_SIZE

/** \brief Tournament standings as horizontal bars, best rank on top: each
 *  player's per-turn score (shi_coop_tour.score) with a whisker from its
 *  lowest to its highest per-turn score against a single opponent (the rows
 *  of shi_coop_tour.utility; the diagonal only with self-play). The tournament
 *  keeps no per-repetition scores, so the whisker is the spread over
 *  opponents, not over repetitions. The axis reads "points per turn", or
 *  "utility per turn (relative gains)" when the scores differ from the
 *  payoffs (k > 0).
 *  \param pl the t->n players of the tournament (their display names).
 *  \return SHI_EUSAGE for an empty tournament, SHI_EIO out of memory. */
SHI_API shi_status shi_coop_svg_tournament(const shi_coop_tour *t, const shi_coop_player *pl,
                                           shi_svg_chart **out, shi_err *err);

/** \brief Moran fixation probabilities as horizontal bars, highest first:
 *  fixed[a] / o->runs for each of the m types, then a bar for the runs that
 *  hit o->max_steps if there are any. Under neutral drift (w = 0) a type fixes
 *  with probability equal to its initial share n_a / N (1/N for a single
 *  mutant); the reading states it, and bar labels carry it when the initial
 *  shares differ.
 *  \param o the options the process ran with (pop, init, runs, max_steps, w).
 *  \param init the m initial counts (shi_coop_moran_start).
 *  \param fixed m + 1 counts from shi_coop_moran.
 *  \param mean_steps from shi_coop_moran (NaN when no run fixed).
 *  \return SHI_EUSAGE for m == 0 or runs < 1, SHI_EIO out of memory. */
SHI_API shi_status shi_coop_svg_moran(const shi_coop_player *pl, size_t m,
                                      const shi_coop_moran_opts *o, const long *init,
                                      const long *fixed, double mean_steps, shi_svg_chart **out,
                                      shi_err *err);

/** \brief Replicator dynamics: population share by generation, one line per
 *  strategy (at most SHI_COOP_SVG_MAX_LINES, see above), y axis 0-1. Long
 *  runs are thinned to at most 1001 points per line (every k-th generation
 *  and the last).
 *  \param traj (gens + 1) * m shares from shi_coop_replicator.
 *  \return SHI_EUSAGE for m == 0 or gens < 0, SHI_EIO out of memory. */
SHI_API shi_status shi_coop_svg_replicator(const shi_coop_player *pl, size_t m, const double *traj,
                                           long gens, shi_svg_chart **out, shi_err *err);

/** What a sweep heatmap shows in each cell. */
typedef enum shi_coop_svg_metric {
    SHI_COOP_SVG_COOPERATION, /* mean over the strategies of shi_coop_tour.coop */
    SHI_COOP_SVG_WINNER,      /* the score of the rank-1 strategy */
} shi_coop_svg_metric;

/** \brief A sweep over delta and noise as a heatmap: rows are the noise
 *  levels, columns the deltas (0 = fixed length), with a colour legend.
 *  \param tours ne * nd tournaments, row-major: tours[e * nd + d] was played
 *         at noises[e] and deltas[d], all with the same players `pl`.
 *  \return SHI_EUSAGE for an empty grid, SHI_EIO out of memory. */
SHI_API shi_status shi_coop_svg_sweep(const shi_coop_tour *tours, const shi_coop_player *pl,
                                      const double *deltas, size_t nd, const double *noises,
                                      size_t ne, shi_coop_svg_metric what, shi_svg_chart **out,
                                      shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
