/*
 * energy.c - importers for energy trade by partner (shi/io_energy.h,
 * docs/energy.md): China Customs monthly imports (via CREA's
 * fossil_shipment_tracker, from the Wind terminal) and Eurostat monthly
 * imports of 36 European countries (via CREA).
 *
 * What the files make hard, and what is done about it here:
 *  - units vary by series (kg, ton, 10000 tons, USD, "USD 10 th"): each row is
 *    normalised to tonnes or USD; a unit the table below does not know, or a
 *    unit that does not fit the measure, is an error, never a guess;
 *  - a series (commodity, partner, measure, Wind id) must keep one unit: a
 *    change is an error at the row where it changes;
 *  - partner names go through the name table (energy_names.c); a name it does
 *    not list is an error naming the name.
 * Months are kept as they are; the panel sums them into years and flags the
 * years that are incomplete (src/panel/data_energy.c).
 */
#include <shi/csv.h>
#include <shi/io_energy.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

void shi_energy_table_destroy(shi_energy_table *t)
{
    if (!t) {
        return;
    }
    free(t->importer);
    free(t->partner);
    free(t->ym);
    free(t->label);
    free(t->measure);
    free(t->value);
    free(t->series);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

/* ---- field parsers (SHI_I_CUSTOM: 1 when the text is valid) ---------------- */

/* "YYYY-MM" (China Customs) or "YYYY-MM-DD" (Eurostat, the first of the month). */
static int parse_month(const char *t, double *v)
{
    size_t n = strlen(t);
    if (n != 7 && n != 10) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        int dash = i == 4 || i == 7;
        if (dash ? t[i] != '-' : (t[i] < '0' || t[i] > '9')) {
            return 0;
        }
    }
    int y = atoi(t), m = (t[5] - '0') * 10 + (t[6] - '0');
    if (y < 1900 || y > 2100 || m < 1 || m > 12) {
        return 0;
    }
    *v = y * 100 + m;
    return 1;
}

static int parse_measure(const char *t, double *v)
{
    if (strcmp(t, "volume") == 0 || strcmp(t, "value") == 0) {
        *v = strcmp(t, "volume") == 0 ? SHI_ENM_TONNES : SHI_ENM_USD;
        return 1;
    }
    return 0;
}

static const char *const LABELS[][2] = {
    {"Crude Oil", "crude_oil"},
    {"Pipeline Carried Natural Gas (Gaseous State)", NULL},
    {"Liquified Natural Gas (LNG)", "lng"},
    {"Natural Gas in Gaseous State", NULL},
    {"Coal", "coal"},
    {"Coal and Lignite", NULL},
    {"Steam Coal", NULL},
    {"Coking Coal", NULL},
    {"Anthracite Coal", NULL},
    {"Lignite", NULL},
    {"Natural Gas(271121)", NULL},
    {"Liquified Natural Gas(271111)", NULL},
    {NULL, "gas_all"},
    {NULL, "oil_products"},
};

static int parse_label(const char *t, int which, double *v)
{
    for (int k = 0; k < SHI_ENL_N; k++) {
        if (LABELS[k][which] && strcmp(t, LABELS[k][which]) == 0) {
            *v = k;
            return 1;
        }
    }
    return 0;
}
static int parse_label_customs(const char *t, double *v)
{
    return parse_label(t, 0, v);
}
static int parse_label_eurostat(const char *t, double *v)
{
    return parse_label(t, 1, v);
}

static int parse_name(const char *t, double *v)
{
    int c = shi_energy_name_code(t);
    *v = c;
    return c != -100;
}

/* Units: name, measure it fits, factor to the normalised unit. */
static const struct {
    const char *name;
    int measure;
    double factor;
} UNITS[] = {
    {"kg", SHI_ENM_TONNES, 1e-3},  {"ton", SHI_ENM_TONNES, 1}, {"10000 tons", SHI_ENM_TONNES, 1e4},
    {"tonnes", SHI_ENM_TONNES, 1}, {"USD", SHI_ENM_USD, 1},    {"USD 10 th", SHI_ENM_USD, 1e4},
    {"tonne", SHI_ENM_TONNES, 1},  {"m3", SHI_ENM_M3, 1},      {"TJ", SHI_ENM_TJ, 1},
};
enum { NUNITS = sizeof UNITS / sizeof UNITS[0] };

static int parse_unit(const char *t, double *v)
{
    for (int k = 0; k < NUNITS; k++) {
        if (strcmp(t, UNITS[k].name) == 0) {
            *v = k;
            return 1;
        }
    }
    return 0;
}

/* A Wind series id: one capital letter and 7 digits, as a number. */
static int parse_wind(const char *t, double *v)
{
    if (t[0] < 'A' || t[0] > 'Z' || strlen(t) != 8) {
        return 0;
    }
    long n = 0;
    for (int i = 1; i < 8; i++) {
        if (t[i] < '0' || t[i] > '9') {
            return 0;
        }
        n = n * 10 + (t[i] - '0');
    }
    *v = (double)((t[0] - 'A') * 10000000L + n);
    return 1;
}

/* ---- one unit per series ----------------------------------------------------- */

/* The unit first seen for each series, in a small open-addressing table. */
typedef struct unit_map {
    size_t n, cap;
    int64_t *key;
    int8_t *unit;
    int32_t *line;
} unit_map;

static void unit_map_free(unit_map *m)
{
    free(m->key);
    free(m->unit);
    free(m->line);
}

/* 0 when the series keeps its unit (or is new), 1 when it changes (*first_unit,
 * *first_line say where it was set), -1 out of memory. */
static int unit_check(unit_map *m, int64_t key, int unit, int line, int *first_unit,
                      int *first_line)
{
    if (2 * (m->n + 1) > m->cap) {
        unit_map g = {0, m->cap ? 2 * m->cap : 1024, NULL, NULL, NULL};
        g.key = malloc(g.cap * sizeof *g.key);
        g.unit = malloc(g.cap * sizeof *g.unit);
        g.line = malloc(g.cap * sizeof *g.line);
        if (!g.key || !g.unit || !g.line) {
            unit_map_free(&g);
            return -1;
        }
        for (size_t i = 0; i < g.cap; i++) {
            g.key[i] = -1;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (m->key[i] >= 0) {
                int fu, fl;
                unit_check(&g, m->key[i], m->unit[i], m->line[i], &fu, &fl);
            }
        }
        unit_map_free(m);
        *m = g;
    }
    size_t h = (size_t)((uint64_t)key * 0x9E3779B97F4A7C15ull >> 20) & (m->cap - 1);
    while (m->key[h] >= 0 && m->key[h] != key) {
        h = (h + 1) & (m->cap - 1);
    }
    if (m->key[h] < 0) {
        m->key[h] = key;
        m->unit[h] = (int8_t)unit;
        m->line[h] = line;
        m->n++;
        return 0;
    }
    *first_unit = m->unit[h];
    *first_line = m->line[h];
    return m->unit[h] != unit;
}

/* ---- the reader shared by both files ----------------------------------------- */

enum { C_DATE, C_MEASURE, C_LABEL, C_PARTNER, C_UNIT, C_VALUE, C_SERIES, C_COUNTRY, NC };

static shi_status read_energy(const char *path, shi_energy_table *out, int eurostat, shi_err *err)
{
    shi_i_col cols[NC] = {
        {"month", .alias = "date", .type = SHI_I_CUSTOM, .parse = parse_month, .lo = 190001,
         .hi = 210012, .what = "expected a month YYYY-MM", SHI_I_TO(out->ym)},
        {"measure", .type = SHI_I_CUSTOM, .parse = parse_measure, .lo = 0, .hi = 1,
         .what = "expected 'volume' or 'value'", SHI_I_TO(out->measure)},
        {"commodity", .type = SHI_I_CUSTOM, .parse = parse_label_customs, .lo = 0,
         .hi = SHI_ENL_N - 1,
         .what = "expected a commodity of the China Customs file (docs/energy.md)",
         SHI_I_TO(out->label)},
        {"partner", .type = SHI_I_CUSTOM, .parse = parse_name, .lo = -2, .hi = 999,
         .what = "unknown partner name (not in the energy name table, docs/energy.md)",
         SHI_I_TO(out->partner)},
        {"unit", .type = SHI_I_CUSTOM, .parse = parse_unit, .lo = 0, .hi = NUNITS - 1,
         .what = "unknown unit (expected kg, ton, 10000 tons, USD or USD 10 th)"},
        {"value", .type = SHI_I_REAL, .lo = 0, .hi = 1e15,
         .what = "expected a quantity of 0 or more", SHI_I_TO(out->value)},
        {"wind_id", .type = SHI_I_CUSTOM, .parse = parse_wind, .lo = 0, .hi = 3e8,
         .what = "expected a Wind series id (a letter and 7 digits)", SHI_I_TO(out->series)},
        {"country", .type = SHI_I_CUSTOM, .parse = parse_name, .lo = 1, .hi = 999,
         .what = "unknown country name (not in the energy name table, docs/energy.md)",
         SHI_I_TO(out->importer)},
    };
    size_t ncols = NC - 1;
    if (eurostat) {
        /* Eurostat: no measure (the unit says it), no series id; a reporter. */
        cols[C_MEASURE] = cols[C_COUNTRY];
        cols[C_LABEL].parse = parse_label_eurostat;
        cols[C_LABEL].what = "expected crude_oil, coal, oil_products, gas_all or lng";
        cols[C_UNIT].what = "unknown unit (expected tonne, m3 or TJ)";
        cols[C_PARTNER].flags = SHI_I_OPTIONAL; /* an empty partner: "not specified" */
        cols[C_PARTNER].na = SHI_EN_NOT_STATE;
        ncols = C_SERIES;
    }
    /* The columns no spec of the file fills. */
    const shi_col_ref extra_c[] = {SHI_COL_REF(out->importer)};
    const shi_col_ref extra_e[] = {SHI_COL_REF(out->series), SHI_COL_REF(out->measure)};
    const shi_i_dest dest = {&out->n,
                             &out->cap,
                             4096,
                             &out->line,
                             &out->col,
                             C_VALUE,
                             eurostat ? extra_e : extra_c,
                             eurostat ? 2u : 1u};
    unit_map um = {0};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, ncols, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_row(&rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        size_t i = shi_i_at(&rd);
        int unit = (int)rd.v[C_UNIT], lab = out->label[i];
        int meas = eurostat ? UNITS[unit].measure : out->measure[i];
        if (UNITS[unit].measure != meas ||
            (eurostat &&
             (meas == SHI_ENM_TONNES) == (lab == SHI_ENL_GAS_ALL || lab == SHI_ENL_LNG))) {
            s = shi_i_bad(&rd, C_UNIT,
                          eurostat ? "unit does not fit the commodity (tonne for oil and coal, "
                                     "m3 or TJ for gas)"
                          : meas == SHI_ENM_TONNES
                              ? "a volume needs a mass unit (kg, ton, 10000 tons)"
                              : "a value needs a currency unit (USD, USD 10 th)",
                          err);
            break;
        }
        if (eurostat) {
            out->measure[i] = (int8_t)meas;
            out->series[i] = 0;
        } else {
            out->importer[i] = 710; /* China Customs: China's imports */
        }
        out->value[i] *= UNITS[unit].factor;
        int64_t key =
            ((((int64_t)out->importer[i] * 1000 + (out->partner[i] + 10)) * 32 + lab) * 8 + meas) *
                400000000LL +
            out->series[i];
        int fu = 0, fl = 0;
        int ch = unit_check(&um, key, unit, (int)shi_csv_line(rd.csv), &fu, &fl);
        if (ch < 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        if (ch > 0) {
            char what[160];
            snprintf(what, sizeof what, "mixed units: this series was in '%s' at line %d",
                     UNITS[fu].name, fl);
            s = shi_i_bad(&rd, C_UNIT, what, err);
            break;
        }
        shi_i_commit(&rd);
    }
    unit_map_free(&um);
    return shi_i_close(&rd, s, err);
}

shi_status shi_io_read_china_customs(const char *path, shi_energy_table *out, shi_err *err)
{
    return read_energy(path, out, 0, err);
}

shi_status shi_io_read_eurostat_energy(const char *path, shi_energy_table *out, shi_err *err)
{
    return read_energy(path, out, 1, err);
}

/* ---- CREA: imports from Russia (UN Comtrade, Eurostat) ------------------------ */

static const char *const CREA_COMM[SHI_ENC_N] = {
    "coal", "coke", "lng", "natural_gas", "oil", "oil_products", "tar", "coal_gas",
};

/* *v = the index of t in list[0..n), 1 when found. */
static int index_of(const char *t, const char *const *list, int n, double *v)
{
    for (int k = 0; k < n; k++) {
        if (strcmp(t, list[k]) == 0) {
            *v = k;
            return 1;
        }
    }
    return 0;
}

static int parse_crea_comm(const char *t, double *v)
{
    return index_of(t, CREA_COMM, SHI_ENC_N, v);
}

/* "eur" (a value) or "tonne" (a volume): the file's only units. */
static int parse_crea_unit(const char *t, double *v)
{
    if (strcmp(t, "tonne") == 0 || strcmp(t, "eur") == 0) {
        *v = t[0] == 't' ? SHI_ENM_TONNES : SHI_ENM_EUR;
        return 1;
    }
    return 0;
}

static int valid_crea_country(const char *t)
{
    return shi_energy_name_code(t) != -100;
}
static int valid_crea_comm(const char *t)
{
    double v;
    return parse_crea_comm(t, &v);
}
static int valid_crea_unit(const char *t)
{
    double v;
    return parse_crea_unit(t, &v);
}

shi_status shi_io_read_crea_russia(const char *path, shi_energy_table *out, shi_err *err)
{
    enum { K_COUNTRY, K_PARTNER, K_DATE, K_COMM, K_UNIT, K_VALUE, NK };
    /* Country, commodity and unit are keys as text, so that a repeated row
     * names them (three names share the "not a state" code). */
    const shi_i_col cols[NK] = {
        {"country", .type = SHI_I_TEXT, .valid = valid_crea_country, .flags = SHI_I_KEY, .lo = 1,
         .hi = 80, .what = "unknown country name (not in the energy name table, docs/energy.md)"},
        {"partner", .type = SHI_I_CUSTOM, .parse = parse_name, .lo = 365, .hi = 365,
         .what = "expected Russia (the file holds imports from Russia only)",
         SHI_I_TO(out->partner)},
        {"date", .type = SHI_I_CUSTOM, .parse = parse_month, .flags = SHI_I_KEY, .lo = 190001,
         .hi = 210012, .what = "expected a date YYYY-MM-DD", SHI_I_TO(out->ym)},
        {"commodity", .type = SHI_I_TEXT, .valid = valid_crea_comm, .flags = SHI_I_KEY, .lo = 1,
         .hi = 20,
         .what = "expected coal, coke, lng, natural_gas, oil, oil_products, tar or coal_gas"},
        {"unit", .type = SHI_I_TEXT, .valid = valid_crea_unit, .flags = SHI_I_KEY, .lo = 1,
         .hi = 20, .what = "unknown unit (expected eur or tonne)"},
        /* 546 rows (Estonia, Latvia, Finland, ...) have no value: NaN, a month
         * not reported (the panel does not count it). 101 rows are negative
         * (China's coke 2017; Dutch, Finnish, Swedish natural gas 2019-2022):
         * CREA's net figures, kept as published (docs/energy.md). */
        {"value", .type = SHI_I_REAL, .flags = SHI_I_OPTIONAL, .na = (double)NAN, .lo = -1e15,
         .hi = 1e15, .what = "expected a number", SHI_I_TO(out->value)},
    };
    const shi_col_ref extra[] = {SHI_COL_REF(out->series), SHI_COL_REF(out->importer),
                                 SHI_COL_REF(out->label), SHI_COL_REF(out->measure)};
    const shi_i_dest dest = {&out->n, &out->cap, 4096, &out->line, &out->col, K_VALUE, extra, 4};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, NK, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_row(&rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        size_t i = shi_i_at(&rd);
        double c = 0, u = 0;
        parse_crea_comm(shi_i_text(&rd, K_COMM), &c);
        parse_crea_unit(shi_i_text(&rd, K_UNIT), &u);
        out->series[i] = 0;
        out->importer[i] = shi_energy_name_code(shi_i_text(&rd, K_COUNTRY));
        out->label[i] = (int8_t)c;
        out->measure[i] = (int8_t)u;
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}

/* ---- Energy Institute Statistical Review 2023: trade matrices 2022 ------------ */

void shi_ei_table_destroy(shi_ei_table *t)
{
    if (!t) {
        return;
    }
    free(t->exp);
    free(t->imp);
    free(t->year);
    free(t->comm);
    free(t->value);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

/* The commodities as the long file labels them, and the unit each is
 * published in (EI: oil movements in million tonnes, gas trade in bcm, coal
 * movements in exajoules). */
static const char *const EI_COMM[SHI_EIC_N] = {"Crude", "Product", "pipeline natural gas", "LNG",
                                               "coal"};
static const char *const EI_UNIT[3] = {"million tonnes", "billion cubic metres", "exajoules"};
static const int EI_COMM_UNIT[SHI_EIC_N] = {0, 0, 1, 1, 2};

static int parse_ei_comm(const char *t, double *v)
{
    return index_of(t, EI_COMM, SHI_EIC_N, v);
}

static int parse_ei_unit(const char *t, double *v)
{
    return index_of(t, EI_UNIT, 3, v);
}

/* An EI area: a region first (so "EU", "Europe" stay regions), then a state. */
static int parse_ei_area(const char *t, double *v)
{
    int c = shi_energy_region_code(t);
    if (c == -100) {
        c = shi_energy_name_code(t);
    }
    *v = c;
    return c != -100 && c != SHI_EN_WORLD && c != SHI_EN_EU_AGG;
}

shi_status shi_io_read_ei_trade(const char *path, shi_ei_table *out, shi_err *err)
{
    enum { K_COMM, K_UNIT, K_YEAR, K_EXP, K_IMP, K_VALUE, NK };
    const shi_i_col cols[NK] = {
        {"commodity", .type = SHI_I_CUSTOM, .parse = parse_ei_comm, .flags = SHI_I_KEY, .lo = 0,
         .hi = SHI_EIC_N - 1, .what = "expected Crude, Product, pipeline natural gas, LNG or coal",
         SHI_I_TO(out->comm)},
        {"unit", .type = SHI_I_CUSTOM, .parse = parse_ei_unit, .lo = 0, .hi = 2,
         .what = "unknown unit (expected million tonnes, billion cubic metres or exajoules)"},
        {"year", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1900, .hi = 2100,
         .what = "expected a year 1900-2100", SHI_I_TO(out->year)},
        {"exporter", .type = SHI_I_CUSTOM, .parse = parse_ei_area, .flags = SHI_I_KEY,
         .lo = SHI_EN_REGION0 - 99, .hi = 999,
         .what = "unknown exporter (not an EI region nor in the energy name table)",
         SHI_I_TO(out->exp)},
        {"importer", .type = SHI_I_CUSTOM, .parse = parse_ei_area, .flags = SHI_I_KEY,
         .lo = SHI_EN_REGION0 - 99, .hi = 999,
         .what = "unknown importer (not an EI region nor in the energy name table)",
         SHI_I_TO(out->imp)},
        {"value", .type = SHI_I_REAL, .lo = 0, .hi = 1e6,
         .what = "expected a quantity of 0 or more", SHI_I_TO(out->value)},
    };
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, K_VALUE, NULL, 0};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, NK, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_row(&rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        int c = out->comm[shi_i_at(&rd)];
        if ((int)rd.v[K_UNIT] != EI_COMM_UNIT[c]) {
            char what[120];
            snprintf(what, sizeof what, "unit does not fit the commodity (%s is in %s)", EI_COMM[c],
                     EI_UNIT[EI_COMM_UNIT[c]]);
            s = shi_i_bad(&rd, K_UNIT, what, err);
            break;
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}
