/*
 * stateyears.c - the state-year data set (include/shi/stateyears.h,
 * docs/stateyears.md): the member state-years of the registry, each family's
 * columns read from the data view. Every value is a lookup, so the whole
 * 1816-2024 set (about 17,000 rows) is made in a few milliseconds.
 */
#include <shi/stateyears.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One row per family name; "all" last. Keep it a table: a family is a row. */
static const struct {
    const char *name;
    unsigned bit;
    unsigned parts; /* SHI_DATA_* it needs beyond the capabilities */
} FAMILIES[] = {
    {"nmc", SHI_SY_NMC, 0},
    {"major", SHI_SY_MAJOR, 0},
    {"gdp", SHI_SY_GDP, SHI_DATA_ECON},
    {"nuclear", SHI_SY_NUCLEAR, SHI_DATA_RELATIONS},
    {"democracy", SHI_SY_DEMOCRACY, SHI_DATA_ECON},
    {"igos", SHI_SY_IGOS, SHI_DATA_RELATIONS},
    {"population", SHI_SY_POPULATION, SHI_DATA_ECON},
    {"all", SHI_SY_ALL, 0},
};
#define NFAM (sizeof FAMILIES / sizeof FAMILIES[0])

shi_status shi_stateyears_parse(const char *list, unsigned *mask, shi_err *err)
{
    *mask = 0;
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        unsigned bit = 0;
        for (size_t k = 0; k < NFAM; k++) {
            if (strlen(FAMILIES[k].name) == len && strncmp(FAMILIES[k].name, p, len) == 0) {
                bit = FAMILIES[k].bit;
            }
        }
        if (!bit) {
            return shi_err_set(err, SHI_EUSAGE,
                               "--add: unknown variable family '%.*s'; valid families are nmc, "
                               "major, gdp, nuclear, democracy, igos, population, all",
                               (int)len, p);
        }
        *mask |= bit;
        p = e ? e + 1 : p + len;
    }
    return SHI_OK;
}

unsigned shi_stateyears_parts(unsigned mask)
{
    unsigned parts = SHI_DATA_CAPS;
    for (size_t k = 0; k < NFAM; k++) {
        if (mask & FAMILIES[k].bit) {
            parts |= FAMILIES[k].parts;
        }
    }
    /* "all" names every bit: take the parts of each family it covers. */
    if ((mask & SHI_SY_ALL) == SHI_SY_ALL) {
        parts |= SHI_DATA_ECON | SHI_DATA_RELATIONS;
    }
    return parts;
}

static int wanted(const shi_stateyear_opts *o, int ccode)
{
    if (!o->states) {
        return 1;
    }
    for (size_t k = 0; k < o->nstates; k++) {
        if (o->states[k] == ccode) {
            return 1;
        }
    }
    return 0;
}

/* The (year, registry index) of each row, in order; returns the count. */
static size_t collect(const shi_states *s, const shi_stateyear_opts *o, int32_t *year, size_t *idx)
{
    /* The registry is in ascending COW code (shi_states_build sorts it). */
    size_t n = 0;
    for (int y = o->y0; y <= o->y1; y++) {
        for (size_t i = 0; i < s->n; i++) {
            if (shi_states_member(s, &s->v[i], y) && wanted(o, s->v[i].ccode)) {
                if (year) {
                    year[n] = y;
                    idx[n] = i;
                }
                n++;
            }
        }
    }
    return n;
}

/* A panel column copied into a frame column: missing stays NaN. */
static shi_status add_panel_col(shi_frame *f, const shi_data *d, const char *col, const char *name,
                                const char *label, int digits, const long *prow, shi_err *err)
{
    long c = shi_data_col(d, col);
    if (c < 0) {
        return shi_err_set(err, SHI_EINTERNAL, "stateyears: the panel has no column '%s'", col);
    }
    double *v;
    shi_status s = shi_frame_add_f64(f, name, label, digits, &v, err);
    for (size_t r = 0; r < f->nrow && s == SHI_OK; r++) {
        if (prow[r] >= 0 && shi_panel_ok(&d->caps, (size_t)c, (size_t)prow[r])) {
            v[r] = shi_panel_get(&d->caps, (size_t)c, (size_t)prow[r]);
        }
    }
    return s;
}

static shi_status add_nmc(shi_frame *f, const shi_data *d, const long *prow, shi_err *err)
{
    static const char *const name[6] = {"milex", "milper", "irst", "pec", "tpop", "upop"};
    static const char *const label[6] = {
        "Military expenditure, thousands of current US$ (COW NMC)",
        "Military personnel, thousands (COW NMC)",
        "Iron and steel production, thousands of tons (COW NMC)",
        "Primary energy consumption, thousands of coal-ton equivalents (COW NMC)",
        "Total population, thousands (COW NMC)",
        "Urban population, thousands (COW NMC)"};
    shi_status s = SHI_OK;
    for (int k = 0; k < 6 && s == SHI_OK; k++) {
        s = add_panel_col(f, d, name[k], name[k], label[k], 0, prow, err);
    }
    if (s == SHI_OK) {
        s = add_panel_col(f, d, d->caps.cols[d->cinc].name, "cinc",
                          "Composite Index of National Capability (computed from the six)", 6, prow,
                          err);
    }
    return s;
}

/* A text column from the panel's column `src` of codes: note(code) in each
 * row that has a code (and a note). */
static shi_status add_note_col(shi_frame *f, const shi_data *d, long src, const char *name,
                               const char *label, const char *(*note)(int), const long *prow,
                               shi_err *err)
{
    shi_status s = shi_frame_add_str(f, name, label, err);
    size_t col = f->ncol - 1;
    for (size_t r = 0; r < f->nrow && s == SHI_OK; r++) {
        if (prow[r] >= 0 && shi_panel_ok(&d->caps, (size_t)src, (size_t)prow[r])) {
            const char *t = note((int)shi_panel_get(&d->caps, (size_t)src, (size_t)prow[r]));
            s = t ? shi_frame_set_str(f, col, r, t, err) : SHI_OK;
        }
    }
    return s;
}

/* data_econ.c: 1 WDI, 2 Maddison. */
static const char *gdp_note(int code)
{
    return code == 1 ? "WDI" : "Maddison";
}

static shi_status add_gdp(shi_frame *f, const shi_data *d, const long *prow, shi_err *err)
{
    long src = shi_data_col(d, "gdp_src");
    shi_status s = src < 0 ? shi_err_set(err, SHI_EINTERNAL, "stateyears: no economic data")
                           : add_panel_col(f, d, "gdp", "gdp",
                                           "GDP, millions of constant 2015 US$ (WDI; Maddison "
                                           "spliced before it)",
                                           1, prow, err);
    if (s == SHI_OK) {
        s = add_note_col(f, d, src, "gdp_src", "Source of gdp: WDI or Maddison (spliced)", gdp_note,
                         prow, err);
    }
    if (s == SHI_OK) {
        s = add_panel_col(f, d, "gdppc", "gdppc", "GDP per person, constant 2015 US$ (gdp / tpop)",
                          0, prow, err);
    }
    return s;
}

/* OWID's population and, for every row, its source or why it has none
 * (data_econ.c: the territory rules). */
static shi_status add_population(shi_frame *f, const shi_data *d, const long *prow, shi_err *err)
{
    long src = shi_data_col(d, "pop_src");
    shi_status s = src < 0 ? shi_err_set(err, SHI_EINTERNAL, "stateyears: no population data")
                           : add_panel_col(f, d, "population", "population",
                                           "Population, persons (Our World in Data, the "
                                           "present-day country's territory)",
                                           0, prow, err);
    if (s == SHI_OK) {
        s = add_note_col(f, d, src, "population_src",
                         "Source of population (OWID), or why it is missing", shi_data_pop_note,
                         prow, err);
    }
    return s;
}

static shi_status add_nuclear(shi_frame *f, const shi_data *d, const size_t *idx, shi_err *err)
{
    static const shi_value_label lab[] = {
        {0, "no consideration"}, {1, "consideration"}, {2, "pursuit"}, {3, "possession"}};
    const shi_dyadic *dy = &d->dy;
    if (!d->rel_loaded || !dy->nuclear) {
        return shi_err_set(err, SHI_EINTERNAL, "stateyears: no nuclear data");
    }
    int32_t *st;
    double *wh;
    shi_status s;
    if ((s = shi_frame_add_i32(f, "nuclear",
                               "Nuclear weapons status (0 none, 1 considered, 2 pursued, "
                               "3 possessed; Bleek 2017 via OWID)",
                               &st, err)) ||
        (s = shi_frame_add_f64(f, "warheads", "Nuclear warhead stockpile (FAS via OWID)", 0, &wh,
                               err)) ||
        (s = shi_frame_set_labels(f, "nuclear", "nuclear", lab, 4, err))) {
        return s;
    }
    for (size_t r = 0; r < f->nrow; r++) {
        int y = f->cols[0].i32[r];
        if (y < dy->y0 || y > dy->y1) {
            continue;
        }
        size_t k = shi_dy_one(dy, y, idx[r]);
        st[r] = dy->nuclear[k] == SHI_NA_U8 ? SHI_NA_I32 : dy->nuclear[k];
        wh[r] = (double)dy->warheads[k];
    }
    return SHI_OK;
}

static shi_status add_igos(shi_frame *f, const shi_data *d, const size_t *idx, shi_err *err)
{
    static const char *const name[4] = {"igo_full", "igo_associate", "igo_observer", "igo_any"};
    static const char *const label[4] = {
        "IGOs of which the state is a full member (COW IGO v3)",
        "IGOs of which the state is an associate member (COW IGO v3)",
        "IGOs in which the state has observer status (COW IGO v3)",
        "IGOs of which the state is a member of any type (COW IGO v3)"};
    const shi_dyadic *dy = &d->dy;
    if (!d->rel_loaded || !dy->igo_sy[0]) {
        return shi_err_set(err, SHI_EINTERNAL, "stateyears: no IGO data");
    }
    for (int k = 0; k < 4; k++) {
        int32_t *v;
        shi_status s = shi_frame_add_i32(f, name[k], label[k], &v, err);
        if (s != SHI_OK) {
            return s;
        }
        for (size_t r = 0; r < f->nrow; r++) {
            int y = f->cols[0].i32[r];
            int16_t n = y < dy->y0 || y > dy->y1 ? -1 : dy->igo_sy[k][shi_dy_one(dy, y, idx[r])];
            v[r] = n < 0 ? SHI_NA_I32 : n;
        }
    }
    return SHI_OK;
}

static shi_status add_major(shi_frame *f, const shi_data *d, const size_t *idx, shi_err *err)
{
    static const shi_value_label noyes[] = {{0, "no"}, {1, "yes"}};
    int32_t *m;
    shi_status s = shi_frame_add_i32(f, "major", "COW major power", &m, err);
    if (s == SHI_OK && (s = shi_frame_set_flag(f, "major", err)) == SHI_OK) {
        s = shi_frame_set_labels(f, "major", "noyes", noyes, 2, err);
    }
    for (size_t r = 0; r < f->nrow && s == SHI_OK; r++) {
        m[r] = shi_states_major(&d->states, &d->states.v[idx[r]], f->cols[0].i32[r]);
    }
    return s;
}

static shi_status fill(shi_frame *f, const shi_data *d, unsigned mask, const int32_t *year,
                       const size_t *idx, long *prow, shi_err *err)
{
    int32_t *y, *cc;
    shi_status s;
    if ((s = shi_frame_add_i32(f, "year", "Year", &y, err)) ||
        (s = shi_frame_add_i32(f, "ccode", "COW state code", &cc, err)) ||
        (s = shi_frame_add_str(f, "stateabb", "COW state abbreviation", err))) {
        return s;
    }
    for (size_t r = 0; r < f->nrow && s == SHI_OK; r++) {
        const shi_state *st = &d->states.v[idx[r]];
        y[r] = year[r];
        cc[r] = st->ccode;
        prow[r] = shi_panel_row(&d->caps, st->ccode, year[r]);
        s = shi_frame_set_str(f, 2, r, st->abb, err);
    }
    if (s == SHI_OK && (mask & SHI_SY_NMC)) {
        s = add_nmc(f, d, prow, err);
    }
    if (s == SHI_OK && (mask & SHI_SY_MAJOR)) {
        s = add_major(f, d, idx, err);
    }
    if (s == SHI_OK && (mask & SHI_SY_GDP)) {
        s = add_gdp(f, d, prow, err);
    }
    if (s == SHI_OK && (mask & SHI_SY_DEMOCRACY) &&
        (s = add_panel_col(f, d, "polity2", "polity2", "Polity5 polity2 (-10..10)", 0, prow,
                           err)) == SHI_OK) {
        s = add_panel_col(f, d, "polyarchy", "polyarchy",
                          "V-Dem electoral democracy index v2x_polyarchy (0-1)", 3, prow, err);
    }
    if (s == SHI_OK && (mask & SHI_SY_NUCLEAR)) {
        s = add_nuclear(f, d, idx, err);
    }
    if (s == SHI_OK && (mask & SHI_SY_IGOS)) {
        s = add_igos(f, d, idx, err);
    }
    if (s == SHI_OK && (mask & SHI_SY_POPULATION)) {
        s = add_population(f, d, prow, err);
    }
    return s;
}

shi_status shi_stateyears_make(const shi_data *d, const shi_stateyear_opts *o, unsigned mask,
                               shi_frame *out, shi_err *err)
{
    memset(out, 0, sizeof *out);
    if (o->y0 > o->y1) {
        return shi_err_set(err, SHI_EUSAGE, "stateyears: the first year is after the last");
    }
    size_t n = collect(&d->states, o, NULL, NULL);
    int32_t *year = malloc((n ? n : 1) * sizeof *year);
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    long *prow = malloc((n ? n : 1) * sizeof *prow);
    shi_status s = !year || !idx || !prow ? shi_err_set(err, SHI_EIO, "out of memory") : SHI_OK;
    if (s == SHI_OK) {
        collect(&d->states, o, year, idx);
        s = shi_frame_init(out, "state_year", n, err);
    }
    if (s == SHI_OK) {
        s = fill(out, d, mask, year, idx, prow, err);
    }
    free(year);
    free(idx);
    free(prow);
    if (s != SHI_OK) {
        shi_frame_destroy(out);
        memset(out, 0, sizeof *out);
    }
    return s;
}
