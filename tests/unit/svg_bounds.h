/*
 * svg_bounds.h - for the tests: is every <text> of every <svg> in a page
 * inside its viewBox? (issue 13: no label clipped.)
 *
 * Independent of the layout code in src/output/svg.c: it parses the emitted
 * markup (x, y, font-size, text-anchor and the escaped text) and estimates a
 * label's width as 0.6 em per character (an entity or a UTF-8 code point is
 * one character), its height as 0.8 em above the baseline and 0.25 em below.
 * A text is inside when 0 <= x - anchor adjustment and x - adjustment + width
 * <= the viewBox width, and 0 <= y - 0.8 em, y + 0.25 em <= its height.
 */
#ifndef SHI_TEST_SVG_BOUNDS_H
#define SHI_TEST_SVG_BOUNDS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The value of attribute `name` in the tag [tag, end), or NULL. */
static inline const char *svgb_attr(const char *tag, const char *end, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = tag + 1; p + n + 2 < end; p++) {
        if ((p[-1] == ' ' || p[-1] == '\n') && strncmp(p, name, n) == 0 && p[n] == '=' &&
            p[n + 1] == '"') {
            return p + n + 2;
        }
    }
    return NULL;
}

/* Characters of the escaped text [s, e): entities and code points count once. */
static inline size_t svgb_chars(const char *s, const char *e)
{
    size_t n = 0;
    for (const char *p = s; p < e; p++) {
        if (*p == '&') {
            const char *semi = strchr(p, ';');
            p = semi && semi < e ? semi : p;
        } else if (((unsigned char)*p & 0xC0) == 0x80) {
            continue;
        }
        n++;
    }
    return n;
}

/* Check every <text> of every <svg> in `page`. Returns the number of texts
 * outside their viewBox, describing the first in why; *ntext receives how
 * many texts were checked (may be NULL). */
static inline int svg_texts_outside(const char *page, char *why, size_t size, size_t *ntext)
{
    int bad = 0;
    size_t checked = 0;
    if (size) {
        why[0] = '\0';
    }
    for (const char *svg = strstr(page, "<svg"); svg; svg = strstr(svg + 4, "<svg")) {
        const char *svgend = strstr(svg, "</svg>");
        const char *tagend = strchr(svg, '>');
        const char *vb = tagend ? svgb_attr(svg, tagend, "viewBox") : NULL;
        double x0, y0, W, H;
        if (!svgend || !vb || sscanf(vb, "%lf %lf %lf %lf", &x0, &y0, &W, &H) != 4) {
            snprintf(why, size, "an <svg> without a viewBox or an end");
            return bad + 1;
        }
        for (const char *t = strstr(svg, "<text"); t && t < svgend; t = strstr(t + 5, "<text")) {
            const char *te = strchr(t, '>');
            const char *close = te ? strstr(te, "</text>") : NULL;
            const char *ax = te ? svgb_attr(t, te, "x") : NULL,
                       *ay = te ? svgb_attr(t, te, "y") : NULL;
            const char *af = te ? svgb_attr(t, te, "font-size") : NULL;
            const char *aa = te ? svgb_attr(t, te, "text-anchor") : NULL;
            if (!close || !ax || !ay || !af) {
                snprintf(why, size, "a <text> without x, y, font-size or an end");
                return bad + 1;
            }
            double x = strtod(ax, NULL), y = strtod(ay, NULL), fs = strtod(af, NULL);
            double w = 0.6 * fs * (double)svgb_chars(te + 1, close);
            double l = aa && strncmp(aa, "end\"", 4) == 0      ? x - w
                       : aa && strncmp(aa, "middle\"", 7) == 0 ? x - w / 2
                                                               : x;
            checked++;
            if (l < x0 - 0.05 || l + w > x0 + W + 0.05 || y - 0.8 * fs < y0 - 0.05 ||
                y + 0.25 * fs > y0 + H + 0.05) {
                if (!bad) {
                    snprintf(why, size, "'%.*s' spans x %.1f-%.1f, y %.1f-%.1f; viewBox %g x %g",
                             (int)(close - te - 1 < 80 ? close - te - 1 : 80), te + 1, l, l + w,
                             y - 0.8 * fs, y + 0.25 * fs, W, H);
                }
                bad++;
            }
        }
    }
    if (ntext) {
        *ntext = checked;
    }
    return bad;
}

#endif
