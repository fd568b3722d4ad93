/*
 * unsc.c - importer for the UN Security Council veto list 1946 - September 2022
 * (Carlos L. Yordan, The World Politics Data Lab, "vetoes-un-security-council",
 * after the UN Dag Hammarskjold Library's list; MIT licence). The file's
 * quirks and what is done with them: include/shi/io_unsc.h.
 */
#include <shi/csv.h>
#include <shi/io_unsc.h>

#include <stdlib.h>
#include <string.h>

#include "spec.h"

void shi_veto_table_destroy(shi_veto_table *t)
{
    if (!t) {
        return;
    }
    free(t->year);
    free(t->date);
    free(t->draft);
    free(t->agenda);
    free(t->member);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

/* M/D/YYYY (one or two digits for month and day) -> YYYYMMDD, a calendar date
 * in 1900-2100. */
static int us_date(const char *f, double *v)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int part[3] = {0, 0, 0}, nd[3] = {0, 0, 0}, k = 0;
    for (const char *p = f; *p; p++) {
        if (*p == '/' && k < 2) {
            k++;
        } else if (*p >= '0' && *p <= '9' && nd[k] < 4) {
            part[k] = part[k] * 10 + (*p - '0');
            nd[k]++;
        } else {
            return 0;
        }
    }
    int m = part[0], d = part[1], y = part[2];
    if (k != 2 || nd[0] < 1 || nd[0] > 2 || nd[1] < 1 || nd[1] > 2 || nd[2] != 4 || y < 1900 ||
        y > 2100 || m < 1 || m > 12 || d < 1) {
        return 0;
    }
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[m - 1] + (m == 2 && leap)) {
        return 0;
    }
    *v = y * 10000 + m * 100 + d;
    return 1;
}

/* A permanent member's name in the file -> its COW code (China: 710; the
 * Republic of China before 25 October 1971 is set from the date). */
static int member(const char *f, double *v)
{
    static const struct {
        const char *name;
        int ccode;
    } P5[] = {{"USA", 2},    {"UK", 200},     {"France", 220},
              {"USSR", 365}, {"Russia", 365}, {"China", 710}};
    for (size_t i = 0; i < sizeof P5 / sizeof P5[0]; i++) {
        if (strcmp(f, P5[i].name) == 0) {
            *v = P5[i].ccode;
            return 1;
        }
    }
    return 0;
}

/* Is row r the same draft, date and members as an earlier row of the table? */
static int duplicate(const shi_veto_table *t, size_t first, size_t r)
{
    for (size_t q = first; q < r; q++) {
        if (t->date[q] == t->date[r] && strcmp(t->draft[q], t->draft[r]) == 0 &&
            strcmp(t->agenda[q], t->agenda[r]) == 0 &&
            memcmp(t->member[q], t->member[r], sizeof t->member[r]) == 0) {
            return 1;
        }
    }
    return 0;
}

shi_status shi_io_read_unsc_vetoes(const char *path, shi_veto_table *out, shi_err *err)
{
    enum { C_YEAR, C_DATE, C_DRAFT, C_AGENDA, C_M1, C_M2, C_M3, NCOLS };
    static const char *const who =
        "expected a permanent member (USSR, Russia, China, USA, UK, France)";
    static const char *const who_opt =
        "expected a permanent member (USSR, Russia, China, USA, UK, France) or nothing";
    const shi_i_col cols[NCOLS] = {
        {"year", .type = SHI_I_INT, .lo = 1945, .hi = 2100, .what = "expected a year 1945-2100",
         SHI_I_TO(out->year)},
        {"date", .type = SHI_I_CUSTOM, .lo = 19450101, .hi = 21001231, .parse = us_date,
         .what = "expected a calendar date M/D/YYYY", SHI_I_TO(out->date)},
        {"draft", .type = SHI_I_TEXT, .lo = 1, .hi = SHI_VETO_DRAFT_MAX - 1,
         .what = "expected a draft symbol of 1-63 bytes", SHI_I_TO(out->draft)},
        {"agenda_item", .type = SHI_I_TEXT, .lo = 0, .hi = SHI_VETO_AGENDA_MAX - 1,
         .what = "expected an agenda item of at most 319 bytes", SHI_I_TO(out->agenda)},
        {"member_veto1", .type = SHI_I_CUSTOM, .lo = 1, .hi = 999, .parse = member, .what = who},
        {"member_veto2", .type = SHI_I_CUSTOM, .flags = SHI_I_OPTIONAL, .lo = 1, .hi = 999,
         .parse = member, .what = who_opt},
        {"member_veto3", .type = SHI_I_CUSTOM, .flags = SHI_I_OPTIONAL, .lo = 1, .hi = 999,
         .parse = member, .what = who_opt},
    };
    const shi_col_ref extra[] = {SHI_COL_REF(out->member)};
    const shi_i_dest dest = {&out->n, &out->cap, 256, &out->line, &out->col, C_DATE, extra, 1};
    size_t first = out->n;
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, NCOLS, &dest, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_row(&rd, &got, err)) != SHI_OK || !got) {
            break;
        }
        size_t r = shi_i_at(&rd);
        int date = out->date[r];
        if (date / 10000 != out->year[r]) {
            s = shi_i_bad(&rd, C_DATE, "expected a date in the row's year", err);
            break;
        }
        int32_t *m = out->member[r];
        int k = 0;
        for (size_t c = C_M1; c <= C_M3 && s == SHI_OK; c++) {
            if (rd.na[c]) {
                continue;
            }
            int code = (int)rd.v[c];
            /* The Republic of China held the seat until 25 October 1971. */
            code = code == 710 && date < 19711025 ? 713 : code;
            for (int q = 0; q < k; q++) {
                if (m[q] == code) {
                    s = shi_i_bad(&rd, c, "expected a member not already named in the row", err);
                }
            }
            m[k++] = code;
        }
        for (; k < SHI_VETO_MEMBERS; k++) {
            m[k] = 0;
        }
        if (s != SHI_OK) {
            break;
        }
        if (duplicate(out, first, r)) {
            out->ndup++;
            continue; /* not committed: the next row overwrites it */
        }
        shi_i_commit(&rd);
    }
    return shi_i_close(&rd, s, err);
}
