/*
 * shi/eu_replicate.h - Bennett & Stam's (2000, ISQ 44(3): 451-480) test of
 * War and Reason on every directed dyad-year: the outcome of each dyad-year
 * coded from the militarized disputes (GML MID 2.1.1 dyadic file), the
 * equilibrium the game predicts (the logical conditions, shi/eu.h), the
 * politically relevant subset, and the multinomial logit of the outcome on
 * the predicted-equilibrium dummies (their Tables 3-6). docs/eu.md sets shi's
 * numbers beside theirs.
 *
 * Outcome coding (Bueno de Mesquita & Lalman 1992, p. 285, as Bennett & Stam
 * 2000, pp. 458-460, use it): in the directed dyad-year (A, B) where A
 * initiated a dispute against B (A on side A and B on side B, both there from
 * the first day, onset that year), with a and b their highest hostility
 * levels: Force when a >= 4 and b >= 4; Nego when a = b < 4; AcqB when
 * b < a < 4; AcqA when a < b < 4 (recoded to SQ, as Bennett & Stam did with
 * their 9, p. 458); CapB when a >= 4 > b; CapA when b >= 4 > a. A dyad-year
 * without a new initiation is SQ. Dropped (p. 458): the target's direction
 * (B, A) of an initiation, dyad-years with a joiner (a state that entered
 * after the first day) in a new dispute, and dyad-years in a dispute that
 * began in an earlier year. The choices that the paper leaves open are listed
 * in docs/eu.md.
 */
#ifndef SHI_EU_REPLICATE_H
#define SHI_EU_REPLICATE_H

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/eu.h>
#include <shi/frame.h>
#include <shi/mnl.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Outcome categories, in the order of Bennett & Stam's Tables 3-4 (SQ the base). */
enum { SHI_BS_SQ, SHI_BS_ACQB, SHI_BS_NEGO, SHI_BS_CAPA, SHI_BS_CAPB, SHI_BS_FORCE, SHI_BS_NOUT };
/** Predicted equilibria (logical conditions), SQ first, then the dummies in
 *  the order of Tables 3-4: AcqA, AcqB, Nego, WarA. */
enum { SHI_BS_P_SQ, SHI_BS_P_ACQA, SHI_BS_P_ACQB, SHI_BS_P_NEGO, SHI_BS_P_WARA, SHI_BS_NPRED };
/** "SQ", "AcqB", "Nego", "CapA", "CapB", "Force"; and "SQ", "AcqA", "AcqB", "Nego", "WarA". */
SHI_API const char *shi_bs_outcome_name(int o);
SHI_API const char *shi_bs_pred_name(int p);

/** One of the two samples (all dyads; politically relevant dyads). */
typedef struct shi_bs_sample {
    long dyad_years;                       /* directed dyad-years of the years */
    long no_game;                          /* without a solved game (missing inputs or risk) */
    long drop_ongoing;                     /* in a dispute that began in an earlier year */
    long drop_target;                      /* the target's direction of an initiation */
    long drop_joiner;                      /* a joiner in a new dispute */
    long drop_level;                       /* an initiation with a hostility level missing */
    long acqa_recoded;                     /* AcqA outcomes recoded to SQ */
    long mutual;                           /* initiations whose reverse direction initiated too */
    long wara_sq;                          /* predicted WarA whose SQ condition holds as well */
    long n;                                /* dyad-years in the analysis */
    long table[SHI_BS_NPRED][SHI_BS_NOUT]; /* predicted x outcome */
    /* The logit of the outcome on the dummies AcqA, AcqB, Nego, WarA and a
     * constant (beta row j - 1 for outcome j). A dummy whose equilibrium is
     * never predicted is left out: its coefficients are NaN. */
    shi_mnl_fit fit;
    double beta[SHI_BS_NOUT - 1][SHI_BS_NPRED]; /* terms AcqA, AcqB, Nego, WarA, constant */
    double se[SHI_BS_NOUT - 1][SHI_BS_NPRED];
} shi_bs_sample;

/** What shi_bs_replicate computes. */
typedef struct shi_bs_request {
    int y0, y1;            /* years (Bennett & Stam: 1816-1984) */
    const char *mid_path;  /* gml-ddy-disputes-2.1.1.csv */
    const shi_eu_opts *eu; /* NULL: EUGene's defaults */
    shi_wr_opts wr;        /* costs and risk (use_risk, risk_method) */
    int threads;           /* 0: OpenMP default */
} shi_bs_request;

typedef struct shi_bs_result {
    shi_bs_sample all, relevant;
    long initiations; /* initiations coded in the years, before any drop */
    long host[5][5];  /* their target level (row, 1-5) by initiator level (column) */
} shi_bs_result;

/** Run the design: read the MID file (errors name file:line:col and the
 *  column), solve the game for every directed dyad-year of the years, code
 *  the outcomes and fit the logits of both samples. */
SHI_API shi_status shi_bs_replicate(const shi_data *d, const shi_bs_request *q, shi_bs_result *out,
                                    shi_err *err);
SHI_API void shi_bs_result_free(shi_bs_result *r);

/** The result as a long frame (sample, item, row, col, value), one number a
 *  row, for both samples: counts (item "count": dyad_years, no_game, the
 *  drops, n, acqa_recoded, mutual, not_sq, wara_sq), "predicted" (count and
 *  "predicted_share" of n), "outcome" counts, "table" (predicted x outcome),
 *  the logit ("coef", "se" by outcome and term; "ll" null and full,
 *  "lr_chi2" and "df"), "p_sq" (P(outcome | SQ predicted)), "rr" (relative
 *  risk of each outcome under each predicted equilibrium against SQ), and for
 *  the sample "all" the "host" table (target level by initiator level). */
SHI_API shi_status shi_bs_frame(const shi_bs_result *r, shi_frame *f, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
