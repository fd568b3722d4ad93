/*
 * coop_dyad.c - calibrate a pair's prisoner's dilemma from its data
 * (include/shi/coop_dyad.h).
 */
#include <shi/align.h>
#include <shi/coop_dyad.h>

#include <math.h>
#include <string.h>

shi_status shi_coop_dyad_calibrate(shi_coop_dyad *out, const shi_data *data,
                                   const shi_threat_model *m, int a, int b, int year, shi_err *err)
{
    memset(out, 0, sizeof *out);
    out->a = a;
    out->b = b;
    out->year = year;
    shi_align al;
    /* Ten years back, so the dispute history of the window is there. */
    shi_status s = shi_align_compute(&al, data, m, a, b, year - 9, year, 3, err);
    if (s != SHI_OK) {
        return s;
    }
    size_t t = (size_t)(year - al.ys);
    out->trade_dep = (al.value[SHI_AL_TRADE_A][t] + al.value[SHI_AL_TRADE_B][t]) / 2;
    out->threat_ab = al.value[SHI_AL_THREAT_AB][t];
    out->threat_ba = al.value[SHI_AL_THREAT_BA][t];
    out->alliance = al.value[SHI_AL_ALLIANCE][t];
    out->similarity = al.value[SHI_AL_S][t];
    int known = 0, calm = 0;
    for (int y = year - 9; y <= year; y++) {
        double h = al.value[SHI_AL_DISPUTE][y - al.ys];
        if (!isnan(h)) {
            known++;
            calm += h == 0;
        }
    }
    out->peace = known ? (double)calm / known : (double)NAN;
    shi_align_destroy(&al);
    if (isnan(out->threat_ab) || isnan(out->threat_ba)) {
        return shi_err_set(err, SHI_EDATA,
                           "coop: no threat measure for %d and %d in %d (not both system members "
                           "with capabilities)",
                           a, b, year);
    }
    double d = isnan(out->trade_dep) ? 0 : fmin(1.0, out->trade_dep / 0.1);
    out->payoffs.R = 3 + 2 * d;
    out->payoffs.T = out->payoffs.R + 2;
    out->payoffs.P = 1;
    out->payoffs.S = 0;
    out->k = (out->threat_ab + out->threat_ba) / 2;
    double h = 0;
    int nh = 0;
    if (!isnan(out->alliance)) {
        h += out->alliance / 3;
        nh++;
    }
    if (!isnan(out->similarity)) {
        h += (out->similarity + 1) / 2;
        nh++;
    }
    if (!isnan(out->peace)) {
        h += out->peace;
        nh++;
    }
    out->delta = 0.5 + 0.45 * (nh ? h / nh : 0);
    s = shi_coop_thresholds_compute(&out->payoffs, out->k, &out->thr, err);
    for (int r = 0; r < SHI_COOP_RULE_N && s == SHI_OK; r++) {
        double thr = shi_coop_rule_threshold(&out->thr, (shi_coop_rule)r);
        out->margin[r] = out->delta - thr;
        out->sustainable[r] = out->delta >= thr;
    }
    return s;
}
