/*
 * shi/power.h - the configuration of power (shi, guoji geju) and its trend.
 *
 * Measures over the state-year capability panel:
 *  - CINC (Singer, Bremer & Stuckey 1972) is computed once, when the data are
 *    loaded (shi/panel.h, shi_cinc_compute; shi_data.cinc is its column):
 *    it is part of the NMC data set, and every measure here takes the
 *    column of the power measure to use.
 *  - The power measures (shi_power_measures): CINC, GDP at market exchange
 *    rates and at PPP (WDI spliced with Maddison), Beckley's (2018) net
 *    resources GDP x GDP per capita, and NMC's components (military
 *    expenditure, ...). Each is a column of the capability panel; the
 *    economic ones are there when the data view has SHI_DATA_ECON.
 *  - Shares of a scope (all system members, or the major powers) and the
 *    concentration CON of Ray & Singer (1973):
 *        CON = sqrt((sum_i s_i^2 - 1/N) / (1 - 1/N)),
 *    with the effective number of poles 1 / sum_i s_i^2 (Laakso & Taagepera
 *    1979, applied to capability shares).
 *  - The leader, its share and its lead over the second; a polarity label.
 *  - Trend: the log-linear slope of a state's CINC over a window.
 *  - Power transitions (Organski 1958; Organski & Kugler 1980): the years a
 *    challenger enters parity with a leader (0.8-1.2 of its capability) and
 *    the years it overtakes it.
 */
#ifndef SHI_POWER_H
#define SHI_POWER_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/panel.h>
#include <shi/states.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A power measure: a column of the capability panel (shi_data.caps) whose
 *  shares, concentration, polarity and transitions the functions below take.
 *  Formulas and sources: docs/power.md. */
typedef struct shi_power_measure {
    const char *name;  /* option value and panel column: "cinc", "gdp", ... */
    const char *label; /* for tables and reports: "CINC", "GDP", ... */
    const char *unit;  /* of the column's values */
    unsigned parts;    /* data parts it needs beyond the capabilities (SHI_DATA_ECON or 0) */
    int digits;        /* decimals to print its values with */
} shi_power_measure;

/** The power measures, CINC first (the default), ended by a NULL name:
 *  cinc, gdp, gdp_ppp, beckley, milex, milper, irst, pec, tpop, upop. */
SHI_API extern const shi_power_measure shi_power_measures[];

/** The measure called `name`, or NULL. O(measures). */
SHI_API const shi_power_measure *shi_power_measure_find(const char *name);

/** The names of the measures, ", "-separated, into buf (cut to fit). */
SHI_API void shi_power_measure_list(char *buf, size_t size);

/** The panel column of measure `name` in `d`.
 *  \return SHI_EUSAGE for an unknown measure (the message lists the valid
 *  ones), SHI_EDATA when `d` lacks the part the measure needs. */
SHI_API shi_status shi_power_measure_col(const shi_data *d, const char *name, size_t *col,
                                         shi_err *err);

/** Which states a year's shares are taken over. */
typedef enum shi_scope { SHI_SCOPE_ALL = 0, SHI_SCOPE_MAJORS = 1 } shi_scope;

/** Polarity, from the major powers' shares. */
typedef enum shi_polarity {
    SHI_POLARITY_NONE = 0, /* fewer than two major powers with data */
    SHI_UNIPOLAR,
    SHI_BIPOLAR,
    SHI_MULTIPOLAR
} shi_polarity;

/** Thresholds of the polarity label, on shares of major-power capability
 *  s1 >= s2 >= s3 (defaults in shi_polarity_rule_default):
 *  unipolar   if s1 >= unipolar;
 *  bipolar    if s1 + s2 >= bipolar_top2 and s3 <= bipolar_gap * s2;
 *  multipolar otherwise. */
typedef struct shi_polarity_rule {
    double unipolar; /* default 0.50: the leader holds at least all other great powers together */
    double bipolar_top2; /* default 0.60: the top two hold most of great-power capability */
    double bipolar_gap;  /* default 0.50: the third has at most half of the second */
} shi_polarity_rule;

SHI_API shi_polarity_rule shi_polarity_rule_default(void);
/* Names are inline: the views format them without calling a measure. */
static inline const char *shi_polarity_name(shi_polarity p)
{
    switch (p) {
    case SHI_UNIPOLAR:
        return "unipolar";
    case SHI_BIPOLAR:
        return "bipolar";
    case SHI_MULTIPOLAR:
        return "multipolar";
    case SHI_POLARITY_NONE:
        break;
    }
    return "none";
}

/** The configuration of power in one year. */
typedef struct shi_power_year {
    int year;
    shi_scope scope;
    size_t n;            /* states in scope with a CINC */
    double total;        /* their summed CINC (share of the whole system) */
    double con;          /* concentration CON; NaN when n < 2 */
    double poles;        /* effective number of poles 1 / sum s^2 */
    int leader, second;  /* COW codes (0 when absent) */
    double leader_share; /* shares within the scope */
    double second_share;
    double lead;           /* leader_share - second_share */
    double ratio;          /* leader / second capability */
    shi_polarity polarity; /* from the major powers, whatever the scope */
    double major_share[3]; /* s1, s2, s3 among major powers (NaN if absent) */
} shi_power_year;

/** Compute the configuration of `year` from CINC column `cinc`. Years with no
 *  data give n = 0 (not an error). */
SHI_API shi_status shi_power_year_compute(const shi_panel *p, size_t cinc, const shi_states *s,
                                          int year, shi_scope scope, const shi_polarity_rule *rule,
                                          shi_power_year *out, shi_err *err);

/** Share of `ccode` in `year` within `scope` (NaN when absent). */
SHI_API double shi_power_share(const shi_panel *p, size_t cinc, const shi_states *s, int ccode,
                               int year, shi_scope scope);

/** Rank of `ccode` in `year` within `scope`: 1 + the number of states in the
 *  scope with a larger value in column `cinc` (ties share the better rank).
 *  0 when the state has no share in the scope that year (shi_power_share is
 *  NaN). */
SHI_API long shi_power_rank(const shi_panel *p, size_t cinc, const shi_states *s, int ccode,
                            int year, shi_scope scope);

/** Trend: OLS slope b of ln(CINC) on year over the `window` years ending in
 *  `year`; returns the growth rate exp(b) - 1 per year (0.02 = +2 %/yr), or NaN
 *  with fewer than 3 positive values in the window. */
SHI_API double shi_power_trend(const shi_panel *p, size_t cinc, int ccode, int year, int window);

/** A power-transition event between a challenger and a leader. */
typedef enum shi_transition_kind {
    SHI_ENTERS_PARITY,    /* ratio rises into [0.8, 1.2] (or the data start there) */
    SHI_OVERTAKES,        /* ratio rises to 1 or above */
    SHI_FALLS_BEHIND,     /* ratio falls below 1 again */
    SHI_LEAVES_PARITY,    /* ratio leaves [0.8, 1.2] */
    SHI_ALREADY_AT_PARITY /* already at parity when the window opens: entered in `since` */
} shi_transition_kind;

static inline const char *shi_transition_name(shi_transition_kind k)
{
    switch (k) {
    case SHI_ENTERS_PARITY:
        return "enters parity";
    case SHI_OVERTAKES:
        return "overtakes";
    case SHI_FALLS_BEHIND:
        return "falls behind";
    case SHI_LEAVES_PARITY:
        return "leaves parity";
    case SHI_ALREADY_AT_PARITY:
        return "already at parity";
    }
    return "?";
}

typedef struct shi_transition {
    int year;
    shi_transition_kind kind;
    double ratio; /* challenger CINC / leader CINC in that year */
    int since;    /* SHI_ALREADY_AT_PARITY: the year the challenger entered parity
                     (before the window); 0 for the other kinds */
} shi_transition;

/** A growable list of transition events. Zero-initialise; shi_transitions_free. */
typedef struct shi_transitions {
    shi_transition *v;
    size_t n, cap;
} shi_transitions;

SHI_API void shi_transitions_free(shi_transitions *t);

/** Transition events of `challenger` relative to `leader` over [y0, y1], in
 *  year order, into `out` (emptied first, grown as needed). The events do not
 *  depend on the window: the years before y0 are read too, so a challenger
 *  at parity since before y0 gives one SHI_ALREADY_AT_PARITY event in the window's
 *  first year with data (with `since`, the year it entered), never a false
 *  "enters parity" in y0. Parity bounds
 *  default to 0.8 and 1.2 (Organski & Kugler 1980, ch. 1). Years where either
 *  lacks a value in column `col` (CINC or another power measure) are skipped.
 *  \return SHI_EUSAGE for bounds not 0 < lo < 1 < hi, SHI_EIO out of memory. */
SHI_API shi_status shi_power_transitions(const shi_panel *p, size_t col, int challenger, int leader,
                                         int y0, int y1, double lo, double hi, shi_transitions *out,
                                         shi_err *err);

/** Where a challenger/leader ratio r stands against the parity bounds [lo, hi]:
 *  below (r < lo), at parity (lo <= r <= hi) or above (r > hi). */
typedef enum shi_parity_phase {
    SHI_BELOW_PARITY,
    SHI_AT_PARITY,
    SHI_ABOVE_PARITY
} shi_parity_phase;

static inline const char *shi_parity_phase_name(shi_parity_phase p)
{
    switch (p) {
    case SHI_BELOW_PARITY:
        return "below parity";
    case SHI_AT_PARITY:
        return "parity";
    case SHI_ABOVE_PARITY:
        return "above parity";
    }
    return "?";
}

/** One year of the capability ratio of a challenger to a leader. */
typedef struct shi_power_ratio {
    int year;
    double ratio; /* challenger / leader, in the panel column given */
    shi_parity_phase phase;
} shi_power_ratio;

/** A growable series of ratios. Zero-initialise; shi_power_ratios_free. */
typedef struct shi_power_ratios {
    shi_power_ratio *v;
    size_t n, cap;
} shi_power_ratios;

SHI_API void shi_power_ratios_free(shi_power_ratios *r);

/** The yearly ratio r = x_challenger / x_leader of column `col` over [y0, y1]
 *  (Organski & Kugler 1980: parity is 0.8 <= r <= 1.2), in year order, into
 *  `out` (emptied first, grown as needed), with each year's phase against
 *  [lo, hi]. Years where either lacks a value, or the leader's is not
 *  positive, are skipped, as in shi_power_transitions, whose events are the
 *  changes of this series. The bounds are used as given (not checked).
 *  \return SHI_EIO out of memory. */
SHI_API shi_status shi_power_ratio_series(const shi_panel *p, size_t col, int challenger,
                                          int leader, int y0, int y1, double lo, double hi,
                                          shi_power_ratios *out, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
