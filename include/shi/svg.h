/*
 * shi/svg.h - small self-contained SVG charts for the HTML report.
 *
 * A chart is built in memory (data are copied in), then rendered into a
 * growable string buffer (the report concatenates it into HTML) or written to
 * a FILE *. The module draws: it computes nothing but layout (ranges, ticks,
 * positions, colours). Output is deterministic (coordinates printed with one
 * decimal, fixed formats), has no external resources (no fonts, CSS or
 * links), scales with its container (viewBox + width="100%"), and escapes all
 * text. See docs/svg.md.
 *
 * Kinds of chart:
 *   SHI_SVG_LINES     line series over x (years), with markers (vertical rule +
 *                     label), shaded bands and horizontal reference lines;
 *   SHI_SVG_BARS      horizontal bars with optional interval whiskers;
 *   SHI_SVG_HEATMAP   a rows x columns matrix on a sequential colour scale;
 *   SHI_SVG_MULTIPLES a grid of small line charts sharing the x and y range;
 *   SHI_SVG_TIMELINE  dated events on one axis, labels staggered to avoid overlap.
 *
 * Missing data: NaN breaks a line; a series, bar or heatmap row with no finite
 * value is listed as "no data" (legend, bar row, hatched cells); a chart with
 * no finite value at all is drawn as a chart-shaped placeholder that says so
 * (see also shi_svg_placeholder and shi_svg_missing).
 *
 * Ownership: the chart copies every string and array it is given; the caller
 * keeps its own. Free the chart with shi_svg_free and a buffer with
 * shi_svg_buf_free.
 */
#ifndef SHI_SVG_H
#define SHI_SVG_H

#include <stddef.h>
#include <stdio.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- a growable string buffer -------------------------------------------- */

/** A NUL-terminated growable string; `{0}` is a valid empty buffer. */
typedef struct shi_svg_buf {
    char *data; /* the text (NUL-terminated), or NULL while empty */
    size_t len; /* bytes used, not counting the NUL */
    size_t cap; /* bytes allocated */
} shi_svg_buf;

/** Release the buffer's memory and reset it to `{0}` (safe on a zeroed buffer). */
SHI_API void shi_svg_buf_free(shi_svg_buf *b);
/** Append `s` as is. \return SHI_OK, or SHI_EIO when out of memory. */
SHI_API shi_status shi_svg_buf_puts(shi_svg_buf *b, const char *s, shi_err *err);
/** Append `s` escaped for XML/HTML text and attribute values: & < > " ' become
 *  entities; control characters other than tab and newline become spaces. */
SHI_API shi_status shi_svg_buf_escape(shi_svg_buf *b, const char *s, shi_err *err);

/* ---- the chart ------------------------------------------------------------ */

typedef enum shi_svg_kind {
    SHI_SVG_LINES,     /* line series, markers, bands, reference lines */
    SHI_SVG_BARS,      /* horizontal bars with interval whiskers */
    SHI_SVG_HEATMAP,   /* rows x columns, sequential colour scale */
    SHI_SVG_MULTIPLES, /* grid of small line charts */
    SHI_SVG_TIMELINE,  /* dated events on one axis */
} shi_svg_kind;

/** How axis values are written. */
typedef enum shi_svg_numfmt {
    SHI_SVG_NUM,     /* plain decimal, decimals from the tick step: 0.05, 0.10 */
    SHI_SVG_PERCENT, /* a share times 100 with "%": 0.25 -> "25%" */
    SHI_SVG_YEAR,    /* an integer: 1995 (ticks at least 1 apart) */
} shi_svg_numfmt;

/** An axis: label, number format and range. A zeroed struct is a plain axis
 *  with no label and its range from the data. */
typedef struct shi_svg_axis {
    const char *label;  /* with the unit, e.g. "share of capabilities (%)"; NULL = none */
    shi_svg_numfmt fmt; /* how tick and value labels are written */
    int digits;         /* minimum decimals in value labels (bars, tooltips) */
    double lo, hi;      /* fixed range; lo == hi (or either NaN) = from the data */
} shi_svg_axis;

/** Number of colours in the categorical palette (Okabe & Ito 2008). */
#define SHI_SVG_PALETTE_SIZE 8

typedef struct shi_svg_chart shi_svg_chart;

/** New empty chart of `kind`, `width` x `height` px (the viewBox; the chart is
 *  drawn at 100% of its container's width, keeping the aspect ratio). 0 picks
 *  the default 640 x 360; other values are clamped to [160, 4096]. Bar charts
 *  and heatmaps fit their height to their rows (as near `height` as rows of
 *  16-32 and 12-28 px allow); timelines take the height their labels need.
 *  NULL when out of memory. */
SHI_API shi_svg_chart *shi_svg_new(shi_svg_kind kind, int width, int height);
/** Free the chart (NULL is allowed). */
SHI_API void shi_svg_free(shi_svg_chart *c);

/** Set the svg element's id attribute (optional; give each chart on one page
 *  its own). `id` must match [A-Za-z][A-Za-z0-9_-]* and be under 64 bytes. */
SHI_API shi_status shi_svg_set_id(shi_svg_chart *c, const char *id, shi_err *err);
/** Title (bold, first line, also the svg's accessible <title>) and reading:
 *  one sentence saying what the chart shows (wrapped under the title, also the
 *  <desc>). Either may be NULL. */
SHI_API shi_status shi_svg_title(shi_svg_chart *c, const char *title, const char *reading,
                                 shi_err *err);
/** Configure axis `which`: 'x' (horizontal: years; the value axis of a bar
 *  chart), 'y' (vertical) or 'z' (the colour scale of a heatmap). */
SHI_API shi_status shi_svg_set_axis(shi_svg_chart *c, char which, const shi_svg_axis *a,
                                    shi_err *err);

/** Add a line series (LINES, or the current panel of MULTIPLES). NaN in x or y
 *  breaks the line; an isolated point is drawn as a dot. Errors: no points
 *  (SHI_EDATA), nx != ny, more series than SHI_SVG_PALETTE_SIZE (SHI_EUSAGE).
 *  A series with no finite point is kept and shown as "no data". In MULTIPLES
 *  a series name keeps one colour across panels. */
SHI_API shi_status shi_svg_line(shi_svg_chart *c, const char *name, const double *x, size_t nx,
                                const double *y, size_t ny, shi_err *err);
/** A vertical rule at `x` with a short label, e.g. "2000: CHN overtakes USA" (LINES). */
SHI_API shi_status shi_svg_marker(shi_svg_chart *c, double x, const char *label, shi_err *err);
/** A shaded horizontal band between y0 and y1, e.g. the parity zone 0.8-1.2 (LINES). */
SHI_API shi_status shi_svg_band(shi_svg_chart *c, double y0, double y1, const char *label,
                                shi_err *err);
/** A dashed horizontal reference line at `y` (LINES, MULTIPLES: every panel). */
SHI_API shi_status shi_svg_hline(shi_svg_chart *c, double y, const char *label, shi_err *err);

/** A horizontal bar from 0 to `value`, with a whisker over [lo, hi] unless
 *  either is NaN (BARS). The value label reads e.g. "64% [48, 79]"; a NaN
 *  value draws "no data" in its row. */
SHI_API shi_status shi_svg_bar(shi_svg_chart *c, const char *label, double value, double lo,
                               double hi, shi_err *err);

/** The heatmap's data (once per chart): `nrow` row labels, `ncol` column
 *  positions (years, formatted by the x axis), and `z`, row-major, nz ==
 *  nrow * ncol. NaN cells are hatched grey and titled "no data". */
SHI_API shi_status shi_svg_heatmap(shi_svg_chart *c, const char *const *rows, size_t nrow,
                                   const double *cols, size_t ncol, const double *z, size_t nz,
                                   shi_err *err);

/** Start a new panel of a MULTIPLES chart; following shi_svg_line calls draw in it. */
SHI_API shi_status shi_svg_panel(shi_svg_chart *c, const char *title, shi_err *err);

/** A dated event on a TIMELINE, e.g. (1996, "partnership"). */
SHI_API shi_status shi_svg_event(shi_svg_chart *c, double x, const char *label, shi_err *err);

/** Draw the chart as a placeholder box with `message` (e.g. "no trade data for
 *  PRK before 1990"), whatever data it holds. Title and reading still show. */
SHI_API shi_status shi_svg_placeholder(shi_svg_chart *c, const char *message, shi_err *err);

/** How many series, bars or heatmap rows have no finite value; when `buf` is
 *  not NULL, writes "no data for A, B" there (or "" when none). */
SHI_API size_t shi_svg_missing(const shi_svg_chart *c, char *buf, size_t size);

/** Append the chart's <svg> element to `out` (nothing is appended on failure). */
SHI_API shi_status shi_svg_render(const shi_svg_chart *c, shi_svg_buf *out, shi_err *err);
/** Write the chart's <svg> element to `f`; a write error is SHI_EIO "write error". */
SHI_API shi_status shi_svg_write(const shi_svg_chart *c, FILE *f, shi_err *err);

/* ---- building blocks (exposed for tests and for the report) --------------- */

/** "Nice" ticks for [lo, hi] (Heckbert 1990): step = 1, 2 or 5 x 10^k, the nice
 *  number nearest (hi - lo) / (target - 1). `loose`: the ticks cover [lo, hi]
 *  (first <= lo, last >= hi); otherwise they lie inside it. Writes at most
 *  `max` ticks (computed as k * step, so 0.15 is exactly the double nearest
 *  0.15) and returns how many there are; `*step` receives the step (may be
 *  NULL). Returns 0 when lo or hi is not finite or lo > hi. */
SHI_API size_t shi_svg_nice_ticks(double lo, double hi, int target, int loose, double *ticks,
                                  size_t max, double *step);
/** Colour `i` (mod SHI_SVG_PALETTE_SIZE) of the categorical palette, "#rrggbb". */
SHI_API const char *shi_svg_palette(size_t i);
/** Sequential (viridis-like) colour at t in [0, 1] (clamped) as "#rrggbb". */
SHI_API void shi_svg_seq_color(double t, char out[8]);

#ifdef __cplusplus
}
#endif
#endif
