/*
 * shi/eu.h - Bueno de Mesquita's expected utility of conflict (The War Trap)
 * and the equilibria of the international interaction game (War and Reason),
 * computed as EUGene computes them, for the directed dyads of one year's system.
 *
 * War Trap expected utility (Bueno de Mesquita 1981, eq. 6, p. 59, as used by
 * Bennett & Stam 2000, ISQ 44(3), pp. 463-464):
 *   E(U)_ij = (2 P_i - 1)(1 - U_ij)                                   bilateral
 *           + sum_k (P_ik + P_jk - 1)(U_ki - U_kj)                    third parties
 * with U_xy the tau-b (or S) of the alliance portfolios of x and y over the
 * members involved in relevant_region(x, y) (plus x and y), adj(x at y) =
 * cap_x^log10(miles_xy / mpd + 10 - e) the loss-of-strength gradient (The War
 * Trap, p. 105), P_i = adj(i at j) / (adj(i at j) + adj(j at j)),
 * c_k = max(adj(k at i), adj(k at j)),
 * P_ik = (adj(i at j) + c_k) / (adj(i at j) + c_k + adj(j at j)) and
 * P_jk = (adj(j at i) + c_k) / (adj(j at i) + c_k + adj(i at i)); k runs over
 * the other members involved in relevant_region(i, j). Regions, involvement
 * and the relevant region follow EUGene (The War Trap, p. 97 table, via
 * EUGene's source); docs/eu.md gives every convention and where it comes from.
 *
 * War and Reason (Bueno de Mesquita & Lalman 1992, App. 1, eqs. A1.1-A1.10,
 * pp. 293-298; Table 2.2, p. 47): the utilities of the eight outcomes from
 * K = tau_AB, the risk exponents r_A, r_B and the probabilities P^A, P^B; the
 * costs alpha (war initiator), tau (war target) and gamma (capitulation); the
 * equilibrium by backward induction on the game tree and by the "logical"
 * conditions Bennett & Stam (2000, p. 465) used. The two can disagree.
 *
 * All functions are pure over their inputs and safe to call from many threads
 * on the same shi_eu_year.
 */
#ifndef SHI_EU_H
#define SHI_EU_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>
#include <shi/frame.h>

#ifdef __cplusplus
extern "C" {
#endif

/** EUGene's five regions (the order of its risk files). */
typedef enum shi_eu_region {
    SHI_EU_EUROPE = 0,
    SHI_EU_MIDEAST = 1,
    SHI_EU_AFRICA = 2,
    SHI_EU_ASIA = 3,
    SHI_EU_AMERICAS = 4,
    SHI_EU_NREGION = 5
} shi_eu_region;

/** Home region by COW code: < 200 Americas, 200-399 Europe, 400-599 Africa,
 *  600-699 Middle East, >= 700 Asia (Oceania included), as EUGene. */
SHI_API shi_eu_region shi_eu_home_region(int ccode);
/** Bit r set when the state is involved in region r in `year`: its home region
 *  and the regions of the War Trap (p. 97) involvement table (docs/eu.md). */
SHI_API unsigned shi_eu_involved(int ccode, int year);
/** The region of the directed dyad (i, j): the shared home region; else j's
 *  home region if i is involved there; else i's home region. Directional. */
SHI_API shi_eu_region shi_eu_relevant_region(int ccode_i, int ccode_j, int year);
/** "europe", "middleeast", "africa", "asia", "americas". */
SHI_API const char *shi_eu_region_name(shi_eu_region r);

/** Miles per day of the loss-of-strength gradient in `year` by EUGene's
 *  convention: 250 before 1918, 375 in 1918-1945, 500 after 1945. */
SHI_API double shi_eu_era_mpd(int year);

/** The utility of the War Trap: alliance-portfolio similarity. */
typedef enum shi_eu_util {
    SHI_EU_TAU = 0, /* Kendall's tau-b (Bueno de Mesquita 1975; EUGene's default) */
    SHI_EU_S = 1    /* Signorino & Ritter's S, unweighted, absolute distances */
} shi_eu_util;

/** Options (zero: EUGene's defaults). */
typedef struct shi_eu_opts {
    shi_eu_util util; /* tau-b or S */
    int global;       /* 1: utilities over all system members, not the relevant region */
    /* Miles per day of the gradient: 0 EUGene's era values (shi_eu_era_mpd), > 0
     * this value in every year, < 0 no discount (adj = cap). */
    double mpd;
} shi_eu_opts;

/** One year's system, the inputs (caller storage, read only). */
typedef struct shi_eu_system {
    int year;
    size_t n;            /* members */
    const int *ccode;    /* n COW codes */
    const double *cap;   /* n CINC shares; NaN missing */
    const uint8_t *ally; /* n x n alliance levels 0 none, 1 entente (consultation),
                            2 neutrality or non-aggression, 3 defence; symmetric;
                            the diagonal is ignored (3). NULL: no alliance data */
    const double *miles; /* n x n distances in miles (0 for land-contiguous pairs);
                            NaN missing. May be NULL when opts.mpd < 0. */
} shi_eu_system;

/** Why a value is missing. */
typedef enum shi_eu_reason {
    SHI_EU_OK = 0,
    SHI_EU_NO_MEMBER,   /* a state is not a member of the system that year */
    SHI_EU_NO_ALLIANCE, /* no alliance data for the year */
    SHI_EU_NO_CAP,      /* a side's capability (CINC) is missing */
    SHI_EU_NO_DISTANCE, /* a distance the gradient needs is missing */
    SHI_EU_NO_UTILITY,  /* tau-b undefined (a portfolio is constant over the region) */
    SHI_EU_NO_PROB,     /* War and Reason: the probability's denominator is 0 */
    SHI_EU_NO_RISK      /* War and Reason with risk: a side's risk attitude is missing */
} shi_eu_reason;
/** "ok", "not a system member", "no alliance data for the year", ... */
SHI_API const char *shi_eu_reason_text(shi_eu_reason r);

typedef struct shi_eu_year shi_eu_year;

/** Precompute a year: the utility of every directed pair in its region and the
 *  gradient-adjusted capability of every state at every other's location.
 *  O(n^2 * region size). */
SHI_API shi_status shi_eu_year_new(shi_eu_year **out, const shi_eu_system *s, const shi_eu_opts *o,
                                   shi_err *err);
SHI_API void shi_eu_year_free(shi_eu_year *y);
/** Members of the year; position of a COW code among them (-1 if none). */
SHI_API size_t shi_eu_year_n(const shi_eu_year *y);
SHI_API long shi_eu_year_pos(const shi_eu_year *y, int ccode);
/** U_xy in relevant_region(x, y) (NaN when undefined) and adj(x at y). */
SHI_API double shi_eu_util_of(const shi_eu_year *y, size_t x, size_t at);
SHI_API double shi_eu_adj(const shi_eu_year *y, size_t x, size_t at);
/** relevant_region(x, y) of members x and y; is member x involved in region g? */
SHI_API shi_eu_region shi_eu_region_at(const shi_eu_year *y, size_t x, size_t at);
SHI_API int shi_eu_in_region(const shi_eu_year *y, size_t x, shi_eu_region g);
/** The members involved in region g, by position (*count of them). */
SHI_API const size_t *shi_eu_region_members(const shi_eu_year *y, shi_eu_region g, size_t *count);
/** The n x n arrays of U_xy and adj(x at y), row x (for loops over third parties). */
SHI_API const double *shi_eu_util_matrix(const shi_eu_year *y);
SHI_API const double *shi_eu_adj_matrix(const shi_eu_year *y);

/** E(U)_ij and its parts. */
typedef struct shi_eu_result {
    double eu;        /* E(U)_ij; NaN when missing (see reason) */
    double bilateral; /* (2 P_i - 1)(1 - U_ij) */
    double third;     /* sum of the third-party terms */
    double util;      /* U_ij */
    double p;         /* P_i */
    shi_eu_region region;
    int nthird;   /* third parties counted */
    int nskipped; /* third parties skipped for missing inputs */
    shi_eu_reason reason;
} shi_eu_result;

/** E(U)_ij for members at positions i != j. O(n). */
SHI_API void shi_eu_dyad(const shi_eu_year *y, size_t i, size_t j, shi_eu_result *r);
/** The bilateral part only (eu and third stay NaN; nthird 0): the inputs'
 *  checks, U_ij, P_i and the bilateral term. O(1). */
SHI_API void shi_eu_bilateral(const shi_eu_year *y, size_t i, size_t j, shi_eu_result *r);

/* --- War and Reason ------------------------------------------------------- */

/** The eight outcomes of the international interaction game. */
typedef enum shi_wr_outcome {
    SHI_WR_NONE = 0, /* missing */
    SHI_WR_SQ = 1,
    SHI_WR_NEGO = 2,
    SHI_WR_ACQA = 3,
    SHI_WR_ACQB = 4,
    SHI_WR_CAPA = 5,
    SHI_WR_CAPB = 6,
    SHI_WR_WARA = 7,
    SHI_WR_WARB = 8
} shi_wr_outcome;
#define SHI_WR_NOUTCOME 8
/** "SQ", "Nego", "AcqA", "AcqB", "CapA", "CapB", "WarA", "WarB" ("" for none). */
SHI_API const char *shi_wr_outcome_name(shi_wr_outcome o);

/** Costs and variants (shi_wr_opts_default: Bennett & Stam's alpha = tau =
 *  gamma = 1; EUGene 3.x uses alpha = 0.5). */
typedef struct shi_wr_opts {
    double alpha;    /* war cost of the initiator, times (1 - P) */
    double tau;      /* war cost of the target */
    double gamma;    /* cost of capitulating */
    int phi_alt;     /* 1: phi = (U(SQ) + 1) / 2 instead of U(SQ) (an EUGene option) */
    int phi_a_for_b; /* 1: copy EUGene 3.x, which uses A's U(SQ) as B's phi */
    /* In shi_dyadvars_add (family wr) and shi eu --wr: 1 to compute the risk
     * attitudes R_A in relevant_region(A, B) and R_B in relevant_region(B, A)
     * by `risk_method`; 0 (default) for risk neutrality, R = 0. */
    int use_risk;
    int risk_method; /* a shi_risk_method */
} shi_wr_opts;
SHI_API shi_wr_opts shi_wr_opts_default(void);

/** The inputs of one dyad. */
typedef struct shi_wr_input {
    double k;      /* tau_AB (already capped at 0.999) */
    double ra, rb; /* transformed risk exponents r in [0.5, 2] (1 = neutral) */
    double pa, pb; /* probabilities of success P^A, P^B */
} shi_wr_input;

/** U_A and U_B of each outcome, indexed by outcome - 1. */
typedef struct shi_wr_utils {
    double ua[SHI_WR_NOUTCOME], ub[SHI_WR_NOUTCOME];
} shi_wr_utils;

/** The eight outcome utilities (War and Reason Table 2.2 as EUGene implements
 *  it; eqs. A1.1-A1.6 for the utilities of the demands). */
SHI_API void shi_wr_utilities(const shi_wr_input *in, const shi_wr_opts *o, shi_wr_utils *u);
/** The subgame-perfect outcome by backward induction over the twelve nodes of
 *  the game tree (ties: the first-listed option needs to be strictly better;
 *  at node 3 a tie gives AcqB). */
SHI_API shi_wr_outcome shi_wr_induction(const shi_wr_utils *u);
/** Which of the logical conditions hold (bit 1 << outcome for SQ, WarA, AcqA,
 *  AcqB) and the outcome Bennett & Stam coded: WarA if it holds (also when SQ
 *  does), else SQ, AcqA, AcqB, else Nego (the residual). */
SHI_API shi_wr_outcome shi_wr_logical(const shi_wr_utils *u, unsigned *conds);

/** Risk: raw R in [-1, 1] to the exponent r = (1 - R/3) / (1 + R/3). */
SHI_API double shi_wr_risk_exponent(double r_raw);

/** One dyad's War and Reason result. */
typedef struct shi_wr_result {
    shi_wr_input in;
    shi_wr_utils u;
    shi_wr_outcome induction, logical;
    unsigned conds;
    shi_eu_reason reason;
} shi_wr_result;

/** War and Reason for members at positions a != b: K from the year's utilities
 *  (tau-b with 1 made 0.999), P^A and P^B (eqs. A1.7-A1.10) from the year's
 *  adjusted capabilities, raw risks risk_a and risk_b (0 for risk neutrality),
 *  then both solutions. O(n). */
SHI_API void shi_wr_dyad(const shi_eu_year *y, size_t a, size_t b, double risk_a, double risk_b,
                         const shi_wr_opts *o, shi_wr_result *r);

/* --- risk attitudes (The War Trap Revisited, 1985) ------------------------ */

/** How the most and least secure portfolios are found. */
typedef enum shi_risk_method {
    SHI_RISK_STEEPEST = 0,   /* steepest ascent from the actual portfolio (EUGene 3.x) */
    SHI_RISK_EXHAUSTIVE = 1, /* every portfolio: 4^(m-1), only for small regions */
    SHI_RISK_GA = 2          /* genetic algorithm, then steepest ascent (shi_risk_ga) */
} shi_risk_method;

/** The genetic algorithm's settings (shi_risk_ga_default: EUGene 3.x's
 *  population 50, mutation 0.05, 8 stable generations, keep 3, tolerance
 *  0.01; Bennett & Stam 2000, fn. 22, used a GA). */
typedef struct shi_risk_ga {
    int population;   /* portfolios per generation */
    double mutation;  /* probability that a code is redrawn */
    int stable;       /* stop after this many generations without a gain above tolerance */
    int keep;         /* the best `keep` are cloned into the next generation */
    double tolerance; /* a gain of Sec at most this is no gain */
    uint64_t seed;    /* Philox key; the stream is (state, year, region, direction) */
} shi_risk_ga;
SHI_API shi_risk_ga shi_risk_ga_default(void);
/** The largest number of partners (region members other than i) the
 *  exhaustive search accepts: 4^8 = 65,536 portfolios. */
#define SHI_RISK_EXHAUSTIVE_MAX 8

/** One state's risk attitude in one region and year. */
typedef struct shi_risk_result {
    double sec;       /* Sec_i = sum_j E(U)_ji over the region's other members */
    double sec_max;   /* the least secure portfolio's Sec (largest) */
    double sec_min;   /* the most secure portfolio's Sec (smallest) */
    double r_raw;     /* R = (2 Sec - SecMax - SecMin) / (SecMax - SecMin), in [-1, 1] */
    double r;         /* r = (1 - R/3) / (1 + R/3), in [0.5, 2] */
    int partners;     /* m - 1: the codes searched */
    long evaluations; /* portfolios (or moves) evaluated */
    shi_eu_reason reason;
} shi_risk_result;

/**
 * \brief Risk attitude of member i of system s in region g (Bueno de Mesquita
 * 1985, as Bennett & Stam 2000, p. 464, and EUGene compute it).
 *
 * Within region g every utility is the tau-b (or S) over the members involved
 * in g, and every E(U)_ji has the members of g as its third parties; Sec_i sums
 * E(U)_ji over them. Only i's alliance codes with the other members vary
 * (symmetrically); every other code stays. A tau-b that a candidate portfolio
 * makes undefined counts as 0. Deterministic: the same result on any thread.
 * \return SHI_OK; SHI_EUSAGE for the exhaustive method over more than
 *         SHI_RISK_EXHAUSTIVE_MAX partners (the message names the limit), or
 *         when i is not involved in g.
 */
SHI_API shi_status shi_risk_compute(const shi_eu_system *s, const shi_eu_opts *o, size_t i,
                                    shi_eu_region g, shi_risk_method method, shi_risk_result *out,
                                    shi_err *err);

/**
 * \brief As shi_risk_compute, with the genetic algorithm's settings `ga` for
 * SHI_RISK_GA (NULL: shi_risk_ga_default()).
 *
 * The GA (EUGene 3.x as eu-formulas.md section 2 describes it): the first
 * generation is the actual portfolio and random ones; fitness is sign * Sec
 * shifted to be >= 0; deterministic sampling (each portfolio gets the whole
 * part of its expected copies, the largest remainders the rest), one-point
 * crossover of consecutive parents, mutation of each code with probability
 * `mutation`, the best `keep` cloned; it stops after `stable` generations
 * without a gain above `tolerance`, or after max(10 (m - 1), stable)
 * generations; then steepest ascent from the best portfolio found. Its random
 * numbers come from Philox stream (ccode, year, region, direction) of key
 * `seed`, so the result depends on nothing else: not on threads, ranks, or
 * the order of the rows.
 */
SHI_API shi_status shi_risk_compute_ga(const shi_eu_system *s, const shi_eu_opts *o, size_t i,
                                       shi_eu_region g, const shi_risk_ga *ga, shi_risk_result *out,
                                       shi_err *err);

/* --- from the data view --------------------------------------------------- */

/** Build the year's system from the data view (its capabilities and dyadic
 *  part): members, CINC, alliance levels (the stronger of the two directions;
 *  none outside the alliance years: ally = NULL), capital-to-capital great
 *  circle miles with 0 for land contiguity. *out is NULL when the year is
 *  outside the dyadic data. */
SHI_API shi_status shi_eu_year_from_data(shi_eu_year **out, const shi_data *d, int year,
                                         const shi_eu_opts *o, shi_err *err);

/** Risk attitudes R of the year's members in the regions flagged in
 *  need[ccode * SHI_EU_NREGION + region] (COW codes below 1000), written to
 *  risk[ccode * SHI_EU_NREGION + region] (NaN when missing) and, when `why`
 *  is not NULL, the shi_eu_reason of each to why[...] (SHI_EU_OK when
 *  computed); other cells untouched. */
SHI_API shi_status shi_eu_risks(const shi_data *d, int year, const shi_eu_opts *o,
                                shi_risk_method method, const uint8_t *need, double *risk,
                                uint8_t *why, shi_err *err);

/** A split of shi_risk_frame's rows over processes (mpirun -np N shi risk):
 *  this process's rank of nproc, and element-wise sums over the processes
 *  (0 on success), as the command's MPI layer provides them (src/cli/mpi.c;
 *  the same shape as shi_scen_split of shi/scenarios.h, which the measures
 *  cannot see). */
typedef struct shi_risk_split {
    int rank, nproc;
    int (*sum_u64)(uint64_t *v, size_t n, void *ctx);
    int (*sum_f64)(double *v, size_t n, void *ctx);
    void *ctx;
} shi_risk_split;

/** What shi_risk_frame computes. */
typedef struct shi_risk_request {
    int y0, y1;        /* years */
    const int *states; /* COW codes to score; NULL (nstates 0): every member */
    size_t nstates;
    shi_risk_method method;
    const shi_eu_opts *eu; /* utilities and gradient; NULL for the defaults */
    int threads;           /* 0: OpenMP default */
    const shi_risk_ga *ga; /* SHI_RISK_GA: NULL for shi_risk_ga_default() */
    /* NULL: this process computes every row. Else row r is computed by rank
     * r mod nproc and the sums give every process the whole frame, the same
     * bytes as one process (each value is added to -0.0 only). */
    const shi_risk_split *split;
} shi_risk_request;

/** Risk attitudes of every (year, member, region it is involved in): columns
 *  year, ccode, region, partners, sec, sec_max, sec_min, risk (R), risk_r and
 *  risk_reason. Rows are split over threads within a year (and over the
 *  processes of q->split); the output is the same for any number of either.
 *  An error is that of the first failing row, whichever process ran it. */
SHI_API shi_status shi_risk_frame(shi_frame *f, const shi_data *d, const shi_risk_request *q,
                                  shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
