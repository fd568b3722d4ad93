/*
 * cinc.c - Composite Index of National Capability (Singer, Bremer & Stuckey
 * 1972; NMC v7.0 documentation): for each year, a state's share of the system
 * total of each component (military expenditure, military personnel, iron and
 * steel production, primary energy consumption, total and urban population),
 * averaged over the components the state has data for.
 *
 * COW computes and stores cinc as a single-precision (Stata float) value, so
 * shi's double-precision CINC agrees with the published column to within
 * float precision (relative 2^-23), not to every printed digit.
 */
#include <shi/panel.h>

#include <math.h>

shi_status shi_cinc_compute(shi_panel *p, const size_t comp[6], size_t out, shi_err *err)
{
    if (out >= p->ncol) {
        return shi_err_set(err, SHI_EINTERNAL, "cinc: output column %zu does not exist", out);
    }
    for (int k = 0; k < 6; k++) {
        if (comp[k] >= p->ncol) {
            return shi_err_set(err, SHI_EINTERNAL, "cinc: component column %zu does not exist",
                               comp[k]);
        }
    }
    for (int y = p->year_min; y <= p->year_max; y++) {
        const size_t *rows;
        size_t n;
        shi_panel_year(p, y, &rows, &n);
        double total[6] = {0, 0, 0, 0, 0, 0};
        for (size_t i = 0; i < n; i++) {
            for (int k = 0; k < 6; k++) {
                if (shi_panel_ok(p, comp[k], rows[i])) {
                    total[k] += shi_panel_get(p, comp[k], rows[i]);
                }
            }
        }
        for (size_t i = 0; i < n; i++) {
            double sum = 0;
            int m = 0;
            for (int k = 0; k < 6; k++) {
                /* A component with a zero system total carries no information. */
                if (shi_panel_ok(p, comp[k], rows[i]) && total[k] > 0) {
                    sum += shi_panel_get(p, comp[k], rows[i]) / total[k];
                    m++;
                }
            }
            if (m > 0) {
                shi_panel_set(p, out, rows[i], sum / m);
            } else {
                shi_panel_set_missing(p, out, rows[i]);
            }
        }
    }
    return SHI_OK;
}

shi_status shi_cinc_add(shi_panel *p, size_t *col, shi_err *err)
{
    static const char *const names[6] = {"milex", "milper", "irst", "pec", "tpop", "upop"};
    size_t comp[6];
    for (int k = 0; k < 6; k++) {
        long c = shi_panel_find(p, names[k]);
        if (c < 0) {
            return shi_err_set(err, SHI_EINTERNAL, "cinc: the panel has no column '%s'", names[k]);
        }
        comp[k] = (size_t)c;
    }
    long have = shi_panel_find(p, "cinc");
    if (have >= 0) {
        *col = (size_t)have;
        return SHI_OK;
    }
    shi_status s = shi_panel_add_column(p, "cinc", col, err);
    if (s == SHI_OK) {
        s = shi_cinc_compute(p, comp, *col, err);
    }
    return s;
}
