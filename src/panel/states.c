/*
 * states.c - the state registry: build from COW spells, look up, resolve names.
 */
#include <shi/io.h>
#include <shi/states.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
            st = shi_err_set_at(err, SHI_EDATA, majors_path, r->line, r->col,
                                "unknown state code %d (not in the membership list)", r->ccode);
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
    const shi_state *c[MAX_CAND];
    size_t n = 0;
    char buf[128];
    /* Precedence: COW abbreviation, then ISO code, then full name (COW is shi's
     * code system: 'AUS' is Austria, as in COW, not Australia). */
    /* With a year, a pass whose matches are all non-members that year does not
     * end the search: 'korea' in 2000 should find North and South Korea, not
     * the Korea of 1887-1905. Its matches are kept in case nothing better comes. */
    const shi_state *fallback[MAX_CAND];
    size_t nfall = 0;
    for (int pass = 0; pass < 5 && n == 0; pass++) {
        for (size_t i = 0; i < s->n; i++) {
            const shi_state *st = &s->v[i];
            int hit = 0;
            if (pass == 0) {
                lower(buf, sizeof buf, st->abb);
                hit = strcmp(buf, q) == 0;
            } else if (pass == 1) {
                lower(buf, sizeof buf, st->iso3);
                hit = buf[0] && strcmp(buf, q) == 0;
            } else {
                lower(buf, sizeof buf, st->name);
                hit = pass == 2   ? strcmp(buf, q) == 0
                      : pass == 3 ? strncmp(buf, q, ql) == 0
                                  : ql >= 3 && strstr(buf, q) != NULL;
            }
            if (hit) {
                add_cand(c, &n, st);
            }
        }
        if (year && n > 0) {
            size_t members = 0;
            for (size_t k = 0; k < n; k++) {
                members += (size_t)shi_states_member(s, c[k], year);
            }
            if (members == 0) {
                if (nfall == 0) {
                    memcpy(fallback, c, n * sizeof *c);
                    nfall = n;
                }
                n = 0;
            }
        }
    }
    if (n == 0 && nfall > 0) {
        memcpy(c, fallback, nfall * sizeof *c);
        n = nfall;
    }
    if (n > 1 && year) {
        const shi_state *m[MAX_CAND];
        size_t nm = 0;
        for (size_t i = 0; i < n; i++) {
            if (shi_states_member(s, c[i], year)) {
                m[nm++] = c[i];
            }
        }
        if (nm >= 1) {
            /* The members of that year are the candidates (one: resolved). */
            memcpy(c, m, nm * sizeof *m);
            n = nm;
        }
    }
    if (n == 1) {
        *out = c[0];
        return SHI_OK;
    }
    char list[400];
    if (n > 1) {
        describe(list, sizeof list, c, n);
        return shi_err_set(err, SHI_EUSAGE,
                           "ambiguous state '%s': %s; give a COW code or abbreviation", query,
                           list);
    }
    /* Unknown: suggest the closest abbreviations, ISO codes and names. */
    int best[3] = {99, 99, 99};
    const shi_state *bs[3] = {NULL, NULL, NULL};
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
            if (e < d) {
                d = e;
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
    size_t ns = 0;
    for (int k = 0; k < 3; k++) {
        if (bs[k] && best[k] <= limit) {
            c[ns++] = bs[k];
        }
    }
    if (ns == 0) {
        return shi_err_set(err, SHI_EUSAGE, "unknown state '%s'; 'shi states' lists the known ones",
                           query);
    }
    describe(list, sizeof list, c, ns);
    return shi_err_set(err, SHI_EUSAGE, "unknown state '%s'; did you mean %s?", query, list);
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
