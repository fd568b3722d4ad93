/*
 * shi/tables.h - the tables of the commands, built once for the command line
 * and the bindings (the command writes them in every format; a binding
 * session returns them as frames): the same rows, columns and digits from
 * the same measures, so that what a binding returns is what the command
 * writes. A view (docs/architecture.md, "One analysis, many views").
 */
#ifndef SHI_TABLES_H
#define SHI_TABLES_H

#include <shi/api.h>
#include <shi/data.h>
#include <shi/drivers_pair.h>
#include <shi/power.h>
#include <shi/table.h>
#include <shi/threat.h>

#ifdef __cplusplus
extern "C" {
#endif

/** `shi power` without --states: one row per year of [y0, y1] with a
 *  configuration of power (column `col` of d's capability panel). */
SHI_API shi_status shi_tables_power_system(const shi_data *d, size_t col, int y0, int y1,
                                           shi_scope scope, shi_table *t, shi_err *err);

/** `shi power --states`: one row per state-year of the `nsel` states `sel`
 *  that are in the capability data, the value column named after the
 *  measure `pm` (column `col`), its share and rank in `scope`, the trend
 *  over `window` years (percent) and major-power status. */
SHI_API shi_status shi_tables_power_states(const shi_data *d, const shi_power_measure *pm,
                                           size_t col, int y0, int y1, shi_scope scope,
                                           const shi_state *const *sel, size_t nsel, int window,
                                           shi_table *t, shi_err *err);

/** `shi threat A B`: both directions each year of [y0, y1] in which either
 *  is computed (the components, the intentions' parts, the total and the
 *  perception gap). */
SHI_API shi_status shi_tables_threat_pair(const shi_threat_ctx *ctx, const shi_threat_model *m,
                                          const shi_state *a, const shi_state *b, int y0, int y1,
                                          shi_table *t, shi_err *err);

/** `shi drivers A B`: the coefficient table; with `verdict`, the verdict's
 *  fields as columns on every row (what CSV, TSV and JSON carry). */
SHI_API shi_status shi_tables_drivers_coef(const shi_drivers_pair *dp, int verdict, shi_table *t,
                                           shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
