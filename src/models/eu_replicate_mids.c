/*
 * eu_replicate_mids.c - the dispute side of Bennett & Stam's design
 * (shi/eu_replicate.h): a small reader of the GML MID 2.1.1 dyadic file
 * (Gibler, Miller & Little 2016) kept apart from the io importers on purpose
 * (it needs only ten columns and its own coding), and the coding of each
 * directed dyad-year's dispute status.
 */
#include "eu_replicate_mids.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The columns read, by name in the header line. */
static const char *const COLS[BS_NCOL] = {"dispnum",    "ccode1",   "ccode2",   "year",
                                          "midongoing", "midonset", "sidea1",   "sidea2",
                                          "orig1",      "orig2",    "hostlev1", "hostlev2"};

static int key_cmp(const void *a, const void *b)
{
    const bs_mid *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

static uint64_t key_of(int year, int a, int b)
{
    return ((uint64_t)(unsigned)year * 1000u + (unsigned)a) * 1000u + (unsigned)b;
}

/* Split a line at commas in place (no quoted fields in this file); returns
 * the number of fields and each one's start. */
static int split(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        if (n < max) {
            f[n] = p;
        }
        n++;
        char *c = strchr(p, ',');
        if (!c) {
            break;
        }
        *c = '\0';
        p = c + 1;
    }
    return n;
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) {
        s[--n] = '\0';
    }
}

/* The header's column positions of COLS into at[]. */
static shi_status header(char *line, const char *path, int *at, shi_err *err)
{
    char *f[128];
    chomp(line);
    int n = split(line, f, 128);
    for (int c = 0; c < BS_NCOL; c++) {
        at[c] = -1;
        for (int k = 0; k < n && k < 128; k++) {
            if (strcmp(f[k], COLS[c]) == 0) {
                at[c] = k;
            }
        }
        if (at[c] < 0) {
            return shi_err_set_at(err, SHI_EDATA, path, 1, 1, "missing column '%s'", COLS[c]);
        }
    }
    return SHI_OK;
}

/* One record: every column an integer in its range. */
static shi_status record(char *line, const char *path, long ln, const int *at, int *v, shi_err *err)
{
    static const int lo[BS_NCOL] = {1, 1, 1, 1816, 0, 0, 0, 0, 0, 0, -9, -9};
    static const int hi[BS_NCOL] = {1000000, 999, 999, 2100, 1, 1, 1, 1, 1, 1, 5, 5};
    char *f[128];
    chomp(line);
    char *base = line;
    int n = split(line, f, 128);
    for (int c = 0; c < BS_NCOL; c++) {
        if (at[c] >= n) {
            return shi_err_set_at(err, SHI_EDATA, path, ln, 1, "expected %d fields, got %d",
                                  at[c] + 1, n);
        }
        const char *s = f[at[c]];
        char *end;
        errno = 0;
        long x = strtol(s, &end, 10);
        if (end == s || *end || errno || x < lo[c] || x > hi[c] || (c >= 10 && x < 1 && x != -9)) {
            char range[32];
            snprintf(range, sizeof range, c >= BS_HOST1 ? "1-5 or -9" : "%d-%d", lo[c], hi[c]);
            return shi_err_set_at(err, SHI_EDATA, path, ln, (long)(s - base) + 1,
                                  "expected an integer %s in column '%s', got '%s'", range, COLS[c],
                                  s);
        }
        v[c] = (int)x;
    }
    return SHI_OK;
}

static shi_status push(bs_mids *m, const int *v, shi_err *err)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 1024;
        bs_mid *r = realloc(m->v, cap * sizeof *r);
        if (!r) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        m->v = r;
        m->cap = cap;
    }
    bs_mid *r = &m->v[m->n++];
    r->key = key_of(v[BS_YEAR], v[BS_CC1], v[BS_CC2]);
    memcpy(r->f, v, sizeof r->f);
    return SHI_OK;
}

shi_status bs_mids_read(bs_mids *m, const char *path, int y0, int y1, shi_err *err)
{
    memset(m, 0, sizeof *m);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        return shi_err_set(err, SHI_EIO, "cannot open '%s': %s", path, strerror(errno));
    }
    char line[4096];
    int at[BS_NCOL];
    shi_status s = SHI_OK;
    long ln = 1;
    if (!fgets(line, sizeof line, fp)) {
        s = shi_err_set_at(err, SHI_EDATA, path, 1, 1, "empty file");
    } else {
        s = header(line, path, at, err);
    }
    while (s == SHI_OK && fgets(line, sizeof line, fp)) {
        ln++;
        if (line[0] == '\n' || line[0] == '\r') {
            continue;
        }
        int v[BS_NCOL];
        if ((s = record(line, path, ln, at, v, err)) == SHI_OK && v[BS_YEAR] >= y0 &&
            v[BS_YEAR] <= y1) {
            s = push(m, v, err);
        }
    }
    if (s == SHI_OK && ferror(fp)) {
        s = shi_err_set(err, SHI_EIO, "cannot read '%s'", path);
    }
    fclose(fp);
    if (s == SHI_OK && m->n) {
        qsort(m->v, m->n, sizeof *m->v, key_cmp);
    }
    if (s != SHI_OK) {
        bs_mids_free(m);
    }
    return s;
}

void bs_mids_free(bs_mids *m)
{
    free(m->v);
    memset(m, 0, sizeof *m);
}

/* The records of (year, a, b): [*lo, *hi). */
static void range(const bs_mids *m, int year, int a, int b, size_t *lo, size_t *hi)
{
    uint64_t k = key_of(year, a, b);
    size_t l = 0, h = m->n;
    while (l < h) {
        size_t mid = l + (h - l) / 2;
        if (m->v[mid].key < k) {
            l = mid + 1;
        } else {
            h = mid;
        }
    }
    *lo = l;
    while (l < m->n && m->v[l].key == k) {
        l++;
    }
    *hi = l;
}

/* Did a initiate against b in this record: a on side A and b on side B, both
 * originators, onset this year? */
static int initiates(const int *f)
{
    return f[BS_ONSET] == 1 && f[BS_SIDEA1] == 1 && f[BS_SIDEA2] == 0 && f[BS_ORIG1] == 1 &&
           f[BS_ORIG2] == 1;
}

bs_status bs_code(const bs_mids *m, int year, int a, int b, int *host_a, int *host_b)
{
    size_t lo, hi;
    range(m, year, a, b, &lo, &hi);
    int best = -1, target = 0, joiner = 0, ongoing = 0;
    for (size_t r = lo; r < hi; r++) {
        const int *f = m->v[r].f;
        if (initiates(f)) {
            /* Several initiations in one dyad-year: the most hostile (initiator's
             * level, then target's, then the lowest dispute number) - shi's
             * choice, the paper does not say. */
            const int *bf = best >= 0 ? m->v[best].f : NULL;
            if (!bf || f[BS_HOST1] > bf[BS_HOST1] ||
                (f[BS_HOST1] == bf[BS_HOST1] && f[BS_HOST2] > bf[BS_HOST2])) {
                best = (int)r;
            }
        } else if (f[BS_ONSET] == 1 && f[BS_SIDEA1] == 0 && f[BS_SIDEA2] == 1 && f[BS_ORIG1] == 1 &&
                   f[BS_ORIG2] == 1) {
            target = 1;
        } else if (f[BS_ONSET] == 1) {
            joiner = 1; /* a new dispute in which one of them joined later */
        } else if (f[BS_MIDONGOING] == 1) {
            ongoing = 1;
        }
    }
    if (best >= 0) {
        *host_a = m->v[best].f[BS_HOST1];
        *host_b = m->v[best].f[BS_HOST2];
        range(m, year, b, a, &lo, &hi);
        for (size_t r = lo; r < hi; r++) {
            if (initiates(m->v[r].f)) {
                return BS_INIT_MUTUAL;
            }
        }
        return BS_INIT;
    }
    return target ? BS_TARGET : joiner ? BS_JOINER : ongoing ? BS_ONGOING : BS_NONE;
}

int bs_outcome(int a, int b, int *acqa)
{
    *acqa = 0;
    if (a >= 4 && b >= 4) {
        return SHI_BS_FORCE;
    }
    if (a >= 4) {
        return SHI_BS_CAPB;
    }
    if (b >= 4) {
        return SHI_BS_CAPA;
    }
    if (a == b) {
        return SHI_BS_NEGO;
    }
    if (a > b) {
        return SHI_BS_ACQB;
    }
    *acqa = 1; /* AcqA, recoded to SQ as Bennett & Stam did (p. 458) */
    return SHI_BS_SQ;
}
