/*
 * shi/dependence.h - arms dependence between a supplier and a recipient.
 *
 * Pure functions over the columns of shi_sipri_arms (shi/io_sipri.h), passed
 * as a borrowed view, shi_arms_flows. Values are SIPRI trend-indicator values
 * (TIV): a common unit for the volume of transfers of major conventional
 * arms, based on the known unit production costs of a core set of weapons,
 * not on the prices paid (SIPRI Arms Transfers Database, "Sources and
 * methods", https://www.sipri.org/databases/armstransfers/sources-and-methods;
 * Holtom, Bromley & Wezeman 2012, "Measuring international arms transfers",
 * SIPRI Fact Sheet). TIV shares therefore measure shares of the volume of
 * military capability transferred, not of money.
 *
 * For supplier S, recipient R and the years [y0, y1]:
 *
 *   TIV(S->R)   = sum over y0 <= y <= y1 of the dyad-year TIV from S to R
 *   TIV(all->R) = sum of R's yearly imports (all suppliers, non-state
 *                 suppliers and "unknown supplier(s)" included)
 *   TIV(S->all) = sum of S's yearly exports (all recipients, non-state ones
 *                 included)
 *
 *   import share  m(S, R) = TIV(S->R) / TIV(all->R)   (R's dependence on S)
 *   export share  x(S, R) = TIV(S->R) / TIV(S->all)   (S's dependence on R)
 *
 * Both are in [0, 1]; NaN when the denominator is 0 (no deliveries). When the
 * view has no state totals (nstate == 0), denominators are the sums over the
 * state dyads instead, so deliveries from or to non-state actors are left out.
 *
 * Ownership: the view borrows its arrays; nothing is allocated.
 */
#ifndef SHI_DEPENDENCE_H
#define SHI_DEPENDENCE_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>
#include <shi/flows.h>

#ifdef __cplusplus
extern "C" {
#endif

/** TIV(S->R) over [y0, y1]. Time complexity: O(n). */
SHI_API double shi_arms_dyad_tiv(const shi_arms_flows *f, int s, int r, int y0, int y1);
/** TIV(all->R) over [y0, y1]. Time complexity: O(nstate), or O(n) without totals. */
SHI_API double shi_arms_imports(const shi_arms_flows *f, int r, int y0, int y1);
/** TIV(S->all) over [y0, y1]. Time complexity: O(nstate), or O(n) without totals. */
SHI_API double shi_arms_exports(const shi_arms_flows *f, int s, int y0, int y1);

/** R's share of its arms imports that came from S over [y0, y1]:
 *  TIV(S->R) / TIV(all->R); NaN when R imported nothing. */
SHI_API double shi_arms_import_share(const shi_arms_flows *f, int s, int r, int y0, int y1);
/** S's share of its arms exports that went to R over [y0, y1]:
 *  TIV(S->R) / TIV(S->all); NaN when S exported nothing. */
SHI_API double shi_arms_export_share(const shi_arms_flows *f, int s, int r, int y0, int y1);

/** Yearly import shares: out[k] = shi_arms_import_share(f, s, r, y0 + k, y0 + k)
 *  for k = 0 .. y1 - y0; `out` holds y1 - y0 + 1 values.
 *  \return SHI_OK, or SHI_EUSAGE for y1 < y0 or NULL arguments.
 *  Time complexity: O(n + nstate + years). */
SHI_API shi_status shi_arms_import_share_yearly(const shi_arms_flows *f, int s, int r, int y0,
                                                int y1, double *out);
/** Yearly export shares, as shi_arms_import_share_yearly. */
SHI_API shi_status shi_arms_export_share_yearly(const shi_arms_flows *f, int s, int r, int y0,
                                                int y1, double *out);

#ifdef __cplusplus
}
#endif
#endif
