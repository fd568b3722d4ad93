/*
 * dyads.c - generate dyad-years from the state registry's membership spells.
 */
#include <shi/dyads.h>

#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#    include <omp.h>
#endif

shi_region shi_region_of(int ccode)
{
    if (ccode >= 2 && ccode <= 165) {
        return SHI_AMERICAS;
    }
    if (ccode >= 200 && ccode <= 399) {
        return SHI_EUROPE;
    }
    if (ccode >= 400 && ccode <= 626) {
        return SHI_AFRICA;
    }
    if (ccode >= 630 && ccode <= 698) {
        return SHI_MIDDLE_EAST;
    }
    if (ccode >= 700 && ccode <= 899) {
        return SHI_ASIA;
    }
    if (ccode >= 900 && ccode <= 999) {
        return SHI_OCEANIA;
    }
    return SHI_REGION_NONE;
}

static const char *const REGION_NAMES[] = {"none",       "americas", "europe", "africa",
                                           "middleeast", "asia",     "oceania"};

const char *shi_region_name(shi_region r)
{
    return (unsigned)r < 7 ? REGION_NAMES[r] : "none";
}

shi_status shi_region_parse(const char *name, shi_region *out, shi_err *err)
{
    for (int r = 1; r < 7; r++) {
        if (strcmp(name, REGION_NAMES[r]) == 0) {
            *out = (shi_region)r;
            return SHI_OK;
        }
    }
    if (strcmp(name, "middle-east") == 0) {
        *out = SHI_MIDDLE_EAST;
        return SHI_OK;
    }
    return shi_err_set(err, SHI_EUSAGE,
                       "unknown region '%s'; valid regions are americas, europe, africa, "
                       "middleeast, asia, oceania",
                       name);
}

int shi_dyad_coexist(const shi_states *s, const shi_state *a, const shi_state *b, int year)
{
    int32_t y0 = year * 10000 + 101, y1 = year * 10000 + 1231;
    const shi_spell *sa = s->spells + a->sp0, *sb = s->spells + b->sp0;
    for (size_t i = 0; i < a->nsp; i++) {
        int32_t a0 = sa[i].start > y0 ? sa[i].start : y0, a1 = sa[i].end < y1 ? sa[i].end : y1;
        if (a0 > a1) {
            continue;
        }
        for (size_t j = 0; j < b->nsp; j++) {
            int32_t b0 = sb[j].start > a0 ? sb[j].start : a0;
            int32_t b1 = sb[j].end < a1 ? sb[j].end : a1;
            if (b0 <= b1) {
                return 1;
            }
        }
    }
    return 0;
}

/* Does the dyad pass the state and region filters? */
static int keep(const shi_dyad_opts *o, const char *in_list, int a, int b)
{
    if (o->states) {
        int ia = in_list[a], ib = in_list[b];
        if (o->both ? !(ia && ib) : !(ia || ib)) {
            return 0;
        }
    }
    if (o->regions) {
        unsigned ra = 1u << shi_region_of(a), rb = 1u << shi_region_of(b);
        if (!((ra | rb) & o->regions)) {
            return 0;
        }
    }
    return 1;
}

/* Politically relevant: contiguous (types 1-5) or a major power as a member. */
static int relevant(const shi_states *s, const shi_dyadic *dy, const shi_state *a,
                    const shi_state *b, size_t ia, size_t ib, int y)
{
    if (shi_states_major(s, a, y) || shi_states_major(s, b, y)) {
        return 1;
    }
    if (y < dy->y0 || y > dy->y1) {
        return 0;
    }
    uint8_t c = dy->contig[shi_dy_pair(dy, y, ia, ib)];
    return c >= 1 && c <= 5;
}

/* Members of `year`, as state indexes in ccode order. Returns their number. */
static size_t members(const shi_states *s, int year, size_t *idx)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (shi_states_member(s, &s->v[i], year)) {
            idx[n++] = i;
        }
    }
    return n;
}

/* Walk year `y`'s dyads in output order; write them at row `at` if cols != NULL.
 * Returns the number of dyads. */
static size_t walk_year(const shi_states *s, const shi_dyad_opts *o, const char *in_list, int y,
                        size_t *idx, int32_t *cy, int32_t *c1, int32_t *c2, size_t at)
{
    size_t n = members(s, y, idx), count = 0;
    if (o->states && o->both) {
        /* Both states must be listed: walk the listed members only (the
         * order, registry order, is kept). */
        size_t m = 0;
        for (size_t p = 0; p < n; p++) {
            if (in_list[s->v[idx[p]].ccode]) {
                idx[m++] = idx[p];
            }
        }
        n = m;
    }
    for (size_t p = 0; p < n; p++) {
        const shi_state *a = &s->v[idx[p]];
        for (size_t q = o->directed ? 0 : p + 1; q < n; q++) {
            if (q == p) {
                continue;
            }
            const shi_state *b = &s->v[idx[q]];
            if (!keep(o, in_list, a->ccode, b->ccode) || !shi_dyad_coexist(s, a, b, y)) {
                continue;
            }
            if (o->relevant && !relevant(s, o->relevant, a, b, idx[p], idx[q], y)) {
                continue;
            }
            if (cy) {
                cy[at + count] = y;
                c1[at + count] = a->ccode;
                c2[at + count] = b->ccode;
            }
            count++;
        }
    }
    return count;
}

shi_status shi_dyads_generate(const shi_states *s, const shi_dyad_opts *o, shi_frame *out,
                              shi_err *err)
{
    memset(out, 0, sizeof *out);
    if (o->y1 < o->y0) {
        return shi_err_set(err, SHI_EUSAGE, "dyads: the year range %d-%d runs backwards", o->y0,
                           o->y1);
    }
    size_t ny = (size_t)(o->y1 - o->y0 + 1);
    size_t *count = calloc(ny + 1, sizeof *count);
    char *in_list = calloc(1000, 1);
    shi_status st = SHI_OK;
    if (!count || !in_list) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    for (size_t k = 0; k < o->nstates; k++) {
        if (o->states[k] > 0 && o->states[k] < 1000) {
            in_list[o->states[k]] = 1;
        }
    }
    /* Pass 1: dyads per year. */
    int fail = 0;
#ifdef _OPENMP
#    pragma omp parallel num_threads(o->threads > 0 ? o->threads : omp_get_max_threads())
#endif
    {
        size_t *idx = malloc((s->n ? s->n : 1) * sizeof *idx);
        if (!idx) {
#ifdef _OPENMP
#    pragma omp atomic write
#endif
            fail = 1;
        }
#ifdef _OPENMP
#    pragma omp for schedule(dynamic, 4)
#endif
        for (long k = 0; k < (long)ny; k++) {
            if (idx) {
                count[k + 1] = walk_year(s, o, in_list, o->y0 + (int)k, idx, NULL, NULL, NULL, 0);
            }
        }
        free(idx);
    }
    if (fail) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    for (size_t k = 0; k < ny; k++) {
        count[k + 1] += count[k];
    }
    int32_t *cy, *c1, *c2;
    if ((st = shi_frame_init(out, "dyad_year", count[ny], err)) != SHI_OK ||
        (st = shi_frame_add_i32(out, "year", "Year", &cy, err)) != SHI_OK ||
        (st = shi_frame_add_i32(out, "ccode1", "COW country code of state 1", &c1, err)) !=
            SHI_OK ||
        (st = shi_frame_add_i32(out, "ccode2", "COW country code of state 2", &c2, err)) !=
            SHI_OK) {
        goto cleanup;
    }
    /* Pass 2: fill each year's block at its fixed offset. */
#ifdef _OPENMP
#    pragma omp parallel num_threads(o->threads > 0 ? o->threads : omp_get_max_threads())
#endif
    {
        size_t *idx = malloc((s->n ? s->n : 1) * sizeof *idx);
        if (!idx) {
#ifdef _OPENMP
#    pragma omp atomic write
#endif
            fail = 1;
        }
#ifdef _OPENMP
#    pragma omp for schedule(dynamic, 4)
#endif
        for (long k = 0; k < (long)ny; k++) {
            if (idx) {
                walk_year(s, o, in_list, o->y0 + (int)k, idx, cy, c1, c2, count[k]);
            }
        }
        free(idx);
    }
    if (fail) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
    }
cleanup:
    free(count);
    free(in_list);
    if (st != SHI_OK) {
        shi_frame_destroy(out);
    }
    return st;
}
