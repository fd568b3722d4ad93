/*
 * shi/threat_validate.h - does the threat index earn its place? For every
 * perceiver-year (i, t), rank all other system members j by a score and ask
 * whether the states i then fought come first:
 *
 *  - MID: a militarized dispute between i and j (either side's hostility
 *    level > 0 in the dyad-year arrays) begins in t+1 .. t+h (h = 5), the
 *    dyad having none in t; dyads in a dispute in t are left out (not at
 *    risk of onset). Outcome years end with the MID data (2014).
 *  - UCDP: i and j on opposite sides of a UCDP/PRIO interstate or
 *    internationalised conflict in t+1 .. t+h, none in t; outcomes to 2024.
 *
 * Scores: the composite total of the model, each of its four components
 * alone, and three baselines: capital distance alone (nearer first),
 * contiguity alone (land first, then sea by distance class), and the CINC
 * ratio CINC_j / CINC_i alone.
 *
 * Statistics (shi/validate.h): the ROC AUC within each perceiver-year
 * (groups with a positive and a negative case), averaged over those groups;
 * top-1 and top-5 hit rates over groups with a positive. Missing scores are
 * left out of their score's statistics (each score keeps its own n).
 *
 * Periods: training = perceiver-years whose outcome window ends by 1980
 * (t <= 1975), where any weight or parameter may be chosen; test = t from
 * 1981 to the last year with an outcome year after it (MID 2013, UCDP 2023).
 * Nothing of the test years is used to choose the model.
 */
#ifndef SHI_THREAT_VALIDATE_H
#define SHI_THREAT_VALIDATE_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/threat.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { SHI_TV_MID, SHI_TV_UCDP, SHI_TV_NOUT };
enum { SHI_TV_TRAIN, SHI_TV_TEST, SHI_TV_NPERIOD };
/* Scores: 0 the composite, 1 + SHI_T_* the components, then the baselines. */
enum {
    SHI_TV_COMPOSITE = 0,
    SHI_TV_DISTANCE = 1 + SHI_T_N,
    SHI_TV_CONTIGUITY,
    SHI_TV_CINC_RATIO,
    SHI_TV_NSCORE
};

/** The name of score k ("composite", "strength", ..., "cinc_ratio"). */
static inline const char *shi_tv_score_name(int k)
{
    static const char *const names[SHI_TV_NSCORE] = {"composite",  "strength",   "proximity",
                                                     "offensive",  "intentions", "distance",
                                                     "contiguity", "cinc_ratio"};
    return k >= 0 && k < SHI_TV_NSCORE ? names[k] : "?";
}

/** One score in one period for one outcome. */
typedef struct shi_tv_cell {
    double auc;        /* mean within-group ROC AUC; NaN when no group counts */
    size_t groups;     /* perceiver-years with a positive and a negative case */
    double top1;       /* top-1 hit rate over perceiver-years with a positive */
    double top5;       /* top-5 hit rate */
    size_t hit_groups; /* perceiver-years with a positive (denominator of top-k) */
    size_t n_pos;      /* positive cases with a score */
    size_t n;          /* cases with a score */
} shi_tv_cell;

typedef struct shi_threat_validation {
    int horizon;                         /* h: outcome years after t */
    int y0[SHI_TV_NOUT][SHI_TV_NPERIOD]; /* first perceiver-year of each period */
    int y1[SHI_TV_NOUT][SHI_TV_NPERIOD]; /* last */
    shi_tv_cell cell[SHI_TV_NOUT][SHI_TV_NPERIOD][SHI_TV_NSCORE];
} shi_threat_validation;

/** \brief The validation table of model `m` over `d` (which needs the
 *  relations: disputes and UCDP conflict). Training perceiver-years run to
 *  `train_end` - h (the default table uses train_end = 1980, h = 5), test
 *  years from `train_end` + 1.
 *  \return SHI_EDATA when the relations are not loaded, SHI_EIO out of
 *  memory, or the threat computation's errors. Time: one threat evaluation
 *  per directed dyad-year of the periods, about 2 s for 1816-2023. */
SHI_API shi_status shi_threat_validate(const shi_data *d, const shi_threat_model *m, int train_end,
                                       int horizon, shi_threat_validation *out, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
