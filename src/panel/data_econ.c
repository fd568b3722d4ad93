/*
 * data_econ.c - the economic part of shi_data (SHI_DATA_ECON): GDP at
 * constant prices for the state-years of the capability panel, and the power
 * measures built on it, as columns of that panel:
 *
 *   gdp          GDP, millions of constant 2015 US$ (market exchange rates)
 *   gdp_src      where each gdp value comes from: 1 WDI, 2 Maddison (spliced)
 *   gdp_ppp      GDP, millions of constant 2021 international $ (PPP)
 *   gdp_ppp_src  the same for gdp_ppp
 *   gdppc        gdp per person, US$: gdp * 1e6 / (NMC tpop * 1e3)
 *   beckley      Beckley's (2018) net resources, gdp * gdppc
 *
 * The splice (docs/power.md): a value is the World Bank's (WDI) where WDI has
 * one for the state's territory; otherwise Maddison's GDP (gdppc * pop of the
 * Maddison Project Database 2020, in 2011 US$) converted to the WDI series'
 * prices with a fixed factor per country: WDI / Maddison in the first year
 * both have a value (a ratio splice: Maddison's growth rates, WDI's level).
 * A COW state whose territory is not a WDI country in a year (the USSR to
 * 1990, Czechoslovakia, Yugoslavia to 1991) takes Maddison's series of that
 * territory (SUN, CSK, YUG) with the factor of its main successor (RUS, CZE,
 * SRB); from 1991, when COW counts the other Soviet republics, 365 is Russia;
 * in 1990 Germany is unified Germany (255) only, not also West Germany (260).
 * Values are rounded to 0.1 million, so that the embedded file and the
 * official files give the same doubles.
 *
 * Democracy (issue 14), two more columns of the same rows:
 *
 *   polity2      Polity5 polity2 (-10..10), Polity codes converted to COW's
 *                (shi_polity_to_cow); where a code change puts two Polity units
 *                on one COW state-year (Ethiopia 1993, the USSR 1922, Vietnam
 *                1976, Yugoslavia 1991, Serbia 2006, Sudan 2011), the unit that
 *                goes on the next year (the successor) is kept
 *   polyarchy    V-Dem v2x_polyarchy (0-1)
 *
 * Population is NMC's tpop (the COW state's own, to 2022), not Maddison's
 * (to 2018) or OWID's (to 2021): the same unit as every other measure.
 *
 * OWID's population (issue 14), two more columns, beside tpop (not used by
 * any measure):
 *
 *   population   Our World in Data's "Population (historical estimates)",
 *                persons, of the present-day country whose ISO3 code the
 *                state has, where that country's territory is the COW
 *                state's (POP_RULES below and docs/stateyears.md: the
 *                state-years where it is not are missing, never guessed)
 *   pop_src      why: 1 OWID, 2 the state has no ISO3 code in the state
 *                list, 3 + k the k-th rule; 0 no OWID value
 *
 * The OWID file is read from the directory when it is there, whatever the
 * other files of the part (a directory with the GDP files but not it keeps
 * the embedded population, and the other way round).
 *
 * data/econ.shd ("shi data", version 1, see io/shd.h):
 *   source  id  name  version  citation  file
 *   econ    ccode  year  gdp  gdp_src  gdp_ppp  gdp_ppp_src   (src: W or M; empty = missing)
 *   demo    ccode  year  polity2  polyarchy                      (empty = missing)
 *   pop     ccode  year  persons                                 (OWID; only pop_src 1)
 */
#include <shi/data.h>
#include <shi/io_econ.h>
#include <shi/io_national.h>
#include <shi/outfile.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/shd.h"
#include "data_priv.h"

extern const unsigned char shi_embedded_econ[];
extern const size_t shi_embedded_econ_len;

/* The official files of the part, in the order read. */
enum { EF_WDI, EF_PPP, EF_MPD, EF_MPD_POP, EF_POLITY, EF_VDEM, EF_OWID, EF_N };

typedef struct econ_file {
    const char *id; /* source id (NULL: a second file of the source before it) */
    const char *name;
    const char *version; /* of the release shi reads (the importers do not read it) */
    const char *citation;
    const char *paths[2]; /* relative to a data directory; first found wins */
} econ_file;

#define WDI_CITE "World Bank. World Development Indicators. https://data.worldbank.org (CC BY 4.0)"
#define WDI_KD "API_NY.GDP.MKTP.KD_DS2_en_csv_v2_213435.csv"
#define WDI_PP "API_NY.GDP.MKTP.PP.KD_DS2_en_csv_v2_1004.csv"

static const econ_file EF[EF_N] = {
    {"wdi_gdp",
     "World Development Indicators: GDP (constant 2015 US$), NY.GDP.MKTP.KD",
     "2026-02-24",
     WDI_CITE,
     {WDI_KD, "worldbank_wdi_gdp/" WDI_KD}},
    {"wdi_ppp",
     "World Development Indicators: GDP, PPP (constant 2021 international $), NY.GDP.MKTP.PP.KD",
     "2026-02-24",
     WDI_CITE,
     {WDI_PP, "worldbank_wdi_gdp/" WDI_PP}},
    {"maddison",
     "Maddison Project Database: GDP per capita (2011 US$) and population",
     "2020",
     "Bolt, Jutta and Jan Luiten van Zanden. 2020. Maddison style estimates of the evolution of "
     "the world economy. A new 2020 update. Maddison Project Database, version 2020. Groningen "
     "Growth and Development Centre (CC BY 4.0)",
     {"mpd2020_gdppc.csv", "maddison_mpd2020/mpd2020_gdppc.csv"}},
    {NULL,
     NULL,
     NULL,
     NULL,
     {"mpd2020_gdppc_pop_excel-formatted.csv",
      "maddison_mpd2020/mpd2020_gdppc_pop_excel-formatted.csv"}},
    {"polity5",
     "Polity5: Political Regime Characteristics and Transitions (polity2)",
     "2018",
     "Marshall, Monty G. and Ted Robert Gurr. 2020. Polity5: Political Regime Characteristics and "
     "Transitions, 1800-2018. Dataset Users' Manual. Center for Systemic Peace",
     {"p5v2018.csv", "polity5/p5v2018.csv"}},
    {"vdem",
     "V-Dem electoral democracy index (v2x_polyarchy)",
     "10",
     "Coppedge, Michael et al. 2020. V-Dem Country-Year Dataset v10. Varieties of Democracy "
     "(V-Dem) Project (CC BY-SA 4.0)",
     {"vdem-poly.csv", "vdem_polyarchy_extract/vdem-poly.csv"}},
    {"owid_pop",
     "Our World in Data: Population (historical estimates), present-day countries",
     "un-owid-2025 (to 2021)",
     "Our World in Data. Population (historical estimates), based on HYDE 3.2 (Klein "
     "Goldewijk et al. 2017), Gapminder and the UN World Population Prospects. "
     "https://ourworldindata.org/population-growth (CC BY 4.0)",
     {"population.csv", "owid_population/population.csv"}},
};

/* The files read all together or not at all (the population file on its own). */
#define EF_GDP_N EF_OWID

/* The two GDP series: values per panel row and their source (0 none, 1 WDI, 2 Maddison). */
typedef struct econ_vals {
    size_t n;
    double *v[2];
    unsigned char *src[2];
    double *dem[2];      /* polity2, polyarchy per panel row; NaN missing */
    double *pop;         /* OWID population per panel row; NaN missing */
    unsigned char *popc; /* its pop_src code (POP_*) */
} econ_vals;

static void vals_free(econ_vals *e)
{
    for (int k = 0; k < 2; k++) {
        free(e->v[k]);
        free(e->src[k]);
        free(e->dem[k]);
    }
    free(e->pop);
    free(e->popc);
    memset(e, 0, sizeof *e);
}

static int vals_init(econ_vals *e, size_t n)
{
    memset(e, 0, sizeof *e);
    e->n = n;
    e->pop = malloc((n ? n : 1) * sizeof *e->pop);
    e->popc = calloc(n ? n : 1, 1);
    if (!e->pop || !e->popc) {
        vals_free(e);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        e->pop[i] = (double)NAN;
    }
    for (int k = 0; k < 2; k++) {
        e->v[k] = malloc((n ? n : 1) * sizeof *e->v[k]);
        e->src[k] = calloc(n ? n : 1, 1);
        e->dem[k] = malloc((n ? n : 1) * sizeof *e->dem[k]);
        if (!e->v[k] || !e->src[k] || !e->dem[k]) {
            vals_free(e);
            return -1;
        }
        for (size_t i = 0; i < n; i++) {
            e->v[k][i] = (double)NAN;
            e->dem[k][i] = (double)NAN;
        }
    }
    return 0;
}

/* ---- lookups by (ISO3, year) -------------------------------------------------- */

#define NCODE (26 * 26 * 26)
#define YEAR0 1800
#define NYEAR 301 /* 1800-2100 */

/* One series by (ISO3, year): slot[code] is the row of v (NYEAR values, NaN
 * absent) of an area code, or -1; rows are added as codes are seen. */
typedef struct series {
    int32_t *slot; /* NCODE */
    double *v;
    size_t n, cap;
} series;

static long code_of(const char *iso)
{
    if (strlen(iso) != 3) {
        return -1;
    }
    long k = 0;
    for (int i = 0; i < 3; i++) {
        if (iso[i] < 'A' || iso[i] > 'Z') {
            return -1;
        }
        k = k * 26 + (iso[i] - 'A');
    }
    return k;
}

static int series_init(series *s)
{
    memset(s, 0, sizeof *s);
    s->slot = malloc(NCODE * sizeof *s->slot);
    if (!s->slot) {
        return -1;
    }
    for (size_t i = 0; i < NCODE; i++) {
        s->slot[i] = -1;
    }
    return 0;
}

static void series_free(series *s)
{
    free(s->slot);
    free(s->v);
    memset(s, 0, sizeof *s);
}

static double series_at(const series *s, const char *iso, int year)
{
    long k = code_of(iso);
    if (k < 0 || s->slot[k] < 0 || year < YEAR0 || year >= YEAR0 + NYEAR) {
        return (double)NAN;
    }
    return s->v[(size_t)s->slot[k] * NYEAR + (size_t)(year - YEAR0)];
}

/* 0, or -1 out of memory. */
static int series_put(series *s, const char *iso, int year, double v)
{
    long k = code_of(iso);
    if (k < 0 || year < YEAR0 || year >= YEAR0 + NYEAR || isnan(v)) {
        return 0;
    }
    if (s->slot[k] < 0) {
        if (s->n == s->cap) {
            size_t cap = s->cap ? 2 * s->cap : 64;
            double *nv = realloc(s->v, cap * NYEAR * sizeof *nv);
            if (!nv) {
                return -1;
            }
            s->v = nv;
            s->cap = cap;
        }
        for (size_t i = 0; i < NYEAR; i++) {
            s->v[s->n * NYEAR + i] = (double)NAN;
        }
        s->slot[k] = (int32_t)s->n++;
    }
    s->v[(size_t)s->slot[k] * NYEAR + (size_t)(year - YEAR0)] = v;
    return 0;
}

/* The territory of COW state `ccode` in `year`: the code of its Maddison
 * series, the code of its WDI series ("" when WDI has none for that
 * territory) and the code whose WDI/Maddison factor converts it. */
typedef struct territory {
    const char *mpd, *wdi, *factor;
} territory;

static territory territory_of(const shi_state *st, int year)
{
    territory t = {st->iso3, st->iso3, st->iso3};
    if (st->ccode == 365 && year <= 1990) {
        /* The USSR; from 1991, when COW counts the other republics, Russia. */
        t = (territory){"SUN", "", "RUS"};
    } else if (st->ccode == 260 && year >= 1990) {
        t = (territory){"", "", ""}; /* 1990 is unified Germany's (255) */
    } else if (st->ccode == 315) {
        t = (territory){"CSK", "", "CZE"}; /* Czechoslovakia, 1918-1992 */
    } else if (st->ccode == 345 && year <= 1991) {
        t = (territory){"YUG", "", "SRB"}; /* Yugoslavia before its break-up */
    } else if (st->ccode == 345) {
        t = (territory){"SRB", "SRB", "SRB"}; /* Serbia (and Montenegro to 2006) */
    }
    return t;
}

/* WDI / Maddison in the first year both have a positive value, or NaN. */
static double factor_of(const series *w, const series *m, const char *iso)
{
    for (int y = YEAR0; y < YEAR0 + NYEAR; y++) {
        double a = series_at(w, iso, y), b = series_at(m, iso, y);
        if (a > 0 && b > 0) {
            return a / b;
        }
    }
    return (double)NAN;
}

/* Millions, rounded to 0.1: the same double as the decimal read back from the file. */
static double millions(double v)
{
    return round(v / 1e5) / 10;
}

static void splice(const shi_data *d, const series *w, const series *m, int k, econ_vals *e)
{
    const shi_panel *p = &d->caps;
    for (size_t row = 0; row < p->nrow; row++) {
        const shi_state *st = shi_states_get(&d->states, p->unit[row]);
        int y = p->year[row];
        if (!st || !st->iso3[0]) {
            continue;
        }
        territory t = territory_of(st, y);
        if (!t.mpd[0]) {
            continue;
        }
        double v = t.wdi[0] ? series_at(&w[k], t.wdi, y) : (double)NAN;
        if (v > 0) {
            e->v[k][row] = millions(v);
            e->src[k][row] = 1;
            continue;
        }
        double x = series_at(m, t.mpd, y);
        double f = x > 0 ? factor_of(&w[k], m, t.factor) : (double)NAN;
        if (!isnan(f)) {
            e->v[k][row] = millions(f * x);
            e->src[k][row] = 2;
        }
    }
}

/* The paths of the files in `dir` (the last tried when absent); *all: every
 * GDP and democracy file found; *owid: the population file found. */
static void find_files(const char *dir, char path[EF_N][300], int *all, int *owid)
{
    *all = dir != NULL;
    for (int k = 0; k < EF_N; k++) {
        int found = 0;
        path[k][0] = '\0';
        for (int i = 0; i < 2 && !found && dir; i++) {
            snprintf(path[k], sizeof path[k], "%s/%s", dir, EF[k].paths[i]);
            found = shi_i_file_exists(path[k]);
        }
        if (k < EF_GDP_N) {
            *all &= found;
        } else {
            *owid = found;
        }
    }
}

/* ---- population (OWID) ------------------------------------------------------------ */

/* pop_src codes (the panel column): */
enum { POP_NONE = 0, POP_OWID = 1, POP_NO_COUNTRY = 2, POP_RULE0 = 3 };

/* OWID gives every series on present-day borders (back-projected: "Russia"
 * in 1900 is the population of today's Russian Federation's territory). A
 * COW state-year takes the series of its ISO3 code only where the state's
 * home territory was that country's; these are the state-years where it was
 * not, by a change of roughly a tenth of the population or more (smaller
 * changes, and colonies, protectorates and overseas territories, are not
 * modelled: docs/stateyears.md lists the choices and their sources). In the
 * year of a split the parent takes the successor's territory when COW
 * counts the new state that year (as the GDP splice does for Russia in
 * 1991). The years checked against NMC tpop: OWID / tpop is 0.4-0.8 or
 * 1.3-5 in most of these years, and within 15% of 1 after them. */
typedef struct pop_rule {
    int ccode, y0, y1;
    const char *why;
} pop_rule;

static const pop_rule POP_RULES[] = {
    {200, 1816, 1921, "territory differs: the UK with all of Ireland (to 1921)"},
    {210, 1816, 1829, "territory differs: the Netherlands with Belgium (to 1829)"},
    {255, 1816, 1945, "territory differs: Prussia, the German Reich (to 1945)"},
    {260, 1816, 2100, "territory differs: West Germany"},
    {265, 1816, 2100, "no present-day country: East Germany"},
    {290, 1918, 1939, "territory differs: interwar Poland"},
    {310, 1918, 1920, "territory differs: Hungary before Trianon (1920)"},
    {310, 1938, 1946, "territory differs: Hungary's annexations of 1938-1941"},
    {315, 1816, 2100, "no present-day country: Czechoslovakia"},
    {325, 1816, 1860, "territory differs: Sardinia before Italy's unification"},
    {345, 1816, 1991, "territory differs: Serbia, Yugoslavia (to 1991)"},
    {345, 1992, 2005, "territory differs: Serbia and Montenegro"},
    {345, 2006, 2007, "territory differs: Serbia with Kosovo (to 2007)"},
    {350, 1816, 1912, "territory differs: Greece before the Balkan Wars"},
    {360, 1816, 1946, "territory differs: Romania before 1947"},
    {365, 1816, 1990, "territory differs: the Russian Empire, the USSR"},
    {368, 1918, 1939, "territory differs: interwar Lithuania"},
    {375, 1917, 1939, "territory differs: Finland with Karelia (to 1939)"},
    {380, 1816, 1904, "territory differs: Sweden-Norway (to 1904)"},
    {390, 1816, 1864, "territory differs: Denmark with Schleswig-Holstein"},
    {471, 1960, 1961, "territory differs: Cameroon before the southern part joined"},
    {530, 1952, 1992, "territory differs: Ethiopia with Eritrea"},
    {625, 1816, 2010, "territory differs: Sudan with South Sudan (to 2010)"},
    {640, 1816, 1922, "territory differs: the Ottoman Empire"},
    {663, 1948, 1967, "territory differs: Jordan with the West Bank"},
    {678, 1816, 2100, "no present-day country: North Yemen"},
    {680, 1816, 2100, "no present-day country: South Yemen"},
    {770, 1816, 1970, "territory differs: Pakistan with Bangladesh (to 1970)"},
    {816, 1816, 1975, "territory differs: North Vietnam (to 1975)"},
    {820, 1816, 1964, "territory differs: Malaya, Malaysia with Singapore (to 1964)"},
};
#define NPOP_RULES (sizeof POP_RULES / sizeof POP_RULES[0])

/* The ISO3 code of OWID's series for a state-year: the registry's, except
 * where the registry keeps a historical code (UNGA's YUG for Serbia, which
 * from 2008, without Kosovo, is OWID's SRB). */
static const char *pop_iso(const shi_state *st, int year)
{
    return st->ccode == 345 && year >= 2008 ? "SRB" : st->iso3;
}

const char *shi_data_pop_note(int code)
{
    if (code == POP_OWID) {
        return "OWID";
    }
    if (code == POP_NO_COUNTRY) {
        return "no ISO3 code in the state list";
    }
    if (code >= POP_RULE0 && (size_t)(code - POP_RULE0) < NPOP_RULES) {
        return POP_RULES[code - POP_RULE0].why;
    }
    return NULL;
}

/* The code of a state-year before its value is looked up: a rule, no
 * country, or POP_OWID (which becomes POP_NONE when OWID has no value). */
static unsigned char pop_rule_of(const shi_state *st, int year)
{
    for (size_t k = 0; k < NPOP_RULES; k++) {
        if (POP_RULES[k].ccode == st->ccode && year >= POP_RULES[k].y0 && year <= POP_RULES[k].y1) {
            return (unsigned char)(POP_RULE0 + k);
        }
    }
    return st->iso3[0] ? POP_OWID : POP_NO_COUNTRY;
}

/* The codes of every panel row, values missing. */
static void pop_codes(const shi_data *d, econ_vals *e)
{
    const shi_panel *p = &d->caps;
    for (size_t row = 0; row < p->nrow; row++) {
        const shi_state *st = shi_states_get(&d->states, p->unit[row]);
        e->popc[row] = st ? pop_rule_of(st, p->year[row]) : POP_NONE;
    }
}

/* A value for `row` (OWID's): kept where the row's code allows it. */
static void pop_set(econ_vals *e, long row, double v)
{
    if (row >= 0 && e->popc[row] == POP_OWID) {
        e->pop[row] = v;
    }
}

/* After the values: a row that may take OWID's value but has none has no note. */
static void pop_finish(econ_vals *e)
{
    for (size_t row = 0; row < e->n; row++) {
        if (e->popc[row] == POP_OWID && isnan(e->pop[row])) {
            e->popc[row] = POP_NONE;
        }
    }
}

/* OWID's file: the countries' series by ISO3 (a code given twice for a year
 * is an error at its second row: which would the state take?). */
static shi_status pop_official(const shi_data *d, const char *path, econ_vals *e, shi_err *err)
{
    shi_owid_pop_table t = {0};
    series s0;
    if (series_init(&s0) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    shi_status s = shi_io_read_owid_population(path, &t, err);
    int oom = 0;
    for (size_t i = 0; s == SHI_OK && !oom && i < t.n; i++) {
        if (t.kind[i] != SHI_AREA_COUNTRY || t.year[i] < YEAR0 || t.year[i] >= YEAR0 + NYEAR) {
            continue;
        }
        if (!isnan(series_at(&s0, t.code[i], t.year[i]))) {
            s = shi_err_set_at(err, SHI_EDATA, path, t.line[i], t.col[i],
                               "code '%s' is given twice for year %d in column 'Code' (entity "
                               "'%s')",
                               t.code[i], (int)t.year[i], t.name[i]);
            break;
        }
        oom = series_put(&s0, t.code[i], t.year[i], t.pop[i]);
    }
    if (s == SHI_OK && oom) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
    }
    const shi_panel *p = &d->caps;
    for (size_t row = 0; s == SHI_OK && row < p->nrow; row++) {
        const shi_state *st = shi_states_get(&d->states, p->unit[row]);
        if (st && st->iso3[0]) {
            pop_set(e, (long)row, series_at(&s0, pop_iso(st, p->year[row]), p->year[row]));
        }
    }
    series_free(&s0);
    shi_owid_pop_table_destroy(&t);
    return s;
}

/* polity2 and polyarchy by panel row from the official files. */
static shi_status democracy(const shi_data *d, char path[EF_N][300], econ_vals *e, shi_err *err)
{
    shi_polity_table pt = {0};
    shi_vdem_table vt = {0};
    enum { PY0 = 1700, PNY = 402 };
    uint8_t *seen = calloc(1000 * PNY, 1);                 /* (Polity code, year) in the file */
    long *from = malloc((e->n ? e->n : 1) * sizeof *from); /* Polity row of a panel row */
    shi_status s = !seen || !from ? shi_err_set(err, SHI_EIO, "out of memory") : SHI_OK;
    if (s == SHI_OK) {
        s = shi_io_read_polity5(path[EF_POLITY], &pt, err);
    }
    for (size_t i = 0; s == SHI_OK && i < e->n; i++) {
        from[i] = -1;
    }
    for (size_t i = 0; s == SHI_OK && i < pt.n; i++) {
        seen[(size_t)pt.ccode[i] * PNY + (size_t)(pt.year[i] - PY0)] = 1;
    }
    for (size_t i = 0; s == SHI_OK && i < pt.n; i++) {
        int y = pt.year[i];
        long row = shi_panel_row(&d->caps, shi_polity_to_cow(pt.ccode[i], y), y);
        if (row < 0) {
            continue;
        }
        /* Two Polity units on one COW state-year: keep the one that goes on. */
        int next = y + 1 < PY0 + PNY && seen[(size_t)pt.ccode[i] * PNY + (size_t)(y + 1 - PY0)];
        if (from[row] < 0 || next) {
            from[row] = (long)i;
            e->dem[0][row] = pt.polity2[i];
        }
    }
    if (s == SHI_OK) {
        s = shi_io_read_vdem(path[EF_VDEM], &vt, err);
    }
    for (size_t i = 0; s == SHI_OK && i < vt.n; i++) {
        long row = shi_panel_row(&d->caps, vt.ccode[i], vt.year[i]);
        if (row >= 0) {
            e->dem[1][row] = vt.polyarchy[i];
        }
    }
    free(seen);
    free(from);
    shi_polity_table_destroy(&pt);
    shi_vdem_table_destroy(&vt);
    return s;
}

/* Both series from the official files. */
static shi_status from_official(const shi_data *d, char path[EF_N][300], econ_vals *e, shi_err *err)
{
    shi_wdi_table wt[2] = {{0}, {0}};
    shi_maddison_table mt = {0};
    series w[2], m;
    int oom = series_init(&w[0]) | series_init(&w[1]) | series_init(&m);
    shi_status s = SHI_OK;
    for (int k = 0; k < 2 && s == SHI_OK && !oom; k++) {
        s = shi_io_read_wdi(path[k], &wt[k], err);
        for (size_t i = 0; s == SHI_OK && !oom && i < wt[k].n; i++) {
            if (wt[k].kind[i] == SHI_AREA_COUNTRY) {
                oom = series_put(&w[k], wt[k].iso3[i], wt[k].year[i], wt[k].value[i]);
            }
        }
    }
    if (s == SHI_OK && !oom) {
        s = shi_io_read_maddison(path[EF_MPD], path[EF_MPD_POP], &mt, err);
    }
    for (size_t i = 0; s == SHI_OK && !oom && i < mt.n; i++) {
        /* GDP = GDP per capita (2011 US$) * population (thousands) * 1000. */
        oom = series_put(&m, mt.iso3[i], mt.year[i], mt.gdppc[i] * mt.pop_thousands[i] * 1000.0);
    }
    if (s == SHI_OK && oom) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (int k = 0; k < 2 && s == SHI_OK; k++) {
        splice(d, w, &m, k, e);
    }
    if (s == SHI_OK) {
        s = democracy(d, path, e, err);
    }
    shi_wdi_table_destroy(&wt[0]);
    shi_wdi_table_destroy(&wt[1]);
    shi_maddison_table_destroy(&mt);
    series_free(&w[0]);
    series_free(&w[1]);
    series_free(&m);
    return s;
}

/* ---- data/econ.shd -------------------------------------------------------------- */

static shi_status shd_src(const shi_csv *c, size_t i, unsigned char *src, shi_err *err)
{
    const char *f = shi_csv_field(c, i);
    *src = f[0] == '\0' ? 0 : strcmp(f, "W") == 0 ? 1 : strcmp(f, "M") == 0 ? 2 : 3;
    return *src == 3 ? shi_csv_field_error(c, i, err, "expected W, M or empty") : SHI_OK;
}

static shi_status shd_econ(const shi_data *d, const shi_csv *c, econ_vals *e, shi_err *err)
{
    int64_t cc, y;
    double x[3];
    shi_status s;
    if ((s = shi_shd_fields(c, 7, err)) || (s = shi_shd_int(c, 1, 1, 999, &cc, err)) ||
        (s = shi_shd_int(c, 2, 1800, 2100, &y, err))) {
        return s;
    }
    long row = shi_panel_row(&d->caps, (int)cc, (int)y);
    for (int k = 0; k < 2 && s == SHI_OK; k++) {
        unsigned char src;
        if ((s = shi_shd_reals(c, (size_t)(3 + 2 * k), 1, x, err)) ||
            (s = shd_src(c, (size_t)(4 + 2 * k), &src, err))) {
            break;
        }
        if (isnan(x[0]) != (src == 0)) {
            s = shi_csv_field_error(c, (size_t)(4 + 2 * k), err,
                                    "a value needs its source and a source its value");
        } else if (row >= 0) { /* state-years not in this capability panel are left out */
            e->v[k][row] = x[0];
            e->src[k][row] = src;
        }
    }
    return s;
}

static shi_status shd_demo(const shi_data *d, const shi_csv *c, econ_vals *e, shi_err *err)
{
    int64_t cc, y;
    double x[2];
    shi_status s;
    if ((s = shi_shd_fields(c, 5, err)) || (s = shi_shd_int(c, 1, 1, 999, &cc, err)) ||
        (s = shi_shd_int(c, 2, 1800, 2100, &y, err)) || (s = shi_shd_reals(c, 3, 2, x, err))) {
        return s;
    }
    if (!(isnan(x[0]) || (x[0] >= -10 && x[0] <= 10))) {
        return shi_csv_field_error(c, 3, err, "expected a polity2 score -10..10 or nothing");
    }
    if (!(isnan(x[1]) || (x[1] >= 0 && x[1] <= 1))) {
        return shi_csv_field_error(c, 4, err, "expected a polyarchy index 0-1 or nothing");
    }
    long row = shi_panel_row(&d->caps, (int)cc, (int)y);
    if (row >= 0) {
        e->dem[0][row] = x[0];
        e->dem[1][row] = x[1];
    }
    return SHI_OK;
}

static shi_status shd_pop(const shi_data *d, const shi_csv *c, econ_vals *e, shi_err *err)
{
    int64_t cc, y;
    double x;
    shi_status s;
    if ((s = shi_shd_fields(c, 4, err)) || (s = shi_shd_int(c, 1, 1, 999, &cc, err)) ||
        (s = shi_shd_int(c, 2, 1800, 2100, &y, err)) || (s = shi_shd_reals(c, 3, 1, &x, err))) {
        return s;
    }
    if (!(x >= 0)) {
        return shi_csv_field_error(c, 3, err, "expected a population, 0 or more");
    }
    long row = shi_panel_row(&d->caps, (int)cc, (int)y);
    if (row >= 0 && e->popc[row] != POP_OWID) {
        return shi_csv_field_error(c, 1, err,
                                   "a population for a state-year whose territory is not "
                                   "OWID's present-day country's");
    }
    pop_set(e, row, x);
    return SHI_OK;
}

/* The embedded records: the GDP and democracy ones when `gdp`, the
 * population when `pop`. */
static shi_status from_shd(shi_data *d, econ_vals *e, int gdp, int pop, const char *loaded[EF_N],
                           shi_err *err)
{
    shi_csv *c = NULL;
    shi_status s =
        shi_shd_open(&c, "<embedded econ data>", shi_embedded_econ, shi_embedded_econ_len, err);
    int got = 1, header = 0;
    while (s == SHI_OK && (s = shi_csv_next(c, &got, err)) == SHI_OK && got) {
        const char *tag = shi_csv_field(c, 0);
        if (!header) {
            s = shi_shd_header(c, err);
            header = 1;
        } else if (strcmp(tag, "econ") == 0) {
            s = gdp ? shd_econ(d, c, e, err) : SHI_OK;
        } else if (strcmp(tag, "demo") == 0) {
            s = gdp ? shd_demo(d, c, e, err) : SHI_OK;
        } else if (strcmp(tag, "pop") == 0) {
            s = pop ? shd_pop(d, c, e, err) : SHI_OK;
        } else if (strcmp(tag, "source") != 0 && strcmp(tag, "note") != 0) {
            s = shi_csv_field_error(c, 0, err, "unknown record type");
        }
    }
    shi_csv_free(c);
    for (int k = 0; k < EF_N; k++) {
        if (k < EF_GDP_N ? gdp : pop) {
            loaded[k] = "embedded";
        }
    }
    return s;
}

/* ---- the columns ------------------------------------------------------------------ */

static void drop_columns(shi_panel *p, size_t ncol)
{
    while (p->ncol > ncol) {
        p->ncol--;
        free(p->cols[p->ncol].v);
        free(p->cols[p->ncol].valid);
    }
}

static shi_status add_columns(shi_data *d, const econ_vals *e, shi_err *err)
{
    static const char *const names[] = {"gdp",        "gdp_src", "gdp_ppp", "gdp_ppp_src",
                                        "gdppc",      "beckley", "polity2", "polyarchy",
                                        "population", "pop_src"};
    shi_panel *p = &d->caps;
    size_t ncol0 = p->ncol, col[10];
    long tpop = shi_panel_find(p, "tpop");
    shi_status s = tpop < 0 ? shi_err_set(err, SHI_EINTERNAL, "econ: no column 'tpop'") : SHI_OK;
    for (int k = 0; k < 10 && s == SHI_OK; k++) {
        if (shi_panel_find(p, names[k]) >= 0) {
            s = shi_err_set(err, SHI_EINTERNAL, "econ: the panel has a column '%s'", names[k]);
        } else {
            s = shi_panel_add_column(p, names[k], &col[k], err);
        }
    }
    for (size_t row = 0; row < p->nrow && s == SHI_OK; row++) {
        for (int k = 0; k < 2; k++) {
            if (e->src[k][row]) {
                shi_panel_set(p, col[2 * k], row, e->v[k][row]);
                shi_panel_set(p, col[2 * k + 1], row, e->src[k][row]);
            }
        }
        for (int k = 0; k < 2; k++) {
            if (!isnan(e->dem[k][row])) {
                shi_panel_set(p, col[6 + k], row, e->dem[k][row]);
            }
        }
        if (!isnan(e->pop[row])) {
            shi_panel_set(p, col[8], row, e->pop[row]);
        }
        if (e->popc[row] != POP_NONE) {
            shi_panel_set(p, col[9], row, e->popc[row]);
        }
        double g = e->v[0][row], pop = shi_panel_get(p, (size_t)tpop, row);
        if (e->src[0][row] && shi_panel_ok(p, (size_t)tpop, row) && pop > 0) {
            /* gdp is in millions of US$, tpop in thousands of people. */
            double pc = g * 1e6 / (pop * 1e3);
            shi_panel_set(p, col[4], row, pc);
            /* Beckley (2018): net resources = GDP x GDP per capita. */
            shi_panel_set(p, col[5], row, g * pc);
        }
    }
    if (s != SHI_OK) {
        drop_columns(p, ncol0);
    }
    return s;
}

static shi_status add_sources(shi_data *d, char path[EF_N][300], const char *loaded[EF_N],
                              shi_err *err)
{
    for (int k = 0; k < EF_N; k++) {
        if (!EF[k].id) {
            continue;
        }
        if (d->nsrc >= SHI_MAX_SOURCES) {
            return shi_err_set(err, SHI_EINTERNAL, "too many data sources");
        }
        shi_source *s = &d->src[d->nsrc++];
        memset(s, 0, sizeof *s);
        snprintf(s->id, sizeof s->id, "%s", EF[k].id);
        snprintf(s->name, sizeof s->name, "%s", EF[k].name);
        snprintf(s->version, sizeof s->version, "%s", EF[k].version);
        snprintf(s->citation, sizeof s->citation, "%s", EF[k].citation);
        snprintf(s->file, sizeof s->file, "%s",
                 shi_i_base_name(loaded[k] == path[k] ? path[k] : EF[k].paths[0]));
        size_t n = strlen(loaded[k]);
        n = n < sizeof s->loaded - 1 ? n : sizeof s->loaded - 1;
        memcpy(s->loaded, loaded[k], n);
        s->loaded[n] = '\0';
    }
    return SHI_OK;
}

shi_status shi_i_data_load_econ(shi_data *d, const char *dir, shi_err *err)
{
    char path[EF_N][300];
    const char *loaded[EF_N];
    int all, owid = 0;
    econ_vals e;
    find_files(dir, path, &all, &owid);
    if (vals_init(&e, d->caps.nrow) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    pop_codes(d, &e);
    shi_status s = SHI_OK;
    if (all) {
        s = from_official(d, path, &e, err);
        for (int k = 0; k < EF_GDP_N; k++) {
            loaded[k] = path[k];
        }
    }
    if (s == SHI_OK && (!all || !owid)) {
        s = from_shd(d, &e, !all, !owid, loaded, err);
    }
    if (s == SHI_OK && owid) {
        s = pop_official(d, path[EF_OWID], &e, err);
        loaded[EF_OWID] = path[EF_OWID];
    }
    pop_finish(&e);
    size_t nsrc0 = d->nsrc;
    if (s == SHI_OK) {
        s = add_sources(d, path, loaded, err);
    }
    if (s == SHI_OK) {
        s = add_columns(d, &e, err);
    }
    if (s == SHI_OK) {
        d->econ_loaded = 1;
    } else {
        d->nsrc = nsrc0;
    }
    vals_free(&e);
    return s;
}

shi_status shi_data_build_econ(const shi_data *d, const char *dir, const char *out, shi_err *err)
{
    char path[EF_N][300];
    int all, owid = 0;
    if (!dir) {
        return shi_err_set(err, SHI_EUSAGE, "data build: no directory of official files");
    }
    find_files(dir, path, &all, &owid);
    for (int k = 0; k < EF_N && !(all && owid); k++) {
        if (!shi_i_file_exists(path[k])) {
            return shi_err_set(err, SHI_EDATA, "'%s' has no file '%s' (nor '%s')", dir,
                               EF[k].paths[0], EF[k].paths[1]);
        }
    }
    econ_vals e;
    if (vals_init(&e, d->caps.nrow) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    pop_codes(d, &e);
    shi_status s = from_official(d, path, &e, err);
    if (s == SHI_OK) {
        s = pop_official(d, path[EF_OWID], &e, err);
    }
    pop_finish(&e);
    shi_outfile o;
    if (s == SHI_OK && (s = shi_outfile_open(&o, out, err)) == SHI_OK) {
        FILE *f = o.fp;
        fprintf(f, "shi-data\t1\n");
        fprintf(f, "note\tDerived by 'shi data build' from the official files named below: GDP "
                   "in millions at constant prices, WDI (W) spliced with Maddison (M) as "
                   "docs/power.md says; democracy scores (demo: Polity5 polity2, V-Dem "
                   "v2x_polyarchy); OWID population (pop) of the state-years whose territory "
                   "is OWID's present-day country's (docs/stateyears.md). Not an official "
                   "distribution: cite the sources.\n");
        for (int k = 0; k < EF_N; k++) {
            if (EF[k].id) {
                fprintf(f, "source\t%s\t%s\t%s\t%s\t%s\n", EF[k].id, EF[k].name, EF[k].version,
                        EF[k].citation, EF[k].paths[0]);
            }
        }
        static const char *const code[] = {"", "W", "M"};
        const shi_panel *p = &d->caps;
        for (size_t row = 0; row < p->nrow; row++) {
            if (!e.src[0][row] && !e.src[1][row]) {
                continue;
            }
            fprintf(f, "econ\t%d\t%d", (int)p->unit[row], (int)p->year[row]);
            for (int k = 0; k < 2; k++) {
                shi_shd_put_real(f, e.v[k][row]);
                fprintf(f, "\t%s", code[e.src[k][row]]);
            }
            fputc('\n', f);
        }
        for (size_t row = 0; row < p->nrow; row++) {
            if (isnan(e.dem[0][row]) && isnan(e.dem[1][row])) {
                continue;
            }
            fprintf(f, "demo\t%d\t%d", (int)p->unit[row], (int)p->year[row]);
            shi_shd_put_real(f, e.dem[0][row]);
            shi_shd_put_real(f, e.dem[1][row]);
            fputc('\n', f);
        }
        for (size_t row = 0; row < p->nrow; row++) {
            if (e.popc[row] == POP_OWID) {
                fprintf(f, "pop\t%d\t%d", (int)p->unit[row], (int)p->year[row]);
                shi_shd_put_real(f, e.pop[row]);
                fputc('\n', f);
            }
        }
        s = shi_outfile_commit(&o, err);
        shi_outfile_abort(&o);
    }
    vals_free(&e);
    return s;
}
