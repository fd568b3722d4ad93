/*
 * shi/pair.h - the analysis of a pair of states, computed once: everything the
 * study asks of a pair (power and polarity, the triangle with a third state,
 * power transitions, threat both ways, the issue areas, the drivers of the
 * alignment, cooperation, the milestones) in one result struct. The views
 * (the terminal summary and the HTML report, shi/report.h) only format it.
 *
 * Ownership: shi_pair_analyze fills a caller-owned struct; shi_pair_free
 * releases it (safe on a zeroed struct). The analysis borrows nothing from
 * the data view except the events it points to (pa->events[k] indexes
 * d->events.v), so the view must outlive it only for those.
 */
#ifndef SHI_PAIR_H
#define SHI_PAIR_H

#include <stddef.h>

#include <shi/align.h>
#include <shi/api.h>
#include <shi/coop_dyad.h>
#include <shi/data.h>
#include <shi/drivers.h>
#include <shi/drivers_pair.h>
#include <shi/energy_share.h>
#include <shi/dyad_drivers.h>
#include <shi/error.h>
#include <shi/formation.h>
#include <shi/futures.h>
#include <shi/power.h>
#include <shi/sphere.h>
#include <shi/threat.h>
#include <shi/threat_validate.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What to analyse. */
typedef struct shi_pair_opts {
    int a, b;                      /* the pair (COW codes) */
    int third;                     /* third state, or 0: the most capable other state in y1 */
    int y0, y1;                    /* years covered */
    const shi_threat_model *model; /* NULL: the documented defaults */
    int validate;                  /* 1: also the out-of-sample validation of the threat model
                                      (shi_threat_validate, a few seconds; the HTML report's
                                      appendix); 0: validation_status is SHI_EUSAGE */
    const char *power;             /* power measure of the drivers' third_prep (shi/power.h
                                      names); NULL: CINC. The cooperation game's ratio and the
                                      default third state stay on CINC (docs/power.md). */
} shi_pair_opts;

/** The validation's training end and horizon in the pair analysis (the
 *  documented defaults of `shi threat validate`, docs/threat.md). */
#define SHI_PAIR_TV_TRAIN_END 1980
/** The report's sphere region and its first year (the Central Asian states'
 *  first full year of independence: they joined the state system in 1991). */
#define SHI_PAIR_SPHERE_REGION "Central Asia"
#define SHI_PAIR_SPHERE_Y0 1992
#define SHI_PAIR_TV_HORIZON 5
/** The report's futures (shi/futures.h): paths and bootstrap draws, fewer
 *  than `shi scenarios`'s defaults (100,000 and 100) so that the report stays
 *  quick; the Monte-Carlo interval of a probability is then about +-0.01. */
#define SHI_PAIR_FUTURES_PATHS 20000
#define SHI_PAIR_FUTURES_DRAWS 20

/** Power transitions of one ordered pair over the years (Organski). */
typedef struct shi_pair_transitions {
    int challenger, leader;
    shi_transitions ev; /* the events, in year order */
} shi_pair_transitions;

/** The power measures a pair's report compares (shi/power.h), CINC first. */
#define SHI_PAIR_NMEASURE 5

/** Who is ahead of whom in one pair of states under one measure. */
typedef struct shi_pair_lead {
    int ahead;     /* COW code of the one ahead in `last` (0: no year with both values) */
    int last;      /* the last year in which both have a value */
    double ratio;  /* behind / ahead in `last` (<= 1) */
    int first;     /* the first year of [y0, y1] the one now ahead passed the other (0: ahead
                      in every year with both values) */
    int since;     /* the year it last passed the other (0: as for first) */
    int first_any; /* the first year with both values */
} shi_pair_lead;

/** The configuration of power under one measure. */
typedef struct shi_pair_measure {
    const char *name;       /* "cinc", "gdp", ... (static strings of shi_power_measures) */
    const char *label;      /* "CINC", "GDP", ... */
    const char *unit;       /* of the measure's values */
    shi_power_year *majors; /* n: among the major powers (polarity, leader, CON) */
    double *share[3];       /* n: share of a, b, third among all states with a value */
    shi_pair_lead lead[3];  /* pairs (a,b), (a,third), (b,third) */
} shi_pair_measure;

/** Years of the pair analysis' CREA destinations (en_dest). */
#define SHI_PAIR_EN_Y0 2016
#define SHI_PAIR_EN_Y1 2022

/** The pair's analysis. Arrays over years hold n = y1 - y0 + 1 values, index
 *  year - y0; NaN is missing. */
typedef struct shi_pair_analysis {
    int a, b, third; /* third: resolved */
    int y0, y1;
    size_t n;
    int relations; /* 1: the threat..cooperation sections were computed
                      (the data view had its dyadic and relations parts) */

    /* 1. Power. */
    shi_power_year *majors; /* n: the configuration among the major powers */
    shi_power_year all_y1;  /* among all states, in y1 */
    double *cinc[4];        /* n: CINC of a, b, third, and of all_y1.leader */
    double trend[3];        /* a, b, third: log-linear CINC growth over the 10 years to y1 */
    /* Transitions among the pair and the third state: pairs (a,b), (a,third),
     * (b,third), in both directions (dir 0: the first is the challenger). */
    shi_pair_transitions trans[3][2];
    int weaker_dir[3]; /* the direction whose challenger was the weaker in y0 */
    int both_y0[3];    /* first and last year in which both of the pair have CINC (0: none) */
    int both_y1[3];
    /* The measures side by side: CINC, then those of gdp, gdp_ppp, beckley,
     * milex that the data view has (the economic ones need SHI_DATA_ECON).
     * disagree[q]: the measures do not all put the same state of pair q ahead
     * in their last year. */
    shi_pair_measure measures[SHI_PAIR_NMEASURE];
    size_t nmeasures;
    int disagree[3];

    /* 2. Threat (needs relations). T(i <- j) totals for (a<-b, b<-a,
     * a<-third, b<-third), and the components of the first two. */
    double *threat[4];      /* n each */
    double *threat_comp[2]; /* SHI_T_N * n: component q in year t at [q * n + t] */
    int *threat_partial[4]; /* n each: 1 when the total lacks a part whose data had ended */
    int threat_full_y1[2];  /* a<-b, b<-a: the last year whose total has a value and lacks no
                               part (the last year its data cover; 0: none) */

    /* 3-4. Issue areas and alignment (needs relations): the scorecard with
     * its assessment (shi_align_assess: thresholds, trend tests, each area's
     * label under every similarity variant, spheres, flags), window 5, and its
     * indicators' table. */
    shi_align align;
    const shi_align_indicator *indicators; /* SHI_AL_N rows (static) */
    int indicator_y[SHI_AL_N][2];          /* first and last year of [y0, y1] with a value of
                                              each indicator: the years its data cover (0: none) */

    /* 5. Drivers of the alignment (needs relations): the identified test of
     * shi/drivers_pair.h with its defaults (study-v1, UN ideal points, form by
     * unit-root tests, placebos, panel) over [drivers_y0, drivers_y1], the
     * years with trade data. drivers_status is SHI_OK with a result,
     * SHI_EDATA or SHI_EUSAGE when the data cannot tell (drivers_msg says why). */
    int drivers_y0, drivers_y1;
    shi_status drivers_status;
    char drivers_msg[512];
    shi_drivers_pair drivers;

    /* 6. Cooperation (needs relations): the calibrated game per year over
     * [coop_y0, coop_y1] = [y0, y1] (delta and thresholds NaN where an input
     * is missing), and in coop_y1 itself (coop_end: its `computable` and
     * `missing` say whether there is a verdict; coop_end_status an error). */
    int coop_y0, coop_y1;
    size_t coop_n;
    double *coop_delta, *coop_grim, *coop_tft;
    int coop_have; /* some year was calibrated; coop_last is the latest */
    shi_coop_dyad coop_last;
    shi_status coop_end_status;
    shi_coop_dyad coop_end;
    char coop_end_msg[512];

    /* 8. Alliance formation (needs relations): the onset path of the pair at
     * the defence level under the shipped fits of shi/formation.h, over
     * [y0, y1] clipped to the covered onset years; formation.status says
     * when no year is covered. */
    shi_formation_path formation;

    /* 8b. Central Asia (needs relations): the two powers' influence over the
     * states of shi_sphere_region(SHI_PAIR_SPHERE_REGION) (shi/sphere.h) over
     * [max(y0, SHI_PAIR_SPHERE_Y0), y1]. sphere_status is SHI_OK with the
     * table, SHI_EDATA when y1 is before the states' independence or a power
     * is itself in the region (sphere_msg says why). */
    shi_status sphere_status;
    char sphere_msg[256];
    shi_sphere_table sphere;

    /* 10. Futures (needs relations): the pair's five futures from the last
     * year in or before y1 with the composite and every fact (shi/futures.h;
     * SHI_PAIR_FUTURES_PATHS paths, SHI_PAIR_FUTURES_DRAWS draws, seed 1,
     * horizon 20). futures_status is SHI_OK with the result, SHI_EDATA when
     * the pair has too little history (futures_msg says why). */
    shi_status futures_status;
    char futures_msg[512];
    shi_futures futures;

    /* 9. Does the threat index earn its place? The out-of-sample validation
     * of the report's threat model (shi/threat_validate.h), train_end
     * SHI_PAIR_TV_TRAIN_END, horizon SHI_PAIR_TV_HORIZON, computed once when
     * the options ask for it. validation_status: SHI_OK with a result,
     * SHI_EUSAGE when not asked for, SHI_EDATA when the data cannot tell
     * (validation_msg says why). For each outcome o: validation_beats[o] is 1
     * when the composite's test AUC is above that of every component and
     * baseline with a test AUC, validation_rival[o] the score (SHI_TV_*)
     * with the highest test AUC after the composite (-1: none). */
    shi_status validation_status;
    char validation_msg[512];
    shi_threat_validation validation;
    int validation_train_end;
    int validation_beats[SHI_TV_NOUT];
    int validation_rival[SHI_TV_NOUT];

    /* 3. Energy beyond the scorecard (docs/energy.md), for the pair Russia-
     * China only (en_pair 1; 0 otherwise, or without the energy part):
     * Russia's crude exports by destination from the CREA file,
     * en_dest[year - SHI_PAIR_EN_Y0] for SHI_PAIR_EN_Y0..SHI_PAIR_EN_Y1, and
     * the EI 2022 cross-check of China's crude imports from Russia (EI in
     * Mt, China Customs in tonnes, its months). */
    int en_pair;
    shi_energy_dest en_dest[SHI_PAIR_EN_Y1 - SHI_PAIR_EN_Y0 + 1];
    double en_ei_crude, en_customs_crude;
    int en_customs_months;

    /* 7. Milestones: indexes into the view's events (those concerning the
     * pair in [y0, y1], in file order). */
    const shi_events *ev;
    size_t *events;
    size_t nevents;
} shi_pair_analysis;

/** \brief Analyse a pair over the data view `d`: power from the capabilities
 *  (always); threat, issue areas, drivers and cooperation when `d` has its
 *  dyadic and relations parts (pa->relations says whether); the milestones
 *  when it has its events. The drivers bootstrap runs once, with its
 *  documented defaults (shi/drivers.h).
 *  \return SHI_EUSAGE for bad options (unknown years), SHI_EIO when out of
 *  memory; a section that the data cannot support is recorded in its status,
 *  not returned. On failure *pa is freed (zeroed). */
SHI_API shi_status shi_pair_analyze(shi_pair_analysis *pa, const shi_data *d,
                                    const shi_pair_opts *o, shi_err *err);

/** Release what shi_pair_analyze allocated (safe on a zeroed struct). */
SHI_API void shi_pair_free(shi_pair_analysis *pa);

#ifdef __cplusplus
}
#endif
#endif
