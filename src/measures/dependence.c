/*
 * dependence.c - arms dependence shares from SIPRI TIV flows (formulas and
 * sources in shi/dependence.h; data and coding in docs/arms.md).
 */
#include <shi/dependence.h>

#include <math.h>
#include <stdlib.h>

double shi_arms_dyad_tiv(const shi_arms_flows *f, int s, int r, int y0, int y1)
{
    double sum = 0.0;
    for (size_t i = 0; i < f->n; i++) {
        if (f->supplier[i] == s && f->recipient[i] == r && f->year[i] >= y0 && f->year[i] <= y1) {
            sum += f->tiv[i];
        }
    }
    return sum;
}

/* Sum of a state's imports (exp = 0) or exports (exp = 1) over [y0, y1]. */
static double state_sum(const shi_arms_flows *f, int c, int y0, int y1, int exports)
{
    double sum = 0.0;
    if (f->nstate > 0) {
        const double *v = exports ? f->s_exports : f->s_imports;
        for (size_t i = 0; i < f->nstate; i++) {
            if (f->s_ccode[i] == c && f->s_year[i] >= y0 && f->s_year[i] <= y1) {
                sum += v[i];
            }
        }
        return sum;
    }
    const int32_t *who = exports ? f->supplier : f->recipient;
    for (size_t i = 0; i < f->n; i++) {
        if (who[i] == c && f->year[i] >= y0 && f->year[i] <= y1) {
            sum += f->tiv[i];
        }
    }
    return sum;
}

double shi_arms_imports(const shi_arms_flows *f, int r, int y0, int y1)
{
    return state_sum(f, r, y0, y1, 0);
}

double shi_arms_exports(const shi_arms_flows *f, int s, int y0, int y1)
{
    return state_sum(f, s, y0, y1, 1);
}

static double ratio(double num, double den)
{
    return den > 0.0 ? num / den : (double)NAN;
}

double shi_arms_import_share(const shi_arms_flows *f, int s, int r, int y0, int y1)
{
    return ratio(shi_arms_dyad_tiv(f, s, r, y0, y1), shi_arms_imports(f, r, y0, y1));
}

double shi_arms_export_share(const shi_arms_flows *f, int s, int r, int y0, int y1)
{
    return ratio(shi_arms_dyad_tiv(f, s, r, y0, y1), shi_arms_exports(f, s, y0, y1));
}

/* Yearly shares in one pass over each array. */
static shi_status yearly(const shi_arms_flows *f, int s, int r, int y0, int y1, double *out,
                         int exports)
{
    if (!f || !out || y1 < y0) {
        return SHI_EUSAGE;
    }
    size_t ny = (size_t)((long)y1 - y0 + 1);
    double *num = calloc(ny, sizeof *num);
    double *den = calloc(ny, sizeof *den);
    if (!num || !den) {
        free(num);
        free(den);
        return SHI_EIO;
    }
    int c = exports ? s : r;
    for (size_t i = 0; i < f->n; i++) {
        if (f->year[i] < y0 || f->year[i] > y1) {
            continue;
        }
        size_t k = (size_t)(f->year[i] - y0);
        if (f->supplier[i] == s && f->recipient[i] == r) {
            num[k] += f->tiv[i];
        }
        if (f->nstate == 0 && (exports ? f->supplier[i] : f->recipient[i]) == c) {
            den[k] += f->tiv[i];
        }
    }
    if (f->nstate > 0) {
        const double *v = exports ? f->s_exports : f->s_imports;
        for (size_t i = 0; i < f->nstate; i++) {
            if (f->s_ccode[i] == c && f->s_year[i] >= y0 && f->s_year[i] <= y1) {
                den[f->s_year[i] - y0] += v[i];
            }
        }
    }
    for (size_t k = 0; k < ny; k++) {
        out[k] = ratio(num[k], den[k]);
    }
    free(num);
    free(den);
    return SHI_OK;
}

shi_status shi_arms_import_share_yearly(const shi_arms_flows *f, int s, int r, int y0, int y1,
                                        double *out)
{
    return yearly(f, s, r, y0, y1, out, 0);
}

shi_status shi_arms_export_share_yearly(const shi_arms_flows *f, int s, int r, int y0, int y1,
                                        double *out)
{
    return yearly(f, s, r, y0, y1, out, 1);
}
