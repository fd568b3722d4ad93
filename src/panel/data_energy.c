/*
 * data_energy.c - the energy part of the data view (SHI_DATA_ENERGY,
 * shi/energy.h): the embedded data/energy.shd, or the official files in a
 * directory (each found file replaces its source's embedded records); and
 * building energy.shd.
 *
 * .shd records (tab-separated; see docs/data.md and docs/energy.md):
 *   energy  importer  exporter  commodity  year  qty  qty_tm  usd  months  tmonths
 * importer 710 (China) or -2 (Europe: the 36 Eurostat reporters); exporter a
 * COW code or 0 (the importer's total); commodity 0 crude (t), 1 pipeline gas
 * (bcm), 2 LNG (bcm), 3 coal (t), 4 Europe's gas (TJ); months and tmonths are
 * 12-bit masks (bit m-1 = month m) of the partner's months and of the
 * months the importer's total reports. The embedded file keeps every China
 * record and Europe's imports from outside the 36 reporters (intra-European
 * flows are not used).
 *   crea    importer  commodity  year  tonnes  eur  mt  me
 * Russia's exports by importer (CREA; commodity SHI_ENC_*, mt/me the month
 * masks of tonnes and euros, bit 12 SHI_ENC_SPREAD); the embedded file keeps
 * crude, products, pipeline gas, LNG and coal.
 *   ei      exporter  importer  commodity  year  value
 * EI 2022 matrix flows as published (SHI_EIC_*; Mt, bcm, EJ; a region is
 * SHI_EN_REGION0 - k); the embedded file keeps the flows into China and out
 * of Russia.
 */
#include <shi/data.h>
#include <shi/energy.h>
#include <shi/io_energy.h>
#include <shi/outfile.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/shd.h"
#include "data_priv.h"

extern const unsigned char shi_embedded_energy[];
extern const size_t shi_embedded_energy_len;

enum { EN_CUSTOMS, EN_EUROSTAT, EN_CREA, EN_EI, EN_NSRC };

static const struct {
    const char *id, *name, *version, *citation, *paths[2];
} ESRC[EN_NSRC] = {
    {"customs",
     "China Customs energy imports by partner (Wind, via CREA)",
     "CREA b2059d8+555c436",
     "General Administration of Customs of the People's Republic of China, via the Wind "
     "terminal; compiled by the Centre for Research on Energy and Clean Air (CREA), "
     "fossil_shipment_tracker_r, inst/extdata/china/china_imports_wind.csv",
     {"energy_china_customs/china_customs_energy_imports_by_partner_monthly.csv",
      "china_customs_energy_imports_by_partner_monthly.csv"}},
    {"eurostat_en",
     "Eurostat energy imports of 36 European countries by partner (via CREA)",
     "CREA 555c436",
     "Eurostat, imports of crude oil, coal and natural gas by partner country (nrg_ti_*), "
     "monthly; compiled by the Centre for Research on Energy and Clean Air (CREA), "
     "fossil_shipment_tracker_r, inst/extdata/eurostat.RDS",
     {"energy_crea/crea_eurostat_energy_imports_by_partner_monthly.csv",
      "crea_eurostat_energy_imports_by_partner_monthly.csv"}},
    {"crea_ru",
     "CREA imports from Russia of 125 countries, EUR and tonnes (Comtrade, Eurostat)",
     "CREA 555c436",
     "UN Comtrade and Eurostat, imports from the Russian Federation; compiled by the Centre for "
     "Research on Energy and Clean Air (CREA), fossil_shipment_tracker_r, "
     "inst/extdata/comtrade_eurostat.RDS. Licence: MIT and GPL-3 conflict in the repository; "
     "Comtrade and Eurostat terms not restated",
     {"energy_crea/crea_imports_from_russia_comtrade_eurostat_monthly.csv",
      "crea_imports_from_russia_comtrade_eurostat_monthly.csv"}},
    {"ei_trade",
     "Energy Institute Statistical Review of World Energy 2023, trade matrices 2022",
     "EI 2023",
     "Energy Institute Statistical Review of World Energy (2023), oil, gas and coal trade "
     "movements 2022 (c) Energy Institute 2023; via ryanczm/BP-Statistical-Report. No "
     "licence stated beyond the citation: shi embeds only 200 flows of 2022",
     {"energy_ei_statreview_2023/ei_statreview2023_trade_matrices_2022_long.csv",
      "ei_statreview2023_trade_matrices_2022_long.csv"}},
};

static shi_status add_source(shi_data *d, int k, const char *loaded, shi_err *err)
{
    if (d->nsrc >= SHI_MAX_SOURCES) {
        return shi_err_set(err, SHI_EINTERNAL, "too many data sources");
    }
    shi_source *s = &d->src[d->nsrc++];
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "%s", ESRC[k].id);
    snprintf(s->name, sizeof s->name, "%s", ESRC[k].name);
    snprintf(s->version, sizeof s->version, "%s", ESRC[k].version);
    snprintf(s->citation, sizeof s->citation, "%s", ESRC[k].citation);
    snprintf(s->file, sizeof s->file, "%s", shi_i_base_name(ESRC[k].paths[0]));
    size_t n = strlen(loaded);
    n = n < sizeof s->loaded - 1 ? n : sizeof s->loaded - 1;
    memcpy(s->loaded, loaded, n);
    s->loaded[n] = '\0';
    return SHI_OK;
}

/* Every partner code must be a state of the registry (or a special code). */
static shi_status check_codes(const shi_data *d, size_t n, const int32_t *partner,
                              const int32_t *importer, const int32_t *line, const int32_t *col,
                              const char *path, shi_err *err)
{
    char known[1000] = {0};
    for (size_t i = 0; i < d->states.n; i++) {
        known[d->states.v[i].ccode] = 1;
    }
    for (size_t i = 0; i < n; i++) {
        int c = partner[i], r = importer[i];
        if ((c > 0 && !known[c]) || (r > 0 && !known[r])) {
            return shi_err_set_at(err, SHI_EDATA, path, line[i], col[i],
                                  "COW code %d of the name table is not in the state registry",
                                  c > 0 && !known[c] ? c : r);
        }
    }
    return SHI_OK;
}

/* A 'crea' record: importer comm year tonnes eur mt me. */
static shi_status shd_crea(shi_csv *c, shi_energy_ru *r, size_t *cap, shi_err *err)
{
    int64_t a[5];
    double x[2];
    shi_status s;
    if ((s = shi_shd_fields(c, 8, err)) || (s = shi_shd_int(c, 1, -3, 999, &a[0], err)) ||
        (s = shi_shd_int(c, 2, 0, SHI_ENC_N - 1, &a[1], err)) ||
        (s = shi_shd_int(c, 3, 1900, 2100, &a[2], err)) || (s = shi_shd_reals(c, 4, 2, x, err)) ||
        (s = shi_shd_int(c, 6, 0, 0x1FFF, &a[3], err)) ||
        (s = shi_shd_int(c, 7, 0, 0x1FFF, &a[4], err))) {
        return s;
    }
    return shi_i_energy_ru_add(r, cap, (int)a[0], (int)a[1], (int)a[2], x[0], x[1], (unsigned)a[3],
                               (unsigned)a[4], err);
}

/* An 'ei' record: exporter importer comm year value. */
static shi_status shd_ei(shi_csv *c, shi_energy_ei *x, size_t *cap, shi_err *err)
{
    int64_t a[4];
    double v;
    shi_status s;
    if ((s = shi_shd_fields(c, 6, err)) ||
        (s = shi_shd_int(c, 1, SHI_EN_REGION0 - 99, 999, &a[0], err)) ||
        (s = shi_shd_int(c, 2, SHI_EN_REGION0 - 99, 999, &a[1], err)) ||
        (s = shi_shd_int(c, 3, 0, SHI_EIC_N - 1, &a[2], err)) ||
        (s = shi_shd_int(c, 4, 1900, 2100, &a[3], err)) || (s = shi_shd_reals(c, 5, 1, &v, err))) {
        return s;
    }
    return shi_i_energy_ei_add(x, cap, (int)a[0], (int)a[1], (int)a[2], (int)a[3], v, err);
}

/* Append the embedded records of the sources not read from files. */
static shi_status from_shd(shi_energy *e, const int have[EN_NSRC], shi_err *err)
{
    shi_csv *c = NULL;
    shi_status s = shi_shd_open(&c, "<embedded energy data>", shi_embedded_energy,
                                shi_embedded_energy_len, err);
    size_t cap = e->n, rcap = 0, xcap = 0;
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_csv_next(c, &got, err)) != SHI_OK || !got) {
            break;
        }
        const char *rec = shi_csv_field(c, 0);
        if (strcmp(rec, "crea") == 0 && !have[EN_CREA]) {
            s = shd_crea(c, &e->ru, &rcap, err);
            continue;
        }
        if (strcmp(rec, "ei") == 0 && !have[EN_EI]) {
            s = shd_ei(c, &e->ei, &xcap, err);
            continue;
        }
        if (strcmp(rec, "energy") != 0) {
            continue;
        }
        int64_t a[4], m[2];
        double x[3];
        if ((s = shi_shd_fields(c, 10, err)) || (s = shi_shd_int(c, 1, -2, 999, &a[0], err)) ||
            (s = shi_shd_int(c, 2, -2, 999, &a[1], err)) ||
            (s = shi_shd_int(c, 3, 0, SHI_EN_NCOMM - 1, &a[2], err)) ||
            (s = shi_shd_int(c, 4, 1900, 2100, &a[3], err)) ||
            (s = shi_shd_reals(c, 5, 3, x, err)) || (s = shi_shd_int(c, 8, 0, 4095, &m[0], err)) ||
            (s = shi_shd_int(c, 9, 0, 4095, &m[1], err))) {
            break;
        }
        if (have[a[0] == 710 ? EN_CUSTOMS : EN_EUROSTAT]) {
            continue;
        }
        if (e->n == cap) {
            cap = cap ? 2 * cap : 4096;
            shi_energy g = *e;
#define EN_GROW(f) g.f = realloc(e->f, cap * sizeof *e->f)
            EN_GROW(imp);
            EN_GROW(exp);
            EN_GROW(year);
            EN_GROW(comm);
            EN_GROW(qty);
            EN_GROW(qty_tm);
            EN_GROW(usd);
            EN_GROW(months);
            EN_GROW(tmonths);
#undef EN_GROW
            *e = g;
            if (!g.imp || !g.exp || !g.year || !g.comm || !g.qty || !g.qty_tm || !g.usd ||
                !g.months || !g.tmonths) {
                s = shi_err_set(err, SHI_EIO, "out of memory");
                break;
            }
        }
        size_t k = e->n++;
        e->imp[k] = (int32_t)a[0];
        e->exp[k] = (int32_t)a[1];
        e->comm[k] = (int8_t)a[2];
        e->year[k] = (int32_t)a[3];
        e->qty[k] = x[0];
        e->qty_tm[k] = x[1];
        e->usd[k] = x[2];
        e->months[k] = (uint16_t)m[0];
        e->tmonths[k] = (uint16_t)m[1];
    }
    shi_csv_free(c);
    return s;
}

/* Read source k's file; every code must be in the registry. */
static shi_status read_source(const shi_data *d, int k, const char *path, shi_energy_table *t,
                              shi_ei_table *ei, shi_err *err)
{
    if (k == EN_EI) {
        shi_status s = shi_io_read_ei_trade(path, ei, err);
        return s == SHI_OK ? check_codes(d, ei->n, ei->exp, ei->imp, ei->line, ei->col, path, err)
                           : s;
    }
    shi_status s = k == EN_CUSTOMS    ? shi_io_read_china_customs(path, t, err)
                   : k == EN_EUROSTAT ? shi_io_read_eurostat_energy(path, t, err)
                                      : shi_io_read_crea_russia(path, t, err);
    return s == SHI_OK ? check_codes(d, t->n, t->partner, t->importer, t->line, t->col, path, err)
                       : s;
}

shi_status shi_i_data_load_energy(shi_data *d, const char *dir, shi_err *err)
{
    shi_energy_table t[EN_NSRC];
    shi_ei_table ei;
    memset(t, 0, sizeof t);
    memset(&ei, 0, sizeof ei);
    char path[EN_NSRC][400];
    int have[EN_NSRC] = {0};
    shi_status s = SHI_OK;
    for (int k = 0; k < EN_NSRC && dir && s == SHI_OK; k++) {
        for (int i = 0; i < 2 && !have[k]; i++) {
            snprintf(path[k], sizeof path[k], "%s/%s", dir, ESRC[k].paths[i]);
            have[k] = shi_i_file_exists(path[k]);
        }
        if (have[k]) {
            s = read_source(d, k, path[k], &t[k], &ei, err);
        }
    }
    const char *const paths[2] = {have[0] ? path[0] : "", have[1] ? path[1] : ""};
    if (s == SHI_OK) {
        s = shi_energy_build(&d->en, have[0] ? &t[0] : NULL, have[1] ? &t[1] : NULL, paths, err);
    }
    if (s == SHI_OK && have[EN_CREA]) {
        s = shi_energy_ru_build(&d->en.ru, &t[EN_CREA], err);
    }
    if (s == SHI_OK && have[EN_EI]) {
        s = shi_energy_ei_build(&d->en.ei, &ei, err);
    }
    if (s == SHI_OK && !(have[0] && have[1] && have[EN_CREA] && have[EN_EI])) {
        s = from_shd(&d->en, have, err);
    }
    if (s == SHI_OK) {
        s = shi_i_energy_finish(&d->en, err);
    }
    for (int k = 0; k < EN_NSRC && s == SHI_OK; k++) {
        s = add_source(d, k, have[k] ? path[k] : "embedded", err);
    }
    for (int k = 0; k < EN_NSRC; k++) {
        shi_energy_table_destroy(&t[k]);
    }
    shi_ei_table_destroy(&ei);
    if (s != SHI_OK) {
        shi_energy_destroy(&d->en);
    }
    d->en_loaded = s == SHI_OK;
    return s;
}

/* The CREA and EI records of the embedded copy: the annual aggregates of
 * Russia's exports by importer of crude, products, pipeline gas, LNG and coal
 * (coke, tar and coal gas are left out: no measure uses them); of the EI
 * matrices only the flows into China and out of Russia (the cross-checks use
 * no other). */
static void write_ru_ei(FILE *f, const shi_energy *e)
{
    const shi_energy_ru *r = &e->ru;
    for (size_t k = 0; k < r->n; k++) {
        if (r->comm[k] == SHI_ENC_COKE || r->comm[k] == SHI_ENC_TAR ||
            r->comm[k] == SHI_ENC_COAL_GAS) {
            continue;
        }
        fprintf(f, "crea\t%d\t%d\t%d", r->imp[k], r->comm[k], r->year[k]);
        shi_shd_put_real(f, r->t[k]);
        shi_shd_put_real(f, r->eur[k]);
        fprintf(f, "\t%u\t%u\n", (unsigned)r->mt[k], (unsigned)r->me[k]);
    }
    const shi_energy_ei *x = &e->ei;
    for (size_t k = 0; k < x->n; k++) {
        if (x->imp[k] == 710 || x->exp[k] == 365) {
            fprintf(f, "ei\t%d\t%d\t%d\t%d", x->exp[k], x->imp[k], x->comm[k], x->year[k]);
            shi_shd_put_real(f, x->value[k]);
            fputc('\n', f);
        }
    }
}

shi_status shi_data_build_energy(const char *dir, const char *out, shi_err *err)
{
    shi_data d;
    memset(&d, 0, sizeof d);
    shi_status s = shi_i_data_load_caps(&d, dir, NULL, err);
    for (int k = 0; k < EN_NSRC && s == SHI_OK; k++) {
        char p[400];
        int ok = 0;
        for (int i = 0; i < 2 && !ok; i++) {
            snprintf(p, sizeof p, "%s/%s", dir, ESRC[k].paths[i]);
            ok = shi_i_file_exists(p);
        }
        if (!ok) {
            s = shi_err_set(err, SHI_EDATA, "'%s' has no %s file (looked for '%s')", dir,
                            ESRC[k].name, ESRC[k].paths[0]);
        }
    }
    if (s == SHI_OK) {
        s = shi_i_data_load_energy(&d, dir, err);
    }
    shi_outfile o;
    if (s == SHI_OK && (s = shi_outfile_open(&o, out, err)) == SHI_OK) {
        FILE *f = o.fp;
        const shi_energy *e = &d.en;
        fprintf(f, "shi-data\t1\nnote\tEnergy trade, annual aggregates derived by 'shi data "
                   "build' from the monthly files named below (docs/energy.md); Europe's "
                   "imports only from outside the 36 reporters. Not an official "
                   "distribution: cite the sources.\n");
        for (int k = 0; k < EN_NSRC; k++) {
            fprintf(f, "source\t%s\t%s\t%s\t%s\t%s\n", ESRC[k].id, ESRC[k].name, ESRC[k].version,
                    ESRC[k].citation, shi_i_base_name(ESRC[k].paths[0]));
        }
        for (size_t k = 0; k < e->n; k++) {
            if (e->imp[k] == SHI_EN_EUROPE && shi_energy_is_europe(e->exp[k])) {
                continue;
            }
            fprintf(f, "energy\t%d\t%d\t%d\t%d", e->imp[k], e->exp[k], e->comm[k], e->year[k]);
            shi_shd_put_real(f, e->qty[k]);
            shi_shd_put_real(f, e->qty_tm[k]);
            shi_shd_put_real(f, e->usd[k]);
            fprintf(f, "\t%u\t%u\n", (unsigned)e->months[k], (unsigned)e->tmonths[k]);
        }
        write_ru_ei(f, e);
        s = shi_outfile_commit(&o, err);
        shi_outfile_abort(&o);
    }
    shi_states_destroy(&d.states);
    shi_panel_destroy(&d.caps);
    shi_energy_destroy(&d.en);
    return s;
}
