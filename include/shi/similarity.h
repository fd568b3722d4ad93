/*
 * shi/similarity.h - similarity of two states' alliance portfolios (foreign-policy
 * similarity), as pure functions over two rows of levels.
 *
 * A state's portfolio is a row of levels over the same n states, 0..L; with the
 * COW alliance data L = 3 (0 no alliance, 1 entente, 2 neutrality or
 * non-aggression, 3 defence pact) and each state has level L with itself. For
 * states a and b with rows x_a and x_b, the measures are
 *  - S of Signorino & Ritter (1999), unweighted and weighted (e.g. by
 *    capability shares), with absolute or squared distances;
 *  - Kendall's tau-b (Kendall 1938; used for alliance portfolios by Bueno de
 *    Mesquita 1975);
 *  - Cohen's kappa (Cohen 1960, 1968) and Scott's pi (Scott 1955), corrected
 *    for chance agreement as proposed by Häge (2011), with nominal, absolute or
 *    quadratic disagreement weights.
 *
 * Every measure is a function of the (L+1) x (L+1) contingency table of the two
 * rows (and, for weighted S, of the same table summing the weights), so one O(n)
 * pass builds the table and all measures follow in O(L^2). The functions do not
 * allocate and use no global state; they are safe to call from many threads.
 *
 * Disagreement weights, for levels i and j (0..L):
 *    nominal   d(i,j) = [i != j]
 *    absolute  d(i,j) = |i - j| / L
 *    squared   d(i,j) = ((i - j) / L)^2
 *
 * References
 *  Bueno de Mesquita, B. (1975), "Measuring Systemic Polarity", Journal of
 *    Conflict Resolution 19(2): 187-216.
 *  Cohen, J. (1960), "A Coefficient of Agreement for Nominal Scales",
 *    Educational and Psychological Measurement 20(1): 37-46.
 *  Cohen, J. (1968), "Weighted Kappa", Psychological Bulletin 70(4): 213-220.
 *  Häge, F. M. (2011), "Choice or Circumstance? Adjusting Measures of Foreign
 *    Policy Similarity for Chance Agreement", Political Analysis 19(3): 287-305.
 *  Kendall, M. G. (1938), "A New Measure of Rank Correlation", Biometrika
 *    30(1/2): 81-93; tau-b in Kendall (1945), Biometrika 33(3): 239-251.
 *  Scott, W. A. (1955), "Reliability of Content Analysis: The Case of Nominal
 *    Scale Coding", Public Opinion Quarterly 19(3): 321-325.
 *  Signorino, C. S. and J. M. Ritter (1999), "Tau-b or Not Tau-b: Measuring the
 *    Similarity of Foreign Policy Positions", International Studies Quarterly
 *    43(1): 115-144.
 */
#ifndef SHI_SIMILARITY_H
#define SHI_SIMILARITY_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Largest supported top level L (levels are 0..L). */
#define SHI_SIM_MAX_LEVEL 15
/** Cells of the largest contingency table, (L+1)^2 for L = SHI_SIM_MAX_LEVEL. */
#define SHI_SIM_CELLS ((SHI_SIM_MAX_LEVEL + 1) * (SHI_SIM_MAX_LEVEL + 1))

/** Disagreement weights d(i,j) between levels i and j (see the file comment). */
typedef enum shi_sim_metric {
    SHI_SIM_NOMINAL = 0,  /* d = [i != j]: plain agreement */
    SHI_SIM_ABSOLUTE = 1, /* d = |i - j| / L: linear, "absolute distances" */
    SHI_SIM_SQUARED = 2   /* d = ((i - j) / L)^2: quadratic, "squared distances" */
} shi_sim_metric;

/** The contingency table of two rows. Only the first (L+1)^2 cells of each
 *  array are used and set; cell (i,j) is at index i * (L+1) + j. */
typedef struct shi_similarity_table {
    unsigned int levels;           /* L: levels are 0..L */
    size_t n;                      /* states tabulated */
    int weighted;                  /* 1 when `weight` was filled (weights given) */
    uint32_t count[SHI_SIM_CELLS]; /* states k with x_ak = i and x_bk = j */
    double weight[SHI_SIM_CELLS];  /* sum of w_k over the same states (if weighted) */
} shi_similarity_table;

/** All measures for one pair of rows. NaN marks a measure that is undefined
 *  for the data (see each field) or was not asked for (weighted S without
 *  weights; also when the sum of the weights overflows a double). */
typedef struct shi_similarity {
    double s_abs;     /* S, absolute distances, w_k = 1 */
    double s_sq;      /* S, squared distances, w_k = 1 */
    double s_abs_w;   /* S, absolute distances, weights w; NaN without w or if sum w is 0 */
    double s_sq_w;    /* S, squared distances, weights w (NaN as s_abs_w) */
    double tau_b;     /* Kendall's tau-b; NaN when a row is constant or n < 2 */
    double kappa_nom; /* Cohen's kappa, nominal; NaN when expected disagreement is 0 */
    double kappa_abs; /* Cohen's weighted kappa, absolute (linear) weights */
    double kappa_sq;  /* Cohen's weighted kappa, quadratic weights */
    double pi_nom;    /* Scott's pi, nominal; NaN when expected disagreement is 0 */
    double pi_abs;    /* Scott's pi, absolute (linear) weights */
    double pi_sq;     /* Scott's pi, quadratic weights */
} shi_similarity;

/**
 * \brief Tabulate two rows of levels into their contingency table.
 *
 * \param t      The table to fill (caller storage; need not be initialised).
 * \param a      Row of state a: n levels, each in 0..levels.
 * \param b      Row of state b, over the same n states in the same order.
 * \param w      Optional weights w_k >= 0 (finite), one per state, e.g. capability
 *               shares; NULL for none.
 * \param n      Number of states, 1 <= n <= INT32_MAX.
 * \param levels The top level L, 1 <= L <= SHI_SIM_MAX_LEVEL (3 for COW alliances).
 * \param err    Error record (may be NULL).
 * \return SHI_OK; SHI_EUSAGE for a NULL row, n = 0 or too large, or L out of
 *         range; SHI_EDATA for a level above L or a negative, NaN or infinite
 *         weight (the message names the state's index). On error `t` is
 *         unspecified.
 *
 * Time complexity: O(n + L^2).
 */
SHI_API shi_status shi_similarity_tabulate(shi_similarity_table *t, const uint8_t *a,
                                           const uint8_t *b, const double *w, size_t n,
                                           unsigned int levels, shi_err *err);

/**
 * \brief Every measure from a contingency table.
 *
 * With c_ij the count of states at level i for a and j for b, R_i and C_j the
 * row and column totals, W_ij the summed weights and d the disagreement weight
 * of the metric:
 *
 *  S (Signorino & Ritter 1999): positions x/L in [0,1], distance
 *  d = sum_k w_k |x_ak - x_bk| / L (absolute) or sum_k w_k ((x_ak - x_bk)/L)^2
 *  (squared), largest possible distance d_max = sum_k w_k, and
 *      S = 1 - 2 d / d_max = 1 - 2 sum_ij W_ij d(i,j) / sum_ij W_ij,
 *  in [-1, 1]; 1 for identical rows. The unweighted S has w_k = 1.
 *
 *  Kendall's tau-b, the rows as ordinal variables: P concordant and Q discordant
 *  pairs of states, n0 = n(n-1)/2, n1 = sum_i R_i(R_i-1)/2, n2 = sum_j C_j(C_j-1)/2,
 *      tau_b = (P - Q) / sqrt((n0 - n1)(n0 - n2)).
 *
 *  Cohen's kappa and Scott's pi (Häge 2011): observed disagreement
 *  D_o = sum_ij p_ij d(i,j) with p_ij = c_ij / n, and the disagreement expected
 *  by chance from the marginal distributions,
 *      kappa: D_e = sum_ij r_i c_j d(i,j),  r_i = R_i / n, c_j = C_j / n
 *      pi:    D_e = sum_ij m_i m_j d(i,j),  m_i = (r_i + c_i) / 2
 *  and kappa or pi = 1 - D_o / D_e. Nominal weights give Cohen's (1960) kappa
 *  (p_o - p_e) / (1 - p_e) and Scott's pi. Both are at most 1; pi is at least -1
 *  for every metric here. All unweighted measures are computed from integer
 *  sums (exact in a double for n up to about 10^6), so they are exactly
 *  symmetric in a and b and do not depend on the order of the states.
 *
 * \param t   A table filled by shi_similarity_tabulate (or by hand: `levels`,
 *            `n`, `weighted`, and the first (L+1)^2 cells).
 * \param out The measures; weighted S fields are NaN when `t->weighted` is 0.
 *
 * Time complexity: O(L^2).
 */
SHI_API void shi_similarity_from_table(const shi_similarity_table *t, shi_similarity *out);

/**
 * \brief Every measure for one pair of rows in one pass: shi_similarity_tabulate
 * then shi_similarity_from_table, with the table on the stack.
 *
 * \param a, b, w, n, levels, err As for shi_similarity_tabulate.
 * \param out The measures (see shi_similarity and shi_similarity_from_table).
 * \return As shi_similarity_tabulate; on error `out` is all NaN.
 *
 * Time complexity: O(n + L^2); no allocation.
 */
SHI_API shi_status shi_similarity_compute(const uint8_t *a, const uint8_t *b, const double *w,
                                          size_t n, unsigned int levels, shi_similarity *out,
                                          shi_err *err);

/**
 * \brief Signorino & Ritter's (1999) S alone.
 *
 * S = 1 - 2 sum_k w_k d(x_ak, x_bk) / sum_k w_k, with d from `metric`
 * (SHI_SIM_ABSOLUTE or SHI_SIM_SQUARED as in the paper; SHI_SIM_NOMINAL gives
 * 1 - 2 x the weighted share of states on which a and b differ).
 *
 * \param w NULL for the unweighted S (w_k = 1).
 * \return S in [-1, 1]; NaN on invalid input (as shi_similarity_tabulate would
 *         reject) or when sum w = 0.
 *
 * Time complexity: O(n + L^2).
 */
SHI_API double shi_similarity_s(const uint8_t *a, const uint8_t *b, const double *w, size_t n,
                                unsigned int levels, shi_sim_metric metric);

/**
 * \brief Kendall's tau-b of two rows (see shi_similarity_from_table).
 * \return tau-b in [-1, 1]; NaN on invalid input, for n < 2, or when a row is
 *         constant (no variance).
 *
 * Time complexity: O(n + L^2).
 */
SHI_API double shi_similarity_tau_b(const uint8_t *a, const uint8_t *b, size_t n,
                                    unsigned int levels);

/**
 * \brief Cohen's kappa of two rows, with disagreement weights `metric`
 * (SHI_SIM_SQUARED gives the quadratic-weighted kappa).
 * \return kappa <= 1; NaN on invalid input or when the expected disagreement is 0
 *         (both rows constant at the same level).
 *
 * Time complexity: O(n + L^2).
 */
SHI_API double shi_similarity_kappa(const uint8_t *a, const uint8_t *b, size_t n,
                                    unsigned int levels, shi_sim_metric metric);

/**
 * \brief Scott's pi of two rows, with disagreement weights `metric`.
 * \return pi in [-1, 1]; NaN on invalid input or when the expected disagreement
 *         is 0 (both rows constant at the same level).
 *
 * Time complexity: O(n + L^2).
 */
SHI_API double shi_similarity_pi(const uint8_t *a, const uint8_t *b, size_t n, unsigned int levels,
                                 shi_sim_metric metric);

/** Name of a metric: "nominal", "absolute" or "squared". */
SHI_API const char *shi_sim_metric_name(shi_sim_metric metric);

#ifdef __cplusplus
}
#endif
#endif
