/*
 * session.c - the flat API of shi/bind.h: a data view loaded on demand and
 * the calls the bindings make, each as its command does it (src/cli), so a
 * binding's result is the command's output as typed columns.
 */
#define _POSIX_C_SOURCE 200809L
#include "bind_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <shi/data.h>
#include <shi/dyads.h>
#include <shi/dyadvars.h>
#include <shi/outfile.h>
#include <shi/pair.h>
#include <shi/report.h>

/* The most states a --states list names (as the command). */
#define BIND_MAX_STATES 256

static char *dup_or_null(const char *s)
{
    if (!s) {
        return NULL;
    }
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) {
        memcpy(d, s, n);
    }
    return d;
}

shi_session *shi_session_new(const char *data_dir, const char *data_file)
{
    shi_session *s = calloc(1, sizeof *s);
    if (!s) {
        return NULL;
    }
    s->data_dir = dup_or_null(data_dir);
    s->data_file = dup_or_null(data_file);
    if ((data_dir && !s->data_dir) || (data_file && !s->data_file)) {
        shi_session_free(s);
        return NULL;
    }
    return s;
}

void shi_session_free(shi_session *s)
{
    if (!s) {
        return;
    }
    shi_data_destroy(&s->data);
    free(s->data_dir);
    free(s->data_file);
    free(s);
}

const char *shi_session_error(const shi_session *s)
{
    return s ? s->err.msg : "no session";
}

shi_status shi_session_status(const shi_session *s)
{
    return s ? s->err.code : SHI_EUSAGE;
}

void shi_session_free_string(char *text)
{
    free(text);
}

/* shi_data_open loads only what is missing. */
shi_status shi_i_bind_load(shi_session *s, unsigned parts)
{
    const shi_data_spec spec = {.dir = s->data_dir, .shd = s->data_file, .parts = parts};
    return shi_data_open(&s->data, &spec, &s->err);
}

int shi_i_bind_given(const char *s)
{
    return s && s[0];
}

shi_status shi_i_bind_years(shi_session *s, int y0, int y1, int lo, int hi, int *dy0, int *dy1)
{
    if (y0 == 0 && y1 == 0) {
        return SHI_OK;
    }
    if (y0 > y1) {
        return shi_err_set(&s->err, SHI_EUSAGE, "--years: the range %d-%d runs backwards", y0, y1);
    }
    if (y0 < lo || y1 > hi) {
        return shi_err_set(&s->err, SHI_EUSAGE,
                           "--years: year out of range in '%d-%d'; the data cover %d-%d", y0, y1,
                           lo, hi);
    }
    *dy0 = y0;
    *dy1 = y1;
    return SHI_OK;
}

shi_frame *shi_i_bind_table_frame(shi_session *s, shi_table *t, shi_status st, const char *name)
{
    shi_frame *f = NULL;
    if (st == SHI_OK && !(f = shi_frame_alloc())) {
        st = shi_err_set(&s->err, SHI_EIO, "out of memory");
    }
    if (st == SHI_OK && (st = shi_table_to_frame(t, name, f, &s->err)) != SHI_OK) {
        shi_frame_free(f);
        f = NULL;
    }
    shi_table_free(t);
    return st == SHI_OK ? f : NULL;
}

/* The dyads' years, direction and --states, as `shi dyads` reads them. */
static shi_status dyads_select(shi_session *s, int y0, int y1, const char *states, int *list,
                               shi_dyad_opts *o)
{
    if (y0 < 1816 || y1 > SHI_DYADIC_Y1 || y0 > y1) {
        return shi_err_set(&s->err, SHI_EUSAGE, "--years: %d-%d is outside 1816-%d", y0, y1,
                           SHI_DYADIC_Y1);
    }
    o->y0 = y0;
    o->y1 = y1;
    if (!shi_i_bind_given(states)) {
        return SHI_OK;
    }
    const shi_state *sel[BIND_MAX_STATES];
    size_t n = 0;
    shi_status st =
        shi_states_resolve_list(&s->data.states, states, y1, sel, BIND_MAX_STATES, &n, &s->err);
    for (size_t k = 0; k < n && st == SHI_OK; k++) {
        list[k] = sel[k]->ccode;
    }
    o->states = list;
    o->nstates = n;
    return st;
}

shi_frame *shi_session_dyads(shi_session *s, int y0, int y1, int directed, const char *add,
                             const char *states, int threads)
{
    if (!s) {
        return NULL;
    }
    shi_err_clear(&s->err);
    unsigned mask = 0;
    shi_dyad_opts o = {0};
    int list[BIND_MAX_STATES];
    o.directed = directed != 0;
    o.threads = threads;
    if ((shi_i_bind_given(add) && shi_dyadvars_parse(add, &mask, &s->err) != SHI_OK) ||
        shi_i_bind_load(s, SHI_DATA_CAPS) != SHI_OK ||
        dyads_select(s, y0, y1, states, list, &o) != SHI_OK) {
        return NULL;
    }
    /* The parts the variables read beyond the capabilities (as the command). */
    unsigned parts = shi_dyadvars_need_dyadic(mask) ? SHI_DATA_DYADIC : 0;
    parts |= shi_dyadvars_need_econ(mask) ? SHI_DATA_ECON : 0;
    parts |= shi_dyadvars_need_relations(mask) ? SHI_DATA_RELATIONS : 0;
    parts |= shi_dyadvars_need_geo(mask) ? SHI_DATA_GEO : 0;
    if (parts && shi_i_bind_load(s, parts) != SHI_OK) {
        return NULL;
    }
    shi_frame *f = shi_frame_alloc();
    if (!f) {
        shi_err_set(&s->err, SHI_EIO, "out of memory");
        return NULL;
    }
    const shi_dyadvars_opts vo = {.threads = threads};
    if (shi_dyads_generate(&s->data.states, &o, f, &s->err) != SHI_OK) {
        shi_frame_free(f); /* whatever the failure left initialised */
        return NULL;
    }
    if (shi_dyadvars_add(f, mask, &s->data, &vo, &s->err) != SHI_OK) {
        shi_frame_free(f);
        return NULL;
    }
    return f;
}

/* The pair and its years as `shi report` resolves them. */
static shi_status report_pair(shi_session *s, const char *a, const char *b, int y0, int y1,
                              const char *third, shi_pair_opts *po)
{
    const shi_panel *p = &s->data.caps;
    if (y0 == 0 && y1 == 0) {
        y1 = p->year_max;
        y0 = p->year_max - 30 > p->year_min ? p->year_max - 30 : p->year_min;
    }
    if (y0 < p->year_min || y1 > p->year_max || y0 > y1) {
        return shi_err_set(&s->err, SHI_EUSAGE, "--years: %d-%d is outside %d-%d", y0, y1,
                           p->year_min, p->year_max);
    }
    const shi_state *sa, *sb, *sc = NULL;
    shi_status st;
    if ((st = shi_states_resolve(&s->data.states, a ? a : "", y1, &sa, &s->err)) ||
        (st = shi_states_resolve(&s->data.states, b ? b : "", y1, &sb, &s->err)) ||
        (shi_i_bind_given(third) &&
         (st = shi_states_resolve(&s->data.states, third, y1, &sc, &s->err)))) {
        return st;
    }
    if (sa == sb || (sc && (sc == sa || sc == sb))) {
        return shi_err_set(&s->err, SHI_EUSAGE, "report: the states must be different");
    }
    *po = (shi_pair_opts){sa->ccode, sb->ccode, sc ? sc->ccode : 0, y0, y1, NULL, 0, NULL};
    return SHI_OK;
}

/* The summary into a string, or the HTML page into `html`. */
static char *report_write(shi_session *s, const shi_pair_analysis *pa, const char *html)
{
    if (html) {
        shi_outfile o;
        if (shi_outfile_open(&o, html, &s->err) != SHI_OK) {
            return NULL;
        }
        shi_status st = shi_report_html(o.fp, &s->data, pa, &s->err);
        if (st == SHI_OK) {
            st = shi_outfile_commit(&o, &s->err);
        }
        shi_outfile_abort(&o); /* removes the temporary file unless committed */
        return st == SHI_OK ? dup_or_null("") : NULL;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) {
        shi_err_set(&s->err, SHI_EIO, "out of memory");
        return NULL;
    }
    shi_status st = shi_report_summary(f, &s->data, pa, &s->err);
    if (fclose(f) != 0 && st == SHI_OK) {
        st = shi_err_set(&s->err, SHI_EIO, "out of memory");
    }
    if (st != SHI_OK) {
        free(text);
        return NULL;
    }
    return text;
}

char *shi_session_report(shi_session *s, const char *a, const char *b, int y0, int y1,
                         const char *third, const char *html)
{
    if (!s) {
        return NULL;
    }
    shi_err_clear(&s->err);
    shi_pair_opts po;
    /* The report lists its sources in the order they were loaded: a session
     * that loaded parts for other calls first (dyads: the dyadic data before
     * the economy) starts again, so the page is the command's byte for byte.
     * Parts loaded after a report's (the events by drivers) come in the same
     * order as the command's. */
    if (s->data.states.n && !s->report_order) {
        shi_data_destroy(&s->data);
        memset(&s->data, 0, sizeof s->data);
    }
    s->report_order = 1;
    /* As the command: the events file last, after the pair is checked. */
    if (shi_i_bind_load(s, SHI_DATA_RELATIONS | SHI_DATA_ECON | SHI_DATA_ENERGY) != SHI_OK ||
        report_pair(s, a, b, y0, y1, third, &po) != SHI_OK ||
        shi_i_bind_load(s, SHI_DATA_EVENTS) != SHI_OK) {
        return NULL;
    }
    po.validate = html != NULL; /* the validation is the HTML page's appendix */
    shi_pair_analysis pa;
    if (shi_pair_analyze(&pa, &s->data, &po, &s->err) != SHI_OK) {
        return NULL;
    }
    char *out = report_write(s, &pa, html);
    shi_pair_free(&pa);
    return out;
}
