/*
 * coop_players.c - resolving users' strategy names ("tft", "Generous TFT(0.3)")
 * against the strategy table, with close-match suggestions for typos.
 */
#include <shi/coop.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

/* Keep only letters and digits, lowercased: "Tit-For-Tat" -> "titfortat". */
static void normalise(const char *s, size_t len, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < len && s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) && k + 1 < cap) {
            out[k++] = (char)tolower(c);
        }
    }
    out[k] = '\0';
}

/* Levenshtein distance of two short strings (both < 64 chars). */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t row[65];
    for (size_t j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) {
                best = up + 1;
            }
            if (row[j - 1] + 1 < best) {
                best = row[j - 1] + 1;
            }
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* Does normalised `key` name strategy `s` (its name or one of its aliases)?
 * Returns the smallest edit distance to any of them via *dist. */
static int names_match(const shi_coop_strategy *s, const char *key, size_t *dist)
{
    char buf[64];
    normalise(s->name, strlen(s->name), buf, sizeof buf);
    size_t best = edit_distance(key, buf);
    if (strstr(buf, key) && best > 1) {
        best = 1; /* a fragment of the name is a close match */
    }
    const char *a = s->aliases;
    while (*a) {
        const char *e = strchr(a, ',');
        size_t len = e ? (size_t)(e - a) : strlen(a);
        normalise(a, len, buf, sizeof buf);
        size_t d = edit_distance(key, buf);
        if (d < best) {
            best = d;
        }
        a += len;
        if (*a == ',') {
            a++;
        }
    }
    *dist = best;
    return best == 0;
}

/* "Name(reading)": the reading's index in hit->readings becomes the
 * parameter, and the display name carries the reading's own spelling. */
static shi_status parse_reading(const shi_coop_strategy *hit, const char *arg, size_t alen,
                                shi_coop_player *p, shi_err *err)
{
    char want[64], buf[64];
    normalise(arg, alen, want, sizeof want);
    const char *r = hit->readings;
    for (int idx = 0; *r; idx++) {
        const char *e = strchr(r, ',');
        size_t len = e ? (size_t)(e - r) : strlen(r);
        normalise(r, len, buf, sizeof buf);
        if (want[0] && strcmp(buf, want) == 0) {
            p->par = idx;
            snprintf(p->name, sizeof p->name, "%s(%.*s)", hit->name, (int)len, r);
            return SHI_OK;
        }
        r += len + (e != NULL);
    }
    return shi_err_set(err, SHI_EUSAGE, "reading of '%s' must be one of %s, got '%.*s'", hit->name,
                       hit->readings, (int)alen, arg);
}

shi_status shi_coop_player_parse(const char *text, shi_coop_player *p, shi_err *err)
{
    while (isspace((unsigned char)*text)) {
        text++;
    }
    size_t len = strlen(text);
    while (len > 0 && isspace((unsigned char)text[len - 1])) {
        len--;
    }
    const char *open = memchr(text, '(', len);
    size_t nlen = open ? (size_t)(open - text) : len;
    char key[64];
    normalise(text, nlen, key, sizeof key);
    if (!key[0] || nlen >= 64) {
        return shi_err_set(err, SHI_EUSAGE, "invalid strategy name '%.*s'", (int)len, text);
    }
    size_t n;
    const shi_coop_strategy *tab = shi_coop_strategies(&n);
    const shi_coop_strategy *hit = NULL;
    size_t dist[64];
    for (size_t i = 0; i < n && i < 64; i++) {
        if (names_match(&tab[i], key, &dist[i])) {
            hit = &tab[i];
            break;
        }
    }
    if (!hit) {
        /* List up to five closest names, nearest first. */
        char list[400] = "";
        size_t used = 0, shown = 0;
        size_t limit = strlen(key) / 3 > 2 ? strlen(key) / 3 : 2;
        for (size_t d = 0; d <= limit && shown < 5; d++) {
            for (size_t i = 0; i < n && i < 64 && shown < 5; i++) {
                if (dist[i] == d) {
                    int w = snprintf(list + used, sizeof list - used, "%s'%s'", shown ? ", " : "",
                                     tab[i].name);
                    if (w > 0 && (size_t)w < sizeof list - used) {
                        used += (size_t)w;
                    }
                    shown++;
                }
            }
        }
        if (shown) {
            return shi_err_set(err, SHI_EUSAGE,
                               "unknown strategy '%.*s'; did you mean %s? (see 'shi coop "
                               "strategies')",
                               (int)nlen, text, list);
        }
        return shi_err_set(err, SHI_EUSAGE,
                           "unknown strategy '%.*s' (see 'shi coop strategies' for the list)",
                           (int)nlen, text);
    }
    p->s = hit;
    p->par = hit->par;
    if (open) {
        const char *close = text + len - 1;
        if (*close != ')' || close <= open + 1) {
            return shi_err_set(err, SHI_EUSAGE, "invalid parameter in '%.*s'; write e.g. '%s(0.3)'",
                               (int)len, text, hit->name);
        }
        if (hit->readings) {
            return parse_reading(hit, open + 1, (size_t)(close - open - 1), p, err);
        }
        if (!hit->has_par) {
            return shi_err_set(err, SHI_EUSAGE, "strategy '%s' takes no parameter", hit->name);
        }
        char num[64];
        size_t plen = (size_t)(close - open - 1);
        if (plen >= sizeof num) {
            plen = sizeof num - 1;
        }
        memcpy(num, open + 1, plen);
        num[plen] = '\0';
        char *end;
        errno = 0;
        double x = strtod(num, &end);
        while (isspace((unsigned char)*end)) {
            end++;
        }
        if (end == num || *end || errno || !isfinite(x)) {
            return shi_err_set(err, SHI_EUSAGE, "parameter of '%s' must be a number, got '%s'",
                               hit->name, num);
        }
        if (x < hit->lo || x > hit->hi) {
            return shi_err_set(err, SHI_EUSAGE, "parameter of '%s' must be in [%g, %g], got %g",
                               hit->name, hit->lo, hit->hi, x);
        }
        p->par = x;
        snprintf(p->name, sizeof p->name, "%s(%g)", hit->name, x);
    } else {
        snprintf(p->name, sizeof p->name, "%s", hit->name);
    }
    return SHI_OK;
}

shi_status shi_coop_players_parse(const char *list, shi_coop_player **out, size_t *n, shi_err *err)
{
    shi_coop_player *v = NULL;
    size_t nv = 0, cap = 0;
    size_t ntab;
    const shi_coop_strategy *tab = shi_coop_strategies(&ntab);
    const char *p = list;
    *out = NULL;
    *n = 0;
    while (*p) {
        /* One item: up to a comma outside parentheses. */
        const char *e = p;
        int depth = 0;
        while (*e && !(*e == ',' && depth == 0)) {
            depth += (*e == '(') - (*e == ')');
            e++;
        }
        size_t len = (size_t)(e - p);
        char item[128];
        if (len >= sizeof item) {
            free(v);
            return shi_err_set(err, SHI_EUSAGE, "strategy name too long: '%.40s...'", p);
        }
        memcpy(item, p, len);
        item[len] = '\0';
        char key[64];
        normalise(item, len, key, sizeof key);
        if (strcmp(key, "all") == 0) {
            if (shi_grow((void **)&v, &cap, nv + ntab, sizeof *v) != 0) {
                free(v);
                return shi_err_set(err, SHI_EIO, "out of memory");
            }
            for (size_t i = 0; i < ntab; i++) {
                v[nv].s = &tab[i];
                v[nv].par = tab[i].par;
                snprintf(v[nv].name, sizeof v[nv].name, "%s", tab[i].name);
                nv++;
            }
        } else if (key[0]) {
            if (shi_grow((void **)&v, &cap, nv + 1, sizeof *v) != 0) {
                free(v);
                return shi_err_set(err, SHI_EIO, "out of memory");
            }
            shi_status s = shi_coop_player_parse(item, &v[nv], err);
            if (s != SHI_OK) {
                free(v);
                return s;
            }
            nv++;
        }
        p = *e ? e + 1 : e;
    }
    if (nv == 0) {
        free(v);
        return shi_err_set(err, SHI_EUSAGE, "empty list of strategies");
    }
    *out = v;
    *n = nv;
    return SHI_OK;
}

void shi_coop_players_free(shi_coop_player *players)
{
    free(players);
}
