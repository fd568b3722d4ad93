/*
 * trade.c - trade dependence of dyads (shi/trade.h): dyadic trade as COW
 * defines it (Barbieri & Keshk 2016), each side's dependence as the dyad's
 * share of its total trade (Barbieri 1996; after Oneal & Russett 1997) and
 * the signed asymmetry. Missing (NaN) propagates; it never becomes 0.
 */
#include <shi/trade.h>

#include <math.h>

double shi_trade_dyadic(double flow_i_from_j, double flow_j_from_i)
{
    if (isnan(flow_i_from_j) || isnan(flow_j_from_i) || flow_i_from_j < 0 || flow_j_from_i < 0) {
        return (double)NAN;
    }
    return flow_i_from_j + flow_j_from_i;
}

double shi_trade_dependence(double trade_ij, double imports_i, double exports_i)
{
    if (isnan(trade_ij) || isnan(imports_i) || isnan(exports_i)) {
        return (double)NAN;
    }
    double total = imports_i + exports_i;
    if (!(total > 0)) {
        return (double)NAN;
    }
    return trade_ij / total;
}

static shi_trade_dep make_dep(double trade, double imp_i, double exp_i, double imp_j, double exp_j)
{
    shi_trade_dep d;
    d.trade = trade;
    d.dep_i = shi_trade_dependence(trade, imp_i, exp_i);
    d.dep_j = shi_trade_dependence(trade, imp_j, exp_j);
    d.asym = d.dep_i - d.dep_j; /* NaN if either is NaN */
    return d;
}

shi_trade_dep shi_trade_dependence_dyad(double flow_i_from_j, double flow_j_from_i,
                                        double imports_i, double exports_i, double imports_j,
                                        double exports_j)
{
    return make_dep(shi_trade_dyadic(flow_i_from_j, flow_j_from_i), imports_i, exports_i, imports_j,
                    exports_j);
}

shi_trade_dep shi_trade_dependence_window(size_t n, const double *flow_i_from_j,
                                          const double *flow_j_from_i, const double *imports_i,
                                          const double *exports_i, const double *imports_j,
                                          const double *exports_j)
{
    double trade = n ? 0 : (double)NAN;
    double ii = 0, ei = 0, ij = 0, ej = 0;
    for (size_t t = 0; t < n; t++) {
        /* Summation in year order: NaN anywhere poisons the sums. */
        trade += shi_trade_dyadic(flow_i_from_j[t], flow_j_from_i[t]);
        ii += imports_i[t];
        ei += exports_i[t];
        ij += imports_j[t];
        ej += exports_j[t];
    }
    if (isnan(trade) || isnan(ii) || isnan(ei) || isnan(ij) || isnan(ej)) {
        shi_trade_dep d = {(double)NAN, (double)NAN, (double)NAN, (double)NAN};
        return d;
    }
    return make_dep(trade, ii, ei, ij, ej);
}
