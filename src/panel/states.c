/*
 * states.c - the state registry: build from COW spells, look up, resolve names.
 */
#include <shi/io.h>
#include <shi/states.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state_aliases.h"

void shi_states_init(shi_states *s)
{
    memset(s, 0, sizeof *s);
}

void shi_states_destroy(shi_states *s)
{
    if (!s) {
        return;
    }
    free(s->v);
    free(s->spells);
    free(s->majors);
    memset(s, 0, sizeof *s);
}

static long find_index(const shi_states *s, int ccode);

static shi_state *find_mut(shi_states *s, int ccode)
{
    long i = find_index(s, ccode);
    return i < 0 ? NULL : &s->v[i];
}

static int cmp_rec(const void *a, const void *b)
{
    const shi_spell_rec *x = a, *y = b;
    if (x->ccode != y->ccode) {
        return x->ccode < y->ccode ? -1 : 1;
    }
    return (x->start > y->start) - (x->start < y->start);
}

static shi_status sorted_copy(const shi_spell_recs *in, shi_spell_rec **out, shi_err *err)
{
    *out = malloc((in->n ? in->n : 1) * sizeof **out);
    if (!*out) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (in->n > 0) { /* an empty list may have no array at all */
        memcpy(*out, in->v, in->n * sizeof **out);
        qsort(*out, in->n, sizeof **out, cmp_rec);
    }
    return SHI_OK;
}

shi_status shi_states_build(shi_states *s, const shi_spell_recs *members, const char *members_path,
                            const shi_spell_recs *majors, const char *majors_path,
                            const shi_iso_recs *iso, int32_t censor_date, int32_t extend_to,
                            shi_err *err)
{
    shi_states_init(s);
    shi_spell_rec *m = NULL, *mj = NULL;
    shi_status st = sorted_copy(members, &m, err);
    if (st == SHI_OK) {
        st = sorted_copy(majors, &mj, err);
    }
    if (st != SHI_OK) {
        goto cleanup;
    }
    s->v = calloc(members->n ? members->n : 1, sizeof *s->v);
    s->spells = malloc((members->n ? members->n : 1) * sizeof *s->spells);
    s->majors = malloc((majors->n ? majors->n : 1) * sizeof *s->majors);
    if (!s->v || !s->spells || !s->majors) {
        st = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < members->n; i++) {
        const shi_spell_rec *r = &m[i];
        shi_state *cur = s->n ? &s->v[s->n - 1] : NULL;
        if (!cur || cur->ccode != r->ccode) {
            cur = &s->v[s->n++];
            cur->ccode = r->ccode;
            snprintf(cur->abb, sizeof cur->abb, "%s", r->abb);
            snprintf(cur->name, sizeof cur->name, "%s", r->name);
            cur->sp0 = s->nspells;
        } else if (strcmp(cur->abb, r->abb) != 0) {
            st = shi_err_set_at(err, SHI_EDATA, members_path, r->line, r->col,
                                "state %d is '%s' here but '%s' on another line", r->ccode, r->abb,
                                cur->abb);
            goto cleanup;
        } else if (r->start <= s->spells[s->nspells - 1].end) {
            st = shi_err_set_at(err, SHI_EDATA, members_path, r->line, r->col,
                                "membership spells of state %d overlap", r->ccode);
            goto cleanup;
        }
        shi_spell sp = {r->start, r->end};
        if (censor_date && sp.end == censor_date) {
            sp.end = extend_to;
        }
        s->spells[s->nspells++] = sp;
        cur->nsp++;
    }
    for (size_t i = 0; i < majors->n; i++) {
        const shi_spell_rec *r = &mj[i];
        shi_state *cur = find_mut(s, r->ccode);
        if (!cur) {
            /* Either list can be at fault; the membership list is the one that
             * usually is (a user's states file without USA, issue 20), so it
             * comes first, and the major-power line is named too. */
            st = shi_err_set_at(err, SHI_EDATA, members_path, 0, 0,
                                "state %d is not in this membership list, but %s:%ld:%ld lists it "
                                "as a major power",
                                r->ccode, majors_path, (long)r->line, (long)r->col);
            goto cleanup;
        }
        if (cur->nmp == 0) {
            cur->mp0 = s->nmajors;
        } else if (cur->mp0 + cur->nmp != s->nmajors) {
            st = shi_err_set(err, SHI_EINTERNAL, "major-power spells not grouped");
            goto cleanup;
        }
        s->majors[s->nmajors].start = r->start;
        s->majors[s->nmajors].end = r->end;
        s->nmajors++;
        cur->nmp++;
    }
    if (iso) {
        for (size_t i = 0; i < iso->n; i++) {
            shi_state *cur = find_mut(s, iso->v[i].ccode);
            if (cur) {
                memcpy(cur->iso3, iso->v[i].iso3, sizeof cur->iso3);
            }
        }
    }
cleanup:
    free(m);
    free(mj);
    if (st != SHI_OK) {
        shi_states_destroy(s);
    }
    return st;
}

static long find_index(const shi_states *s, int ccode)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->v[mid].ccode < ccode) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < s->n && s->v[lo].ccode == ccode ? (long)lo : -1;
}

const shi_state *shi_states_get(const shi_states *s, int ccode)
{
    long i = find_index(s, ccode);
    return i < 0 ? NULL : &s->v[i];
}

static int in_spells(const shi_spell *sp, size_t n, int year)
{
    int32_t y0 = year * 10000 + 101, y1 = year * 10000 + 1231;
    for (size_t i = 0; i < n; i++) {
        if (sp[i].start <= y1 && sp[i].end >= y0) {
            return 1;
        }
    }
    return 0;
}

int shi_states_member(const shi_states *s, const shi_state *st, int year)
{
    return in_spells(s->spells + st->sp0, st->nsp, year);
}

int shi_states_major(const shi_states *s, const shi_state *st, int year)
{
    return in_spells(s->majors + st->mp0, st->nmp, year);
}

void shi_states_years(const shi_states *s, const shi_state *st, int *first, int *last)
{
    *first = st->nsp ? s->spells[st->sp0].start / 10000 : 0;
    *last = st->nsp ? s->spells[st->sp0 + st->nsp - 1].end / 10000 : 0;
}

/* ---- name resolution ------------------------------------------------------ */

static void lower(char *dst, size_t size, const char *src)
{
    size_t i = 0;
    for (; src[i] && i + 1 < size; i++) {
        dst[i] = (char)tolower((unsigned char)src[i]);
    }
    dst[i] = '\0';
}

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions), on at most 63 bytes of each string. */
static int edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 63) {
        n = 63;
    }
    if (m > 63) {
        m = 63;
    }
    int d[64][64];
    for (size_t i = 0; i <= n; i++) {
        d[i][0] = (int)i;
    }
    for (size_t j = 0; j <= m; j++) {
        d[0][j] = (int)j;
    }
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) {
                v = d[i][j - 1] + 1;
            }
            if (d[i - 1][j - 1] + cost < v) {
                v = d[i - 1][j - 1] + cost;
            }
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v) {
                v = d[i - 2][j - 2] + 1;
            }
            d[i][j] = v;
        }
    }
    return d[n][m];
}

#define MAX_CAND 8

static void add_cand(const shi_state **c, size_t *n, const shi_state *st)
{
    for (size_t i = 0; i < *n; i++) {
        if (c[i] == st) {
            return;
        }
    }
    if (*n < MAX_CAND) {
        c[(*n)++] = st;
    }
}

static void describe(char *buf, size_t size, const shi_state *const *c, size_t n)
{
    size_t off = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && off < size; i++) {
        int w = snprintf(buf + off, size - off, "%s%s (%d, %s)", i ? ", " : "", c[i]->name,
                         c[i]->ccode, c[i]->abb);
        if (w < 0) {
            break;
        }
        off += (size_t)w;
    }
}

/* Keep the candidates that are members in `year` when some are (year 0: all). */
static void prefer_members(const shi_states *s, int year, const shi_state **c, size_t *n)
{
    if (!year || *n < 1) {
        return;
    }
    const shi_state *m[MAX_CAND];
    size_t nm = 0;
    for (size_t i = 0; i < *n; i++) {
        if (shi_states_member(s, c[i], year)) {
            m[nm++] = c[i];
        }
    }
    if (nm >= 1) {
        memcpy(c, m, nm * sizeof *m);
        *n = nm;
    }
}

static int any_member(const shi_states *s, int year, const shi_state *const *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (shi_states_member(s, c[i], year)) {
            return 1;
        }
    }
    return 0;
}

/* The states an alias names in `year` (0: in any year). */
static size_t alias_matches(const shi_states *s, const char *q, int year, const shi_state **c)
{
    const shi_state_alias *a;
    size_t na = shi_i_state_aliases(&a), n = 0;
    for (size_t i = 0; i < na; i++) {
        if (strcmp(a[i].alias, q) == 0 && (!year || (year >= a[i].y0 && year <= a[i].y1))) {
            const shi_state *st = shi_states_get(s, a[i].ccode);
            if (st) {
                add_cand(c, &n, st);
            }
        }
    }
    return n;
}

static shi_status ambiguous(const char *query, const shi_state *const *c, size_t n, shi_err *err)
{
    char list[400];
    describe(list, sizeof list, c, n);
    return shi_err_set(err, SHI_EUSAGE, "ambiguous state '%s': %s; give a COW code or abbreviation",
                       query, list);
}

/* Unknown: suggest the closest abbreviations, ISO codes, names and aliases by
 * edit distance, and names that contain the query; never pick one. */
static shi_status unknown_state(const shi_states *s, const char *query, const char *q, shi_err *err)
{
    size_t ql = strlen(q);
    char buf[128];
    int best[3] = {99, 99, 99};
    const shi_state *bs[3] = {NULL, NULL, NULL};
    const shi_state_alias *al;
    size_t nal = shi_i_state_aliases(&al);
    for (size_t i = 0; i < s->n; i++) {
        const shi_state *st = &s->v[i];
        const char *keys[3] = {st->abb, st->iso3, st->name};
        int d = 99;
        for (int k = 0; k < 3; k++) {
            if (!keys[k][0]) {
                continue;
            }
            lower(buf, sizeof buf, keys[k]);
            int e = edit_distance(q, buf);
            d = e < d ? e : d;
        }
        for (size_t k = 0; k < nal; k++) {
            if (al[k].ccode == st->ccode) {
                int e = edit_distance(q, al[k].alias);
                d = e < d ? e : d;
            }
        }
        for (int k = 0; k < 3; k++) {
            if (d < best[k]) {
                for (int j = 2; j > k; j--) {
                    best[j] = best[j - 1];
                    bs[j] = bs[j - 1];
                }
                best[k] = d;
                bs[k] = st;
                break;
            }
        }
    }
    int limit = (int)ql / 3 > 2 ? (int)ql / 3 : 2;
    const shi_state *c[MAX_CAND];
    size_t ns = 0;
    for (int k = 0; k < 3; k++) {
        if (bs[k] && best[k] <= limit) {
            add_cand(c, &ns, bs[k]);
        }
    }
    /* Names that contain the query as a word start ('north' -> North Korea). */
    for (size_t i = 0; ql >= 3 && i < s->n && ns < 5; i++) {
        lower(buf, sizeof buf, s->v[i].name);
        const char *hit = strstr(buf, q);
        if (hit && (hit == buf || hit[-1] == ' ')) {
            add_cand(c, &ns, &s->v[i]);
        }
    }
    if (ns == 0) {
        return shi_err_set(err, SHI_EUSAGE, "unknown state '%s'; 'shi states' lists the known ones",
                           query);
    }
    char list[400];
    describe(list, sizeof list, c, ns);
    return shi_err_set(err, SHI_EUSAGE, "unknown state '%s'; did you mean %s?", query, list);
}

shi_status shi_states_resolve(const shi_states *s, const char *query, int year,
                              const shi_state **out, shi_err *err)
{
    *out = NULL;
    char q[128];
    while (*query == ' ') {
        query++;
    }
    lower(q, sizeof q, query);
    size_t ql = strlen(q);
    while (ql > 0 && q[ql - 1] == ' ') {
        q[--ql] = '\0';
    }
    if (ql == 0) {
        return shi_err_set(err, SHI_EUSAGE, "empty state name");
    }
    int digits = 1;
    for (size_t i = 0; i < ql; i++) {
        digits &= isdigit((unsigned char)q[i]) != 0;
    }
    if (digits) {
        const shi_state *st = ql <= 4 ? shi_states_get(s, atoi(q)) : NULL;
        if (!st) {
            return shi_err_set(err, SHI_EUSAGE, "unknown COW country code '%s'", query);
        }
        *out = st;
        return SHI_OK;
    }
    /* Only exact identifiers, in this order: COW or ISO abbreviation, COW
     * name, then the alias table (docs/states.md). No prefix or substring
     * ever resolves a name: a guess is an error with suggestions. */
    const shi_state *c[MAX_CAND], *cow = NULL;
    size_t n = 0, ncow = 0;
    char buf[128];
    for (size_t i = 0; i < s->n; i++) {
        const shi_state *st = &s->v[i];
        lower(buf, sizeof buf, st->abb);
        if (strcmp(buf, q) == 0) {
            add_cand(c, &n, st);
            cow = st;
            ncow++;
        }
        lower(buf, sizeof buf, st->iso3);
        if (buf[0] && strcmp(buf, q) == 0) {
            add_cand(c, &n, st);
        }
    }
    if (n > 0) {
        /* Both are exact codes: a year picks the member ('KOR' in 2000 is
         * South Korea by ISO, not the COW Korea of 1887-1905); otherwise the
         * COW abbreviation wins ('AUS' is Austria, as in COW). */
        prefer_members(s, year, c, &n);
        if (n > 1 && ncow == 1) {
            for (size_t i = 0; i < n; i++) {
                if (c[i] == cow) {
                    *out = cow;
                    return SHI_OK;
                }
            }
        }
        if (n == 1) {
            *out = c[0];
            return SHI_OK;
        }
        return ambiguous(query, c, n, err);
    }
    for (size_t i = 0; i < s->n; i++) {
        lower(buf, sizeof buf, s->v[i].name);
        if (strcmp(buf, q) == 0) {
            add_cand(c, &n, &s->v[i]);
        }
    }
    /* A COW name that names no member in `year` gives way to an alias that
     * does ('korea' in 2000 names the two Koreas). */
    const shi_state *a[MAX_CAND];
    size_t na = alias_matches(s, q, year, a);
    if (n == 0 || (year && !any_member(s, year, c, n) && any_member(s, year, a, na))) {
        memcpy(c, a, na * sizeof *a);
        n = na;
    }
    prefer_members(s, year, c, &n);
    if (n == 1) {
        *out = c[0];
        return SHI_OK;
    }
    if (n > 1) {
        return ambiguous(query, c, n, err);
    }
    return unknown_state(s, query, q, err);
}

shi_status shi_states_resolve_list(const shi_states *s, const char *list, int year,
                                   const shi_state **out, size_t max, size_t *n, shi_err *err)
{
    *n = 0;
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char item[128];
        if (len >= sizeof item) {
            return shi_err_set(err, SHI_EUSAGE, "state name too long in list '%s'", list);
        }
        memcpy(item, p, len);
        item[len] = '\0';
        if (*n >= max) {
            return shi_err_set(err, SHI_EUSAGE, "too many states in list (at most %zu)", max);
        }
        shi_status st = shi_states_resolve(s, item, year, &out[*n], err);
        if (st != SHI_OK) {
            return st;
        }
        (*n)++;
        p = e ? e + 1 : p + len;
    }
    if (*n == 0) {
        return shi_err_set(err, SHI_EUSAGE, "empty list of states");
    }
    return SHI_OK;
}
