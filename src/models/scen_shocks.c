/*
 * scen_shocks.c - read a scenario shock file (YAML, via libyaml) for
 * `shi scenarios --shocks FILE` (include/shi/scenarios.h). The format
 * (docs/scenarios.md, examples/scenarios-study.yaml):
 *
 *   shocks:
 *     - name: nato_enlargement
 *       window: [2025, 2040]      # years in which it may fire
 *       probability: 0.05         # per year inside the window, or
 *       forced: 2027              # fires in that year (inside the window)
 *       duration: 5               # years the pact/conflict effects last (default 1)
 *       effects: {composite: 0.2, pact: 0.5, conflict: 0.0}
 *
 * An unknown key or driver, a key given twice, a probability outside [0, 1],
 * a window outside the years allowed, a forced year outside its window, a
 * second document or nesting deeper than MAX_DEPTH is an error naming
 * file:line:col.
 */
#include <shi/scenarios.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define MAX_FILE (1 << 20)
#define MAX_DEPTH 16
#define MAX_SHOCKS 64

typedef struct rd {
    yaml_document_t *doc;
    const char *path;
    int ymin, ymax;
    shi_err *err;
} rd;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static shi_status
bad(rd *r, const yaml_node_t *n, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return shi_err_set_at(r->err, SHI_EDATA, r->path, (long)n->start_mark.line + 1,
                          (long)n->start_mark.column + 1, "%s", msg);
}

void shi_scen_shocks_free(shi_scen_shocks *s)
{
    if (s) {
        free(s->v);
        s->v = NULL;
        s->n = 0;
    }
}

static const char *scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static shi_status num(rd *r, const yaml_node_t *n, const char *key, double *out)
{
    const char *t = scalar(n);
    char *end = NULL;
    errno = 0;
    double v = t ? strtod(t, &end) : 0;
    if (!t || !*t || *end || errno || !isfinite(v)) {
        return bad(r, n, "expected a number for '%s'", key);
    }
    *out = v;
    return SHI_OK;
}

static shi_status year(rd *r, const yaml_node_t *n, const char *key, int *out)
{
    double v;
    shi_status s = num(r, n, key, &v);
    if (s == SHI_OK && (v != floor(v) || v < r->ymin || v > r->ymax)) {
        return bad(r, n, "'%s' must be a year in %d-%d", key, r->ymin, r->ymax);
    }
    *out = (int)v;
    return s;
}

/* Keys of mapping m seen so far: a key twice is an error. */
static shi_status dup(rd *r, const yaml_node_t *m, const yaml_node_pair_t *p)
{
    const char *k = scalar(yaml_document_get_node(r->doc, p->key));
    for (const yaml_node_pair_t *q = m->data.mapping.pairs.start; k && q < p; q++) {
        const char *e = scalar(yaml_document_get_node(r->doc, q->key));
        if (e && strcmp(e, k) == 0) {
            return bad(r, yaml_document_get_node(r->doc, p->key), "duplicate key '%s'", k);
        }
    }
    return SHI_OK;
}

static shi_status effects(rd *r, const yaml_node_t *m, shi_scen_shock *sh)
{
    if (m->type != YAML_MAPPING_NODE) {
        return bad(r, m, "expected a mapping of drivers for 'effects'");
    }
    for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
        const yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
        const char *key = scalar(k) ? scalar(k) : "";
        int d = 0;
        while (d < SHI_SDRV_N && strcmp(shi_scen_driver_name(d), key) != 0) {
            d++;
        }
        if (d == SHI_SDRV_N) {
            return bad(r, k, "unknown driver '%s'; valid: composite, pact, conflict, driver", key);
        }
        shi_status s = dup(r, m, p);
        if (s == SHI_OK) {
            s = num(r, yaml_document_get_node(r->doc, p->value), key, &sh->eff[d]);
        }
        if (s == SHI_OK && fabs(sh->eff[d]) > 20) {
            s = bad(r, yaml_document_get_node(r->doc, p->value), "'%s' must be within +-20", key);
        }
        if (s != SHI_OK) {
            return s;
        }
    }
    return SHI_OK;
}

static shi_status window(rd *r, const yaml_node_t *v, shi_scen_shock *sh)
{
    if (v->type != YAML_SEQUENCE_NODE ||
        v->data.sequence.items.top - v->data.sequence.items.start != 2) {
        return bad(r, v, "'window' must be [first year, last year]");
    }
    shi_status s =
        year(r, yaml_document_get_node(r->doc, v->data.sequence.items.start[0]), "window", &sh->w0);
    if (s == SHI_OK) {
        s = year(r, yaml_document_get_node(r->doc, v->data.sequence.items.start[1]), "window",
                 &sh->w1);
    }
    if (s == SHI_OK && sh->w1 < sh->w0) {
        s = bad(r, v, "'window' ends (%d) before it begins (%d)", sh->w1, sh->w0);
    }
    return s;
}

static shi_status field(rd *r, const char *key, const yaml_node_t *k, const yaml_node_t *v,
                        shi_scen_shock *sh, unsigned *seen)
{
    double x = 0;
    shi_status s = SHI_OK;
    if (strcmp(key, "name") == 0) {
        const char *t = scalar(v);
        if (!t || !*t || strlen(t) >= sizeof sh->name) {
            return bad(r, v, "'name' must be text of 1-%zu characters", sizeof sh->name - 1);
        }
        snprintf(sh->name, sizeof sh->name, "%s", t);
        *seen |= 1u;
    } else if (strcmp(key, "window") == 0) {
        s = window(r, v, sh);
        *seen |= 2u;
    } else if (strcmp(key, "probability") == 0) {
        s = num(r, v, key, &sh->prob);
        if (s == SHI_OK && (sh->prob < 0 || sh->prob > 1)) {
            s = bad(r, v, "'probability' must be in [0, 1], not %g", sh->prob);
        }
        *seen |= 4u;
    } else if (strcmp(key, "forced") == 0) {
        s = year(r, v, key, &sh->forced);
        *seen |= 8u;
    } else if (strcmp(key, "duration") == 0) {
        s = num(r, v, key, &x);
        if (s == SHI_OK && (x != floor(x) || x < 1 || x > SHI_SCEN_HMAX)) {
            s = bad(r, v, "'duration' must be a whole number of years, 1-%d", SHI_SCEN_HMAX);
        }
        sh->duration = (int)x;
    } else if (strcmp(key, "effects") == 0) {
        s = effects(r, v, sh);
        *seen |= 16u;
    } else {
        s = bad(r, k,
                "unknown key '%s'; valid: name, window, probability, forced, duration, "
                "effects",
                key);
    }
    return s;
}

static shi_status shock(rd *r, const yaml_node_t *m, shi_scen_shock *sh)
{
    if (m->type != YAML_MAPPING_NODE) {
        return bad(r, m, "expected a mapping for a shock");
    }
    memset(sh, 0, sizeof *sh);
    sh->duration = 1;
    unsigned seen = 0;
    for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
        const yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
        const char *key = scalar(k) ? scalar(k) : "";
        shi_status s = dup(r, m, p);
        if (s == SHI_OK) {
            s = field(r, key, k, yaml_document_get_node(r->doc, p->value), sh, &seen);
        }
        if (s != SHI_OK) {
            return s;
        }
    }
    if ((seen & 19u) != 19u) {
        return bad(r, m, "a shock needs 'name', 'window' and 'effects'");
    }
    if (!(seen & 12u) || (seen & 12u) == 12u) {
        return bad(r, m, "shock '%s': give one of 'probability' or 'forced'", sh->name);
    }
    if (sh->forced && (sh->forced < sh->w0 || sh->forced > sh->w1)) {
        return bad(r, m, "shock '%s': forced year %d is outside its window %d-%d", sh->name,
                   sh->forced, sh->w0, sh->w1);
    }
    return SHI_OK;
}

static shi_status top(rd *r, const yaml_node_t *root, shi_scen_shocks *out)
{
    if (root->type != YAML_MAPPING_NODE) {
        return bad(r, root, "expected a mapping with the key 'shocks'");
    }
    const yaml_node_t *seq = NULL;
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
         p++) {
        const yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
        const char *key = scalar(k) ? scalar(k) : "";
        if (strcmp(key, "shocks") != 0) {
            return bad(r, k, "unknown key '%s'; valid: shocks", key);
        }
        shi_status s = dup(r, root, p);
        if (s != SHI_OK) {
            return s;
        }
        seq = yaml_document_get_node(r->doc, p->value);
    }
    if (!seq || seq->type != YAML_SEQUENCE_NODE) {
        return bad(r, seq ? seq : root, "'shocks' must be a list of shocks");
    }
    size_t n = (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
    if (n > MAX_SHOCKS) {
        return bad(r, seq, "at most %d shocks", MAX_SHOCKS);
    }
    out->v = calloc(n ? n : 1, sizeof *out->v);
    if (!out->v) {
        return shi_err_set(r->err, SHI_EIO, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        shi_status s =
            shock(r, yaml_document_get_node(r->doc, seq->data.sequence.items.start[i]), &out->v[i]);
        if (s != SHI_OK) {
            return s;
        }
        out->n++;
    }
    return SHI_OK;
}

static shi_status syntax(const yaml_parser_t *ps, const char *path, shi_err *err)
{
    return shi_err_set_at(err, SHI_EDATA, path, (long)ps->problem_mark.line + 1,
                          (long)ps->problem_mark.column + 1, "YAML syntax error: %s",
                          ps->problem ? ps->problem : "unknown");
}

/* One document, nested at most MAX_DEPTH deep, checked on the event stream
 * before composing (libyaml's composer is slow on deep nesting). */
static shi_status prescan(const unsigned char *buf, size_t len, const char *path, shi_err *err)
{
    yaml_parser_t ps;
    if (!yaml_parser_initialize(&ps)) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    yaml_parser_set_input_string(&ps, buf, len);
    shi_status s = SHI_OK;
    int depth = 0, docs = 0, done = 0;
    while (!done && s == SHI_OK) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&ps, &ev)) {
            s = syntax(&ps, path, err);
            break;
        }
        long line = (long)ev.start_mark.line + 1, col = (long)ev.start_mark.column + 1;
        if (ev.type == YAML_DOCUMENT_START_EVENT && ++docs > 1) {
            s = shi_err_set_at(err, SHI_EDATA, path, line, col, "a second YAML document");
        } else if ((ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT) &&
                   ++depth > MAX_DEPTH) {
            s = shi_err_set_at(err, SHI_EDATA, path, line, col, "nested deeper than %d levels",
                               MAX_DEPTH);
        } else if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
            depth--;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&ps);
    return s;
}

static shi_status slurp(const char *path, unsigned char **buf, size_t *len, shi_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return shi_err_set_at(err, SHI_EIO, path, 0, 0, "cannot open for reading: %s",
                              strerror(errno));
    }
    unsigned char *b = malloc(MAX_FILE + 1);
    size_t n = b ? fread(b, 1, MAX_FILE + 1, f) : 0;
    int rerr = ferror(f);
    fclose(f);
    if (!b || rerr || n > MAX_FILE || memchr(b, 0, n)) {
        free(b);
        return !b ? shi_err_set(err, SHI_EIO, "out of memory")
                  : shi_err_set_at(err, rerr ? SHI_EIO : SHI_EDATA, path, 0, 0, "%s",
                                   rerr ? "read error" : "not a shock file (binary or over 1 MiB)");
    }
    *buf = b;
    *len = n;
    return SHI_OK;
}

shi_status shi_scen_shocks_read(const char *path, int ymin, int ymax, shi_scen_shocks *out,
                                shi_err *err)
{
    memset(out, 0, sizeof *out);
    unsigned char *buf = NULL;
    size_t len = 0;
    shi_status s = slurp(path, &buf, &len, err);
    if (s == SHI_OK) {
        s = prescan(buf, len, path, err);
    }
    yaml_parser_t ps;
    yaml_document_t doc;
    int have_doc = 0, have_ps = 0;
    if (s == SHI_OK) {
        have_ps = yaml_parser_initialize(&ps);
        s = have_ps ? SHI_OK : shi_err_set(err, SHI_EIO, "out of memory");
    }
    if (s == SHI_OK) {
        yaml_parser_set_input_string(&ps, buf, len);
        have_doc = yaml_parser_load(&ps, &doc);
        s = have_doc ? SHI_OK : syntax(&ps, path, err);
    }
    if (s == SHI_OK) {
        yaml_node_t *root = yaml_document_get_root_node(&doc);
        rd r = {&doc, path, ymin, ymax, err};
        s = root ? top(&r, root, out)
                 : shi_err_set_at(err, SHI_EDATA, path, 1, 1, "empty file: expected 'shocks'");
    }
    if (have_doc) {
        yaml_document_delete(&doc);
    }
    if (have_ps) {
        yaml_parser_delete(&ps);
    }
    free(buf);
    if (s != SHI_OK) {
        shi_scen_shocks_free(out);
    }
    return s;
}
