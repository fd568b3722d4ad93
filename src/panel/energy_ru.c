/*
 * energy_ru.c - the annual aggregates of the CREA file of imports from Russia
 * and the EI 2022 trade matrices (shi/energy.h, docs/energy.md).
 *
 * CREA's monthly rows are summed per importer, commodity and year, the
 * months kept as a mask. For the importers CREA took from UN Comtrade's
 * annual data every month is the annual total / 12 (PROVENANCE.md): the sum
 * of the 12 months is the annual total, and the mask gets SHI_ENC_SPREAD so
 * that such months are never read as monthly data. A year with fewer months
 * than 12 keeps its mask and is incomplete (the measures say so). CREA's
 * "EU" rows are the sum of the EU members' rows (checked in test_energy.c):
 * they are left out, so that no import is counted twice.
 */
#include <shi/energy.h>
#include <shi/io_energy.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "data_priv.h"

int shi_energy_is_europe(int c)
{
    /* The 36 reporters of the Eurostat file (docs/energy.md). The list this
     * replaces (data_energy.c) had Iceland (395), which the file does not
     * report, instead of Italy (325). */
    static const int rep[] = {200, 205, 210, 211, 212, 220, 230, 235, 255, 290, 305, 310,
                              316, 317, 325, 338, 341, 343, 344, 345, 349, 350, 352, 355,
                              359, 360, 366, 367, 368, 369, 372, 375, 380, 385, 390, 640};
    for (size_t i = 0; i < sizeof rep / sizeof rep[0]; i++) {
        if (rep[i] == c) {
            return 1;
        }
    }
    return 0;
}

/* Order of the monthly rows: importer, commodity, year, unit, month. */
typedef struct ru_key {
    int32_t imp, ym;
    int8_t comm, meas;
    double v;
} ru_key;

static int ru_cmp(const void *p, const void *q)
{
    const ru_key *a = p, *b = q;
    if (a->imp != b->imp) {
        return a->imp < b->imp ? -1 : 1;
    }
    if (a->comm != b->comm) {
        return a->comm < b->comm ? -1 : 1;
    }
    if (a->ym / 100 != b->ym / 100) {
        return a->ym < b->ym ? -1 : 1;
    }
    if (a->meas != b->meas) {
        return a->meas < b->meas ? -1 : 1;
    }
    return a->ym < b->ym ? -1 : a->ym > b->ym;
}

static shi_status ru_grow(shi_energy_ru *r, size_t *cap, shi_err *err)
{
    const shi_col_ref cols[] = {SHI_COL_REF(r->imp), SHI_COL_REF(r->year), SHI_COL_REF(r->comm),
                                SHI_COL_REF(r->t),   SHI_COL_REF(r->eur),  SHI_COL_REF(r->mt),
                                SHI_COL_REF(r->me)};
    if (shi_grow_columns(cols, sizeof cols / sizeof cols[0], cap, r->n + 1, 1024) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    return SHI_OK;
}

shi_status shi_i_energy_ru_add(shi_energy_ru *r, size_t *cap, int imp, int comm, int year, double t,
                               double eur, unsigned mt, unsigned me, shi_err *err)
{
    shi_status s = ru_grow(r, cap, err);
    if (s == SHI_OK) {
        size_t k = r->n++;
        r->imp[k] = imp;
        r->comm[k] = (int8_t)comm;
        r->year[k] = year;
        r->t[k] = t;
        r->eur[k] = eur;
        r->mt[k] = (uint16_t)mt;
        r->me[k] = (uint16_t)me;
    }
    return s;
}

shi_status shi_energy_ru_build(shi_energy_ru *r, const shi_energy_table *t, shi_err *err)
{
    memset(r, 0, sizeof *r);
    ru_key *k = malloc((t->n + 1) * sizeof *k);
    if (!k) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (t->importer[i] != SHI_EN_EU_AGG && !isnan(t->value[i])) {
            k[n++] = (ru_key){t->importer[i], t->ym[i], t->label[i], t->measure[i], t->value[i]};
        }
    }
    qsort(k, n, sizeof *k, ru_cmp);
    size_t cap = 0;
    shi_status s = SHI_OK;
    for (size_t i = 0; i < n && s == SHI_OK;) {
        double sum[2] = {(double)NAN, (double)NAN};
        unsigned mask[2] = {0, 0};
        size_t j = i;
        for (; j < n && k[j].imp == k[i].imp && k[j].comm == k[i].comm &&
               k[j].ym / 100 == k[i].ym / 100;
             j++) {
            int u = k[j].meas == SHI_ENM_EUR;
            sum[u] = (isnan(sum[u]) ? 0 : sum[u]) + k[j].v;
            mask[u] |= 1u << (k[j].ym % 100 - 1);
        }
        /* An annual total spread evenly: every one of the 12 months equal. */
        for (int u = 0; u < 2; u++) {
            int same = mask[u] == 0xFFFu;
            for (size_t m = i + 1; m < j && same; m++) {
                if (k[m].meas == k[m - 1].meas && (k[m].meas == SHI_ENM_EUR) == u) {
                    same = k[m].v == k[m - 1].v;
                }
            }
            mask[u] |= same ? SHI_ENC_SPREAD : 0u;
        }
        s = shi_i_energy_ru_add(r, &cap, k[i].imp, k[i].comm, k[i].ym / 100, sum[0], sum[1],
                                mask[0], mask[1], err);
        i = j;
    }
    free(k);
    return s;
}

long shi_energy_ru_find(const shi_energy_ru *r, int imp, int comm, int year)
{
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int64_t a = ((int64_t)r->imp[mid] * 16 + r->comm[mid]) * 4096 + r->year[mid];
        int64_t b = ((int64_t)imp * 16 + comm) * 4096 + year;
        if (a == b) {
            return (long)mid;
        }
        if (a < b) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return -1;
}

shi_status shi_i_energy_ei_add(shi_energy_ei *x, size_t *cap, int exp, int imp, int comm, int year,
                               double v, shi_err *err)
{
    const shi_col_ref cols[] = {SHI_COL_REF(x->exp), SHI_COL_REF(x->imp), SHI_COL_REF(x->year),
                                SHI_COL_REF(x->comm), SHI_COL_REF(x->value)};
    if (shi_grow_columns(cols, sizeof cols / sizeof cols[0], cap, x->n + 1, 256) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    size_t k = x->n++;
    x->exp[k] = exp;
    x->imp[k] = imp;
    x->comm[k] = (int8_t)comm;
    x->year[k] = year;
    x->value[k] = v;
    return SHI_OK;
}

shi_status shi_energy_ei_build(shi_energy_ei *x, const shi_ei_table *t, shi_err *err)
{
    memset(x, 0, sizeof *x);
    size_t cap = 0;
    shi_status s = SHI_OK;
    for (size_t i = 0; i < t->n && s == SHI_OK; i++) {
        s = shi_i_energy_ei_add(x, &cap, t->exp[i], t->imp[i], t->comm[i], t->year[i], t->value[i],
                                err);
    }
    return s;
}
