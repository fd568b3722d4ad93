/*
 * events.c - the events file reader (format in include/shi/events.h).
 */
#include <shi/csv.h>
#include <shi/events.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

extern const unsigned char shi_embedded_events[];
extern const size_t shi_embedded_events_len;

void shi_events_destroy(shi_events *e)
{
    if (e) {
        free(e->v);
        memset(e, 0, sizeof *e);
    }
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int parse_date(const char *s, int32_t *out)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d;
    char tail;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || y < 1800 ||
        y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1] + (m == 2 && leap(y))) {
        return -1;
    }
    *out = y * 10000 + m * 100 + d;
    return 0;
}

static shi_status read_all(shi_events *e, shi_csv *c, shi_err *err)
{
    static const char *const cols[] = {"date", "states", "kind", "label", "description", "source"};
    long idx[6];
    shi_status s = shi_csv_require(c, cols, 6, idx, err);
    /* Optional: how the drivers model counts each event. */
    const long iblock = shi_csv_find(c, "block"), icont = shi_csv_find(c, "contested");
    const long iwhy = shi_csv_find(c, "block_why");
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(c, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (SHI_GROW(e->v, e->cap, e->n + 1) != 0) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
        shi_event *ev = &e->v[e->n];
        memset(ev, 0, sizeof *ev);
        if (parse_date(shi_csv_field(c, (size_t)idx[0]), &ev->date) != 0) {
            return shi_csv_field_error(c, (size_t)idx[0], err, "expected a date YYYY-MM-DD");
        }
        const char *st = shi_csv_field(c, (size_t)idx[1]);
        while (*st) {
            char *end = NULL;
            long cc = strtol(st, &end, 10);
            if (end == st || cc < 1 || cc > 999 || (*end && *end != ',') ||
                ev->nstates >= SHI_EVENT_MAX_STATES) {
                return shi_csv_field_error(c, (size_t)idx[1], err,
                                           "expected up to 8 COW codes separated by commas");
            }
            ev->states[ev->nstates++] = (int)cc;
            st = *end ? end + 1 : end;
        }
        const char *k = shi_csv_field(c, (size_t)idx[2]);
        if (strcmp(k, "bilateral") == 0) {
            ev->kind = SHI_EV_BILATERAL;
        } else if (strcmp(k, "external") == 0) {
            ev->kind = SHI_EV_EXTERNAL;
        } else if (strcmp(k, "crisis") == 0) {
            ev->kind = SHI_EV_CRISIS;
        } else {
            return shi_csv_field_error(c, (size_t)idx[2], err,
                                       "expected bilateral, external or crisis");
        }
        snprintf(ev->label, sizeof ev->label, "%s", shi_csv_field(c, (size_t)idx[3]));
        snprintf(ev->description, sizeof ev->description, "%s", shi_csv_field(c, (size_t)idx[4]));
        snprintf(ev->source, sizeof ev->source, "%s", shi_csv_field(c, (size_t)idx[5]));
        ev->block = ev->kind == SHI_EV_BILATERAL ? SHI_EVB_BILATERAL : SHI_EVB_EXTERNAL;
        if (iblock >= 0) {
            const char *b = shi_csv_field(c, (size_t)iblock);
            if (strcmp(b, "external") == 0) {
                ev->block = SHI_EVB_EXTERNAL;
            } else if (strcmp(b, "bilateral") == 0) {
                ev->block = SHI_EVB_BILATERAL;
            } else if (strcmp(b, "none") == 0) {
                ev->block = SHI_EVB_NONE;
            } else if (b[0]) {
                return shi_csv_field_error(c, (size_t)iblock, err,
                                           "expected external, bilateral or none");
            }
        }
        if (icont >= 0) {
            const char *b = shi_csv_field(c, (size_t)icont);
            if (strcmp(b, "yes") == 0) {
                ev->contested = 1;
            } else if (b[0] && strcmp(b, "no") != 0) {
                return shi_csv_field_error(c, (size_t)icont, err, "expected yes or no");
            }
        }
        if (iwhy >= 0) {
            snprintf(ev->block_why, sizeof ev->block_why, "%s", shi_csv_field(c, (size_t)iwhy));
        }
        if (!ev->label[0] || !ev->source[0]) {
            return shi_csv_field_error(c, (size_t)idx[ev->label[0] ? 5 : 3], err,
                                       "every event needs a label and a source");
        }
        e->n++;
    }
    return s;
}

shi_status shi_events_load(shi_events *e, const char *path, shi_err *err)
{
    memset(e, 0, sizeof *e);
    shi_csv_opts o = {0};
    o.delim = '\t';
    o.skip_lines = 3;
    shi_csv *c = NULL;
    shi_status s = path ? shi_csv_open(&c, path, &o, err)
                        : shi_csv_open_mem(&c, "<embedded events>", shi_embedded_events,
                                           shi_embedded_events_len, &o, err);
    if (s == SHI_OK) {
        s = read_all(e, c, err);
    }
    shi_csv_free(c);
    if (s != SHI_OK) {
        shi_events_destroy(e);
    }
    return s;
}

int shi_event_concerns(const shi_event *ev, int a, int b)
{
    int has_a = 0, has_b = 0;
    for (size_t i = 0; i < ev->nstates; i++) {
        has_a |= ev->states[i] == a;
        has_b |= ev->states[i] == b;
    }
    if (ev->kind == SHI_EV_BILATERAL) {
        return has_a && has_b;
    }
    return ev->nstates == 0 || has_a || has_b;
}
