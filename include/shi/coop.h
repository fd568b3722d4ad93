/*
 * shi/coop.h - cooperation under anarchy: the iterated prisoner's dilemma.
 *
 * Realist and neoliberal accounts of cooperation meet in the repeated
 * prisoner's dilemma (Axelrod 1984; Oye 1985; Grieco 1988). This module plays
 * it: a match engine with fixed or uncertain length ("the shadow of the
 * future") and noise, a table of classic strategies, round-robin tournaments,
 * a Moran process and discrete replicator dynamics over the tournament's
 * payoffs, relative-gains utilities, and the analytic thresholds of the
 * discount (continuation) factor at which cooperation is sustainable.
 *
 * One turn: both players choose C or D at once and receive
 *
 *              C        D
 *        C   R, R     S, T
 *        D   T, S     P, P        with T > R > P > S and 2R > T + S
 *
 * (defaults T,R,P,S = 5,3,1,0, Axelrod 1980).
 *
 * Reproducibility: every stochastic call takes a seed; match m of a tournament
 * draws its numbers from shi_rng stream (rep * n + i) * n + j, so results do not
 * depend on the number of threads or the order matches are scheduled in.
 *
 * References
 *   Axelrod, R. (1980). Effective choice in the prisoner's dilemma. Journal of
 *     Conflict Resolution 24(1), 3-25.
 *   Axelrod, R. (1980). More effective choice in the prisoner's dilemma. Journal
 *     of Conflict Resolution 24(3), 379-403.
 *   Axelrod, R. (1984). The Evolution of Cooperation. Basic Books.
 *   Grieco, J. M. (1988). Anarchy and the limits of cooperation: a realist
 *     critique of the newest liberal institutionalism. International
 *     Organization 42(3), 485-507.
 *   Moran, P. A. P. (1958). Random processes in genetics. Mathematical
 *     Proceedings of the Cambridge Philosophical Society 54(1), 60-71.
 *   Taylor, P. D. & Jonker, L. B. (1978). Evolutionarily stable strategies and
 *     game dynamics. Mathematical Biosciences 40(1-2), 145-156.
 */
#ifndef SHI_COOP_H
#define SHI_COOP_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>
#include <shi/rng.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The two moves. */
enum { SHI_COOP_C = 0, SHI_COOP_D = 1 };

/** Longest match: a match with continuation probability delta is cut at this
 *  many turns (P(L > 10^6) = delta^(10^6), negligible for delta <= 0.9999). */
#define SHI_COOP_MAX_TURNS 1000000L

/* ---- payoffs ------------------------------------------------------------- */

/** One turn's payoffs: Temptation, Reward, Punishment, Sucker. */
typedef struct shi_coop_payoffs {
    double T, R, P, S;
} shi_coop_payoffs;

/** T,R,P,S = 5,3,1,0 (Axelrod 1980). */
SHI_API shi_coop_payoffs shi_coop_payoffs_default(void);

/** \brief Check that the payoffs make a prisoner's dilemma.
 *  \return SHI_EUSAGE unless T > R > P > S (the dilemma) and 2R > T + S
 *  (mutual cooperation beats taking turns to exploit each other), with the
 *  message "payoffs must satisfy T > R > P > S, got T=5 R=3 P=3 S=0" or
 *  "payoffs must satisfy 2R > T + S, got 2R=6 T+S=6". */
SHI_API shi_status shi_coop_payoffs_check(const shi_coop_payoffs *p, shi_err *err);

/** Parse "T,R,P,S" (four numbers) and check it; SHI_EUSAGE on failure. */
SHI_API shi_status shi_coop_payoffs_parse(const char *text, shi_coop_payoffs *p, shi_err *err);

/* ---- strategies ---------------------------------------------------------- */

/** What a strategy sees before it moves: the realised history (after noise). */
typedef struct shi_coop_view {
    const unsigned char *me;     /* own moves of turns 0..t-1 (SHI_COOP_C/D) */
    const unsigned char *opp;    /* the opponent's moves of turns 0..t-1 */
    size_t t;                    /* turns played so far (0 on the first turn) */
    size_t my_d, opp_d;          /* defections so far */
    const shi_coop_payoffs *pay; /* the game's payoffs */
} shi_coop_view;

/** Private per-match memory of a strategy, zeroed before the first turn. */
typedef struct shi_coop_mem {
    long i[4];
    double x[4];
} shi_coop_mem;

/** A strategy: returns its intended move (SHI_COOP_C or SHI_COOP_D). `par` is
 *  its parameter (the table's default when the user gave none); `rng` is the
 *  match's stream, for stochastic strategies. Must be thread-safe: no statics. */
typedef int (*shi_coop_fn)(const shi_coop_view *v, double par, shi_coop_mem *m, shi_rng *rng);

/** One row of the strategy table (see coop_strategies.c, the one place to add
 *  a strategy). */
typedef struct shi_coop_strategy {
    const char *name;    /* canonical name, e.g. "Tit For Tat" */
    const char *aliases; /* comma-separated other names, e.g. "TFT", or "" */
    const char *desc;    /* one-line definition */
    const char *cite;    /* source of the definition */
    shi_coop_fn fn;
    int has_par;          /* 1 if "Name(x)" sets a parameter */
    double par, lo, hi;   /* default parameter and its valid range [lo, hi] */
    int stochastic;       /* uses random numbers even without noise */
    const char *readings; /* comma-separated names of its readings, the default
                           * first, or NULL: "Name(reading)" passes the reading's
                           * index as the parameter (docs/coop.md, section 3) */
} shi_coop_strategy;

/** \brief The zero-determinant four-vector P(C) after CC, CD, DC, DD
 *  (Press & Dyson 2012) for the payoffs `pay` and slope chi >= 1: the
 *  extortioner (generous = 0) enforces s_X - P = chi (s_Y - P), the generous
 *  strategy (generous = 1) s_X - R = chi (s_Y - R) (Stewart & Plotkin 2012);
 *  phi is half the largest feasible value for the extortioner and the largest
 *  for the generous strategy, which gives Extort-2 = (8/9, 1/2, 1/3, 0) and
 *  ZD-GTFT-2 = (1, 1/8, 1, 1/4) at 5,3,1,0. */
SHI_API void shi_coop_zd_vector(const shi_coop_payoffs *pay, int generous, double chi, double p[4]);

/** The strategy table, in listing order; *n receives its length. */
SHI_API const shi_coop_strategy *shi_coop_strategies(size_t *n);

/** A strategy with its parameter: one tournament entrant. */
typedef struct shi_coop_player {
    const shi_coop_strategy *s;
    double par;    /* parameter (s->par unless given) */
    char name[64]; /* display name, e.g. "Generous TFT(0.3)" */
} shi_coop_player;

/** \brief Resolve a user's name for a strategy: "Tit For Tat", "tft",
 *  "tit-for-tat", "Generous TFT(0.3)", "random(0.7)". Names are compared
 *  case-insensitively ignoring spaces, hyphens and underscores; aliases count.
 *  \return SHI_EUSAGE for an unknown name (the message lists the closest names),
 *  a parameter out of range, or a parameter given to a strategy without one. */
SHI_API shi_status shi_coop_player_parse(const char *text, shi_coop_player *p, shi_err *err);

/** \brief Parse a comma-separated list of players (commas inside parentheses
 *  do not split); the word "all" expands to every strategy with its default
 *  parameter. *out is allocated (release it with shi_coop_players_free); *n
 *  receives the count. On failure *out is NULL.
 *  \return SHI_EUSAGE for a bad name or an empty list; SHI_EIO out of memory. */
SHI_API shi_status shi_coop_players_parse(const char *list, shi_coop_player **out, size_t *n,
                                          shi_err *err);

/** Release a list from shi_coop_players_parse; NULL is allowed. */
SHI_API void shi_coop_players_free(shi_coop_player *players);

/* ---- matches ------------------------------------------------------------- */

/** The repeated game. */
typedef struct shi_coop_game {
    shi_coop_payoffs pay;
    long turns;   /* fixed number of turns (used when delta == 0) */
    double delta; /* continuation probability in (0, 1): after each turn the game
                   * ends with probability 1 - delta; 0 = fixed length */
    double noise; /* epsilon in [0, 0.5]: each intended move is flipped with
                   * this probability (trembling hand) */
    double k;     /* relative-gains coefficient >= 0 (Grieco 1988); 0 = absolute */
} shi_coop_game;

/** Defaults: (5,3,1,0), 200 turns, no noise, k = 0. */
SHI_API shi_coop_game shi_coop_game_default(void);
/** Check payoffs and ranges of the other fields; SHI_EUSAGE naming the field. */
SHI_API shi_status shi_coop_game_check(const shi_coop_game *g, shi_err *err);

/** Outcome of one match. */
typedef struct shi_coop_match_result {
    long turns;      /* turns played */
    double score[2]; /* total payoff of each player */
    long coop[2];    /* turns each player cooperated (realised moves) */
} shi_coop_match_result;

/** \brief Play one match of `a` (player 0) against `b` (player 1).
 *
 *  With g->delta > 0 the length L is drawn first, from the start of `rng`:
 *  L = 1 + floor(ln U / ln delta), U uniform on (0, 1], so P(L >= t) =
 *  delta^(t-1) and E[L] = 1 / (1 - delta) (cut at SHI_COOP_MAX_TURNS). Then
 *  each turn both strategies move (a first, then b, each drawing from `rng`
 *  only if it is stochastic) and each intended move is flipped with
 *  probability g->noise (one uniform draw per player per turn when noise > 0).
 *
 *  \param moves optional: if not NULL, receives a malloc'd array of 2L moves,
 *         a's then b's interleaved per turn (moves[2t], moves[2t+1]); free it.
 *  \return SHI_EUSAGE for an invalid game, SHI_EIO when out of memory.
 *  Time complexity: O(L) for every strategy in the table. */
SHI_API shi_status shi_coop_match(const shi_coop_player *a, const shi_coop_player *b,
                                  const shi_coop_game *g, shi_rng *rng, shi_coop_match_result *res,
                                  unsigned char **moves, shi_err *err);

/** Relative-gains utility of player i (Grieco 1988):
 *      u_i = pi_i - k (pi_j - pi_i) = (1 + k) pi_i - k pi_j. */
SHI_API double shi_coop_utility(double pi_i, double pi_j, double k);

/** One turn's payoff of a player who moved `mine` against `theirs`
 *  (SHI_COOP_C/D): R, S, T or P. */
SHI_API double shi_coop_payoff(const shi_coop_payoffs *p, int mine, int theirs);

/* ---- round-robin tournament ---------------------------------------------- */

/** Self-play: whether each player also meets a copy of itself, and whether
 *  those matches count in its standings. */
typedef enum shi_coop_self_play {
    SHI_COOP_SELF_NONE = 0,    /* no self-play: the matrix diagonal is NaN */
    SHI_COOP_SELF_COUNTED = 1, /* played, and both copies count in the standings */
    SHI_COOP_SELF_AXELROD = 2  /* played and shown in the matrix, left out of the
                                * standings (score, payoff, cooperation, wins), as
                                * the Axelrod library's ResultSet does */
} shi_coop_self_play;

/** How per-turn values are averaged over matches; the two differ only when
 *  match lengths differ (delta > 0). */
typedef enum shi_coop_averaging {
    SHI_COOP_AVG_POOLED = 0,   /* total payoff / total turns: estimates the
                                * normalised discounted payoff (1 - delta) E[sum
                                * delta^(t-1) x_t]; long matches weigh more */
    SHI_COOP_AVG_PER_MATCH = 1 /* the mean over matches of each match's payoff per
                                * turn (the Axelrod library's normalised score) */
} shi_coop_averaging;

/** What the standings are ranked by. */
typedef enum shi_coop_rank_by {
    SHI_COOP_RANK_MEAN = 0,  /* the score over all repetitions */
    SHI_COOP_RANK_MEDIAN = 1 /* the median over repetitions of the per-repetition
                              * score (the Axelrod library's ranking) */
} shi_coop_rank_by;

typedef struct shi_coop_tour_opts {
    shi_coop_game game;
    long reps;     /* repetitions of every match, >= 1 */
    int self_play; /* a shi_coop_self_play: 0 none, 1 counted, 2 Axelrod's */
    uint64_t seed;
    int threads;                  /* OpenMP threads; 0 = the OpenMP default */
    shi_coop_averaging averaging; /* per-turn averaging over matches; 0 = pooled */
    shi_coop_rank_by rank_by;     /* ranking key; 0 = the mean (score) */
} shi_coop_tour_opts;

/** \brief Parse the name of a tournament convention, as the command line
 *  gives it: self-play "none", "counted" or "axelrod"; averaging "pooled" or
 *  "per-match"; ranking "mean" or "median". NULL text keeps *out.
 *  \return SHI_EUSAGE naming the valid values, e.g. "self-play must be none,
 *  counted or axelrod, got 'x'". */
SHI_API shi_status shi_coop_self_play_parse(const char *text, int *out, shi_err *err);
SHI_API shi_status shi_coop_averaging_parse(const char *text, shi_coop_averaging *out,
                                            shi_err *err);
SHI_API shi_status shi_coop_rank_by_parse(const char *text, shi_coop_rank_by *out, shi_err *err);

/** Results of a round robin over n players. Per-turn values average over
 *  matches and repetitions as o->averaging says: pooled (the default) sums
 *  payoffs and divides by the turns played, so matches of random length weigh
 *  by their length; per-match averages each match's payoff per turn. The
 *  standings (score, mean_payoff, coop, wins) include a player's self-play
 *  matches only with SHI_COOP_SELF_COUNTED; the matrices show them with either
 *  kind of self-play. */
typedef struct shi_coop_tour {
    size_t n;
    double *payoff;       /* n*n: payoff[i*n+j] mean per-turn payoff of i against j
                           * (NaN on the diagonal without self-play) */
    double *utility;      /* n*n: the same for utility u_i (equals payoff when k = 0) */
    double *score;        /* per player: mean per-turn utility over all its matches */
    double *mean_payoff;  /* per player: mean per-turn payoff */
    double *coop;         /* per player: share of its moves that were C (pooled over
                           * its matches whatever the averaging) */
    long *wins;           /* per player: matches won (payoff strictly above the
                           * opponent's), summed over repetitions; self-play never wins */
    long *rank;           /* per player: 1 = best by the ranking key (score, or
                           * median_score with SHI_COOP_RANK_MEDIAN); ties share
                           * the better rank */
    size_t *order;        /* players by rank; ties in input order */
    long total_turns;     /* turns played in the whole tournament */
    long reps;            /* repetitions: the columns of rep_score */
    double *rep_score;    /* n*reps: rep_score[i*reps+r] player i's score in
                           * repetition r alone (same averaging and self-play) */
    double *median_score; /* per player: the median of its rep_score (mean of
                           * the middle two for an even count) */
} shi_coop_tour;

/** Zero `t` (safe to destroy afterwards). */
SHI_API void shi_coop_tour_init(shi_coop_tour *t);
SHI_API void shi_coop_tour_destroy(shi_coop_tour *t);

/** \brief Play a round robin: every unordered pair {i, j}, i < j (and i == j
 *  with self_play), o->reps times. Match (r, i, j) uses shi_rng stream
 *  (r * n + i) * n + j of o->seed; matches run in parallel (OpenMP, dynamic
 *  schedule) into pre-sized arrays and are summed serially in a fixed order,
 *  so the results are identical for any thread count.
 *  \param t initialised by shi_coop_tour_init; filled on success, left empty on
 *         failure.
 *  \return SHI_EUSAGE for invalid options or fewer than 2 players (1 with
 *  self-play), SHI_EIO when out of memory.
 *  Time complexity: O(reps * n^2 * turns). */
SHI_API shi_status shi_coop_tournament(const shi_coop_player *players, size_t n,
                                       const shi_coop_tour_opts *o, shi_coop_tour *t, shi_err *err);

/* ---- evolutionary dynamics ------------------------------------------------ */

typedef struct shi_coop_moran_opts {
    long pop;         /* population size N >= 2 */
    const long *init; /* initial count of each type (sums to N), or NULL: as equal
                       * as possible, earlier types get the remainder */
    double w;         /* intensity of selection >= 0; fitness f = exp(w * pi) */
    long max_steps;   /* stop a run after this many birth-death steps */
    long runs;        /* independent runs; run r uses stream r of seed */
    uint64_t seed;
    int threads;
} shi_coop_moran_opts;

/** The initial count of each of m types in a Moran run: o->init when given,
 *  else as equal as possible with the remainder going to the earlier types. */
SHI_API void shi_coop_moran_start(const shi_coop_moran_opts *o, size_t m, long *init);

/** \brief Moran process (Moran 1958) over m types with per-turn utility matrix
 *  U (m*m, U[a*m+b] = utility of a against b, e.g. shi_coop_tour.utility with
 *  self-play). In a population with counts n_b, an individual of type a has
 *  payoff pi_a = (sum_b n_b U[a][b] - U[a][a]) / (N - 1) (it does not meet
 *  itself) and fitness exp(w pi_a) (exponential fitness, Traulsen, Shoresh &
 *  Nowak 2008, Bull. Math. Biol. 70, 1410-1424). Each step one individual is
 *  chosen to reproduce with probability proportional to fitness, and its
 *  offspring replaces one of the other N - 1 individuals chosen uniformly. A
 *  run ends when one type has fixed, or after max_steps.
 *  \param fixed m + 1 counts: runs in which type a fixed; fixed[m] = runs
 *         that hit max_steps.
 *  \param mean_steps mean number of steps of the runs that fixed (NaN if none).
 *  \param final_share m values: mean final share of each type over all runs.
 *  \return SHI_EUSAGE for bad options, SHI_EIO when out of memory. */
SHI_API shi_status shi_coop_moran(const double *U, size_t m, const shi_coop_moran_opts *o,
                                  long *fixed, double *mean_steps, double *final_share,
                                  shi_err *err);

/** \brief Discrete replicator dynamics (Taylor & Jonker 1978; Hofbauer &
 *  Sigmund 1998, ch. 7) over m types with utility matrix U:
 *      f_a = sum_b x_b U[a][b] + c,  x_a' = x_a f_a / sum_b x_b f_b,
 *  where the background fitness c = max(0, -min U) keeps fitness non-negative.
 *  \param x0 initial shares (m, non-negative, summing to 1 within 1e-9), or
 *         NULL for uniform shares.
 *  \param traj (gens + 1) * m shares: generation 0 is x0.
 *  \return SHI_EUSAGE for bad shares or if mean fitness reaches 0. */
SHI_API shi_status shi_coop_replicator(const double *U, size_t m, const double *x0, long gens,
                                       double *traj, shi_err *err);

/* ---- the shadow of the future --------------------------------------------- */

/** Analytic thresholds of the continuation probability delta at which
 *  reciprocity sustains mutual cooperation, with relative gains k (the game
 *  with utilities is a PD with T' = T + k(T - S), S' = S - k(T - S), R and P
 *  unchanged; see docs/coop.md):
 *    grim      = (T' - R) / (T' - P)      Grim Trigger vs itself (Friedman 1971)
 *    tft_alld  = (T' - R) / (T' - P)      TFT resists Always Defect
 *    tft_alt   = (T' - R) / (R - S')      TFT resists alternating D, C
 *    tft       = max(tft_alld, tft_alt)   TFT collectively stable (Axelrod 1984,
 *                                         Proposition 2, with w = delta) */
typedef struct shi_coop_thresholds {
    double grim, tft_alld, tft_alt, tft;
} shi_coop_thresholds;

/** Fill `out`; SHI_EUSAGE for invalid payoffs or k < 0. */
SHI_API shi_status shi_coop_thresholds_compute(const shi_coop_payoffs *p, double k,
                                               shi_coop_thresholds *out, shi_err *err);

/** \brief Simulated threshold: the smallest delta of `grid` (ascending) from
 *  which on, for every larger grid value too, the incumbent's per-turn utility
 *  against itself is at least that of each deviant against the incumbent. At
 *  each delta, `samples` matches per pairing are played; sample s uses stream s
 *  for every pairing (common random numbers: the same game lengths).
 *  \param dstar receives the threshold, or NaN if the incumbent resists at no
 *         grid value up to the last.
 *  \param gap optional, ngrid values: incumbent utility minus the best
 *         deviant's at each delta. */
SHI_API shi_status shi_coop_threshold_simulate(const shi_coop_player *incumbent,
                                               const shi_coop_player *deviants, size_t ndev,
                                               const shi_coop_game *g, const double *grid,
                                               size_t ngrid, long samples, uint64_t seed,
                                               int threads, double *dstar, double *gap,
                                               shi_err *err);

/* ---- stability rules, grids and sweeps ------------------------------------ */

/** The four rules of shi_coop_thresholds, in that order. */
typedef enum shi_coop_rule {
    SHI_COOP_RULE_GRIM,     /* Grim Trigger vs itself sustains cooperation */
    SHI_COOP_RULE_TFT_ALLD, /* TFT resists Always Defect */
    SHI_COOP_RULE_TFT_ALT,  /* TFT resists alternating D, C */
    SHI_COOP_RULE_TFT,      /* TFT collectively stable: resists both */
    SHI_COOP_RULE_N
} shi_coop_rule;

/** The threshold of rule `r` in `t`. */
SHI_API double shi_coop_rule_threshold(const shi_coop_thresholds *t, shi_coop_rule r);

/** A growable grid of delta values. Zero-initialise; shi_coop_grid_free. */
typedef struct shi_coop_grid {
    double *v;
    size_t n, cap;
} shi_coop_grid;

SHI_API void shi_coop_grid_free(shi_coop_grid *g);

/** The multiples of `step` in (0, 1), each rounded to 1e-9 (so that 67 x 0.01
 *  is 0.67), ascending, into `out` (emptied first).
 *  \return SHI_EUSAGE unless 0.001 <= step <= 0.5; SHI_EIO out of memory. */
SHI_API shi_status shi_coop_delta_grid(double step, shi_coop_grid *out, shi_err *err);

/** One rule: its incumbent and deviants, the formula of its analytic
 *  threshold, that threshold without and with relative gains, and the
 *  simulated one (shi_coop_threshold_simulate). */
typedef struct shi_coop_stability_row {
    shi_coop_rule rule;
    const char *what;          /* e.g. "TFT resists alternation" */
    shi_coop_player incumbent; /* Grudger or Tit For Tat */
    shi_coop_player dev[2];    /* Defector and/or Cycler DC */
    size_t ndev;
    const char *deviants; /* their names, e.g. "Defector, Cycler DC" */
    const char *formula;  /* e.g. "(T'-R)/(T'-P)" */
    double analytic_k0;   /* analytic threshold with k = 0 */
    double analytic;      /* analytic threshold with the game's k */
    double simulated;     /* simulated threshold, NaN if none on the grid */
} shi_coop_stability_row;

/** The four rules (no allocation: nothing to free). */
typedef struct shi_coop_stability {
    shi_coop_stability_row row[SHI_COOP_RULE_N];
} shi_coop_stability;

/** \brief Where cooperation is stable in game `g`: for each rule, the analytic
 *  thresholds (shi_coop_thresholds_compute with k = 0 and with g->k) and the
 *  threshold simulated over `grid` with `samples` games per delta and pairing
 *  (shi_coop_threshold_simulate with `seed` and `threads`).
 *  \return SHI_EUSAGE for invalid payoffs or options. */
SHI_API shi_status shi_coop_stability_compute(const shi_coop_game *g, const shi_coop_grid *grid,
                                              long samples, uint64_t seed, int threads,
                                              shi_coop_stability *out, shi_err *err);

/** Tournaments over a grid of delta and noise: tour[e * nd + d] was played
 *  with deltas[d] and noises[e]. shi_coop_sweep_free. */
typedef struct shi_coop_sweep_result {
    size_t nd, ne;
    shi_coop_tour *tour;
} shi_coop_sweep_result;

SHI_API void shi_coop_sweep_free(shi_coop_sweep_result *r);

/** \brief Play the round robin of `o` (its delta and noise replaced) for
 *  every delta of `deltas` and noise of `noises`, delta by delta, into `out`.
 *  A delta of 0 means the fixed length o->game.turns.
 *  \return an error of shi_coop_tournament (naming a bad delta or noise);
 *  `out` is left empty on failure. */
SHI_API shi_status shi_coop_sweep(const shi_coop_player *players, size_t n,
                                  const shi_coop_tour_opts *o, const double *deltas, size_t nd,
                                  const double *noises, size_t ne, shi_coop_sweep_result *out,
                                  shi_err *err);

/** The indices 0..n-1 into ord, by x descending; ties keep the input order
 *  (e.g. the final shares of shi_coop_replicator). */
SHI_API void shi_coop_order_by_share(const double *x, size_t n, size_t *ord);

#ifdef __cplusplus
}
#endif
#endif
