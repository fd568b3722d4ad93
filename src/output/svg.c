/*
 * svg.c - small self-contained SVG charts (see include/shi/svg.h, docs/svg.md).
 *
 * The chart object stores copies of what it is given; shi_svg_render lays it
 * out and prints it. Layout only: ranges, "nice" ticks (Heckbert 1990),
 * positions, label staggering and colours (Okabe & Ito 2008 categorical
 * palette; a viridis-like sequential ramp, van der Walt & Smith 2015).
 * Coordinates are printed with one decimal and never as "-0.0", so output is
 * byte-stable for golden tests.
 */
#include <shi/svg.h>

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

/* ---- the growable buffer ---------------------------------------------------- */

void shi_svg_buf_free(shi_svg_buf *b)
{
    if (!b) {
        return;
    }
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* Make room for `extra` more bytes plus the NUL; 0 or -1 (out of memory). */
static int buf_reserve(shi_svg_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap) {
        return 0;
    }
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < need) {
        ncap *= 2;
    }
    char *p = realloc(b->data, ncap);
    if (!p) {
        return -1;
    }
    b->data = p;
    b->cap = ncap;
    return 0;
}

static int buf_putn(shi_svg_buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n) != 0) {
        return -1;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

/* Escape n bytes of s for XML text and attributes. */
static int buf_escn(shi_svg_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        const char *rep = NULL;
        char one[2] = {(char)ch, '\0'};
        switch (ch) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        default:
            if ((ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0x7f) {
                one[0] = ' ';
            }
            rep = one;
        }
        if (buf_putn(b, rep, strlen(rep)) != 0) {
            return -1;
        }
    }
    return 0;
}

shi_status shi_svg_buf_puts(shi_svg_buf *b, const char *s, shi_err *err)
{
    if (buf_putn(b, s, strlen(s)) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    return SHI_OK;
}

shi_status shi_svg_buf_escape(shi_svg_buf *b, const char *s, shi_err *err)
{
    if (buf_escn(b, s, strlen(s)) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    return SHI_OK;
}

/* ---- ticks, number formats, colours ------------------------------------------ */

/* 10^e for 0 <= e <= 22, exact in binary64. */
static double pow10i(int e)
{
    double p = 1.0;
    for (int i = 0; i < e; i++) {
        p *= 10.0;
    }
    return p;
}

typedef struct tickspec {
    double m;  /* 1, 2 or 5 */
    int e;     /* step = m * 10^e */
    double k0; /* first tick = k0 * step */
    size_t n;  /* number of ticks */
} tickspec;

static double tick_at(const tickspec *t, size_t i)
{
    double k = t->k0 + (double)i;
    if (t->e >= 0) {
        return k * t->m * pow10i(t->e);
    }
    return (k * t->m) / pow10i(-t->e); /* one rounding: 3 * 5 / 100 is the double nearest 0.15 */
}

static double tick_step(const tickspec *t)
{
    return t->e >= 0 ? t->m * pow10i(t->e) : t->m / pow10i(-t->e);
}

/* Heckbert's nice ticks. Returns 0 (and t->n = 0) on a bad range. */
static int nice(double lo, double hi, int target, int loose, int min_step1, tickspec *t)
{
    memset(t, 0, sizeof *t);
    if (!isfinite(lo) || !isfinite(hi) || lo > hi) {
        return 0;
    }
    if (target < 2) {
        target = 2;
    }
    if (target > 50) {
        target = 50;
    }
    if (hi == lo) {
        double d = lo == 0 ? 1.0 : fabs(lo) * 0.1;
        lo -= d;
        hi += d;
    }
    double raw = (hi - lo) / (double)(target - 1);
    int e = (int)floor(log10(raw));
    if (e < -22 || e > 22) {
        return 0;
    }
    double f = raw / (e >= 0 ? pow10i(e) : 1.0 / pow10i(-e));
    double m = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    if (m == 10) {
        m = 1;
        e++;
    }
    if (min_step1 && e < 0) {
        m = 1;
        e = 0;
    }
    t->m = m;
    t->e = e;
    double step = tick_step(t);
    double k0, k1;
    if (loose) {
        k0 = floor(lo / step + 1e-9);
        k1 = ceil(hi / step - 1e-9);
    } else {
        k0 = ceil(lo / step - 1e-9);
        k1 = floor(hi / step + 1e-9);
    }
    if (k1 < k0 || k1 - k0 > 1000) {
        return 0;
    }
    t->k0 = k0;
    t->n = (size_t)(k1 - k0) + 1;
    return 1;
}

size_t shi_svg_nice_ticks(double lo, double hi, int target, int loose, double *ticks, size_t max,
                          double *step)
{
    tickspec t;
    if (!nice(lo, hi, target, loose, 0, &t)) {
        if (step) {
            *step = (double)NAN;
        }
        return 0;
    }
    for (size_t i = 0; i < t.n && i < max; i++) {
        ticks[i] = tick_at(&t, i);
    }
    if (step) {
        *step = tick_step(&t);
    }
    return t.n;
}

/* Decimals needed to print multiples of the step: 0.05 -> 2, 5 -> 0; percent shifts by 2. */
static int step_decimals(const tickspec *t, shi_svg_numfmt fmt)
{
    int e = t->e + (fmt == SHI_SVG_PERCENT ? 2 : 0);
    return fmt == SHI_SVG_YEAR || e >= 0 ? 0 : -e;
}

/* Remove a minus sign from a number that printed as zero ("-0.00" -> "0.00"). */
static void unsign_zero(char *s)
{
    if (s[0] == '-' && strspn(s + 1, "0.") == strcspn(s + 1, "%")) {
        memmove(s, s + 1, strlen(s));
    }
}

/* Format a value: `pct_sign` adds "%" after a percentage. */
static void fmt_num(char *buf, size_t size, double v, shi_svg_numfmt fmt, int dec, int pct_sign)
{
    if (!isfinite(v)) {
        snprintf(buf, size, "no data");
        return;
    }
    if (fmt == SHI_SVG_YEAR) {
        snprintf(buf, size, "%.0f", round(v));
    } else if (fmt == SHI_SVG_PERCENT) {
        snprintf(buf, size, pct_sign ? "%.*f%%" : "%.*f", dec, v * 100.0);
    } else {
        snprintf(buf, size, "%.*f", dec, v);
    }
    unsign_zero(buf);
}

/* Okabe & Ito (2008), "Color Universal Design": the eight colours, ordered for
 * contrast on white (yellow last). */
static const char *const palette[SHI_SVG_PALETTE_SIZE] = {
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442",
};

const char *shi_svg_palette(size_t i)
{
    return palette[i % SHI_SVG_PALETTE_SIZE];
}

void shi_svg_seq_color(double t, char out[8])
{
    /* Five anchors of matplotlib's viridis (van der Walt & Smith 2015) at
     * t = 0, .25, .5, .75, 1, interpolated linearly in sRGB. */
    static const int anchor[5][3] = {
        {0x44, 0x01, 0x54}, {0x3b, 0x52, 0x8b}, {0x21, 0x91, 0x8c},
        {0x5e, 0xc9, 0x62}, {0xfd, 0xe7, 0x25},
    };
    if (!(t > 0)) {
        t = 0; /* also NaN */
    }
    if (t > 1) {
        t = 1;
    }
    int i = (int)floor(t * 4);
    if (i > 3) {
        i = 3;
    }
    double u = t * 4 - i;
    int rgb[3];
    for (int k = 0; k < 3; k++) {
        rgb[k] = (int)lround(anchor[i][k] + (anchor[i + 1][k] - anchor[i][k]) * u);
    }
    snprintf(out, 8, "#%02x%02x%02x", (unsigned)rgb[0] & 0xffu, (unsigned)rgb[1] & 0xffu,
             (unsigned)rgb[2] & 0xffu);
}

/* ---- the chart object ---------------------------------------------------------- */

typedef struct series {
    char *name;
    double *x, *y;
    size_t n;
    size_t panel; /* MULTIPLES: index of its panel */
    size_t color; /* palette index */
    int empty;    /* no point with both x and y finite */
} series;

typedef struct mark {
    double x;
    char *label;
} mark;

typedef struct band {
    double y0, y1; /* y0 == y1 and is_line: a reference line */
    int is_line;
    char *label;
} band;

typedef struct bar {
    char *label;
    double v, lo, hi;
} bar;

struct shi_svg_chart {
    shi_svg_kind kind;
    int w, h;
    char id[64];
    char *title, *reading, *placeholder;
    shi_svg_axis ax[3]; /* x, y, z; label pointers point into axlabel */
    char *axlabel[3];
    series *ser;
    size_t nser, sercap;
    char **names; /* distinct series names, index = colour */
    size_t nname, namecap;
    mark *marks; /* markers (LINES) or events (TIMELINE) */
    size_t nmark, markcap;
    band *bands;
    size_t nband, bandcap;
    bar *bars;
    size_t nbar, barcap;
    char **rows;
    size_t nrow;
    double *cols;
    size_t ncol;
    double *z;
    char **panels;
    size_t npanel, panelcap;
};

static const char *kind_name(shi_svg_kind k)
{
    switch (k) {
    case SHI_SVG_LINES:
        return "line chart";
    case SHI_SVG_BARS:
        return "bar chart";
    case SHI_SVG_HEATMAP:
        return "heatmap";
    case SHI_SVG_MULTIPLES:
        return "small multiples";
    case SHI_SVG_TIMELINE:
        return "timeline";
    }
    return "chart";
}

static char *dup(const char *s)
{
    if (!s) {
        s = "";
    }
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) {
        memcpy(p, s, n);
    }
    return p;
}

shi_svg_chart *shi_svg_new(shi_svg_kind kind, int width, int height)
{
    shi_svg_chart *c = calloc(1, sizeof *c);
    if (!c) {
        return NULL;
    }
    c->kind = kind;
    c->w = width <= 0 ? 640 : width < 160 ? 160 : width > 4096 ? 4096 : width;
    c->h = height <= 0 ? 360 : height < 160 ? 160 : height > 4096 ? 4096 : height;
    return c;
}

void shi_svg_free(shi_svg_chart *c)
{
    if (!c) {
        return;
    }
    free(c->title);
    free(c->reading);
    free(c->placeholder);
    for (int i = 0; i < 3; i++) {
        free(c->axlabel[i]);
    }
    for (size_t i = 0; i < c->nser; i++) {
        free(c->ser[i].name);
        free(c->ser[i].x);
        free(c->ser[i].y);
    }
    free(c->ser);
    free(c->names); /* the strings belong to the series */
    for (size_t i = 0; i < c->nmark; i++) {
        free(c->marks[i].label);
    }
    free(c->marks);
    for (size_t i = 0; i < c->nband; i++) {
        free(c->bands[i].label);
    }
    free(c->bands);
    for (size_t i = 0; i < c->nbar; i++) {
        free(c->bars[i].label);
    }
    free(c->bars);
    for (size_t i = 0; i < c->nrow; i++) {
        free(c->rows[i]);
    }
    free(c->rows);
    free(c->cols);
    free(c->z);
    for (size_t i = 0; i < c->npanel; i++) {
        free(c->panels[i]);
    }
    free(c->panels);
    free(c);
}

static shi_status oom(shi_err *err)
{
    return shi_err_set(err, SHI_EIO, "out of memory");
}

/* Replace *slot by a copy of s (NULL clears it). */
static shi_status set_str(char **slot, const char *s, shi_err *err)
{
    char *p = NULL;
    if (s && !(p = dup(s))) {
        return oom(err);
    }
    free(*slot);
    *slot = p;
    return SHI_OK;
}

static shi_status need_kind(const shi_svg_chart *c, const char *fn, shi_svg_kind k1, int k2,
                            shi_err *err)
{
    if (c->kind == k1 || (k2 >= 0 && c->kind == (shi_svg_kind)k2)) {
        return SHI_OK;
    }
    return shi_err_set(err, SHI_EUSAGE, "svg: %s does not apply to a %s", fn, kind_name(c->kind));
}

shi_status shi_svg_set_id(shi_svg_chart *c, const char *id, shi_err *err)
{
    size_t n = id ? strlen(id) : 0;
    int ok = n > 0 && n < sizeof c->id &&
             ((id[0] >= 'A' && id[0] <= 'Z') || (id[0] >= 'a' && id[0] <= 'z'));
    for (size_t i = 1; ok && i < n; i++) {
        char ch = id[i];
        ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
             ch == '_' || ch == '-';
    }
    if (!ok) {
        return shi_err_set(err, SHI_EUSAGE,
                           "svg: id '%.80s' must match [A-Za-z][A-Za-z0-9_-]* (under 64 bytes)",
                           id ? id : "");
    }
    memcpy(c->id, id, n + 1);
    return SHI_OK;
}

shi_status shi_svg_title(shi_svg_chart *c, const char *title, const char *reading, shi_err *err)
{
    shi_status st = set_str(&c->title, title, err);
    if (st == SHI_OK) {
        st = set_str(&c->reading, reading, err);
    }
    return st;
}

shi_status shi_svg_set_axis(shi_svg_chart *c, char which, const shi_svg_axis *a, shi_err *err)
{
    int i = which == 'x' ? 0 : which == 'y' ? 1 : which == 'z' ? 2 : -1;
    if (i < 0) {
        return shi_err_set(err, SHI_EUSAGE, "svg: unknown axis '%c'; valid axes are x, y, z",
                           which);
    }
    if (a->fmt != SHI_SVG_NUM && a->fmt != SHI_SVG_PERCENT && a->fmt != SHI_SVG_YEAR) {
        return shi_err_set(err, SHI_EUSAGE, "svg: axis '%c' has an unknown number format %d", which,
                           (int)a->fmt);
    }
    if (isfinite(a->lo) && isfinite(a->hi) && a->lo > a->hi) {
        return shi_err_set(err, SHI_EUSAGE, "svg: axis '%c' range [%g, %g] has lo above hi", which,
                           a->lo, a->hi);
    }
    shi_status st = set_str(&c->axlabel[i], a->label, err);
    if (st != SHI_OK) {
        return st;
    }
    c->ax[i] = *a;
    c->ax[i].label = c->axlabel[i];
    if (c->ax[i].digits < 0) {
        c->ax[i].digits = 0;
    }
    if (c->ax[i].digits > 6) {
        c->ax[i].digits = 6;
    }
    return SHI_OK;
}

shi_status shi_svg_line(shi_svg_chart *c, const char *name, const double *x, size_t nx,
                        const double *y, size_t ny, shi_err *err)
{
    shi_status st = need_kind(c, "shi_svg_line", SHI_SVG_LINES, SHI_SVG_MULTIPLES, err);
    if (st != SHI_OK) {
        return st;
    }
    if (!name) {
        name = "";
    }
    if (c->kind == SHI_SVG_MULTIPLES && c->npanel == 0) {
        return shi_err_set(err, SHI_EUSAGE,
                           "svg: series '%s' added before any panel (call shi_svg_panel first)",
                           name);
    }
    if (nx == 0 && ny == 0) {
        return shi_err_set(err, SHI_EDATA, "svg: series '%s' has no points", name);
    }
    if (nx != ny) {
        return shi_err_set(err, SHI_EUSAGE, "svg: series '%s' has %zu x values but %zu y values",
                           name, nx, ny);
    }
    size_t color = c->nname;
    if (c->kind == SHI_SVG_MULTIPLES) {
        for (size_t i = 0; i < c->nname; i++) {
            if (strcmp(c->names[i], name) == 0) {
                color = i;
            }
        }
    }
    if (color == c->nname && c->nname >= SHI_SVG_PALETTE_SIZE) {
        return shi_err_set(err, SHI_EUSAGE,
                           "svg: too many series (%zu); the palette has %d colours", c->nname + 1,
                           SHI_SVG_PALETTE_SIZE);
    }
    if (SHI_GROW(c->ser, c->sercap, c->nser + 1) != 0 ||
        SHI_GROW(c->names, c->namecap, c->nname + 1) != 0) {
        return oom(err);
    }
    series s = {0};
    s.name = dup(name);
    s.x = malloc(nx * sizeof *s.x);
    s.y = malloc(nx * sizeof *s.y);
    if (!s.name || !s.x || !s.y) {
        free(s.name);
        free(s.x);
        free(s.y);
        return oom(err);
    }
    memcpy(s.x, x, nx * sizeof *x);
    memcpy(s.y, y, nx * sizeof *y);
    s.n = nx;
    s.panel = c->npanel ? c->npanel - 1 : 0;
    s.color = color;
    s.empty = 1;
    for (size_t i = 0; i < nx; i++) {
        if (isfinite(x[i]) && isfinite(y[i])) {
            s.empty = 0;
            break;
        }
    }
    c->ser[c->nser++] = s;
    if (color == c->nname) {
        c->names[c->nname++] = s.name;
    }
    return SHI_OK;
}

static shi_status add_mark(shi_svg_chart *c, double x, const char *label, const char *what,
                           shi_err *err)
{
    if (!isfinite(x)) {
        return shi_err_set(err, SHI_EUSAGE, "svg: %s '%s' has no finite position", what,
                           label ? label : "");
    }
    if (SHI_GROW(c->marks, c->markcap, c->nmark + 1) != 0) {
        return oom(err);
    }
    char *p = dup(label);
    if (!p) {
        return oom(err);
    }
    c->marks[c->nmark].x = x;
    c->marks[c->nmark].label = p;
    c->nmark++;
    return SHI_OK;
}

shi_status shi_svg_marker(shi_svg_chart *c, double x, const char *label, shi_err *err)
{
    shi_status st = need_kind(c, "shi_svg_marker", SHI_SVG_LINES, -1, err);
    return st != SHI_OK ? st : add_mark(c, x, label, "marker", err);
}

shi_status shi_svg_event(shi_svg_chart *c, double x, const char *label, shi_err *err)
{
    shi_status st = need_kind(c, "shi_svg_event", SHI_SVG_TIMELINE, -1, err);
    return st != SHI_OK ? st : add_mark(c, x, label, "event", err);
}

static shi_status add_band(shi_svg_chart *c, double y0, double y1, int is_line, const char *label,
                           shi_err *err)
{
    if (!isfinite(y0) || !isfinite(y1)) {
        return shi_err_set(err, SHI_EUSAGE, "svg: %s '%s' has no finite position",
                           is_line ? "reference line" : "band", label ? label : "");
    }
    if (SHI_GROW(c->bands, c->bandcap, c->nband + 1) != 0) {
        return oom(err);
    }
    char *p = dup(label);
    if (!p) {
        return oom(err);
    }
    band *b = &c->bands[c->nband++];
    b->y0 = y0 < y1 ? y0 : y1;
    b->y1 = y0 < y1 ? y1 : y0;
    b->is_line = is_line;
    b->label = p;
    return SHI_OK;
}

shi_status shi_svg_band(shi_svg_chart *c, double y0, double y1, const char *label, shi_err *err)
{
    shi_status st = need_kind(c, "shi_svg_band", SHI_SVG_LINES, -1, err);
    return st != SHI_OK ? st : add_band(c, y0, y1, 0, label, err);
}

shi_status shi_svg_hline(shi_svg_chart *c, double y, const char *label, shi_err *err)
{
    shi_status st = need_kind(c, "shi_svg_hline", SHI_SVG_LINES, SHI_SVG_MULTIPLES, err);
    return st != SHI_OK ? st : add_band(c, y, y, 1, label, err);
}

shi_status shi_svg_bar(shi_svg_chart *c, const char *label, double value, double lo, double hi,
                       shi_err *err)
{
    shi_status st = need_kind(c, "shi_svg_bar", SHI_SVG_BARS, -1, err);
    if (st != SHI_OK) {
        return st;
    }
    if (!label) {
        label = "";
    }
    if (isinf(value) || isinf(lo) || isinf(hi)) {
        return shi_err_set(err, SHI_EDATA, "svg: bar '%s' has an infinite value", label);
    }
    if (!isnan(lo) && !isnan(hi) && lo > hi) {
        return shi_err_set(err, SHI_EUSAGE, "svg: bar '%s' has interval [%g, %g] with lo above hi",
                           label, lo, hi);
    }
    if (SHI_GROW(c->bars, c->barcap, c->nbar + 1) != 0) {
        return oom(err);
    }
    char *p = dup(label);
    if (!p) {
        return oom(err);
    }
    bar *b = &c->bars[c->nbar++];
    b->label = p;
    b->v = value;
    b->lo = lo;
    b->hi = hi;
    return SHI_OK;
}

shi_status shi_svg_heatmap(shi_svg_chart *c, const char *const *rows, size_t nrow,
                           const double *cols, size_t ncol, const double *z, size_t nz,
                           shi_err *err)
{
    shi_status st = need_kind(c, "shi_svg_heatmap", SHI_SVG_HEATMAP, -1, err);
    if (st != SHI_OK) {
        return st;
    }
    if (c->rows) {
        return shi_err_set(err, SHI_EUSAGE, "svg: the heatmap already has its data");
    }
    if (nrow == 0 || ncol == 0) {
        return shi_err_set(err, SHI_EDATA, "svg: heatmap has %zu rows and %zu columns", nrow, ncol);
    }
    if (nz != nrow * ncol) {
        return shi_err_set(err, SHI_EUSAGE,
                           "svg: heatmap has %zu rows x %zu columns = %zu cells but %zu values",
                           nrow, ncol, nrow * ncol, nz);
    }
    char **r = calloc(nrow, sizeof *r);
    double *cc = malloc(ncol * sizeof *cc);
    double *zz = malloc(nz * sizeof *zz);
    int bad = !r || !cc || !zz;
    for (size_t i = 0; !bad && i < nrow; i++) {
        bad = !(r[i] = dup(rows[i]));
    }
    if (bad) {
        for (size_t i = 0; r && i < nrow; i++) {
            free(r[i]);
        }
        free(r);
        free(cc);
        free(zz);
        return oom(err);
    }
    memcpy(cc, cols, ncol * sizeof *cc);
    memcpy(zz, z, nz * sizeof *zz);
    c->rows = r;
    c->nrow = nrow;
    c->cols = cc;
    c->ncol = ncol;
    c->z = zz;
    return SHI_OK;
}

shi_status shi_svg_panel(shi_svg_chart *c, const char *title, shi_err *err)
{
    shi_status st = need_kind(c, "shi_svg_panel", SHI_SVG_MULTIPLES, -1, err);
    if (st != SHI_OK) {
        return st;
    }
    if (SHI_GROW(c->panels, c->panelcap, c->npanel + 1) != 0) {
        return oom(err);
    }
    char *p = dup(title);
    if (!p) {
        return oom(err);
    }
    c->panels[c->npanel++] = p;
    return SHI_OK;
}

shi_status shi_svg_placeholder(shi_svg_chart *c, const char *message, shi_err *err)
{
    return set_str(&c->placeholder, message ? message : "no data", err);
}

/* Append "sep item" to buf, truncating quietly. */
static void list_add(char *buf, size_t size, size_t *count, const char *item)
{
    if (buf && size > 0) {
        size_t len = strlen(buf);
        if (len < size) {
            snprintf(buf + len, size - len, "%s%s", *count ? ", " : "no data for ", item);
        }
    }
    (*count)++;
}

size_t shi_svg_missing(const shi_svg_chart *c, char *buf, size_t size)
{
    size_t count = 0;
    if (buf && size > 0) {
        buf[0] = '\0';
    }
    for (size_t i = 0; i < c->nser; i++) {
        if (c->ser[i].empty) {
            if (c->kind == SHI_SVG_MULTIPLES && c->npanel) {
                char item[300];
                snprintf(item, sizeof item, "%.140s (%.140s)", c->ser[i].name,
                         c->panels[c->ser[i].panel]);
                list_add(buf, size, &count, item);
            } else {
                list_add(buf, size, &count, c->ser[i].name);
            }
        }
    }
    for (size_t i = 0; i < c->nbar; i++) {
        if (isnan(c->bars[i].v)) {
            list_add(buf, size, &count, c->bars[i].label);
        }
    }
    for (size_t r = 0; r < c->nrow; r++) {
        size_t j = 0;
        while (j < c->ncol && isnan(c->z[r * c->ncol + j])) {
            j++;
        }
        if (j == c->ncol) {
            list_add(buf, size, &count, c->rows[r]);
        }
    }
    return count;
}

/* ---- rendering helpers ------------------------------------------------------------- */

typedef struct out {
    shi_svg_buf *b;
    int fail; /* out of memory: sticky */
} out;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
emit(out *o, const char *fmt, ...)
{
    if (o->fail) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char small[512];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o->fail = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        o->fail = buf_putn(o->b, small, (size_t)n) != 0;
        return;
    }
    if (buf_reserve(o->b, (size_t)n) != 0) {
        o->fail = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(o->b->data + o->b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    o->b->len += (size_t)n;
}

static void esc(out *o, const char *s, size_t n)
{
    if (!o->fail) {
        o->fail = buf_escn(o->b, s, n) != 0;
    }
}

static double maxd(double a, double b)
{
    return a > b ? a : b;
}

static double mind(double a, double b)
{
    return a < b ? a : b;
}

/* A coordinate rounded to 0.1 px, never negative zero. */
static double q(double v)
{
    double r = round(v * 10.0) / 10.0;
    return r == 0 ? 0.0 : r;
}

/* Estimated width in px of UTF-8 text at font size fs, from the glyph widths
 * of DejaVu Sans (the usual sans-serif on Linux, and among the widest; em
 * units): narrow punctuation and space 0.32, f j t r I - 0.4, lower case 0.6,
 * digits 0.64, upper case and % w 0.78, M W m 0.98 (DejaVu's m is 0.97 em),
 * any other code point (arrows, dashes, accented letters) 0.8; and never less
 * than 0.6 em per character, the estimate the report's tests check every
 * label against (so a label the layout fits is inside the viewBox by either
 * estimate). Errs wide, so labels do not collide or run off the chart. */
static double text_w(const char *s, size_t n, double fs)
{
    double em = 0;
    size_t chars = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        chars += ch < 0x80 || (ch & 0xC0) != 0x80;
        if (ch >= 0x80) {
            em += (ch & 0xC0) != 0x80 ? 0.8 : 0; /* count lead bytes only */
        } else if (strchr("il.,:;'|!()[] ", ch)) {
            em += 0.32;
        } else if (strchr("fjtrI-", ch)) {
            em += 0.4;
        } else if (ch >= '0' && ch <= '9') {
            em += 0.64;
        } else if (ch == 'M' || ch == 'W' || ch == 'm') {
            em += 0.98;
        } else if ((ch >= 'A' && ch <= 'Z') || ch == '%' || ch == 'w' || ch == '@') {
            em += 0.78;
        } else {
            em += 0.6;
        }
    }
    return maxd(em, 0.6 * (double)chars) * fs;
}

static double tw(const char *s, double fs)
{
    return text_w(s, strlen(s), fs);
}

/* <text>: anchor 's'tart, 'm'iddle or 'e'nd; `attrs` is extra attributes (or ""). */
static void text_n(out *o, double x, double y, int fs, char anchor, const char *fill,
                   const char *attrs, const char *s, size_t n)
{
    emit(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%dpx\" fill=\"%s\"%s%s>", q(x), q(y), fs, fill,
         anchor == 'm'   ? " text-anchor=\"middle\""
         : anchor == 'e' ? " text-anchor=\"end\""
                         : "",
         attrs);
    esc(o, s, n);
    emit(o, "</text>\n");
}

static void text(out *o, double x, double y, int fs, char anchor, const char *fill,
                 const char *attrs, const char *s)
{
    text_n(o, x, y, fs, anchor, fill, attrs, s, strlen(s));
}

#define MAXLINES 16

/* Split s into at most MAXLINES lines no wider than maxw (at word breaks);
 * returns the number of lines. */
static size_t wrap(const char *s, double maxw, double fs, size_t *start, size_t *len)
{
    size_t n = 0, pos = 0, total = strlen(s);
    while (pos < total && n < MAXLINES) {
        while (s[pos] == ' ') {
            pos++;
        }
        if (pos >= total) {
            break;
        }
        size_t end = pos, best = 0;
        while (end < total) {
            size_t w = end;
            while (w < total && s[w] != ' ') {
                w++;
            }
            if (best && text_w(s + pos, w - pos, fs) > maxw) {
                break;
            }
            best = w - pos;
            end = w;
            while (end < total && s[end] == ' ') {
                end++;
            }
        }
        start[n] = pos;
        len[n] = best;
        n++;
        pos += best;
    }
    return n;
}

static double header_height(const shi_svg_chart *c)
{
    double y = 8;
    if (c->title && c->title[0]) {
        y += 22;
    }
    if (c->reading && c->reading[0]) {
        size_t st[MAXLINES], ln[MAXLINES];
        y += 15.0 * (double)wrap(c->reading, c->w - 16, 12, st, ln) + 2;
    }
    return y + 4;
}

/* Open the <svg> element and draw title and reading; returns the y below them. */
static double header(out *o, const shi_svg_chart *c, int h)
{
    emit(o, "<svg xmlns=\"http://www.w3.org/2000/svg\"");
    if (c->id[0]) {
        emit(o, " id=\"%s\"", c->id);
    }
    emit(o,
         " viewBox=\"0 0 %d %d\" width=\"100%%\" style=\"max-width:%dpx;height:auto\""
         " role=\"img\" font-family=\"sans-serif\">\n",
         c->w, h, c->w);
    if (c->title && c->title[0]) {
        emit(o, "<title>");
        esc(o, c->title, strlen(c->title));
        emit(o, "</title>\n");
    }
    if (c->reading && c->reading[0]) {
        emit(o, "<desc>");
        esc(o, c->reading, strlen(c->reading));
        emit(o, "</desc>\n");
    }
    emit(o, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", c->w, h);
    double y = 8;
    if (c->title && c->title[0]) {
        text(o, 8, y + 16, 16, 's', "#111111", " font-weight=\"bold\"", c->title);
        y += 22;
    }
    if (c->reading && c->reading[0]) {
        size_t st[MAXLINES], ln[MAXLINES];
        size_t n = wrap(c->reading, c->w - 16, 12, st, ln);
        for (size_t i = 0; i < n; i++) {
            text_n(o, 8, y + 12, 12, 's', "#444444", "", c->reading + st[i], ln[i]);
            y += 15;
        }
        y += 2;
    }
    return y + 4;
}

/* Legend of series names: returns its height; draws only when `o` is not NULL. */
static double legend(out *o, const shi_svg_chart *c, double y)
{
    if (c->nname == 0 || (c->kind == SHI_SVG_LINES && c->nname == 1 && !c->ser[0].empty)) {
        return 0; /* one series with data: the title names it */
    }
    double x = 8, rows = 1;
    for (size_t i = 0; i < c->nname; i++) {
        int empty = 1; /* no data in any panel */
        for (size_t s = 0; s < c->nser; s++) {
            if (c->ser[s].color == i && !c->ser[s].empty) {
                empty = 0;
            }
        }
        char label[300];
        snprintf(label, sizeof label, "%.200s%s", c->names[i], empty ? " (no data)" : "");
        double w = 22 + tw(label, 12) + 14;
        if (x > 8 && x + w > c->w - 8) {
            x = 8;
            y += 16;
            rows++;
        }
        if (o) {
            if (empty) {
                emit(o,
                     "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999999\""
                     " stroke-width=\"3\" stroke-dasharray=\"2 2\"/>\n",
                     q(x), q(y + 8), q(x + 16), q(y + 8));
            } else {
                emit(o,
                     "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                     " stroke-width=\"3\"/>\n",
                     q(x), q(y + 8), q(x + 16), q(y + 8), shi_svg_palette(i));
            }
            text(o, x + 22, y + 12, 12, 's', "#222222", "", label);
        }
        x += w;
    }
    return rows * 16 + 4;
}

/* A chart-shaped box with a message, under the title and reading. */
static void draw_placeholder(out *o, const shi_svg_chart *c, const char *msg)
{
    double top = header(o, c, c->h);
    double bottom = c->h - 8;
    emit(o,
         "<rect x=\"8\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#f7f7f7\""
         " stroke=\"#bbbbbb\" stroke-dasharray=\"6 4\"/>\n",
         q(top), c->w - 16, q(bottom - top));
    size_t st[MAXLINES], ln[MAXLINES];
    size_t n = wrap(msg, c->w - 48, 14, st, ln);
    double y = (top + bottom) / 2 - 9.0 * ((double)n - 1) + 5;
    for (size_t i = 0; i < n; i++) {
        text_n(o, c->w / 2.0, y, 14, 'm', "#555555", "", msg + st[i], ln[i]);
        y += 18;
    }
    emit(o, "</svg>\n");
}

/* Range of an axis: fixed (ticks inside) or from data [dlo, dhi] (ticks
 * loose, covering it). Returns 0 when there is no range. */
typedef struct axis_lay {
    double lo, hi; /* the drawn range */
    tickspec t;
    int dec; /* decimals of tick labels */
} axis_lay;

static int axis_fixed(const shi_svg_axis *a)
{
    return isfinite(a->lo) && isfinite(a->hi) && a->lo < a->hi;
}

static void axis_layout(const shi_svg_axis *a, double dlo, double dhi, int target, int loose,
                        axis_lay *L)
{
    int yr = a->fmt == SHI_SVG_YEAR;
    if (axis_fixed(a)) {
        L->lo = a->lo;
        L->hi = a->hi;
        nice(L->lo, L->hi, target, 0, yr, &L->t);
    } else {
        if (!(dlo <= dhi)) {
            dlo = 0;
            dhi = 1;
        }
        if (dlo == dhi) {
            double d = yr ? 1 : dlo == 0 ? 0.5 : fabs(dlo) * 0.1;
            dlo -= d;
            dhi += d;
        }
        nice(dlo, dhi, target, loose, yr, &L->t);
        if (loose && L->t.n >= 2) {
            L->lo = tick_at(&L->t, 0);
            L->hi = tick_at(&L->t, L->t.n - 1);
        } else {
            L->lo = dlo;
            L->hi = dhi;
        }
    }
    L->dec = step_decimals(&L->t, a->fmt);
}

/* Stagger labels: items in x order with extents [left[i], right[i]] get the
 * lowest level whose previous label ends at least `gap` before. Levels wrap
 * at `maxlev`. Returns the number of levels used. */
static int stagger(const double *left, const double *right, size_t n, double gap, int maxlev,
                   int *level)
{
    double end[64];
    int used = 0;
    if (maxlev > 64) {
        maxlev = 64;
    }
    for (size_t i = 0; i < n; i++) {
        int l = 0;
        /* end[0..used-1] are set: used grows only where end[used] is set below. */
        /* cppcheck-suppress uninitvar */
        while (l < used && end[l] + gap > left[i]) {
            l++;
        }
        if (l >= maxlev) {
            l = (int)(i % (size_t)maxlev);
        }
        if (l == used) {
            used++;
        }
        end[l] = right[i];
        level[i] = l;
    }
    return used;
}

/* Indices 0..n-1 of marks sorted by x (insertion sort; n is small). */
static size_t *sorted_marks(const shi_svg_chart *c)
{
    size_t *idx = malloc((c->nmark ? c->nmark : 1) * sizeof *idx);
    if (!idx) {
        return NULL;
    }
    for (size_t i = 0; i < c->nmark; i++) {
        size_t j = i;
        while (j > 0 && c->marks[idx[j - 1]].x > c->marks[i].x) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = i;
    }
    return idx;
}

static const char *const halo = " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"";

/* Horizontal axis ticks and labels at y = bottom. */
static void x_ticks(out *o, const shi_svg_axis *a, const axis_lay *X, double left, double pw,
                    double bottom, int grid_top, double top)
{
    for (size_t i = 0; i < X->t.n; i++) {
        double v = tick_at(&X->t, i);
        if (v < X->lo - 1e-9 * fabs(X->hi - X->lo) || v > X->hi + 1e-9 * fabs(X->hi - X->lo)) {
            continue;
        }
        double px = left + (v - X->lo) / (X->hi - X->lo) * pw;
        if (grid_top) {
            emit(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e6e6e6\"/>\n",
                 q(px), q(top), q(px), q(bottom));
        }
        emit(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333333\"/>\n",
             q(px), q(bottom), q(px), q(bottom + 4));
        char lab[64];
        fmt_num(lab, sizeof lab, v, a->fmt, X->dec, 1);
        text(o, px, bottom + 16, 11, 'm', "#333333", "", lab);
    }
}

/* Vertical axis: grid lines across [left, right] and labels left of it. */
static void y_ticks(out *o, const shi_svg_axis *a, const axis_lay *Y, double left, double right,
                    double top, double ph)
{
    for (size_t i = 0; i < Y->t.n; i++) {
        double v = tick_at(&Y->t, i);
        if (v < Y->lo - 1e-9 * fabs(Y->hi - Y->lo) || v > Y->hi + 1e-9 * fabs(Y->hi - Y->lo)) {
            continue;
        }
        double py = top + ph - (v - Y->lo) / (Y->hi - Y->lo) * ph;
        emit(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e6e6e6\"/>\n",
             q(left), q(py), q(right), q(py));
        char lab[64];
        fmt_num(lab, sizeof lab, v, a->fmt, Y->dec, 1);
        text(o, left - 6, py + 4, 11, 'e', "#333333", "", lab);
    }
}

static double y_label_width(const shi_svg_axis *a, const axis_lay *Y)
{
    double w = 0;
    for (size_t i = 0; i < Y->t.n; i++) {
        char lab[64];
        fmt_num(lab, sizeof lab, tick_at(&Y->t, i), a->fmt, Y->dec, 1);
        w = maxd(w, tw(lab, 11));
    }
    return w;
}

/* The x-axis title, centred under the plot. */
static void x_title(out *o, const shi_svg_chart *c, double left, double right, int h)
{
    const char *xl = c->ax[0].label;
    if (xl && xl[0]) {
        text(o, (left + right) / 2, h - 8, 12, 'm', "#222222", "", xl);
    }
}

/* Height taken by the y-axis title, which sits above the plot, left-aligned
 * and horizontal (readable on a phone, never longer than the plot is tall). */
static double y_title_h(const shi_svg_chart *c)
{
    return c->ax[1].label && c->ax[1].label[0] ? 16 : 0;
}

static void y_title(out *o, const shi_svg_chart *c, double y)
{
    if (y_title_h(c) > 0) {
        text(o, 8, y + 12, 12, 's', "#222222", "", c->ax[1].label);
    }
}

/* One series as a path (NaN breaks it) plus dots for isolated points. Points
 * outside [X->lo, X->hi] are gaps; y is clamped to the plot. */
static void draw_series(out *o, const series *s, const axis_lay *X, const axis_lay *Y, double left,
                        double top, double pw, double ph, double width)
{
    const char *col = shi_svg_palette(s->color);
    double xr = X->hi - X->lo, yr = Y->hi - Y->lo;
#define OK_AT(i)                                                                                   \
    (isfinite(s->x[i]) && isfinite(s->y[i]) && s->x[i] >= X->lo - 1e-9 * xr &&                     \
     s->x[i] <= X->hi + 1e-9 * xr)
    int open = 0, started = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (!OK_AT(i)) {
            open = 0;
            continue;
        }
        if (!started) {
            emit(o,
                 "<path fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\""
                 " stroke-linejoin=\"round\" d=\"",
                 col, width);
            started = 1;
        }
        double px = left + (s->x[i] - X->lo) / xr * pw;
        double py = top + ph - (s->y[i] - Y->lo) / yr * ph;
        py = mind(maxd(py, top), top + ph);
        emit(o, "%s%.1f %.1f", open ? " L" : (started == 1 ? "M" : " M"), q(px), q(py));
        started = 2;
        open = 1;
    }
    if (started) {
        emit(o, "\"/>\n");
    }
    for (size_t i = 0; i < s->n; i++) {
        if (OK_AT(i) && (i == 0 || !OK_AT(i - 1)) && (i + 1 == s->n || !OK_AT(i + 1))) {
            double px = left + (s->x[i] - X->lo) / xr * pw;
            double py = top + ph - (s->y[i] - Y->lo) / yr * ph;
            py = mind(maxd(py, top), top + ph);
            emit(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>\n", q(px), q(py),
                 width + 0.5, col);
        }
    }
#undef OK_AT
}

/* Data range of all finite (x, y) points; 0 when there is none. */
static int series_range(const shi_svg_chart *c, double *xlo, double *xhi, double *ylo, double *yhi)
{
    int any = 0;
    *xlo = *ylo = INFINITY;
    *xhi = *yhi = -INFINITY;
    for (size_t s = 0; s < c->nser; s++) {
        for (size_t i = 0; i < c->ser[s].n; i++) {
            double x = c->ser[s].x[i], y = c->ser[s].y[i];
            if (isfinite(x) && isfinite(y)) {
                *xlo = mind(*xlo, x);
                *xhi = maxd(*xhi, x);
                *ylo = mind(*ylo, y);
                *yhi = maxd(*yhi, y);
                any = 1;
            }
        }
    }
    return any;
}

/* Pad a data range by 3% each side (not across zero). */
static void pad(double *lo, double *hi)
{
    double d = (*hi - *lo) * 0.03;
    double l = *lo - d;
    if (*lo >= 0 && l < 0) {
        l = 0;
    }
    double h = *hi + d;
    if (*hi <= 0 && h > 0) {
        h = 0;
    }
    *lo = l;
    *hi = h;
}

/* ---- the five kinds ------------------------------------------------------------------ */

static shi_status draw_lines(out *o, const shi_svg_chart *c, const char *nodata)
{
    double xlo, xhi, ylo, yhi;
    if (!series_range(c, &xlo, &xhi, &ylo, &yhi)) {
        draw_placeholder(o, c, nodata);
        return SHI_OK;
    }
    for (size_t i = 0; i < c->nmark; i++) {
        xlo = mind(xlo, c->marks[i].x);
        xhi = maxd(xhi, c->marks[i].x);
    }
    for (size_t i = 0; i < c->nband; i++) {
        ylo = mind(ylo, c->bands[i].y0);
        yhi = maxd(yhi, c->bands[i].y1);
    }
    double top = header_height(c);
    top += legend(NULL, c, top);
    double ytop = top;
    top += y_title_h(c);
    int h = c->h;
    double bottom = h - 8 - (c->ax[0].label && c->ax[0].label[0] ? 18 : 0) - 18;
    if (bottom - top < 60) {
        h += (int)ceil(60 - (bottom - top));
        bottom = top + 60;
    }
    top += 6;
    double ph = bottom - top;
    axis_lay X, Y;
    pad(&ylo, &yhi);
    axis_layout(&c->ax[1], ylo, yhi, (int)(ph / 45) + 2, 1, &Y);
    double left = 8 + y_label_width(&c->ax[1], &Y) + 6;
    double right = c->w - 16;
    double pw = right - left;
    axis_layout(&c->ax[0], xlo, xhi, (int)(pw / 70) + 1, 0, &X);

    header(o, c, h);
    legend(o, c, header_height(c));
    y_title(o, c, ytop);
    y_ticks(o, &c->ax[1], &Y, left, right, top, ph);
    double yr = Y.hi - Y.lo;
    /* Bands first (under everything), then reference lines. */
    for (size_t i = 0; i < c->nband; i++) {
        const band *b = &c->bands[i];
        double y0 = maxd(b->y0, Y.lo), y1 = mind(b->y1, Y.hi);
        if (b->is_line || y0 > y1) {
            continue;
        }
        double py1 = top + ph - (y1 - Y.lo) / yr * ph, py0 = top + ph - (y0 - Y.lo) / yr * ph;
        emit(o,
             "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#000000\""
             " fill-opacity=\"0.08\"/>\n",
             q(left), q(py1), q(pw), q(py0 - py1));
        if (b->label[0]) {
            text(o, right - 4, py1 + 12, 11, 'e', "#444444", "", b->label);
        }
    }
    for (size_t i = 0; i < c->nband; i++) {
        const band *b = &c->bands[i];
        if (!b->is_line || b->y0 < Y.lo || b->y0 > Y.hi) {
            continue;
        }
        double py = top + ph - (b->y0 - Y.lo) / yr * ph;
        emit(o,
             "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#666666\""
             " stroke-dasharray=\"5 4\"/>\n",
             q(left), q(py), q(right), q(py));
        if (b->label[0]) {
            text(o, right - 4, py - 4, 11, 'e', "#444444", halo, b->label);
        }
    }
    emit(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333333\"/>\n", q(left),
         q(bottom), q(right), q(bottom));
    x_ticks(o, &c->ax[0], &X, left, pw, bottom, 0, top);
    /* Markers: rule, then labels staggered near the top. */
    if (c->nmark) {
        size_t *idx = sorted_marks(c);
        double *l = calloc(2 * c->nmark, sizeof *l);
        int *lev = malloc(c->nmark * sizeof *lev);
        if (!idx || !l || !lev) {
            free(idx);
            free(l);
            free(lev);
            o->fail = 1;
            return SHI_OK;
        }
        double *r = l + c->nmark;
        size_t k = 0;
        for (size_t j = 0; j < c->nmark; j++) {
            const mark *m = &c->marks[idx[j]];
            if (m->x < X.lo || m->x > X.hi) {
                continue;
            }
            idx[k++] = idx[j];
        }
        /* A label reads to the right of its rule, unless it would run off the
         * plot or across the rule of the next marker while it fits on the
         * left: then it reads to the left (2002 | 2003 stay apart). */
        for (size_t j = 0; j < k; j++) {
            const mark *m = &c->marks[idx[j]];
            double px = left + (m->x - X.lo) / (X.hi - X.lo) * pw, w = tw(m->label, 11);
            double next = j + 1 < k ? left + (c->marks[idx[j + 1]].x - X.lo) / (X.hi - X.lo) * pw
                                    : (double)INFINITY;
            int fits_left = px - 3 - w >= 8;
            int end = (px + 3 + w > right || next < px + 3 + w + 8) && fits_left;
            l[j] = end ? px - 3 - w : px + 3;
            r[j] = end ? px - 3 : px + 3 + w;
        }
        /* stagger wants left edges in order: sort l/r/idx by l (insertion). */
        for (size_t j = 1; j < k; j++) {
            for (size_t i = j; i > 0 && l[i] < l[i - 1]; i--) {
                double tl = l[i], tr = r[i];
                size_t ti = idx[i];
                l[i] = l[i - 1];
                r[i] = r[i - 1];
                idx[i] = idx[i - 1];
                l[i - 1] = tl;
                r[i - 1] = tr;
                idx[i - 1] = ti;
            }
        }
        int maxlev = (int)(ph / 2 / 15);
        stagger(l, r, k, 8, maxlev < 1 ? 1 : maxlev, lev);
        for (size_t j = 0; j < k; j++) {
            const mark *m = &c->marks[idx[j]];
            double px = left + (m->x - X.lo) / (X.hi - X.lo) * pw;
            emit(o,
                 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555555\""
                 " stroke-dasharray=\"3 3\"/>\n",
                 q(px), q(top), q(px), q(bottom));
        }
        for (size_t j = 0; j < k; j++) {
            const mark *m = &c->marks[idx[j]];
            double px = left + (m->x - X.lo) / (X.hi - X.lo) * pw;
            int end = l[j] < px;
            text(o, end ? px - 3 : px + 3, top + 11 + 15 * lev[j], 11, end ? 'e' : 's', "#333333",
                 halo, m->label);
        }
        free(idx);
        free(l);
        free(lev);
    }
    for (size_t s = 0; s < c->nser; s++) {
        draw_series(o, &c->ser[s], &X, &Y, left, top, pw, ph, 2);
    }
    x_title(o, c, left, right, h);
    emit(o, "</svg>\n");
    return SHI_OK;
}

static void value_label(char *buf, size_t size, const bar *b, const shi_svg_axis *a, int dec)
{
    char v[64], lo[64], hi[64];
    fmt_num(v, sizeof v, b->v, a->fmt, dec, 1);
    if (isnan(b->lo) || isnan(b->hi)) {
        snprintf(buf, size, "%s", v);
        return;
    }
    fmt_num(lo, sizeof lo, b->lo, a->fmt, dec, 0);
    fmt_num(hi, sizeof hi, b->hi, a->fmt, dec, 0);
    snprintf(buf, size, "%s [%s, %s]", v, lo, hi);
}

static shi_status draw_bars(out *o, const shi_svg_chart *c, const char *nodata)
{
    double lo = 0, hi = 0;
    int any = 0;
    for (size_t i = 0; i < c->nbar; i++) {
        const bar *b = &c->bars[i];
        if (isnan(b->v)) {
            continue;
        }
        any = 1;
        lo = mind(lo, b->v);
        hi = maxd(hi, b->v);
        if (!isnan(b->lo) && !isnan(b->hi)) {
            lo = mind(lo, b->lo);
            hi = maxd(hi, b->hi);
        }
    }
    if (!any) {
        draw_placeholder(o, c, nodata);
        return SHI_OK;
    }
    const shi_svg_axis *a = &c->ax[0];
    double top = header_height(c) + 4;
    int h = c->h;
    double axis_h = 18 + (a->label && a->label[0] ? 18 : 0) + 8;
    /* The label column is as wide as the longest label, up to 45% of the
     * width; a longer label wraps onto lines of that width (never clipped). */
    double lw = 0, cap = c->w * 0.45 - 16;
    size_t lines = 1;
    for (size_t i = 0; i < c->nbar; i++) {
        size_t st[MAXLINES], ln[MAXLINES];
        size_t nl = wrap(c->bars[i].label, cap, 12, st, ln);
        for (size_t k = 0; k < nl; k++) {
            lw = maxd(lw, text_w(c->bars[i].label + st[k], ln[k], 12));
        }
        lines = nl > lines ? nl : lines;
    }
    /* Rows 16-32 px high (or as high as their wrapped labels), as near the
     * requested height as that allows; the chart then takes the height its
     * rows need. */
    double rh = (h - top - axis_h) / (double)c->nbar;
    rh = mind(maxd(rh, 16), 32);
    rh = maxd(rh, 14.0 * (double)lines + 6);
    h = (int)ceil(top + rh * (double)c->nbar + axis_h);
    double bottom = top + rh * (double)c->nbar;
    double left = 8 + lw + 8;
    /* Provisional axis for the widest value label, then the final one. */
    axis_lay X;
    axis_layout(a, lo, hi, 5, 1, &X);
    int dec = X.dec > a->digits ? X.dec : a->digits;
    double vw = 0;
    for (size_t i = 0; i < c->nbar; i++) {
        char lab[200];
        value_label(lab, sizeof lab, &c->bars[i], a, dec);
        vw = maxd(vw, tw(lab, 11));
    }
    double right = c->w - 8 - vw - 8;
    if (right - left < 60) {
        right = left + 60;
    }
    double pw = right - left;
    axis_layout(a, lo, hi, (int)(pw / 70) + 1, 1, &X);
    dec = X.dec > a->digits ? X.dec : a->digits;
    double xr = X.hi - X.lo;

    header(o, c, h);
    x_ticks(o, a, &X, left, pw, bottom, 1, top);
    emit(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333333\"/>\n", q(left),
         q(bottom), q(right), q(bottom));
    double x0 = left + (mind(maxd(0, X.lo), X.hi) - X.lo) / xr * pw;
    for (size_t i = 0; i < c->nbar; i++) {
        const bar *b = &c->bars[i];
        double cy = top + rh * ((double)i + 0.5);
        size_t st[MAXLINES], ln[MAXLINES];
        size_t nl = wrap(b->label, cap, 12, st, ln);
        for (size_t k = 0; k < nl; k++) {
            text_n(o, left - 8, cy + 4 + 14.0 * ((double)k - ((double)nl - 1) / 2), 12, 'e',
                   "#222222", "", b->label + st[k], ln[k]);
        }
        if (isnan(b->v)) {
            text(o, x0 + 6, cy + 4, 11, 's', "#777777", " font-style=\"italic\"", "no data");
            continue;
        }
        double px = left + (b->v - X.lo) / xr * pw;
        emit(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
             q(mind(px, x0)), q(cy - rh * 0.3), q(fabs(px - x0)), q(rh * 0.6), shi_svg_palette(0));
        double end = maxd(px, x0);
        if (!isnan(b->lo) && !isnan(b->hi)) {
            double p0 = left + (b->lo - X.lo) / xr * pw, p1 = left + (b->hi - X.lo) / xr * pw;
            emit(o,
                 "<path fill=\"none\" stroke=\"#222222\" stroke-width=\"1.5\""
                 " d=\"M%.1f %.1f L%.1f %.1f M%.1f %.1f L%.1f %.1f M%.1f %.1f L%.1f %.1f\"/>\n",
                 q(p0), q(cy), q(p1), q(cy), q(p0), q(cy - 5), q(p0), q(cy + 5), q(p1), q(cy - 5),
                 q(p1), q(cy + 5));
            end = maxd(end, p1);
        }
        char lab[200];
        value_label(lab, sizeof lab, b, a, dec);
        text(o, end + 6, cy + 4, 11, 's', "#222222", "", lab);
    }
    emit(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333333\"/>\n", q(x0),
         q(top), q(x0), q(bottom));
    if (a->label && a->label[0]) {
        text(o, (left + right) / 2, h - 8, 12, 'm', "#222222", "", a->label);
    }
    emit(o, "</svg>\n");
    return SHI_OK;
}

/* Grey fill and diagonal hatching for a "no data" cell (no pattern ids, so
 * several charts can share one HTML page). */
static void hatch(out *o, double x, double y, double w, double h, const char *title)
{
    emit(o, "<g><title>");
    esc(o, title, strlen(title));
    emit(o, "</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#dddddd\"/>",
         q(x), q(y), q(w), q(h));
    emit(o, "<path stroke=\"#999999\" stroke-width=\"0.8\" d=\"");
    int first = 1;
    for (double k = 4; k < w + h; k += 4) {
        double u0 = maxd(0, k - h), u1 = mind(w, k);
        emit(o, "%sM%.1f %.1f L%.1f %.1f", first ? "" : " ", q(x + u0), q(y + h - (k - u0)),
             q(x + u1), q(y + h - (k - u1)));
        first = 0;
    }
    emit(o, "\"/></g>\n");
}

static shi_status draw_heatmap(out *o, const shi_svg_chart *c, const char *nodata)
{
    double zlo = INFINITY, zhi = -INFINITY;
    int any_nan = 0;
    for (size_t i = 0; i < c->nrow * c->ncol; i++) {
        if (isfinite(c->z[i])) {
            zlo = mind(zlo, c->z[i]);
            zhi = maxd(zhi, c->z[i]);
        } else {
            any_nan = 1;
        }
    }
    if (!(zlo <= zhi)) {
        draw_placeholder(o, c, nodata);
        return SHI_OK;
    }
    const shi_svg_axis *ax = &c->ax[0], *az = &c->ax[2];
    if (axis_fixed(az)) {
        zlo = az->lo;
        zhi = az->hi;
    }
    double top = header_height(c) + 4;
    int h = c->h;
    int has_xl = ax->label && ax->label[0], has_zl = az->label && az->label[0];
    double foot = 28 + (has_xl ? 18 : 0) + (has_zl ? 15 : 0) + 30;
    /* Rows 12-28 px high, as near the requested height as that allows; the
     * chart then takes the height its rows need. */
    double ch = (h - top - foot) / (double)c->nrow;
    ch = mind(maxd(ch, 12), 28);
    h = (int)ceil(top + ch * (double)c->nrow + foot);
    double lw = 0;
    for (size_t r = 0; r < c->nrow; r++) {
        lw = maxd(lw, tw(c->rows[r], 12));
    }
    double left = 8 + mind(lw, c->w * 0.35) + 8, right = c->w - 16, pw = right - left;
    double cw = pw / (double)c->ncol, bottom = top + ch * (double)c->nrow;

    tickspec xt;
    double c0 = c->cols[0], c1 = c->cols[c->ncol - 1];
    int intcols = ax->fmt != SHI_SVG_PERCENT; /* whole-number columns (years): step >= 1 */
    for (size_t j = 0; j < c->ncol && intcols; j++) {
        intcols = c->cols[j] == floor(c->cols[j]);
    }
    int xt_ok = nice(mind(c0, c1), maxd(c0, c1), (int)(pw / 60) + 1, 0, intcols, &xt);
    int xdec = xt_ok ? step_decimals(&xt, ax->fmt) : 2; /* also for tooltips */
    header(o, c, h);
    int zdec = 0;
    {
        tickspec zt;
        nice(zlo, zhi, 5, 1, 0, &zt);
        zdec = step_decimals(&zt, az->fmt) + 1;
        if (zdec < az->digits) {
            zdec = az->digits;
        }
    }
    for (size_t r = 0; r < c->nrow; r++) {
        double y = top + ch * (double)r;
        text(o, left - 8, y + ch / 2 + 4, 12, 'e', "#222222", "", c->rows[r]);
        for (size_t j = 0; j < c->ncol; j++) {
            double v = c->z[r * c->ncol + j], x = left + cw * (double)j;
            char colname[64], tip[400];
            fmt_num(colname, sizeof colname, c->cols[j], ax->fmt, xdec, 1);
            if (!isfinite(v)) {
                snprintf(tip, sizeof tip, "%.200s, %s: no data", c->rows[r], colname);
                hatch(o, x, y, cw, ch, tip);
                continue;
            }
            char vs[64], col[8];
            fmt_num(vs, sizeof vs, v, az->fmt, zdec, 1);
            snprintf(tip, sizeof tip, "%.200s, %s: %s", c->rows[r], colname, vs);
            shi_svg_seq_color(zhi > zlo ? (v - zlo) / (zhi - zlo) : 0.5, col);
            /* Cells overlap by 0.5 px so no hairline gaps show between them. */
            emit(o,
                 "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>",
                 q(x), q(y), q(cw + 0.5), q(ch + 0.5), col);
            esc(o, tip, strlen(tip));
            emit(o, "</title></rect>\n");
        }
    }
    /* Column labels: the columns that fall on nice ticks of their range. */
    int labelled = 0;
    if (xt_ok) {
        for (size_t i = 0; i < xt.n; i++) {
            double v = tick_at(&xt, i);
            for (size_t j = 0; j < c->ncol; j++) {
                if (fabs(c->cols[j] - v) <= 1e-9 * maxd(1, fabs(v))) {
                    char lab[64];
                    fmt_num(lab, sizeof lab, v, ax->fmt, xdec, 1);
                    double px = left + cw * ((double)j + 0.5);
                    emit(o,
                         "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                         " stroke=\"#333333\"/>\n",
                         q(px), q(bottom), q(px), q(bottom + 4));
                    text(o, px, bottom + 16, 11, 'm', "#333333", "", lab);
                    labelled++;
                    break;
                }
            }
        }
    }
    if (!labelled) { /* irregular columns: label every k-th */
        size_t k = (size_t)ceil(50.0 / cw);
        for (size_t j = 0; j < c->ncol; j += k ? k : 1) {
            char lab[64];
            fmt_num(lab, sizeof lab, c->cols[j], ax->fmt, xdec, 1);
            text(o, left + cw * ((double)j + 0.5), bottom + 16, 11, 'm', "#333333", "", lab);
        }
    }
    if (ax->label && ax->label[0]) {
        text(o, (left + right) / 2, bottom + 34, 12, 'm', "#222222", "", ax->label);
    }
    double ly = bottom + 28 + (has_xl ? 18 : 0) + (has_zl ? 15 : 0);
    /* Colour legend: a ramp of 40 steps, labelled at its ends and middle. */
    double lx = left, lwid = mind(240, pw * 0.6);
    if (has_zl) {
        text(o, lx, ly - 4, 11, 's', "#222222", "", az->label);
    }
    for (int i = 0; i < 40; i++) {
        char col[8];
        shi_svg_seq_color((i + 0.5) / 40.0, col);
        emit(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" fill=\"%s\"/>\n",
             q(lx + lwid * i / 40.0), q(ly), q(lwid / 40.0 + 1), col);
    }
    for (int i = 0; i <= 2; i++) {
        char lab[64];
        fmt_num(lab, sizeof lab, zlo + (zhi - zlo) * i / 2.0, az->fmt, zdec, 1);
        text(o, lx + lwid * i / 2.0, ly + 22, 11,
             i == 0   ? 's'
             : i == 1 ? 'm'
                      : 'e',
             "#333333", "", lab);
    }
    if (any_nan) {
        hatch(o, lx + lwid + 24, ly, 14, 10, "no data");
        text(o, lx + lwid + 42, ly + 9, 11, 's', "#333333", "", "no data");
    }
    emit(o, "</svg>\n");
    return SHI_OK;
}

static shi_status draw_multiples(out *o, const shi_svg_chart *c, const char *nodata)
{
    double xlo, xhi, ylo, yhi;
    if (c->npanel == 0 || !series_range(c, &xlo, &xhi, &ylo, &yhi)) {
        draw_placeholder(o, c, nodata);
        return SHI_OK;
    }
    for (size_t i = 0; i < c->nband; i++) {
        ylo = mind(ylo, c->bands[i].y0);
        yhi = maxd(yhi, c->bands[i].y1);
    }
    size_t np = c->npanel;
    size_t ncols = np <= 3 ? np : np == 4 ? 2 : 3;
    if (c->w < 480 && ncols > 2) {
        ncols = 2;
    }
    size_t nrows = (np + ncols - 1) / ncols;
    double top = header_height(c);
    top += legend(NULL, c, top);
    double ytop = top;
    top += y_title_h(c);
    int h = c->h;
    double foot = 8 + (c->ax[0].label && c->ax[0].label[0] ? 18 : 0);
    double cellh = (h - top - foot) / (double)nrows;
    if (cellh < 100) {
        cellh = 100;
        h = (int)ceil(top + 100 * (double)nrows + foot);
    }
    axis_lay X, Y;
    pad(&ylo, &yhi);
    axis_layout(&c->ax[1], ylo, yhi, 3, 1, &Y);
    double ylw = y_label_width(&c->ax[1], &Y);
    double gleft = 8;
    double cellw = (c->w - 8 - gleft) / (double)ncols;
    double pw = cellw - ylw - 6 - 14;
    axis_layout(&c->ax[0], xlo, xhi, (int)(pw / 60) + 1, 0, &X);

    header(o, c, h);
    legend(o, c, header_height(c));
    y_title(o, c, ytop);
    for (size_t p = 0; p < np; p++) {
        double cx = gleft + cellw * (double)(p % ncols), cy = top + cellh * (double)(p / ncols);
        double left = cx + ylw + 6, right = left + pw;
        double ptop = cy + 22, pbot = cy + cellh - 24, ph = pbot - ptop;
        text(o, left, cy + 14, 12, 's', "#111111", " font-weight=\"bold\"", c->panels[p]);
        int any = 0;
        for (size_t s = 0; s < c->nser; s++) {
            any |= c->ser[s].panel == p && !c->ser[s].empty;
        }
        y_ticks(o, &c->ax[1], &Y, left, right, ptop, ph);
        emit(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333333\"/>\n",
             q(left), q(pbot), q(right), q(pbot));
        x_ticks(o, &c->ax[0], &X, left, pw, pbot, 0, ptop);
        if (!any) {
            text(o, (left + right) / 2, (ptop + pbot) / 2 + 4, 12, 'm', "#777777",
                 " font-style=\"italic\"", "no data");
            continue;
        }
        for (size_t i = 0; i < c->nband; i++) {
            const band *b = &c->bands[i];
            if (!b->is_line || b->y0 < Y.lo || b->y0 > Y.hi) {
                continue;
            }
            double py = pbot - (b->y0 - Y.lo) / (Y.hi - Y.lo) * ph;
            emit(o,
                 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#666666\""
                 " stroke-dasharray=\"4 3\"/>\n",
                 q(left), q(py), q(right), q(py));
        }
        for (size_t s = 0; s < c->nser; s++) {
            if (c->ser[s].panel == p) {
                draw_series(o, &c->ser[s], &X, &Y, left, ptop, pw, ph, 1.5);
            }
        }
    }
    x_title(o, c, gleft, c->w - 8.0, h);
    emit(o, "</svg>\n");
    return SHI_OK;
}

static shi_status draw_timeline(out *o, const shi_svg_chart *c, const char *nodata)
{
    if (c->nmark == 0) {
        draw_placeholder(o, c, nodata);
        return SHI_OK;
    }
    size_t n = c->nmark;
    size_t *idx = sorted_marks(c);
    double *l = calloc(2 * n, sizeof *l);
    int *lev = malloc(n * sizeof *lev);
    if (!idx || !l || !lev) {
        free(idx);
        free(l);
        free(lev);
        o->fail = 1;
        return SHI_OK;
    }
    double *r = l + n;
    double xlo = c->marks[idx[0]].x, xhi = c->marks[idx[n - 1]].x;
    double left = 24, right = c->w - 24.0, pw = right - left;
    axis_lay X;
    if (!axis_fixed(&c->ax[0])) {
        double d = xhi > xlo ? (xhi - xlo) * 0.02 : 1;
        xlo -= d;
        xhi += d;
    }
    axis_layout(&c->ax[0], xlo, xhi, (int)(pw / 70) + 1, 0, &X);
    double xr = X.hi - X.lo;
    for (size_t j = 0; j < n; j++) {
        const mark *m = &c->marks[idx[j]];
        double px = left + (m->x - X.lo) / xr * pw, w = tw(m->label, 11);
        int end = px + w > c->w - 8.0;
        l[j] = end ? px - w : px;
        r[j] = end ? px : px + w;
    }
    int nlev = stagger(l, r, n, 8, 64, lev);
    double top = header_height(c) + 4;
    double axis_y = top + 16.0 * nlev + 10;
    int h = c->h;
    double need = axis_y + 22 + (c->ax[0].label && c->ax[0].label[0] ? 18 : 0) + 8;
    h = (int)ceil(need); /* the height its labels need */
    header(o, c, h);
    emit(o,
         "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333333\""
         " stroke-width=\"1.5\"/>\n",
         q(left), q(axis_y), q(right), q(axis_y));
    x_ticks(o, &c->ax[0], &X, left, pw, axis_y, 0, top);
    for (size_t j = 0; j < n; j++) {
        const mark *m = &c->marks[idx[j]];
        double px = left + (m->x - X.lo) / xr * pw;
        double base = axis_y - 12 - 16.0 * lev[j];
        emit(o,
             "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999999\"/>\n"
             "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>\n",
             q(px), q(axis_y), q(px), q(base + 3), q(px), q(axis_y), shi_svg_palette(0));
    }
    for (size_t j = 0; j < n; j++) { /* labels over all stems, with a halo */
        const mark *m = &c->marks[idx[j]];
        double px = left + (m->x - X.lo) / xr * pw;
        text(o, px, axis_y - 12 - 16.0 * lev[j], 11, l[j] < px ? 'e' : 's', "#222222", halo,
             m->label);
    }
    if (c->ax[0].label && c->ax[0].label[0]) {
        text(o, (left + right) / 2, h - 8, 12, 'm', "#222222", "", c->ax[0].label);
    }
    emit(o, "</svg>\n");
    free(idx);
    free(l);
    free(lev);
    return SHI_OK;
}

shi_status shi_svg_render(const shi_svg_chart *c, shi_svg_buf *b, shi_err *err)
{
    size_t len0 = b->len;
    out o = {b, 0};
    char nodata[512];
    if (shi_svg_missing(c, nodata, sizeof nodata) == 0) {
        snprintf(nodata, sizeof nodata, "no data");
    }
    shi_status st = SHI_OK;
    if (c->placeholder) {
        draw_placeholder(&o, c, c->placeholder);
    } else {
        switch (c->kind) {
        case SHI_SVG_LINES:
            st = draw_lines(&o, c, nodata);
            break;
        case SHI_SVG_BARS:
            st = draw_bars(&o, c, nodata);
            break;
        case SHI_SVG_HEATMAP:
            st = c->rows ? draw_heatmap(&o, c, nodata) : (draw_placeholder(&o, c, nodata), SHI_OK);
            break;
        case SHI_SVG_MULTIPLES:
            st = draw_multiples(&o, c, nodata);
            break;
        case SHI_SVG_TIMELINE:
            st = draw_timeline(&o, c, nodata);
            break;
        default:
            st = shi_err_set(err, SHI_EINTERNAL, "svg: unknown chart kind %d", (int)c->kind);
        }
    }
    if (st == SHI_OK && o.fail) {
        st = oom(err);
    }
    if (st != SHI_OK) {
        b->len = len0; /* nothing appended */
        if (b->data) {
            b->data[len0] = '\0';
        }
    }
    return st;
}

shi_status shi_svg_write(const shi_svg_chart *c, FILE *f, shi_err *err)
{
    shi_svg_buf b = {0};
    shi_status st = shi_svg_render(c, &b, err);
    if (st == SHI_OK) {
        if ((b.len && fwrite(b.data, 1, b.len, f) != b.len) || fflush(f) != 0 || ferror(f)) {
            st = shi_err_set(err, SHI_EIO, "write error");
        }
    }
    shi_svg_buf_free(&b);
    return st;
}
