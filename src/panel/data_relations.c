/*
 * data_relations.c - load the relations data (arms, trade, disputes, nuclear
 * status, events): the embedded data/relations.shd, or the official files in a
 * directory; and build relations.shd.
 *
 * .shd records (tab-separated; see docs/data.md):
 *   coverage  arms|trade|mid|nuclear|icews  y0  y1
 *   subset    0|1                 trade and events only for dyads with a major power
 *   arms      s  r  year  tiv       armstot  c  year  imports  exports
 *   tradenat  c  year  imports  exports        trade  a  b  year  a_from_b  b_from_a
 *   mid       j  i  year  hostility  sidea  orig  init  revstate  hiact  fatality
 *                                              (j's highest hostility level against i and
 *                                               its part in those disputes: shi_mida_add;
 *                                               orig, init, revstate, fatality may be empty)
 *   midonset  a  b  year                       (a < b: a dispute between them began;
 *                                               coverage midonset y0 y1: GML's years and
 *                                               MID 5.0's after them)
 *   nuclear   c  year  status                  (status > 0 only)
 *   warheads  c  year  stockpile               (stockpile > 0 only)
 *   icews     j  i  year  conflict_share
 *   ucdp      a  b  year  intensity            (a < b; UCDP/PRIO, both on opposite sides)
 *   veto      year  yyyymmdd  c1  c2  c3       (one vetoed draft: its members, 0 for none)
 *   igo       a  b  y0  y1  shared             (a < b: IGOs both are full members of, the same
 *                                               every year y0..y1; COW IGO v3)
 *   igosy     c  y0  y1  full  assoc  observer  any   (c's memberships, the same y0..y1)
 *   igosubset 1                                (igo only for dyads with a major power)
 */
#include <shi/csv.h>
#include <shi/data.h>
#include <shi/io_conflict.h>
#include <shi/io_dyad.h>
#include <shi/io_econ.h>
#include <shi/io_events.h>
#include <shi/io_national.h>
#include <shi/io_trade.h>
#include <shi/io_unsc.h>
#include <shi/io_sipri.h>
#include <shi/outfile.h>
#include <shi/relations.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/bytes.h"
#include "../core/mem.h"
#include "../io/shd.h"
#include "data_priv.h"

extern const unsigned char shi_embedded_relations[];
extern const size_t shi_embedded_relations_len;

enum { RL_ARMS, RL_TRADE, RL_MID, RL_NUC, RL_ICEWS, RL_UCDP, RL_VETO, RL_IGO, RL_N };

typedef struct rl_source {
    const char *id, *name, *version, *citation;
    const char *paths[3];
} rl_source;

static const rl_source RL[RL_N] = {
    {"arms",
     "SIPRI Arms Transfers Database (trade register)",
     "2025-03-13",
     "Stockholm International Peace Research Institute. SIPRI Arms Transfers Database. "
     "https://www.sipri.org/databases/armstransfers",
     {"trade-register_2025-03-13.csv", "sipri_arms_transfers/trade-register_2025-03-13.csv", NULL}},
    {"trade",
     "COW Trade (national and dyadic)",
     "4.0",
     "Barbieri, Katherine and Omar M. G. Keshk. 2016. Correlates of War Project Trade Data "
     "Set Codebook, Version 4.0; Barbieri, Keshk and Pollins. 2009. Trading Data. Conflict "
     "Management and Peace Science 26(5): 471-491",
     {"cow_trade_v4.0/dyadic_trade_ndy_all_rounded.csv.gz", "dyadic_trade_ndy_all_rounded.csv.gz",
      NULL}},
    {"mid",
     "Militarized disputes: GML MID dyad-years; COW MID 5.0 incidents after 2010",
     "GML 2.1.1 + MID 5.0",
     "Gibler, Douglas M., Steven V. Miller and Erin K. Little. 2016. An Analysis of the "
     "Militarized Interstate Dispute (MID) Dataset, 1816-2001. International Studies "
     "Quarterly 60(4): 719-730; Palmer, Glenn et al. 2022. The MID5 Dataset, 2011-2014. "
     "Conflict Management and Peace Science 39(4): 470-482",
     {"gml-ddy-disputes-2.1.1.csv", "gml_mid_v2.1.1/gml-ddy-disputes-2.1.1.csv", NULL}},
    {"nuclear",
     "Nuclear weapons status (Our World in Data)",
     "OWID 2023",
     "Bleek, Philipp C. 2017. When Did (and Didn't) States Proliferate? Belfer Center; Our "
     "World in Data, Nuclear Weapons (Herre et al.)",
     {"nuclear_status_tests_stockpile_by_country_year.csv",
      "nuclear_weapons_owid/nuclear_status_tests_stockpile_by_country_year.csv", NULL}},
    {"icews",
     "ICEWS event counts, dyad-year (netify)",
     "2002-2014",
     "Boschee, Elizabeth et al. 2015. ICEWS Coded Event Data. Harvard Dataverse, "
     "https://doi.org/10.7910/DVN/28075; aggregated by Dorff and Minhas (netify)",
     {"icews_dyad_year_2002-2014.csv", "icews_dyad_year_netify/icews_dyad_year_2002-2014.csv",
      NULL}},
    {"ucdp",
     "UCDP/PRIO Armed Conflict Dataset (interstate and internationalised conflict dyads)",
     "25.1",
     "Davies, Shawn et al. 2025. Organized violence 1989-2024. Journal of Peace Research 62(4); "
     "Gleditsch, Nils Petter et al. 2002. Armed Conflict 1946-2001: A New Dataset. Journal of "
     "Peace Research 39(5): 615-637; codes converted from Gleditsch and Ward (1999)",
     {"ucdp-prio-acd-251.csv", "ucdp_v25.1/ucdp-prio-acd-251.csv", NULL}},
    {"vetoes",
     "UN Security Council vetoes (draft resolutions vetoed by a permanent member)",
     "1946 - September 2022",
     "Yordan, Carlos L. 2022. Vetoes in the UN Security Council, 1946-2022. The World Politics "
     "Data Lab, https://github.com/world-politics-datalab/vetoes-un-security-council (MIT), after "
     "the UN Dag Hammarskjold Library's veto list",
     {"unsc_vetoes_1946_sept2022.csv", "unsc_vetoes/unsc_vetoes_1946_sept2022.csv", NULL}},
    {"igo",
     "COW Intergovernmental Organizations (shared full memberships, state-year counts)",
     "3.0",
     "Pevehouse, Jon C. W., Timothy Nordstrom, Roseanne W. McManus and Anne Spencer Jamison. "
     "2020. Tracking organizations in the world: The Correlates of War IGO Version 3.0 "
     "datasets. Journal of Peace Research 57(3): 492-503; dyad-year and state-year summaries "
     "as in peacesciencer (Miller 2022)",
     {"cow_igo_v3/cow_igo_ndy.csv.gz", "cow_igo_ndy.csv.gz", NULL}},
};

/* ---- building ------------------------------------------------------------- */

/* Append helpers for the relations arrays (grow all columns of a group). */
#define PUSH(arr, n, cap, v)                                                                       \
    do {                                                                                           \
        if (SHI_GROW(arr, cap, (n) + 1) != 0) {                                                    \
            return -1;                                                                             \
        }                                                                                          \
        (arr)[n] = (v);                                                                            \
    } while (0)

typedef struct caps {
    size_t arms, armst, tn, td;
    size_t arms_c[3], armst_c[3], tn_c[3], td_c[4];
} caps_t;

typedef struct builder {
    shi_relations *r;
    shi_dyadic *dy;
    const shi_states *s;
    long map[1000];
    size_t cap[24]; /* capacities, one per array */
    int years[RL_N][2];
    int onset_years[2]; /* GML's years: dispute onsets are known there only */
    int from;   /* the view's first year (shi_data_spec.from): rows before it are left out */
    int no_igo; /* SHI_DATA_OMIT_IGO: no IGO arrays, IGO rows passed over */
} builder;

static void cover(builder *b, int src, int year)
{
    if (b->years[src][0] == 0 || year < b->years[src][0]) {
        b->years[src][0] = year;
    }
    if (year > b->years[src][1]) {
        b->years[src][1] = year;
    }
}

static int add_arms(builder *b, int s, int r, int year, double tiv)
{
    if (year < b->from) {
        return 0;
    }
    shi_relations *x = b->r;
    size_t n = x->narms;
    PUSH(x->arms_s, n, b->cap[0], s);
    PUSH(x->arms_r, n, b->cap[1], r);
    PUSH(x->arms_year, n, b->cap[2], year);
    PUSH(x->arms_tiv, n, b->cap[3], tiv);
    x->narms++;
    cover(b, RL_ARMS, year);
    return 0;
}

static int add_armst(builder *b, int c, int year, double imp, double exp_)
{
    if (year < b->from) {
        return 0;
    }
    shi_relations *x = b->r;
    size_t n = x->narmst;
    PUSH(x->armst_c, n, b->cap[4], c);
    PUSH(x->armst_year, n, b->cap[5], year);
    PUSH(x->armst_imp, n, b->cap[6], imp);
    PUSH(x->armst_exp, n, b->cap[7], exp_);
    x->narmst++;
    cover(b, RL_ARMS, year);
    return 0;
}

static int add_tn(builder *b, int c, int year, double imp, double exp_)
{
    if (year < b->from) {
        return 0;
    }
    shi_relations *x = b->r;
    size_t n = x->ntn;
    PUSH(x->tn_c, n, b->cap[8], c);
    PUSH(x->tn_year, n, b->cap[9], year);
    PUSH(x->tn_imp, n, b->cap[10], imp);
    PUSH(x->tn_exp, n, b->cap[11], exp_);
    x->ntn++;
    return 0;
}

static int add_td(builder *b, int a, int c, int year, double f1, double f2)
{
    if (year < b->from) {
        return 0;
    }
    shi_relations *x = b->r;
    size_t n = x->ntd;
    PUSH(x->td_a, n, b->cap[12], a);
    PUSH(x->td_b, n, b->cap[13], c);
    PUSH(x->td_year, n, b->cap[14], year);
    PUSH(x->td_f1, n, b->cap[15], f1);
    PUSH(x->td_f2, n, b->cap[16], f2);
    x->ntd++;
    cover(b, RL_TRADE, year);
    return 0;
}

/* One vetoed draft: its year, date and (up to three) members. */
static int add_veto(builder *b, int year, int date, const int32_t m[SHI_REL_VETO_M])
{
    if (year < b->from) {
        return 0;
    }
    shi_relations *x = b->r;
    size_t n = x->nveto;
    PUSH(x->veto_year, n, b->cap[21], year);
    PUSH(x->veto_date, n, b->cap[22], date);
    for (int q = 0; q < SHI_REL_VETO_M; q++) {
        PUSH(x->veto_m, n * SHI_REL_VETO_M + (size_t)q, b->cap[23], m[q]);
    }
    x->nveto++;
    cover(b, RL_VETO, year);
    return 0;
}

/* Dense arrays of the dyadic data for disputes, nuclear status and events. */
static int dense_init(builder *b)
{
    shi_dyadic *d = b->dy;
    size_t nn = (size_t)(d->y1 - d->y0 + 1) * d->n * d->n, n1 = (size_t)(d->y1 - d->y0 + 1) * d->n;
    if (!d->mid_host) {
        d->mid_host = malloc(nn ? nn : 1);
        d->nuclear = malloc(n1 ? n1 : 1);
        d->warheads = malloc((n1 ? n1 : 1) * sizeof *d->warheads);
        d->ucdp = malloc(nn ? nn : 1);
        d->mid_onset = malloc(nn ? nn : 1);
        for (int k = 0; k < 4 && !b->no_igo; k++) {
            d->igo_sy[k] = malloc((n1 ? n1 : 1) * sizeof *d->igo_sy[k]);
            if (!d->igo_sy[k]) {
                return -1;
            }
        }
        d->igo = b->no_igo ? NULL : malloc(nn ? nn : 1);
        if (!d->mid_host || !d->nuclear || !d->warheads || !d->ucdp || !d->mid_onset ||
            (!b->no_igo && !d->igo)) {
            return -1;
        }
    }
    /* calloc: only the pages of dispute years are ever touched */
    if (!d->mid_attr) {
        d->mid_attr = calloc(nn ? nn : 1, sizeof *d->mid_attr);
        if (!d->mid_attr) {
            return -1;
        }
    } else {
        memset(d->mid_attr, 0, nn * sizeof *d->mid_attr);
    }
    if (d->igo) {
        memset(d->igo, SHI_NA_U8, nn);
    }
    for (int k = 0; k < 4 && d->igo_sy[k]; k++) {
        for (size_t i = 0; i < n1; i++) {
            d->igo_sy[k][i] = -1;
        }
    }
    d->igo_subset = 0;
    memset(d->mid_host, SHI_NA_U8, nn);
    memset(d->nuclear, SHI_NA_U8, n1);
    memset(d->ucdp, SHI_NA_U8, nn);
    memset(d->mid_onset, SHI_NA_U8, nn);
    for (size_t k = 0; k < n1; k++) {
        d->warheads[k] = (float)NAN;
    }
    return 0;
}

static void set_mid(builder *b, int j, int i, int year, int host)
{
    shi_dyadic *d = b->dy;
    long sj = b->map[j], si = b->map[i];
    if (sj < 0 || si < 0 || year < d->y0 || year > d->y1) {
        return;
    }
    uint8_t *p = &d->mid_host[shi_dy_pair(d, year, (size_t)sj, (size_t)si)];
    if (*p == SHI_NA_U8 || host > *p) {
        *p = (uint8_t)host;
    }
    cover(b, RL_MID, year);
}

/* One dispute's record of j against i (shi_mida_add; -1 unknown). */
static void set_mid_attr(builder *b, int j, int i, int year, int sidea, int orig, int rev,
                         int hiact, int fatality)
{
    shi_dyadic *d = b->dy;
    long sj = b->map[j], si = b->map[i];
    if (sj < 0 || si < 0 || year < d->y0 || year > d->y1) {
        return;
    }
    uint16_t *p = &d->mid_attr[shi_dy_pair(d, year, (size_t)sj, (size_t)si)];
    *p = shi_mida_add(*p, sidea, orig, rev, hiact, fatality);
}

static void set_onset(builder *b, int i, int j, int year)
{
    shi_dyadic *d = b->dy;
    long si = b->map[i], sj = b->map[j];
    if (si < 0 || sj < 0 || year < d->y0 || year > d->y1) {
        return;
    }
    d->mid_onset[shi_dy_pair(d, year, (size_t)si, (size_t)sj)] = 1;
    d->mid_onset[shi_dy_pair(d, year, (size_t)sj, (size_t)si)] = 1;
}

static void set_nuclear(builder *b, int c, int year, int status)
{
    shi_dyadic *d = b->dy;
    long sc = b->map[c];
    if (sc < 0 || year < d->y0 || year > d->y1) {
        return;
    }
    d->nuclear[shi_dy_one(d, year, (size_t)sc)] = (uint8_t)status;
    cover(b, RL_NUC, year);
}

static void set_warheads(builder *b, int c, int year, double n)
{
    shi_dyadic *d = b->dy;
    long sc = b->map[c];
    if (sc < 0 || year < d->y0 || year > d->y1) {
        return;
    }
    d->warheads[shi_dy_one(d, year, (size_t)sc)] = (float)n;
}

/* A UCDP conflict-year with COW states a and c on opposite sides. */
static void set_ucdp(builder *b, int a, int c, int year, int intensity)
{
    shi_dyadic *d = b->dy;
    cover(b, RL_UCDP, year);
    if (a < 1 || a > 999 || c < 1 || c > 999) {
        return; /* a Gleditsch-Ward state COW does not have */
    }
    long sa = b->map[a], sc = b->map[c];
    if (sa < 0 || sc < 0 || sa == sc || year < d->y0 || year > d->y1) {
        return;
    }
    for (int k = 0; k < 2; k++) {
        uint8_t *p = &d->ucdp[k ? shi_dy_pair(d, year, (size_t)sc, (size_t)sa)
                                : shi_dy_pair(d, year, (size_t)sa, (size_t)sc)];
        if (*p == SHI_NA_U8 || intensity > *p) {
            *p = (uint8_t)intensity;
        }
    }
}

/* Shared full IGO memberships of a and c in years y0..y1 (both orders). */
static void set_igo(builder *b, int a, int c, int y0, int y1, int shared)
{
    shi_dyadic *d = b->dy;
    if (!d->igo) {
        return;
    }
    long sa = b->map[a], sc = b->map[c];
    for (int y = y0 < d->y0 ? d->y0 : y0; sa >= 0 && sc >= 0 && y <= y1 && y <= d->y1; y++) {
        d->igo[shi_dy_pair(d, y, (size_t)sa, (size_t)sc)] = (uint8_t)shared;
        d->igo[shi_dy_pair(d, y, (size_t)sc, (size_t)sa)] = (uint8_t)shared;
    }
}

/* The four IGO counts of c in years y0..y1 (SHI_IGO_FULL ... ; -1 missing). */
static void set_igosy(builder *b, int c, int y0, int y1, const int n[4])
{
    shi_dyadic *d = b->dy;
    if (!d->igo_sy[0]) {
        return;
    }
    long sc = b->map[c];
    for (int y = y0 < d->y0 ? d->y0 : y0; sc >= 0 && y <= y1 && y <= d->y1; y++) {
        for (int k = 0; k < 4; k++) {
            d->igo_sy[k][shi_dy_one(d, y, (size_t)sc)] = (int16_t)n[k];
        }
    }
}

static int set_conflict(builder *b, int j, int i, int year, double share)
{
    if (year < b->from) {
        return 0;
    }
    shi_relations *x = b->r;
    size_t n = x->nev;
    PUSH(x->ev_j, n, b->cap[17], j);
    PUSH(x->ev_i, n, b->cap[18], i);
    PUSH(x->ev_year, n, b->cap[19], year);
    PUSH(x->ev_conf, n, b->cap[20], share);
    x->nev++;
    cover(b, RL_ICEWS, year);
    return 0;
}

/* Open the coverage years of the dense arrays: 0 inside, NA outside. */
static void dense_finish(builder *b)
{
    _Static_assert(SHI_NA_U8 == 0xFF, "shi_i_ff_to_zero clears the byte 0xFF");
    shi_dyadic *d = b->dy;
    d->mid_y0 = b->years[RL_MID][0];
    d->mid_y1 = b->years[RL_MID][1];
    d->ucdp_y0 = b->years[RL_UCDP][0];
    d->ucdp_y1 = b->years[RL_UCDP][1];
    d->igo_y0 = d->igo ? b->years[RL_IGO][0] : 1;
    d->igo_y1 = d->igo ? b->years[RL_IGO][1] : 0;
    const size_t nn = d->n * d->n;
    d->onset_y0 = b->onset_years[0];
    d->onset_y1 = b->onset_years[1];
    for (int y = d->onset_y0; d->onset_y1 > 0 && y <= d->onset_y1; y++) {
        if (y < d->y0 || y > d->y1) {
            continue;
        }
        uint8_t *o = d->mid_onset + shi_dy_pair(d, y, 0, 0);
        shi_i_ff_to_zero(o, nn);
    }
    for (int y = d->y0; y <= d->y1; y++) {
        /* Only the covered years are touched (the year test hoisted out of
         * the cell loop: it was most of the time of loading relations). */
        if (y >= d->mid_y0 && y <= d->mid_y1) {
            uint8_t *m = d->mid_host + shi_dy_pair(d, y, 0, 0);
            shi_i_ff_to_zero(m, nn);
        }
        if (y >= d->ucdp_y0 && y <= d->ucdp_y1) {
            uint8_t *u = d->ucdp + shi_dy_pair(d, y, 0, 0);
            shi_i_ff_to_zero(u, nn);
        }
        for (size_t i = 0; i < d->n; i++) {
            size_t idx = shi_dy_one(d, y, i);
            if (y >= b->years[RL_NUC][0] && y <= b->years[RL_NUC][1]) {
                if (d->nuclear[idx] == SHI_NA_U8) {
                    d->nuclear[idx] = 0;
                }
                if (isnan(d->warheads[idx])) {
                    d->warheads[idx] = 0;
                }
            }
        }
    }
}

/* ISO3 -> COW code: the registry state with that ISO code that is a member in
 * `year` (the two Germanys share DEU), or the only one. */
static int iso_to_cow(const shi_states *s, const char *iso, int year)
{
    int found = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (strcmp(s->v[i].iso3, iso) == 0) {
            if (shi_states_member(s, &s->v[i], year)) {
                return s->v[i].ccode;
            }
            found = s->v[i].ccode;
        }
    }
    return found;
}

typedef struct key4 {
    int32_t a, b, y;
    size_t i;
} key4;
static int cmp4(const void *p, const void *q);

/* ---- official files -------------------------------------------------------- */

/* UCDP/PRIO conflict-years: every pair of states on opposite sides (primary
 * parties or secondary warring parties) of an interstate (type 2) or
 * internationalised intrastate (type 4) conflict. Gleditsch-Ward codes are
 * checked against gw_states.csv (next to the UCDP folder) and converted to
 * COW codes (shi_gw_to_cow, shi/io_dyad.h); a code COW or the registry does
 * not have (e.g. GW 711, Tibet) is left out. */
static shi_status from_ucdp(builder *b, const char *path, const char *dir, shi_err *err)
{
    char gpath[400];
    snprintf(gpath, sizeof gpath, "%s/%s", dir, "gleditsch_ward_states/gw_states.csv");
    if (!shi_i_file_exists(gpath)) {
        snprintf(gpath, sizeof gpath, "%s/%s", dir, "gw_states.csv");
    }
    shi_gw_table g;
    shi_ucdp_table t;
    memset(&g, 0, sizeof g);
    memset(&t, 0, sizeof t);
    shi_status st = shi_io_read_gw_states(gpath, &g, err);
    if (st == SHI_OK) {
        st = shi_io_read_ucdp_acd(path, &t, err);
    }
    /* Codes UCDP uses that gw_states.csv (peacesciencer's copy of the list,
     * without the microstates) lacks: 55 Grenada and 972 Tonga, in Gleditsch
     * and Ward's list of microstates; 751 Hyderabad (1947-1948, in Gleditsch
     * and Ward's main list, not in this copy). Any other unknown code is an
     * error in the file. */
    static const int omitted[] = {55, 751, 972};
    for (size_t k = 0; st == SHI_OK && k < t.ngw; k++) {
        int ok = shi_gw_known(&g, t.gw[k]);
        for (size_t q = 0; q < sizeof omitted / sizeof omitted[0]; q++) {
            ok |= t.gw[k] == omitted[q];
        }
        if (!ok) {
            st = shi_err_set_at(err, SHI_EDATA, path, t.gw_line[k], t.gw_col[k],
                                "Gleditsch-Ward code %d is not in '%s'", t.gw[k], gpath);
        }
    }
    for (size_t r = 0; st == SHI_OK && r < t.n; r++) {
        cover(b, RL_UCDP, t.year[r]);
        if (t.type[r] != SHI_UCDP_INTERSTATE && t.type[r] != SHI_UCDP_INTERNATIONALISED) {
            continue;
        }
        for (size_t x = 0; x < t.na[r]; x++) {
            for (size_t z = 0; z < t.nb[r]; z++) {
                int y = t.year[r];
                set_ucdp(b, shi_gw_to_cow(t.gw[t.a0[r] + x], y),
                         shi_gw_to_cow(t.gw[t.b0[r] + z], y), y, t.intensity[r]);
            }
        }
    }
    shi_gw_table_destroy(&g);
    shi_ucdp_table_destroy(&t);
    return st;
}

/* "unknown state code" at a row of an official file. */
static shi_status unknown_code(const char *path, long line, long col, const char *column, int c,
                               shi_err *err)
{
    return shi_err_set_at(err, SHI_EDATA, path, line, col,
                          "unknown state code %d in column '%s' (not in the COW state system list)",
                          c, column);
}

/* COW IGO v3: the dyad-years (`path`) and the state-years next to them. Every
 * code must be a state of the registry (a code it lacks is an error at its
 * row); years after the dense arrays' last are passed over. */
static shi_status from_igo(builder *b, const char *path, const char *dir, shi_err *err)
{
    char spath[400];
    snprintf(spath, sizeof spath, "%s/%s", dir, "cow_igo_v3/cow_igo_sy.csv");
    if (!shi_i_file_exists(spath)) {
        snprintf(spath, sizeof spath, "%s/%s", dir, "cow_igo_sy.csv");
    }
    shi_igo_dyad_table t;
    shi_igo_state_table sy;
    memset(&t, 0, sizeof t);
    memset(&sy, 0, sizeof sy);
    shi_status st = shi_io_read_igo_dyadic(path, &t, err);
    if (st == SHI_OK) {
        st = shi_io_read_igo_states(spath, &sy, err);
    }
    for (size_t r = 0; st == SHI_OK && r < t.n; r++) {
        if (b->map[t.ccode1[r]] < 0 || b->map[t.ccode2[r]] < 0) {
            int first = b->map[t.ccode1[r]] < 0;
            st = unknown_code(path, t.line[r], first ? t.col[r] : t.col2[r],
                              first ? "ccode1" : "ccode2", first ? t.ccode1[r] : t.ccode2[r], err);
            break;
        }
        cover(b, RL_IGO, t.year[r]);
        if (t.shared[r] >= 0) {
            set_igo(b, t.ccode1[r], t.ccode2[r], t.year[r], t.year[r], t.shared[r]);
        }
    }
    for (size_t r = 0; st == SHI_OK && r < sy.n; r++) {
        if (b->map[sy.ccode[r]] < 0) {
            st = unknown_code(spath, sy.line[r], sy.col[r], "ccode", sy.ccode[r], err);
            break;
        }
        const int n[4] = {sy.full[r], sy.assoc[r], sy.observer[r], sy.any[r]};
        set_igosy(b, sy.ccode[r], sy.year[r], sy.year[r], n);
    }
    shi_igo_dyad_table_destroy(&t);
    shi_igo_state_table_destroy(&sy);
    return st;
}

/* COW MID 5.0 incident participants (MIDIP_5.0.csv next to the GML file)
 * extend the dispute record past the end of GML (2010): within an incident,
 * each participant's hostility level, action, fatality level, side and
 * revision type (revtype1 1-4: revisionist, 0: not) count against every
 * participant on the other side, for the years of its participation after
 * GML's last year. The file has no originator field: orig and init stay
 * unknown. A dyad's dispute onset after GML is the start year of the first
 * incident of that dispute in which the two are on opposite sides, when that
 * year is after GML's last (a dispute GML already has is not new). */
/* MID 5.0's dispute-level participants (MIDB_5.0.csv beside MIDIP): whether
 * `ccode` originated dispute `dispnum` (`orig`, 1 if any of its rows says
 * so), from `idx`, the rows sorted by (dispnum, ccode); -1 where the file is
 * absent or does not list the pair. The incident file has no originator. */
static int midb_orig(const shi_midb_table *t, const key4 *idx, int dispnum, int ccode)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (idx[m].a < dispnum || (idx[m].a == dispnum && idx[m].b < ccode)) {
            lo = m + 1;
        } else {
            hi = m;
        }
    }
    int o = -1;
    for (; lo < t->n && idx[lo].a == dispnum && idx[lo].b == ccode; lo++) {
        int v = t->orig[idx[lo].i];
        o = v == 1 || o == 1 ? 1 : v == 0 ? 0 : o;
    }
    return o;
}

/* MIDB read and indexed by (dispnum, ccode) when the file is there; *idx
 * NULL (and every originator unknown) when it is not. */
static shi_status midb_index(const char *dir, shi_midb_table *t, key4 **idx, shi_err *err)
{
    char path[400];
    snprintf(path, sizeof path, "%s/%s", dir, "cow_mid_v5.0/MIDB_5.0.csv");
    if (!shi_i_file_exists(path)) {
        snprintf(path, sizeof path, "%s/%s", dir, "MIDB_5.0.csv");
    }
    *idx = NULL;
    if (!shi_i_file_exists(path)) {
        return SHI_OK;
    }
    shi_status st = shi_io_read_midb5(path, t, err);
    if (st != SHI_OK) {
        return st;
    }
    if (!(*idx = malloc((t->n ? t->n : 1) * sizeof **idx))) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t x = 0; x < t->n; x++) {
        (*idx)[x] = (key4){t->dispnum[x], t->ccode[x], 0, x};
    }
    qsort(*idx, t->n, sizeof **idx, cmp4);
    return SHI_OK;
}

static shi_status from_midip(builder *b, const char *dir, shi_err *err)
{
    int gml_end = b->years[RL_MID][1];
    char ipath[400];
    snprintf(ipath, sizeof ipath, "%s/%s", dir, "cow_mid_v5.0/MIDIP_5.0.csv");
    if (!shi_i_file_exists(ipath)) {
        snprintf(ipath, sizeof ipath, "%s/%s", dir, "MIDIP_5.0.csv");
    }
    if (gml_end <= 0 || !shi_i_file_exists(ipath)) {
        return SHI_OK;
    }
    shi_midip_table ip;
    shi_midb_table mb;
    memset(&ip, 0, sizeof ip);
    memset(&mb, 0, sizeof mb);
    key4 *mbx = NULL;
    shi_status st = shi_io_read_midip5(ipath, &ip, err);
    if (st == SHI_OK) {
        st = midb_index(dir, &mb, &mbx, err);
    }
    /* Group the participants by incident (sort an index), then pair the two
     * sides within each group; `first` collects (dispute, dyad, year) of
     * every opposite pair for the onsets. */
    size_t nfirst = 0, npairs = 0;
    key4 *grp = st == SHI_OK ? malloc((ip.n ? ip.n : 1) * sizeof *grp) : NULL, *first = NULL;
    if (st == SHI_OK && !grp) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t x = 0; st == SHI_OK && x < ip.n; x++) {
        grp[x].a = ip.dispnum[x];
        grp[x].b = ip.incidnum[x];
        grp[x].y = 0;
        grp[x].i = x;
    }
    if (st == SHI_OK) {
        qsort(grp, ip.n, sizeof *grp, cmp4);
    }
    for (size_t g0 = 0, g1 = 0; st == SHI_OK && g0 < ip.n; g0 = g1) {
        while (g1 < ip.n && grp[g1].a == grp[g0].a && grp[g1].b == grp[g0].b) {
            g1++;
        }
        npairs += (g1 - g0) * (g1 - g0);
    }
    if (st == SHI_OK && !(first = malloc((npairs ? npairs : 1) * sizeof *first))) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t g0 = 0, g1 = 0; st == SHI_OK && g0 < ip.n; g0 = g1) {
        while (g1 < ip.n && grp[g1].a == grp[g0].a && grp[g1].b == grp[g0].b) {
            g1++;
        }
        for (size_t gx = g0; gx < g1; gx++) {
            for (size_t gz = g0; gz < g1; gz++) {
                size_t x = grp[gx].i, z = grp[gz].i;
                if (ip.insidea[z] == ip.insidea[x] || ip.hostlev[x] < 1) {
                    continue;
                }
                if (ip.ccode[x] < ip.ccode[z]) {
                    first[nfirst].a = ip.dispnum[x];
                    first[nfirst].b = ip.ccode[x] * 1000 + ip.ccode[z];
                    first[nfirst].y = ip.styear[x] > ip.styear[z] ? ip.styear[x] : ip.styear[z];
                    first[nfirst].i = nfirst;
                    nfirst++;
                }
                int rev = ip.revtype1[x] < 0 ? -1 : ip.revtype1[x] > 0;
                for (int y = ip.styear[x]; y <= ip.endyear[x]; y++) {
                    if (y > gml_end) {
                        set_mid(b, ip.ccode[x], ip.ccode[z], y, ip.hostlev[x]);
                        int orig = mbx ? midb_orig(&mb, mbx, ip.dispnum[x], ip.ccode[x]) : -1;
                        set_mid_attr(b, ip.ccode[x], ip.ccode[z], y, ip.sidea[x], orig, rev,
                                     ip.action[x], ip.fatality[x]);
                    }
                }
            }
        }
    }
    /* Sorted by (dispute, dyad, year): the first row of each run is the year
     * the two first met in that dispute. */
    if (st == SHI_OK) {
        qsort(first, nfirst, sizeof *first, cmp4);
    }
    for (size_t k = 0; st == SHI_OK && k < nfirst; k++) {
        if ((k == 0 || first[k].a != first[k - 1].a || first[k].b != first[k - 1].b) &&
            first[k].y > gml_end) {
            set_onset(b, first[k].b / 1000, first[k].b % 1000, first[k].y);
        }
    }
    if (st == SHI_OK) {
        b->onset_years[1] = b->years[RL_MID][1];
    }
    free(grp);
    free(first);
    free(mbx);
    shi_midb_table_destroy(&mb);
    shi_midip_table_destroy(&ip);
    return st;
}

static shi_status from_official(builder *b, int k, const char *path, const char *dir, shi_err *err)
{
    shi_status st = SHI_OK;
    int oom = 0;
    if (k == RL_ARMS) {
        shi_sipri_arms t;
        memset(&t, 0, sizeof t);
        st = shi_io_read_sipri_register(path, &t, err);
        for (size_t i = 0; st == SHI_OK && i < t.n && !oom; i++) {
            oom = add_arms(b, t.supplier[i], t.recipient[i], t.year[i], t.tiv[i]);
        }
        for (size_t i = 0; st == SHI_OK && i < t.ns && !oom; i++) {
            oom = add_armst(b, t.s_ccode[i], t.s_year[i], t.s_imports[i], t.s_exports[i]);
        }
        shi_sipri_arms_destroy(&t);
    } else if (k == RL_TRADE) {
        shi_trade_dyad_table t;
        shi_trade_nat_table nt;
        memset(&t, 0, sizeof t);
        memset(&nt, 0, sizeof nt);
        char npath[400];
        snprintf(npath, sizeof npath, "%s/%s", dir, "cow_trade_v4.0/National_COW_4.0.csv");
        if (!shi_i_file_exists(npath)) {
            snprintf(npath, sizeof npath, "%s/%s", dir, "National_COW_4.0.csv");
        }
        st = shi_io_read_cow_trade_dyadic(path, &t, err);
        if (st == SHI_OK) {
            st = shi_io_read_cow_trade_national(npath, &nt, err);
        }
        for (size_t i = 0; st == SHI_OK && i < t.n && !oom; i++) {
            oom = add_td(b, t.ccode1[i], t.ccode2[i], t.year[i], t.flow1[i], t.flow2[i]);
        }
        for (size_t i = 0; st == SHI_OK && i < nt.n && !oom; i++) {
            oom = add_tn(b, nt.ccode[i], nt.year[i], nt.imports[i], nt.exports[i]);
        }
        shi_trade_dyad_table_destroy(&t);
        shi_trade_nat_table_destroy(&nt);
    } else if (k == RL_MID) {
        shi_mid_table t;
        memset(&t, 0, sizeof t);
        st = shi_io_read_gml_mid(path, &t, err);
        /* Each dyad-year is listed in both orders: the row (c1, c2) gives c1's
         * hostility level in its dispute with c2. */
        for (size_t i = 0; st == SHI_OK && i < t.n; i++) {
            if (t.hostlev1[i] > 0) {
                set_mid(b, t.ccode1[i], t.ccode2[i], t.year[i], t.hostlev1[i]);
                set_mid_attr(b, t.ccode1[i], t.ccode2[i], t.year[i], t.sidea1[i], t.orig1[i],
                             t.revstate1[i], t.hiact1[i], t.fatality1[i]);
            }
            if (t.onset[i] == 1) {
                set_onset(b, t.ccode1[i], t.ccode2[i], t.year[i]);
            }
        }
        shi_mid_table_destroy(&t);
        b->onset_years[0] = b->years[RL_MID][0];
        b->onset_years[1] = b->years[RL_MID][1];
        st = st == SHI_OK ? from_midip(b, dir, err) : st;
    } else if (k == RL_NUC) {
        shi_nuclear_table t;
        memset(&t, 0, sizeof t);
        st = shi_io_read_nuclear_status(path, &t, err);
        for (size_t i = 0; st == SHI_OK && i < t.n; i++) {
            int c = t.iso3[i][0] ? iso_to_cow(b->s, t.iso3[i], t.year[i]) : 0;
            if (c > 0) {
                set_nuclear(b, c, t.year[i], t.status[i]);
                if (t.stockpile[i] > 0) {
                    set_warheads(b, c, t.year[i], t.stockpile[i]);
                }
            }
        }
        shi_nuclear_table_destroy(&t);
    } else if (k == RL_UCDP) {
        st = from_ucdp(b, path, dir, err);
    } else if (k == RL_IGO) {
        st = from_igo(b, path, dir, err);
    } else if (k == RL_VETO) {
        shi_veto_table t;
        memset(&t, 0, sizeof t);
        st = shi_io_read_unsc_vetoes(path, &t, err);
        for (size_t i = 0; st == SHI_OK && i < t.n && !oom; i++) {
            oom = add_veto(b, t.year[i], t.date[i], t.member[i]);
        }
        shi_veto_table_destroy(&t);
    } else {
        shi_icews_table t;
        memset(&t, 0, sizeof t);
        st = shi_io_read_icews_dyad_year(path, &t, err);
        for (size_t i = 0; st == SHI_OK && i < t.n; i++) {
            int j = iso_to_cow(b->s, t.iso3_i[i], t.year[i]);
            int r = iso_to_cow(b->s, t.iso3_j[i], t.year[i]);
            double all = 0, conf = 0;
            for (int q = 0; q < SHI_NQUAD; q++) {
                all += t.count[q][i];
            }
            conf = (double)t.count[SHI_QUAD_VERBCONF][i] + (double)t.count[SHI_QUAD_MATLCONF][i];
            if (j > 0 && r > 0 && all > 0 && !oom) {
                oom = set_conflict(b, j, r, t.year[i], conf / all);
            }
        }
        shi_icews_table_destroy(&t);
    }
    if (st == SHI_OK && oom) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
    }
    return st;
}

/* ---- .shd ------------------------------------------------------------------ */

/* The part of a "mid" record after the hostility level: sidea orig init
 * revstate hiact fatality (orig, init, revstate and fatality may be empty:
 * unknown), the SHI_MIDA_* bits of fields 1 against 2 in year 3 as
 * shi_i_data_write_relations wrote them. */
static shi_status mid_attr_fields(builder *b, shi_csv *c, shi_err *err)
{
    static const int64_t hi[6] = {1, 1, 1, 1, 21, 6};
    int64_t v[6], j, i, y;
    shi_status s = SHI_OK;
    for (int q = 0; q < 6 && s == SHI_OK; q++) {
        v[q] = -1;
        if (q == 0 || q == 4 || shi_csv_field(c, (size_t)(5 + q))[0] != '\0') {
            s = shi_shd_int(c, (size_t)(5 + q), 0, hi[q], &v[q], err);
        }
    }
    if (s == SHI_OK && (s = shi_shd_int(c, 1, 1, 999, &j, err)) == SHI_OK &&
        (s = shi_shd_int(c, 2, 1, 999, &i, err)) == SHI_OK &&
        (s = shi_shd_int(c, 3, 1800, 2100, &y, err)) == SHI_OK) {
        /* One record, folded as if it were one dispute, gives every bit but
         * init (it would be sidea and orig of one dispute): set that as read. */
        uint16_t x = shi_mida_add(0, (int)v[0], (int)v[1], (int)v[3], (int)v[4], (int)v[5]);
        x = (uint16_t)((x & ~(unsigned)SHI_MIDA_INIT) | (v[2] == 1 ? SHI_MIDA_INIT : 0u));
        shi_dyadic *d = b->dy;
        long sj = b->map[j], si = b->map[i];
        if (sj >= 0 && si >= 0 && y >= d->y0 && y <= d->y1) {
            d->mid_attr[shi_dy_pair(d, (int)y, (size_t)sj, (size_t)si)] = x;
        }
    }
    return s;
}

/* The records of `text`: the whole file, record by record with its checks
 * (line 0), or a slice of a file already checked (shi_shd_check_text) whose
 * first byte is at `line`. */
/* The field of a record's year (of a spell: its last year), by tag; -1 for
 * the records that are not rows of a year. By length first: this runs on
 * every line of the embedded relations. */
static int year_field(const char *t, size_t n)
{
#define IS(lit) (memcmp(t, lit, sizeof lit - 1) == 0)
    switch (n) {
    case 3:
        return IS("mid") ? 3 : IS("igo") ? 4 : -1;
    case 4:
        return IS("arms") ? 3 : IS("ucdp") ? 3 : IS("veto") ? 1 : -1;
    case 5:
        return IS("trade") ? 3 : IS("icews") ? 3 : IS("igosy") ? 3 : -1;
    case 7:
        return IS("armstot") ? 2 : IS("nuclear") ? 2 : -1;
    case 8:
        return IS("tradenat") ? 2 : IS("midonset") ? 3 : IS("warheads") ? 2 : -1;
    default:
        return -1;
    }
#undef IS
}

static int data_src(const char *p, const char *end);

/* shi_csv_opts.skip: 1 for a row of a year before the view's first
 * (shi_data_spec.from) or of a part the view omits (shi_data_spec.omit),
 * read off the raw line; anything unexpected is left to the full reader,
 * which reports it. */

static int skip_early(const char *p, size_t n, void *arg)
{
    const builder *b = arg;
    const char *e = p + n, *t = memchr(p, '\t', n);
    if (b->no_igo && t && data_src(p, t) == RL_IGO) {
        return 1; /* SHI_DATA_OMIT_IGO */
    }
    int want = t ? year_field(p, (size_t)(t - p)) : -1;
    for (int k = 1; want > 0 && t && k < want; k++) {
        t = memchr(t + 1, '\t', (size_t)(e - t - 1));
    }
    if (want <= 0 || !t) {
        return 0;
    }
    const char *q = t + 1;
    long y = 0;
    int nd = 0;
    for (; q < e && *q >= '0' && *q <= '9' && nd < 5; q++, nd++) {
        y = y * 10 + (*q - '0');
    }
    return nd > 0 && (q == e || *q == '\t') && y < b->from;
}

/* The record types of relations.shd, told apart once per line (a chain of
 * strcmp was a tenth of reading a line). */
enum {
    T_ARMS,
    T_ARMSTOT,
    T_TRADENAT,
    T_TRADE,
    T_MID,
    T_MIDONSET,
    T_NUCLEAR,
    T_WARHEADS,
    T_UCDP,
    T_ICEWS,
    T_VETO,
    T_IGO,
    T_IGOSY,
    T_IGOSUBSET,
    T_COVERAGE,
    T_SUBSET,
    T_OTHER
};

static int tag_id(const char *t)
{
    static const char *const name[] = {
        "arms", "armstot", "tradenat", "trade", "mid",   "midonset",  "nuclear",  "warheads",
        "ucdp", "icews",   "veto",     "igo",   "igosy", "igosubset", "coverage", "subset"};
    size_t n = strlen(t);
    for (int k = 0; k < T_OTHER; k++) {
        if (name[k][0] == t[0] && strlen(name[k]) == n && memcmp(name[k], t, n) == 0) {
            return k;
        }
    }
    return T_OTHER;
}

static shi_status from_shd(builder *b, const char *name, const void *text, size_t len, long line,
                           const int *have, shi_err *err)
{
    shi_csv *c = NULL;
    /* A slice of a checked text may pass over the rows before the view; the
     * adders and setters leave them out anyway (the serial reader). */
    int (*skip)(const char *, size_t, void *) =
        b->from > SHI_DYADIC_Y0 || b->no_igo ? skip_early : NULL;
    shi_status s = line ? shi_shd_open_slice_skip(&c, name, text, len, line, skip, b, err)
                        : shi_shd_open(&c, name, text, len, err);
    int got = 1;
    shi_shd_sum sum = {0};
    while (s == SHI_OK) {
        s = line ? shi_csv_next(c, &got, err) : shi_shd_next(c, &sum, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        const int id = tag_id(shi_csv_field(c, 0));
        size_t nf = shi_csv_nfields(c);
        int64_t a = 0, r = 0, y = 0, v = 0;
        double x[4];
        int oom = 0;
#define NEED(k)                                                                                    \
    if (nf != (k)) {                                                                               \
        s = shi_csv_field_error(c, 0, err, "wrong number of fields for this record");              \
        break;                                                                                     \
    }
        if (id == T_ARMS && !have[RL_ARMS]) {
            NEED(5);
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1, 999, &r, err)) ||
                (s = shi_shd_int(c, 3, 1800, 2100, &y, err)) ||
                (s = shi_shd_reals(c, 4, 1, x, err))) {
                break;
            }
            oom = add_arms(b, (int)a, (int)r, (int)y, x[0]);
        } else if (id == T_ARMSTOT && !have[RL_ARMS]) {
            NEED(5);
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1800, 2100, &y, err)) ||
                (s = shi_shd_reals(c, 3, 2, x, err))) {
                break;
            }
            oom = add_armst(b, (int)a, (int)y, x[0], x[1]);
        } else if (id == T_TRADENAT && !have[RL_TRADE]) {
            NEED(5);
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1800, 2100, &y, err)) ||
                (s = shi_shd_reals(c, 3, 2, x, err))) {
                break;
            }
            oom = add_tn(b, (int)a, (int)y, x[0], x[1]);
        } else if (id == T_TRADE && !have[RL_TRADE]) {
            NEED(6);
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1, 999, &r, err)) ||
                (s = shi_shd_int(c, 3, 1800, 2100, &y, err)) ||
                (s = shi_shd_reals(c, 4, 2, x, err))) {
                break;
            }
            oom = add_td(b, (int)a, (int)r, (int)y, x[0], x[1]);
        } else if (id == T_MID && !have[RL_MID]) {
            NEED(11);
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1, 999, &r, err)) ||
                (s = shi_shd_int(c, 3, 1800, 2100, &y, err)) ||
                (s = shi_shd_int(c, 4, 1, 5, &v, err)) || (s = mid_attr_fields(b, c, err))) {
                break;
            }
            set_mid(b, (int)a, (int)r, (int)y, (int)v);
        } else if (id == T_MIDONSET && !have[RL_MID]) {
            NEED(4);
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1, 999, &r, err)) ||
                (s = shi_shd_int(c, 3, 1800, 2100, &y, err))) {
                break;
            }
            set_onset(b, (int)a, (int)r, (int)y);
        } else if (id == T_NUCLEAR && !have[RL_NUC]) {
            NEED(4);
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1800, 2100, &y, err)) ||
                (s = shi_shd_int(c, 3, 0, 3, &v, err))) {
                break;
            }
            set_nuclear(b, (int)a, (int)y, (int)v);
        } else if (id == T_WARHEADS && !have[RL_NUC]) {
            NEED(4);
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1800, 2100, &y, err)) ||
                (s = shi_shd_int(c, 3, 1, 1000000, &v, err))) {
                break;
            }
            set_warheads(b, (int)a, (int)y, (double)v);
        } else if (id == T_UCDP && !have[RL_UCDP]) {
            NEED(5);
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1, 999, &r, err)) ||
                (s = shi_shd_int(c, 3, 1800, 2100, &y, err)) ||
                (s = shi_shd_int(c, 4, 1, 2, &v, err))) {
                break;
            }
            set_ucdp(b, (int)a, (int)r, (int)y, (int)v);
        } else if (id == T_ICEWS && !have[RL_ICEWS]) {
            NEED(5);
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1, 999, &r, err)) ||
                (s = shi_shd_int(c, 3, 1800, 2100, &y, err)) ||
                (s = shi_shd_reals(c, 4, 1, x, err))) {
                break;
            }
            oom = set_conflict(b, (int)a, (int)r, (int)y, x[0]);
        } else if (id == T_VETO && !have[RL_VETO]) {
            NEED(6);
            int64_t dt = 0, m[SHI_REL_VETO_M];
            if ((s = shi_shd_int(c, 1, 1900, 2100, &y, err)) ||
                (s = shi_shd_int(c, 2, 19000101, 21001231, &dt, err))) {
                break;
            }
            int32_t mm[SHI_REL_VETO_M];
            for (int q = 0; q < SHI_REL_VETO_M && s == SHI_OK; q++) {
                s = shi_shd_int(c, (size_t)(3 + q), q ? 0 : 1, 999, &m[q], err);
                mm[q] = (int32_t)m[q];
            }
            if (s != SHI_OK) {
                break;
            }
            oom = add_veto(b, (int)y, (int)dt, mm);
        } else if (id == T_IGO && !have[RL_IGO]) {
            NEED(6);
            int64_t y1 = 0;
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1, 999, &r, err)) ||
                (s = shi_shd_int(c, 3, 1800, 2100, &y, err)) ||
                (s = shi_shd_int(c, 4, y, 2100, &y1, err)) ||
                (s = shi_shd_int(c, 5, 0, 254, &v, err))) {
                break;
            }
            set_igo(b, (int)a, (int)r, (int)y, (int)y1, (int)v);
        } else if (id == T_IGOSY && !have[RL_IGO]) {
            NEED(8);
            int64_t y1 = 0, m[4];
            if ((s = shi_shd_int(c, 1, 1, 999, &a, err)) ||
                (s = shi_shd_int(c, 2, 1800, 2100, &y, err)) ||
                (s = shi_shd_int(c, 3, y, 2100, &y1, err))) {
                break;
            }
            int n[4];
            for (int q = 0; q < 4 && s == SHI_OK; q++) {
                s = shi_shd_int(c, (size_t)(4 + q), -1, 1000, &m[q], err);
                n[q] = (int)m[q];
            }
            if (s != SHI_OK) {
                break;
            }
            set_igosy(b, (int)a, (int)y, (int)y1, n);
        } else if (id == T_IGOSUBSET && !have[RL_IGO]) {
            NEED(2);
            if ((s = shi_shd_int(c, 1, 0, 1, &v, err))) {
                break;
            }
            b->dy->igo_subset = (int)v;
        } else if (id == T_COVERAGE) {
            NEED(4);
            long y0, y1;
            if ((s = shi_shd_int(c, 2, 0, 3000, &y0, err)) ||
                (s = shi_shd_int(c, 3, 0, 3000, &y1, err))) {
                break;
            }
            for (int k = 0; k < RL_N; k++) {
                if (!have[k] && strcmp(shi_csv_field(c, 1), RL[k].id) == 0) {
                    b->years[k][0] = (int)y0;
                    b->years[k][1] = (int)y1;
                }
            }
            if (!have[RL_MID] && strcmp(shi_csv_field(c, 1), "midonset") == 0) {
                b->onset_years[0] = (int)y0;
                b->onset_years[1] = (int)y1;
            }
        } else if (id == T_SUBSET) {
            NEED(2);
            if ((s = shi_shd_int(c, 1, 0, 1, &v, err))) {
                break;
            }
            if (!have[RL_TRADE]) {
                b->r->subset = (int)v;
            }
        }
#undef NEED
        if (oom) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
        }
    }
    shi_csv_free(c);
    return s;
}

/* ---- the embedded text in two threads ---------------------------------------- */

/* The record tags of relations.shd that carry data, with the source whose
 * arrays and covered years each fills (the other records, which set coverage
 * and flags, come first in the file). */
/* The source of the data record at p (up to end), or -1; by the tag's
 * length first, as tag_id (this runs on every line). */
static int data_src(const char *p, const char *end)
{
    const char *t = memchr(p, '\t', (size_t)(end - p));
    size_t n = t ? (size_t)(t - p) : (size_t)(end - p);
#define IS(lit) (memcmp(p, lit, sizeof lit - 1) == 0)
    switch (n) {
    case 3:
        return IS("mid") ? RL_MID : IS("igo") ? RL_IGO : -1;
    case 4:
        return IS("arms") ? RL_ARMS : IS("ucdp") ? RL_UCDP : IS("veto") ? RL_VETO : -1;
    case 5:
        return IS("trade") ? RL_TRADE : IS("icews") ? RL_ICEWS : IS("igosy") ? RL_IGO : -1;
    case 7:
        return IS("armstot") ? RL_ARMS : IS("nuclear") ? RL_NUC : -1;
    case 8:
        return IS("tradenat") ? RL_TRADE : IS("midonset") ? RL_MID : IS("warheads") ? RL_NUC : -1;
    default:
        return -1;
    }
#undef IS
}

/* The blocks of the data records [first data record, body) that share no
 * source: every cut point where no source has records on both sides, in
 * order, into c->cut and c->line (c->nblock blocks). 0 blocks: a record that
 * is not data after the first data record, or none. */
static void find_blocks(const char *t, size_t body, shi_i_rel_check *c)
{
    size_t first[RL_N], last[RL_N];
    long fline[RL_N];
    for (int k = 0; k < RL_N; k++) {
        first[k] = SIZE_MAX;
        last[k] = 0;
    }
    c->nblock = 0;
    size_t m = SIZE_MAX;
    long line = 1, mline = 0;
    for (size_t p = 0; p < body; line++) {
        const char *nl = memchr(t + p, '\n', body - p);
        size_t q = nl ? (size_t)(nl - t) + 1 : body;
        int k = data_src(t + p, t + q - 1);
        if (k >= 0) {
            if (m == SIZE_MAX) {
                m = p;
                mline = line;
            }
            if (first[k] == SIZE_MAX) {
                first[k] = p;
                fline[k] = line;
            }
            last[k] = p;
        } else if (m != SIZE_MAX) {
            return;
        }
        p = q;
    }
    if (m == SIZE_MAX) {
        return;
    }
    size_t n = 0;
    c->cut[n] = m;
    c->line[n++] = mline;
    for (size_t at = m;;) { /* the next cut point after `at`, in order */
        size_t best = SIZE_MAX;
        long bline = 0;
        for (int s = 0; s < RL_N; s++) {
            size_t l = first[s];
            int ok = l != SIZE_MAX && l > at && l < best;
            for (int k = 0; ok && k < RL_N; k++) {
                ok = first[k] == SIZE_MAX || last[k] < l || first[k] >= l;
            }
            if (ok) {
                best = l;
                bline = fline[s];
            }
        }
        if (best == SIZE_MAX) {
            break;
        }
        c->cut[n] = best;
        c->line[n++] = bline;
        at = best;
    }
    c->cut[n] = body;
    c->nblock = n;
}

/* The embedded relations text: when its end record checks out, the header
 * records, then the two halves of the data records in two threads (reading
 * this 6 MB text was half the time of `shi align`); otherwise, or with one
 * thread, record by record. The result is the same either way: each half
 * fills only its own tags' arrays, and the rows are sorted afterwards. */
void shi_i_relations_precheck(shi_i_rel_check *c)
{
    const char *t = (const char *)shi_embedded_relations;
    memset(c, 0, sizeof *c);
    c->ok = shi_shd_check_text(t, shi_embedded_relations_len, &c->body);
    if (c->ok) {
        find_blocks(t, c->body, c);
    }
}

static shi_status from_embedded(builder *b, const char *name, const char *t, size_t len,
                                const int *have, const shi_i_rel_check *pre, shi_err *err)
{
    shi_i_rel_check chk;
    if (pre && pre->ok >= 0) {
        chk = *pre;
    } else {
        shi_i_relations_precheck(&chk);
    }
    if (!chk.ok || chk.nblock < 2) {
        return from_shd(b, name, t, len, 0, have, err);
    }
    shi_status s = from_shd(b, name, t, chk.cut[0], 1, have, err);
    if (s != SHI_OK) {
        return s;
    }
    shi_status part[9];
    shi_err perr[9];
    memset(perr, 0, sizeof perr);
    const int nb = (int)chk.nblock;
#ifdef _OPENMP
#    pragma omp parallel for num_threads(2) schedule(dynamic, 1)
#endif
    for (int k = 0; k < nb; k++) {
        part[k] = from_shd(b, name, t + chk.cut[k], chk.cut[k + 1] - chk.cut[k], chk.line[k], have,
                           &perr[k]);
    }
    for (int k = 0; k < nb; k++) {
        if (part[k] != SHI_OK) {
            *err = perr[k];
            return part[k];
        }
    }
    return SHI_OK;
}

/* ---- sorting ---------------------------------------------------------------- */

static int cmp4(const void *p, const void *q)
{
    const key4 *x = p, *z = q;
    if (x->a != z->a) {
        return x->a < z->a ? -1 : 1;
    }
    if (x->b != z->b) {
        return x->b < z->b ? -1 : 1;
    }
    if (x->y != z->y) {
        return x->y < z->y ? -1 : 1;
    }
    return (x->i > z->i) - (x->i < z->i);
}

/* Sort n rows by (a, b, y), permuting `ni` int arrays and `nd` double arrays. */
static int sort_rows(size_t n, int32_t *a, int32_t *b, int32_t *y, double **d, int nd)
{
    /* The records of relations.shd are written in this order: a check is
     * cheaper than the sort (a stable sort of sorted keys is the identity). */
    size_t up = 1;
    while (up < n &&
           (a[up - 1] < a[up] ||
            (a[up - 1] == a[up] &&
             ((b && b[up - 1] < b[up]) || ((!b || b[up - 1] == b[up]) && y[up - 1] <= y[up]))))) {
        up++;
    }
    if (n == 0 || up >= n) {
        return 0;
    }
    key4 *k = malloc(n * sizeof *k);
    double *tmp = malloc(n * sizeof *tmp);
    int32_t *ti = malloc(n * sizeof *ti);
    if (!k || !tmp || !ti) {
        free(k);
        free(tmp);
        free(ti);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        k[i].a = a[i];
        k[i].b = b ? b[i] : 0;
        k[i].y = y[i];
        k[i].i = i;
    }
    qsort(k, n, sizeof *k, cmp4);
    int32_t *ints[3] = {a, b, y};
    for (int q = 0; q < 3; q++) {
        if (!ints[q]) {
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            ti[i] = ints[q][k[i].i];
        }
        memcpy(ints[q], ti, n * sizeof *ti);
    }
    for (int q = 0; q < nd; q++) {
        for (size_t i = 0; i < n; i++) {
            tmp[i] = d[q][k[i].i];
        }
        memcpy(d[q], tmp, n * sizeof *tmp);
    }
    free(k);
    free(tmp);
    free(ti);
    return 0;
}

/* Vetoes in date order (a stable insertion sort: the list is short and
 * already in order in the file). */
static void sort_vetoes(shi_relations *r)
{
    for (size_t k = 1; k < r->nveto; k++) {
        for (size_t j = k; j > 0 && r->veto_date[j - 1] > r->veto_date[j]; j--) {
            int32_t t = r->veto_year[j];
            r->veto_year[j] = r->veto_year[j - 1];
            r->veto_year[j - 1] = t;
            t = r->veto_date[j];
            r->veto_date[j] = r->veto_date[j - 1];
            r->veto_date[j - 1] = t;
            for (int q = 0; q < SHI_REL_VETO_M; q++) {
                int32_t *m = r->veto_m + j * SHI_REL_VETO_M + q;
                t = m[0];
                m[0] = m[-SHI_REL_VETO_M];
                m[-SHI_REL_VETO_M] = t;
            }
        }
    }
}

static int sort_all(shi_relations *r)
{
    sort_vetoes(r);
    double *arms[1] = {r->arms_tiv}, *armst[2] = {r->armst_imp, r->armst_exp};
    double *tn[2] = {r->tn_imp, r->tn_exp}, *td[2] = {r->td_f1, r->td_f2}, *ev[1] = {r->ev_conf};
    return sort_rows(r->nev, r->ev_j, r->ev_i, r->ev_year, ev, 1) ||
           sort_rows(r->narms, r->arms_s, r->arms_r, r->arms_year, arms, 1) ||
           sort_rows(r->narmst, r->armst_c, NULL, r->armst_year, armst, 2) ||
           sort_rows(r->ntn, r->tn_c, NULL, r->tn_year, tn, 2) ||
           sort_rows(r->ntd, r->td_a, r->td_b, r->td_year, td, 2);
}

/* ---- public ------------------------------------------------------------------ */

static shi_status add_source(shi_data *d, int k, const char *version, const char *file,
                             const char *loaded, shi_err *err)
{
    if (d->nsrc >= SHI_MAX_SOURCES) {
        return shi_err_set(err, SHI_EINTERNAL, "too many data sources");
    }
    shi_source *s = &d->src[d->nsrc++];
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "%s", RL[k].id);
    snprintf(s->name, sizeof s->name, "%s", RL[k].name);
    snprintf(s->version, sizeof s->version, "%s", version);
    snprintf(s->citation, sizeof s->citation, "%s", RL[k].citation);
    snprintf(s->file, sizeof s->file, "%s", file);
    /* A copy that may cut a long path (snprintf with %s here trips
     * -Wformat-truncation on the caller's path buffers). */
    size_t n = strlen(loaded);
    n = n < sizeof s->loaded - 1 ? n : sizeof s->loaded - 1;
    memcpy(s->loaded, loaded, n);
    s->loaded[n] = '\0';
    return SHI_OK;
}

/* A builder of d's relations, filling the dense arrays of dy (d->dy, or a
 * shi_dyadic of the caller's: shi_i_rel_begin) from year `from`. */
static void builder_init(builder *b, shi_data *d, shi_dyadic *dy, int from)
{
    memset(b, 0, sizeof *b);
    b->r = &d->rel;
    b->dy = dy;
    b->from = from;
    b->no_igo = (d->omit & SHI_DATA_OMIT_IGO) != 0;
    b->s = &d->states;
    for (int k = 0; k < 1000; k++) {
        b->map[k] = -1;
    }
    for (size_t i = 0; i < d->states.n; i++) {
        b->map[d->states.v[i].ccode] = (long)i;
    }
}

/* After the records: sort, open the dense arrays' years, the lists'
 * coverage (cut to the view's first year) and the sources. */
static shi_status finish(builder *b, shi_data *d, const int *have, char (*path)[300], shi_err *err)
{
    if (sort_all(&d->rel) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    dense_finish(b);
    int *cov[4][2] = {{&d->rel.arms_y0, &d->rel.arms_y1},
                      {&d->rel.trade_y0, &d->rel.trade_y1},
                      {&d->rel.ev_y0, &d->rel.ev_y1},
                      {&d->rel.veto_y0, &d->rel.veto_y1}};
    const int src[4] = {RL_ARMS, RL_TRADE, RL_ICEWS, RL_VETO};
    for (int k = 0; k < 4; k++) {
        *cov[k][0] = b->years[src[k]][0];
        *cov[k][1] = b->years[src[k]][1];
        if (b->from <= SHI_DYADIC_Y0) {
            continue;
        }
        if (*cov[k][1] < b->from || *cov[k][0] > *cov[k][1]) { /* a view: from b->from */
            *cov[k][0] = 1;
            *cov[k][1] = 0;
        } else if (*cov[k][0] < b->from) {
            *cov[k][0] = b->from;
        }
    }
    shi_status s = SHI_OK;
    for (int k = 0; k < RL_N && s == SHI_OK; k++) {
        s = add_source(d, k, RL[k].version, shi_i_base_name(have[k] ? path[k] : RL[k].paths[0]),
                       have[k] ? path[k] : "embedded", err);
    }
    return s;
}

static shi_status load(shi_data *d, const char *dir, int require, int split,
                       const shi_i_rel_check *pre, shi_err *err)
{
    shi_status s = SHI_OK;
    builder b;
    builder_init(&b, d, &d->dy, d->dy.y0);
    if (dense_init(&b) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    int have[RL_N] = {0};
    char path[RL_N][300];
    for (int k = 0; k < RL_N && s == SHI_OK && dir; k++) {
        for (int i = 0; i < 3 && RL[k].paths[i] && !have[k]; i++) {
            snprintf(path[k], sizeof path[k], "%s/%s", dir, RL[k].paths[i]);
            have[k] = shi_i_file_exists(path[k]);
        }
        if (have[k]) {
            s = from_official(&b, k, path[k], dir, err);
        } else if (require) {
            s = shi_err_set(err, SHI_EDATA, "'%s' has no %s file (looked for '%s')", dir,
                            RL[k].name, RL[k].paths[0]);
        }
    }
    int all = 1;
    for (int k = 0; k < RL_N; k++) {
        all &= have[k];
    }
    if (s == SHI_OK && !all) {
        const char *name = "<embedded relations data>", *t = (const char *)shi_embedded_relations;
        s = split ? from_embedded(&b, name, t, shi_embedded_relations_len, have, pre, err)
                  : from_shd(&b, name, t, shi_embedded_relations_len, 0, have, err);
    }
    if (s == SHI_OK) {
        s = finish(&b, d, have, path, err);
    }
    if (s != SHI_OK) {
        shi_relations_destroy(&d->rel);
    } else {
        d->rel_loaded = 1;
    }
    return s;
}

/* ---- the embedded relations in steps (data_priv.h) ---- */

struct shi_i_rel {
    builder b;
    shi_dyadic dy; /* the dense arrays until shi_i_rel_end moves them into d->dy */
    shi_i_rel_check chk;
    int have[RL_N];
};

static const char REL_NAME[] = "<embedded relations data>";

shi_status shi_i_rel_begin(shi_data *d, int from, const shi_i_rel_check *pre, shi_i_rel **out,
                           shi_err *err)
{
    shi_i_rel *r = calloc(1, sizeof *r);
    *out = r;
    if (!r) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    r->dy.y0 = from;
    r->dy.y1 = SHI_DYADIC_Y1;
    r->dy.n = d->states.n;
    builder_init(&r->b, d, &r->dy, from);
    if (pre && pre->ok >= 0) {
        r->chk = *pre;
    } else {
        shi_i_relations_precheck(&r->chk);
    }
    if (dense_init(&r->b) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (!r->chk.ok || r->chk.nblock < 2) {
        r->chk.nblock = 0; /* one block: the whole text, record by record */
        return SHI_OK;
    }
    return from_shd(&r->b, REL_NAME, shi_embedded_relations, r->chk.cut[0], 1, r->have, err);
}

size_t shi_i_rel_nblocks(const shi_i_rel *r)
{
    return r->chk.nblock ? r->chk.nblock : 1;
}

shi_status shi_i_rel_block(shi_i_rel *r, size_t k, shi_err *err)
{
    const char *t = (const char *)shi_embedded_relations;
    if (!r->chk.nblock) {
        return from_shd(&r->b, REL_NAME, t, shi_embedded_relations_len, 0, r->have, err);
    }
    return from_shd(&r->b, REL_NAME, t + r->chk.cut[k], r->chk.cut[k + 1] - r->chk.cut[k],
                    r->chk.line[k], r->have, err);
}

/* Move the relations' dense arrays and their years from `from` into `to`. */
static void move_dense(shi_dyadic *to, shi_dyadic *from)
{
#define MOVE(f)                                                                                    \
    to->f = from->f;                                                                               \
    from->f = NULL
    MOVE(mid_host);
    MOVE(mid_attr);
    MOVE(mid_onset);
    MOVE(nuclear);
    MOVE(warheads);
    MOVE(ucdp);
    MOVE(igo);
    for (int k = 0; k < 4; k++) {
        MOVE(igo_sy[k]);
    }
#undef MOVE
    to->igo_subset = from->igo_subset;
    to->mid_y0 = from->mid_y0;
    to->mid_y1 = from->mid_y1;
    to->onset_y0 = from->onset_y0;
    to->onset_y1 = from->onset_y1;
    to->ucdp_y0 = from->ucdp_y0;
    to->ucdp_y1 = from->ucdp_y1;
    to->igo_y0 = from->igo_y0;
    to->igo_y1 = from->igo_y1;
}

shi_status shi_i_rel_end(shi_i_rel *r, shi_data *d, shi_status s, shi_err *err)
{
    if (!r) {
        return s;
    }
    if (s == SHI_OK && (d->dy.y0 != r->dy.y0 || d->dy.n != r->dy.n)) {
        s = shi_err_set(err, SHI_EINTERNAL, "relations: the dyadic arrays differ in shape");
    }
    char path[RL_N][300];
    if (s == SHI_OK) {
        s = finish(&r->b, d, r->have, path, err);
    }
    if (s == SHI_OK) {
        move_dense(&d->dy, &r->dy);
        d->rel_loaded = 1;
    } else {
        shi_relations_destroy(&d->rel);
    }
    shi_dyadic_destroy(&r->dy); /* what is left: nothing, or the arrays on failure */
    free(r);
    return s;
}

shi_status shi_i_data_load_relations(shi_data *d, const char *dir, int require,
                                     const shi_i_rel_check *pre, shi_err *err)
{
    return load(d, dir, require, 1, pre, err);
}

shi_status shi_i_data_load_relations_serial(shi_data *d, shi_err *err)
{
    return load(d, NULL, 0, 0, NULL, err);
}

/* The IGO records: spells of equal values over consecutive years, the
 * dyads only where one state was a major power at some time (`major`). */
static void write_igo(FILE *f, const shi_data *d, const char *major)
{
    const shi_dyadic *dy = &d->dy;
    for (size_t a = 0; a < dy->n; a++) {
        for (size_t c = a + 1; c < dy->n; c++) {
            int ca = d->states.v[a].ccode, cc = d->states.v[c].ccode;
            if (!major[ca] && !major[cc]) {
                continue;
            }
            for (int y = dy->y0; y <= dy->y1;) {
                uint8_t v = dy->igo[shi_dy_pair(dy, y, a, c)];
                int y1 = y;
                while (y1 < dy->y1 && dy->igo[shi_dy_pair(dy, y1 + 1, a, c)] == v) {
                    y1++;
                }
                if (v != SHI_NA_U8) {
                    fprintf(f, "igo\t%d\t%d\t%d\t%d\t%u\n", ca, cc, y, y1, v);
                }
                y = y1 + 1;
            }
        }
    }
    for (size_t i = 0; i < dy->n; i++) {
        for (int y = dy->y0; y <= dy->y1;) {
            int16_t v[4], w[4];
            for (int k = 0; k < 4; k++) {
                v[k] = dy->igo_sy[k][shi_dy_one(dy, y, i)];
            }
            int y1 = y;
            for (; y1 < dy->y1; y1++) {
                for (int k = 0; k < 4; k++) {
                    w[k] = dy->igo_sy[k][shi_dy_one(dy, y1 + 1, i)];
                }
                if (memcmp(v, w, sizeof v) != 0) {
                    break;
                }
            }
            if (v[0] >= 0 || v[1] >= 0 || v[2] >= 0 || v[3] >= 0) {
                fprintf(f, "igosy\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", d->states.v[i].ccode, y, y1, v[0],
                        v[1], v[2], v[3]);
            }
            y = y1 + 1;
        }
    }
}

/* The fields of a "mid" record after the hostility level (mid_attr_fields
 * reads them): sidea orig init revstate hiact fatality, empty when unknown. */
static void write_mid_attr(FILE *f, uint16_t v)
{
    int known = (v & SHI_MIDA_ORIG_KNOWN) != 0;
    unsigned fat = (v >> SHI_MIDA_FATAL_SHIFT) & 7u;
    fprintf(f, "\t%d\t", (v & SHI_MIDA_SIDEA) != 0);
    fprintf(f, known ? "%d\t%d\t" : "\t\t", (v & SHI_MIDA_ORIG) != 0, (v & SHI_MIDA_INIT) != 0);
    fprintf(f, v & SHI_MIDA_REV1 ? "1\t" : v & SHI_MIDA_REV0 ? "0\t" : "\t");
    fprintf(f, "%u\t", (unsigned)(v & SHI_MIDA_HIACT));
    fprintf(f, fat == SHI_MIDA_FATAL_NA ? "\n" : "%u\n", fat);
}

/* A computed value (sums of TIV, shares of events) with the fewest of 15,
 * 16 or 17 significant digits that read back to the same double, then `end`:
 * %.17g for every value made most of them 17 digits long, which the reader's
 * fast decimal path (15 digits) leaves to strtod. */
static void put_g(FILE *f, double v, char end)
{
    char buf[40];
    for (int p = 15; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*g", p, v);
        if (strtod(buf, NULL) == v) {
            break;
        }
    }
    fprintf(f, "%s%c", buf, end);
}

shi_status shi_i_data_write_relations(const char *dir, FILE *out, shi_err *err)
{
    shi_data d;
    memset(&d, 0, sizeof d);
    shi_status s = shi_i_data_load_caps(&d, dir, NULL, err);
    if (s == SHI_OK) {
        s = shi_i_data_load_dyadic(&d, dir, NULL, SHI_DYADIC_Y0, err);
    }
    if (s == SHI_OK) {
        d.dy_loaded = 1;
        s = shi_i_data_load_relations(&d, dir, 1, NULL, err);
    }
    /* The embedded subset: trade and events only for dyads with a state that
     * was a major power at some time. */
    char major[1000] = {0};
    for (size_t i = 0; s == SHI_OK && i < d.states.n; i++) {
        major[d.states.v[i].ccode] = d.states.v[i].nmp > 0;
    }
    shi_shd_writer w;
    if (s == SHI_OK && (s = shi_shd_write_begin(&w, err)) == SHI_OK) {
        FILE *f = w.f;
        const shi_relations *r = &d.rel;
        const shi_dyadic *dy = &d.dy;
        fprintf(f, "note\tRelations data derived by 'shi data build' from the "
                   "official files named below; trade, events and shared IGO memberships only "
                   "for dyads with a (sometime) major power. Not an official distribution: cite "
                   "the sources.\n");
        for (int k = 0; k < RL_N; k++) {
            fprintf(f, "source\t%s\t%s\t%s\t%s\t%s\n", RL[k].id, RL[k].name, RL[k].version,
                    RL[k].citation, shi_i_base_name(RL[k].paths[0]));
        }
        int nuc0 = 0, nuc1 = 0, ic0 = r->ev_y0, ic1 = r->ev_y1;
        for (int y = dy->y0; y <= dy->y1; y++) {
            for (size_t i = 0; i < dy->n; i++) {
                if (dy->nuclear[shi_dy_one(dy, y, i)] != SHI_NA_U8) {
                    nuc0 = nuc0 ? nuc0 : y;
                    nuc1 = y;
                }
            }
        }
        fprintf(f, "coverage\tarms\t%d\t%d\ncoverage\ttrade\t%d\t%d\ncoverage\tmid\t%d\t%d\n",
                r->arms_y0, r->arms_y1, r->trade_y0, r->trade_y1, dy->mid_y0, dy->mid_y1);
        fprintf(f, "coverage\tnuclear\t%d\t%d\ncoverage\ticews\t%d\t%d\nsubset\t1\n", nuc0, nuc1,
                ic0, ic1);
        fprintf(f, "coverage\tucdp\t%d\t%d\n", dy->ucdp_y0, dy->ucdp_y1);
        fprintf(f, "coverage\tvetoes\t%d\t%d\n", r->veto_y0, r->veto_y1);
        fprintf(f, "coverage\tmidonset\t%d\t%d\n", dy->onset_y0, dy->onset_y1);
        fprintf(f, "coverage\tigo\t%d\t%d\nigosubset\t1\n", dy->igo_y0, dy->igo_y1);
        for (size_t k = 0; k < r->narms; k++) {
            fprintf(f, "arms\t%d\t%d\t%d\t", r->arms_s[k], r->arms_r[k], r->arms_year[k]);
            put_g(f, r->arms_tiv[k], '\n');
        }
        for (size_t k = 0; k < r->narmst; k++) {
            fprintf(f, "armstot\t%d\t%d\t", r->armst_c[k], r->armst_year[k]);
            put_g(f, r->armst_imp[k], '\t');
            put_g(f, r->armst_exp[k], '\n');
        }
        for (size_t k = 0; k < r->ntn; k++) {
            fprintf(f, "tradenat\t%d\t%d\t", r->tn_c[k], r->tn_year[k]);
            fprintf(f, isnan(r->tn_imp[k]) ? "\t" : "%.15g\t", r->tn_imp[k]);
            fprintf(f, isnan(r->tn_exp[k]) ? "\n" : "%.15g\n", r->tn_exp[k]);
        }
        for (size_t k = 0; k < r->ntd; k++) {
            if (!major[r->td_a[k]] && !major[r->td_b[k]]) {
                continue;
            }
            fprintf(f, "trade\t%d\t%d\t%d\t", r->td_a[k], r->td_b[k], r->td_year[k]);
            fprintf(f, isnan(r->td_f1[k]) ? "\t" : "%.15g\t", r->td_f1[k]);
            fprintf(f, isnan(r->td_f2[k]) ? "\n" : "%.15g\n", r->td_f2[k]);
        }
        for (int y = dy->y0; y <= dy->y1; y++) {
            for (size_t j = 0; j < dy->n; j++) {
                int cj = d.states.v[j].ccode;
                uint8_t st = dy->nuclear[shi_dy_one(dy, y, j)];
                if (st != SHI_NA_U8 && st > 0) {
                    fprintf(f, "nuclear\t%d\t%d\t%u\n", cj, y, st);
                }
                float wh = dy->warheads[shi_dy_one(dy, y, j)];
                if (wh > 0) {
                    fprintf(f, "warheads\t%d\t%d\t%.0f\n", cj, y, (double)wh);
                }
                for (size_t i = 0; i < dy->n; i++) {
                    int ci = d.states.v[i].ccode;
                    uint8_t h = dy->mid_host[shi_dy_pair(dy, y, j, i)];
                    if (h != SHI_NA_U8 && h > 0) {
                        fprintf(f, "mid\t%d\t%d\t%d\t%u", cj, ci, y, h);
                        write_mid_attr(f, dy->mid_attr[shi_dy_pair(dy, y, j, i)]);
                    }
                }
            }
        }
        for (int y = dy->y0; y <= dy->y1; y++) {
            for (size_t a = 0; a < dy->n; a++) {
                for (size_t c = 0; c < dy->n; c++) {
                    int ca = d.states.v[a].ccode, cc = d.states.v[c].ccode;
                    uint8_t u = dy->ucdp[shi_dy_pair(dy, y, a, c)];
                    if (ca < cc && u != SHI_NA_U8 && u > 0) {
                        fprintf(f, "ucdp\t%d\t%d\t%d\t%u\n", ca, cc, y, u);
                    }
                    if (ca < cc && dy->mid_onset[shi_dy_pair(dy, y, a, c)] == 1) {
                        fprintf(f, "midonset\t%d\t%d\t%d\n", ca, cc, y);
                    }
                }
            }
        }
        for (size_t k = 0; k < r->nev; k++) {
            if (major[r->ev_j[k]] || major[r->ev_i[k]]) {
                fprintf(f, "icews\t%d\t%d\t%d\t", r->ev_j[k], r->ev_i[k], r->ev_year[k]);
                put_g(f, r->ev_conf[k], '\n');
            }
        }
        for (size_t k = 0; k < r->nveto; k++) {
            const int32_t *m = r->veto_m + k * SHI_REL_VETO_M;
            fprintf(f, "veto\t%d\t%d\t%d\t%d\t%d\n", r->veto_year[k], r->veto_date[k], m[0], m[1],
                    m[2]);
        }
        write_igo(f, &d, major);
        s = shi_shd_write_finish(&w, out, err);
    }
    shi_states_destroy(&d.states);
    shi_panel_destroy(&d.caps);
    shi_dyadic_destroy(&d.dy);
    shi_relations_destroy(&d.rel);
    return s;
}
