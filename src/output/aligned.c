/*
 * aligned.c - the terminal table: aligned columns fitted to the screen.
 *
 * Fitting (issue 13: threat printed 126 columns, states 170, coop strategies
 * 350): first abbreviate the widest text columns with "…", then put the
 * columns that still do not fit into further blocks under the first, each
 * repeating the first column (the year or the name that says what a row is),
 * as R prints a wide data frame. Numbers are never cut.
 */
#include "aligned.h"

#include <shi/table.h>

#include <stdlib.h>
#include <string.h>

/* Display width of UTF-8 text: code points, not bytes. */
static size_t text_width(const char *s)
{
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        w += (*p & 0xC0) != 0x80;
    }
    return w;
}

/* Display width of the first n bytes of s. */
static size_t text_width_n(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return w;
}

/* s in a field of w columns (padded on the side its alignment says), cut with
 * "…" when longer; control characters as '?'. */
static void put_field(FILE *f, const char *s, size_t w, int left, int last)
{
    size_t sw = text_width(s), keep = sw > w ? (w > 0 ? w - 1 : 0) : sw;
    size_t shown = sw > w ? w : sw;
    if (!left) {
        fprintf(f, "%*s", (int)(w - shown), "");
    }
    size_t cp = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80 && cp++ == keep) {
            break;
        }
        fputc(*p < 0x20 || *p == 0x7f ? '?' : *p, f);
    }
    if (sw > w && w > 0) {
        fputs("\xE2\x80\xA6", f); /* … */
    }
    if (left && !last) {
        fprintf(f, "%*s", (int)(w - shown), "");
    }
}

static const char *cell_text(const aligned_table *a, size_t r, size_t c, char *buf)
{
    const char *s = a->cell(a->ctx, r, c, buf);
    return s ? s : "-";
}

/* Abbreviate text columns until the row fits `width` (or none can shrink). */
static void abbreviate(const aligned_table *a, size_t *w, size_t total)
{
    while (total > a->width) {
        size_t best = a->ncol;
        for (size_t c = 0; c < a->ncol; c++) {
            size_t name = text_width(a->names[c]);
            size_t minw = name > 10 ? name : 10;
            if (a->left[c] && w[c] > minw && (best == a->ncol || w[c] > w[best])) {
                best = c;
            }
        }
        if (best == a->ncol) {
            return;
        }
        size_t name = text_width(a->names[best]);
        size_t minw = name > 10 ? name : 10;
        size_t cut = total - a->width;
        size_t nw = cut + minw >= w[best] ? minw : w[best] - cut;
        total -= w[best] - nw;
        w[best] = nw;
    }
}

/* The key columns [0, nkey) (when c0 > nkey) and then [c0, c1) as one block. */
static void write_block(const aligned_table *a, FILE *f, const size_t *w, size_t nkey, size_t c0,
                        size_t c1, char *buf)
{
    size_t k = c0 > 0 ? nkey : 0;
    for (size_t r = 0; r <= a->nrow; r++) {
        for (size_t i = 0; i < k + (c1 - c0); i++) {
            size_t c = i < k ? i : c0 + i - k;
            const char *s = r == 0 ? a->names[c] : cell_text(a, r - 1, c, buf);
            if (i) {
                fputs("  ", f);
            }
            put_field(f, s, w[c], a->left[c], c + 1 == c1);
        }
        fputc('\n', f);
    }
}

int shi_i_aligned_write(const aligned_table *a, FILE *f)
{
    size_t *w = calloc(a->ncol ? a->ncol : 1, sizeof *w);
    char *buf = malloc(SHI_ALIGNED_CELL);
    if (!w || !buf) {
        free(w);
        free(buf);
        return -1;
    }
    size_t total = 0;
    for (size_t c = 0; c < a->ncol; c++) {
        w[c] = text_width(a->names[c]);
        for (size_t r = 0; r < a->nrow; r++) {
            size_t n = text_width(cell_text(a, r, c, buf));
            w[c] = n > w[c] ? n : w[c];
        }
        total += w[c] + (c ? 2 : 0);
    }
    if (a->width && total > a->width) {
        abbreviate(a, w, total);
    }
    /* Blocks: as many columns as fit, the key columns repeated. */
    size_t nkey = 0, keyw = 0;
    while (nkey < a->nkey && nkey < a->ncol && keyw + w[nkey] + 2 <= a->width / 2) {
        keyw += w[nkey++] + 2;
    }
    nkey = nkey ? nkey : 1;
    keyw = 0;
    for (size_t c = 0; c < nkey && c < a->ncol; c++) {
        keyw += w[c] + (c ? 2 : 0);
    }
    size_t c0 = 0;
    while (c0 < a->ncol || a->ncol == 0) {
        size_t used = c0 > 0 ? keyw : 0, c1 = c0;
        while (c1 < a->ncol &&
               (c1 == c0 || !a->width || used + (used ? 2 : 0) + w[c1] <= a->width)) {
            used += (used ? 2 : 0) + w[c1];
            c1++;
        }
        if (c0 > 0) {
            fputc('\n', f);
        }
        write_block(a, f, w, nkey, c0, c1, buf);
        if (a->ncol == 0) {
            break;
        }
        c0 = c1;
    }
    free(w);
    free(buf);
    return 0;
}

/* One line (no '\n') wrapped at spaces to `width`, continuation lines
 * indented two more than the line's own indentation. */
static void wrap_line(FILE *f, const char *s, size_t len, size_t width)
{
    size_t indent = 0;
    while (indent < len && s[indent] == ' ') {
        indent++;
    }
    size_t hang = indent + 2 < width / 2 ? indent + 2 : 0;
    size_t pos = 0, lead = 0; /* lead: spaces before this output line's text */
    while (pos < len) {
        size_t room = width > lead ? width - lead : 1;
        /* The longest run from pos that fits `room` columns and ends at a space. */
        size_t end = pos, cols = 0, brk = 0;
        while (end < len && cols < room) {
            cols += ((unsigned char)s[end] & 0xC0) != 0x80;
            end++;
            while (end < len && ((unsigned char)s[end] & 0xC0) == 0x80) {
                end++;
            }
            if (end < len && s[end] == ' ') {
                brk = end;
            }
        }
        if (end < len && brk > pos) {
            end = brk; /* break at the last space; a longer word is cut */
        }
        fprintf(f, "%*s%.*s\n", (int)lead, "", (int)(end - pos), s + pos);
        pos = end;
        while (pos < len && s[pos] == ' ' && pos >= indent) {
            pos++;
        }
        lead = hang;
    }
    if (len == 0) {
        fputc('\n', f);
    }
}

void shi_text_wrap(FILE *f, const char *text, size_t width)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (width == 0 || text_width_n(p, len) <= width) {
            fprintf(f, "%.*s\n", (int)len, p);
        } else {
            wrap_line(f, p, len, width);
        }
        p += len + (nl != NULL);
        if (!nl) {
            break;
        }
    }
}
