/*
 * shi/drivers_pair.h - is a pair's alignment externally driven? The identified
 * test of issue 12 from the data: a pre-declared specification
 * (shi/dyad_drivers.h), the form chosen by unit-root tests, placebo third
 * states (a seeded random draw of non-major states and a fixed list), block
 * permutations, the verdict (shi/drivers_id.h), a sensitivity run for the
 * contested events, and the panel of major-power dyads with fixed effects
 * (docs/drivers.md).
 */
#ifndef SHI_DRIVERS_PAIR_H
#define SHI_DRIVERS_PAIR_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/drivers_id.h>
#include <shi/dyad_drivers.h>
#include <shi/error.h>
#include <shi/threat.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SHI_PLACEBO_MAX 128
#define SHI_PANEL_MAX_DYADS 64

/** The fixed placebo list: small, distant, non-aligned-with-either states that
 *  no theory makes a source of threat to Russia or China (docs/drivers.md):
 *  Luxembourg, Fiji, New Zealand, Uruguay, Iceland, Costa Rica. */
#define SHI_FIXED_PLACEBOS                                                                         \
    {                                                                                              \
        212, 950, 920, 165, 395, 94                                                                \
    }
#define SHI_FIXED_PLACEBOS_N 6

typedef struct shi_drivers_pair_opts {
    int a, b;
    int third; /* 0: the most capable other state in y1 */
    int y0, y1;
    int years_given; /* 1: the years are the user's: too few is then a usage error */
    shi_spec_opts spec;
    shi_drivers_id_opts id;        /* form, bootstrap, permutations, seed, threads, alpha */
    int nrandom;                   /* random placebo third states (default 30) */
    int fixed;                     /* 1: add the fixed list (default 1) */
    int panel;                     /* 1: the panel design (default 1) */
    int panel_boot;                /* dyad bootstrap replications (default 500) */
    int sensitivity;               /* 1: the contested-events run (events-v1 only; default 1) */
    const shi_threat_model *model; /* NULL: the defaults */
} shi_drivers_pair_opts;

/** Defaults: study-v1, outcome ideal, form auto, B = 2000, 999 permutations,
 *  seed 1, 30 random placebos and the fixed list, the panel, the sensitivity run. */
SHI_API shi_drivers_pair_opts shi_drivers_pair_opts_default(void);

typedef struct shi_drivers_pair {
    shi_drivers_pair_opts o; /* as run (third state resolved) */
    shi_dyad_series series;  /* the real series */
    shi_drivers_id id;       /* form, fit, placebos, verdict */
    size_t nplacebo;
    int placebo[SHI_PLACEBO_MAX];       /* COW codes, placebo_share of id in the same order */
    int placebo_fixed[SHI_PLACEBO_MAX]; /* 1: from the fixed list */
    /* the contested-events sensitivity run */
    int sens_done;
    shi_status sens_status;
    double sens_share, sens_ci[2];
    shi_verdict sens_verdict;
    char sens_msg[300];
    /* the panel of major-power dyads */
    shi_status panel_status; /* SHI_OK, or SHI_EDATA with panel_msg */
    char panel_msg[300];
    size_t panel_ndyads;
    int panel_a[SHI_PANEL_MAX_DYADS], panel_b[SHI_PANEL_MAX_DYADS];
    shi_panel_fit panel;
    shi_threat_ctx *ctx; /* while running only (NULL after) */
} shi_drivers_pair;

SHI_API void shi_drivers_pair_free(shi_drivers_pair *r);

/**
 * \brief Run the identified test for o->a and o->b.
 * \return SHI_OK; SHI_EUSAGE for bad options, including a year range too short
 *   for the specification ("drivers: specification 'study-v1' needs at least
 *   10 usable years (4 drivers, first differences); 2008-2014 gives 6") when
 *   the years were given; the same as SHI_EDATA when they were not, and when
 *   missing values leave too few years; SHI_EIO out of memory. Needs the
 *   dyadic and relations parts of `d` (and the events for events-v1).
 */
SHI_API shi_status shi_drivers_pair_run(shi_drivers_pair *r, const shi_data *d,
                                        const shi_drivers_pair_opts *o, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
