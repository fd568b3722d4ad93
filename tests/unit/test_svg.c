/*
 * test_svg.c - SVG charts (src/output/svg.c): nice ticks, XML escaping and
 * well-formedness, a golden line chart, placeholders for missing data, heatmap
 * colours, timeline staggering, error messages, and a sample page with every
 * chart type for a human to look at (SHI_TEST_TMP/svg_sample.html).
 *
 * Reference values: ticks are worked out by hand from Heckbert (1990): step =
 * the nice number (1, 2, 5 x 10^k, rounding f < 1.5 -> 1, < 3 -> 2, < 7 -> 5,
 * else 10) nearest (hi - lo) / (target - 1). The golden chart's coordinates
 * are derived line by line in test_golden_line below from the layout rules
 * in svg.c (margins, the glyph width estimate).
 */
#include "svg_bounds.h"
#include "test_util.h"

#include <math.h>
#include <string.h>

#include <shi/svg.h>

/* The checker itself must reject broken XML, or the tests below prove nothing. */
static void test_checker(void **state)
{
    (void)state;
    char why[200];
    assert_true(xml_well_formed("<a x=\"1\"><b/>t &amp; &#39; <c></c></a>\n", why, sizeof why));
    assert_false(xml_well_formed("<a><b></a></b>", why, sizeof why));
    assert_string_equal(why, "mismatched close tag 'a' at offset 8");
    assert_false(xml_well_formed("<a x=1/>", why, sizeof why));
    assert_false(xml_well_formed("<a x=\"1\" x=\"2\"/>", why, sizeof why));
    assert_false(xml_well_formed("<a>AT&T</a>", why, sizeof why));
    assert_false(xml_well_formed("<a t=\"<\"/>", why, sizeof why));
    assert_false(xml_well_formed("<a>", why, sizeof why));
    assert_false(xml_well_formed("<a/><b/>", why, sizeof why));
    assert_false(xml_well_formed("<a x=\"1\"y=\"2\"/>", why, sizeof why));
}

/* ---- helpers ------------------------------------------------------------------------ */

/* Render c to a malloc'd string; checks it is well-formed and deterministic
 * and has no "nan", "inf" or "-0.0". */
static char *render(const shi_svg_chart *c)
{
    shi_svg_buf b = {0}, b2 = {0};
    shi_err err = {0};
    assert_int_equal(shi_svg_render(c, &b, &err), SHI_OK);
    assert_int_equal(shi_svg_render(c, &b2, &err), SHI_OK);
    assert_string_equal(b.data, b2.data);
    shi_svg_buf_free(&b2);
    char why[200] = "";
    if (!xml_well_formed(b.data, why, sizeof why)) {
        fprintf(stderr, "not well-formed: %s\n%s\n", why, b.data);
        fail();
    }
    assert_null(strstr(b.data, "nan"));
    assert_null(strstr(b.data, "inf"));
    assert_null(strstr(b.data, "\"-0.0"));
    assert_null(strstr(b.data, " -0.0"));
    assert_null(strstr(b.data, "http://www.w3.org/2000/svg\" xmlns")); /* one namespace */
    char *s = b.data;                                                  /* take it */
    return s;
}

/* The y attribute of the <text> element whose content is exactly `label`. */
static double text_y(const char *svg, const char *label)
{
    char needle[200];
    snprintf(needle, sizeof needle, ">%s</text>", label);
    const char *p = strstr(svg, needle);
    assert_non_null(p);
    const char *t = p;
    while (t > svg && strncmp(t, "<text", 5) != 0) {
        t--;
    }
    const char *y = strstr(t, " y=\"");
    assert_true(y && y < p);
    return strtod(y + 4, NULL);
}

static size_t count(const char *s, const char *sub)
{
    size_t n = 0;
    for (const char *p = strstr(s, sub); p; p = strstr(p + 1, sub)) {
        n++;
    }
    return n;
}

/* ---- ticks ---------------------------------------------------------------------------- */

static void test_nice_ticks(void **state)
{
    (void)state;
    double t[32], step;
    /* [0, 0.237], 6 ticks wanted, covering: raw step 0.237/5 = 0.0474, f = 4.74 -> 5:
     * step 0.05, from floor(0/0.05) = 0 to ceil(4.74) = 5 -> 0, 0.05, ..., 0.25. */
    assert_int_equal(shi_svg_nice_ticks(0, 0.237, 6, 1, t, 32, &step), 6);
    assert_true(step == 0.05);
    const double want1[] = {0, 0.05, 0.1, 0.15, 0.2, 0.25};
    for (int i = 0; i < 6; i++) {
        assert_true(t[i] == want1[i]); /* exactly the decimal literal */
    }
    /* [1992, 2022], inside: 30/5 = 6 -> 5; ceil(398.4) = 399 -> 1995 .. floor(404.4) -> 2020. */
    assert_int_equal(shi_svg_nice_ticks(1992, 2022, 6, 0, t, 32, &step), 6);
    assert_true(step == 5);
    for (int i = 0; i < 6; i++) {
        assert_true(t[i] == 1995 + 5 * i);
    }
    /* Loose, the same range gives 1990 .. 2025. */
    assert_int_equal(shi_svg_nice_ticks(1992, 2022, 6, 1, t, 32, NULL), 8);
    assert_true(t[0] == 1990 && t[7] == 2025);
    /* [0, 1], 6 ticks inside: 0.2 -> f = 2 -> 2: 0, 0.2, ..., 1. */
    assert_int_equal(shi_svg_nice_ticks(0, 1, 6, 0, t, 32, &step), 6);
    assert_true(step == 0.2 && t[3] == 0.6 && t[5] == 1.0);
    /* [-3.7, 12.2], 5 ticks, covering: 15.9/4 = 3.975 -> 5: -5, 0, 5, 10, 15. */
    assert_int_equal(shi_svg_nice_ticks(-3.7, 12.2, 5, 1, t, 32, &step), 5);
    assert_true(t[0] == -5 && t[4] == 15 && step == 5);
    /* [0, 1000], 6: 200 -> f = 2 -> 2: step 200. */
    assert_int_equal(shi_svg_nice_ticks(0, 1000, 6, 0, t, 32, &step), 6);
    assert_true(step == 200 && t[5] == 1000);
    /* f = 7.5 rounds up to 10: [0, 30], 5 ticks -> 7.5 -> step 10. */
    assert_int_equal(shi_svg_nice_ticks(0, 30, 5, 0, t, 32, &step), 4);
    assert_true(step == 10);
    /* `max` limits what is written, not the count. */
    assert_int_equal(shi_svg_nice_ticks(0, 0.237, 6, 1, t, 2, NULL), 6);
    /* Bad ranges. */
    assert_int_equal(shi_svg_nice_ticks(1, 0, 6, 1, t, 32, &step), 0);
    assert_true(isnan(step));
    assert_int_equal(shi_svg_nice_ticks((double)NAN, 1, 6, 1, t, 32, NULL), 0);
    assert_int_equal(shi_svg_nice_ticks(0, (double)INFINITY, 6, 1, t, 32, NULL), 0);
}

/* ---- escaping --------------------------------------------------------------------------- */

static void test_escape(void **state)
{
    (void)state;
    shi_svg_buf b = {0};
    shi_err err = {0};
    assert_int_equal(shi_svg_buf_escape(&b,
                                        "a&b<c>\"d'e\x01"
                                        "f\tg",
                                        &err),
                     SHI_OK);
    assert_string_equal(b.data, "a&amp;b&lt;c&gt;&quot;d&#39;e f\tg");
    assert_int_equal(shi_svg_buf_puts(&b, "<x/>", &err), SHI_OK);
    assert_string_equal(b.data + b.len - 4, "<x/>");
    shi_svg_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    shi_svg_buf_free(&b); /* twice is fine */

    /* Every text a chart prints is escaped: title, reading, axis, series, marker, band. */
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 0, 0);
    assert_int_equal(shi_svg_title(c, "R&D <share>", "\"Quoted\" & 'single'", &err), SHI_OK);
    shi_svg_axis ax = {.label = "x<1>", .fmt = SHI_SVG_YEAR};
    assert_int_equal(shi_svg_set_axis(c, 'x', &ax, &err), SHI_OK);
    const double x[] = {2000, 2001}, y[] = {1, 2};
    assert_int_equal(shi_svg_line(c, "A&B", x, 2, y, 2, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "<C>", x, 2, y, 2, &err), SHI_OK);
    assert_int_equal(shi_svg_marker(c, 2000, "2000: A > B", &err), SHI_OK);
    assert_int_equal(shi_svg_band(c, 1.2, 1.5, "a&b", &err), SHI_OK);
    char *s = render(c);
    assert_non_null(strstr(s, "<title>R&amp;D &lt;share&gt;</title>"));
    assert_non_null(strstr(s, "<desc>&quot;Quoted&quot; &amp; &#39;single&#39;</desc>"));
    assert_non_null(strstr(s, ">x&lt;1&gt;</text>"));
    assert_non_null(strstr(s, ">A&amp;B</text>"));
    assert_non_null(strstr(s, ">&lt;C&gt;</text>"));
    assert_non_null(strstr(s, ">2000: A &gt; B</text>"));
    assert_non_null(strstr(s, ">a&amp;b</text>"));
    assert_null(strstr(s, "<C>"));
    free(s);
    shi_svg_free(c);
}

/* ---- golden -------------------------------------------------------------------------------- */

/* A 320 x 200 chart, title only, y fixed to [0, 1], x years 2000-2002, one series.
 * Layout by hand:
 *   header: title baseline 8 + 16 = 24; below it 8 + 22 + 4 = 34; one series
 *     with data has no legend, no axis titles; plot top 34 + 6 = 40; bottom
 *     200 - 8 - 18 = 174; ph = 134.
 *   y: fixed [0, 1], target floor(134/45) + 2 = 4, raw 1/3, f = 3.33 -> 5: step
 *     0.5 -> 0.0, 0.5, 1.0 (1 decimal) at y = 174, 107, 40; widest label "0.0"
 *     = max((0.64 + 0.32 + 0.64) em, 3 x 0.6 em) x 11 px = 19.8, so left =
 *     8 + 19.8 + 6 = 33.8, labels end at 27.8, baseline + 4.
 *   x: right = 320 - 16 = 304, pw = 270.2, target floor(270.2/70) + 1 = 4,
 *     raw 2/3 -> 0.5, years need step >= 1: 2000, 2001, 2002 at 33.8, 168.9,
 *     304; tick marks 174-178, labels at 190.
 *   series (0, 0.5, 1) -> (33.8, 174.0) (168.9, 107.0) (304.0, 40.0), palette 0. */
static void test_golden_line(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 320, 200);
    assert_int_equal(shi_svg_title(c, "Shares & <ranks>", NULL, &err), SHI_OK);
    shi_svg_axis ax = {.fmt = SHI_SVG_YEAR}, ay = {.lo = 0, .hi = 1};
    assert_int_equal(shi_svg_set_axis(c, 'x', &ax, &err), SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'y', &ay, &err), SHI_OK);
    const double x[] = {2000, 2001, 2002}, y[] = {0, 0.5, 1};
    assert_int_equal(shi_svg_line(c, "A", x, 3, y, 3, &err), SHI_OK);
    char *s = render(c);
    const char *want =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 200\" width=\"100%\" "
        "style=\"max-width:320px;height:auto\" role=\"img\" font-family=\"sans-serif\">\n"
        "<title>Shares &amp; &lt;ranks&gt;</title>\n"
        "<rect x=\"0\" y=\"0\" width=\"320\" height=\"200\" fill=\"#ffffff\"/>\n"
        "<text x=\"8.0\" y=\"24.0\" font-size=\"16px\" fill=\"#111111\" "
        "font-weight=\"bold\">Shares &amp; &lt;ranks&gt;</text>\n"
        "<line x1=\"33.8\" y1=\"174.0\" x2=\"304.0\" y2=\"174.0\" stroke=\"#e6e6e6\"/>\n"
        "<text x=\"27.8\" y=\"178.0\" font-size=\"11px\" fill=\"#333333\" "
        "text-anchor=\"end\">0.0</text>\n"
        "<line x1=\"33.8\" y1=\"107.0\" x2=\"304.0\" y2=\"107.0\" stroke=\"#e6e6e6\"/>\n"
        "<text x=\"27.8\" y=\"111.0\" font-size=\"11px\" fill=\"#333333\" "
        "text-anchor=\"end\">0.5</text>\n"
        "<line x1=\"33.8\" y1=\"40.0\" x2=\"304.0\" y2=\"40.0\" stroke=\"#e6e6e6\"/>\n"
        "<text x=\"27.8\" y=\"44.0\" font-size=\"11px\" fill=\"#333333\" "
        "text-anchor=\"end\">1.0</text>\n"
        "<line x1=\"33.8\" y1=\"174.0\" x2=\"304.0\" y2=\"174.0\" stroke=\"#333333\"/>\n"
        "<line x1=\"33.8\" y1=\"174.0\" x2=\"33.8\" y2=\"178.0\" stroke=\"#333333\"/>\n"
        "<text x=\"33.8\" y=\"190.0\" font-size=\"11px\" fill=\"#333333\" "
        "text-anchor=\"middle\">2000</text>\n"
        "<line x1=\"168.9\" y1=\"174.0\" x2=\"168.9\" y2=\"178.0\" stroke=\"#333333\"/>\n"
        "<text x=\"168.9\" y=\"190.0\" font-size=\"11px\" fill=\"#333333\" "
        "text-anchor=\"middle\">2001</text>\n"
        "<line x1=\"304.0\" y1=\"174.0\" x2=\"304.0\" y2=\"178.0\" stroke=\"#333333\"/>\n"
        "<text x=\"304.0\" y=\"190.0\" font-size=\"11px\" fill=\"#333333\" "
        "text-anchor=\"middle\">2002</text>\n"
        "<path fill=\"none\" stroke=\"#0072b2\" stroke-width=\"2.0\" stroke-linejoin=\"round\" "
        "d=\"M33.8 174.0 L168.9 107.0 L304.0 40.0\"/>\n"
        "</svg>\n";
    assert_string_equal(s, want);
    free(s);

    /* The same through a FILE *. */
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(shi_svg_write(c, f, &err), SHI_OK);
    long n = ftell(f);
    assert_int_equal(n, (long)strlen(want));
    fclose(f);

    /* A gap (NaN) breaks the line; an isolated point becomes a dot. */
    const double x2[] = {2000, 2001, 2002, 2003, 2004},
                 y2[] = {0, (double)NAN, 0.5, (double)NAN, 1};
    shi_svg_free(c);
    c = shi_svg_new(SHI_SVG_LINES, 320, 200);
    assert_int_equal(shi_svg_set_axis(c, 'x', &ax, &err), SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'y', &ay, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "A", x2, 5, y2, 5, &err), SHI_OK);
    s = render(c);
    assert_int_equal(count(s, "<circle"), 3);
    assert_non_null(strstr(s, "d=\"M"));
    assert_int_equal(count(s, " M"), 2); /* three one-point runs: M, then two more M */
    free(s);
    shi_svg_free(c);
}

/* ---- missing data ------------------------------------------------------------------------------
 */

static void test_placeholder(void **state)
{
    (void)state;
    shi_err err = {0};
    const double x[] = {2000, 2001, 2002}, nan3[] = {(double)NAN, (double)NAN, (double)NAN};
    const double y[] = {0.2, 0.3, 0.25};
    /* Only NaN: a placeholder box naming the series, no path, no axes. */
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 400, 200);
    assert_int_equal(shi_svg_title(c, "Capability share", "Share of the pair.", &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "CHN", x, 3, nan3, 3, &err), SHI_OK);
    char msg[100];
    assert_int_equal(shi_svg_missing(c, msg, sizeof msg), 1);
    assert_string_equal(msg, "no data for CHN");
    char *s = render(c);
    assert_non_null(strstr(s, ">no data for CHN</text>"));
    assert_non_null(strstr(s, "stroke-dasharray=\"6 4\""));
    assert_non_null(strstr(s, ">Capability share</text>"));
    assert_null(strstr(s, "<path"));
    free(s);
    /* With another series that has data, the chart is drawn and the legend says which
     * has none. */
    assert_int_equal(shi_svg_line(c, "USA", x, 3, y, 3, &err), SHI_OK);
    s = render(c);
    assert_non_null(strstr(s, ">CHN (no data)</text>"));
    assert_non_null(strstr(s, ">USA</text>"));
    assert_int_equal(count(s, "<path"), 1);
    free(s);
    /* An explicit placeholder wins, escaped. */
    assert_int_equal(shi_svg_placeholder(c, "no trade data for PRK & CUB", &err), SHI_OK);
    s = render(c);
    assert_non_null(strstr(s, ">no trade data for PRK &amp; CUB</text>"));
    assert_null(strstr(s, "<path"));
    free(s);
    shi_svg_free(c);
    /* Empty charts of every kind are placeholders too. */
    for (int k = SHI_SVG_LINES; k <= SHI_SVG_TIMELINE; k++) {
        c = shi_svg_new((shi_svg_kind)k, 0, 0);
        s = render(c);
        assert_non_null(strstr(s, ">no data</text>"));
        free(s);
        shi_svg_free(c);
    }
    /* Bars: a NaN bar says so in its row; all NaN -> placeholder. */
    c = shi_svg_new(SHI_SVG_BARS, 0, 0);
    assert_int_equal(shi_svg_bar(c, "external", (double)NAN, 0.1, 0.2, &err), SHI_OK);
    s = render(c);
    assert_non_null(strstr(s, ">no data for external</text>"));
    free(s);
    assert_int_equal(shi_svg_bar(c, "internal", 0.3, (double)NAN, (double)NAN, &err), SHI_OK);
    s = render(c);
    assert_non_null(strstr(s, ">no data</text>"));
    assert_non_null(strstr(s, ">internal</text>"));
    free(s);
    shi_svg_free(c);
}

/* ---- heatmap ------------------------------------------------------------------------------------
 */

static void test_heatmap_colors(void **state)
{
    (void)state;
    char col[8];
    /* Anchors of the ramp, and a midpoint between the first two:
     * (0x44+0x3b)/2 = 63.5 -> 64, (0x01+0x52)/2 = 41.5 -> 42, (0x54+0x8b)/2 = 111.5 -> 112. */
    shi_svg_seq_color(0, col);
    assert_string_equal(col, "#440154");
    shi_svg_seq_color(1, col);
    assert_string_equal(col, "#fde725");
    shi_svg_seq_color(0.5, col);
    assert_string_equal(col, "#21918c");
    shi_svg_seq_color(0.125, col);
    assert_string_equal(col, "#402a70");
    shi_svg_seq_color(-3, col);
    assert_string_equal(col, "#440154");
    shi_svg_seq_color(7, col);
    assert_string_equal(col, "#fde725");
    shi_svg_seq_color((double)NAN, col);
    assert_string_equal(col, "#440154");
    assert_string_equal(shi_svg_palette(0), "#0072b2");
    assert_string_equal(shi_svg_palette(SHI_SVG_PALETTE_SIZE + 1), "#d55e00");

    shi_err err = {0};
    shi_svg_chart *c = shi_svg_new(SHI_SVG_HEATMAP, 0, 0);
    const char *rows[] = {"USA", "CHN"};
    const double cols[] = {2000, 2001};
    const double z[] = {0.1, 0.5, (double)NAN, 0.9};
    shi_svg_axis ax = {.fmt = SHI_SVG_YEAR};
    assert_int_equal(shi_svg_set_axis(c, 'x', &ax, &err), SHI_OK);
    assert_int_equal(shi_svg_heatmap(c, rows, 2, cols, 2, z, 4, &err), SHI_OK);
    char *s = render(c);
    /* min -> first colour, max -> last, the middle value -> t = 0.5; tooltips use
     * one more decimal than the z ticks (step 0.2 -> 1 + 1). */
    assert_non_null(strstr(s, "fill=\"#440154\"><title>USA, 2000: 0.10</title>"));
    assert_non_null(strstr(s, "fill=\"#21918c\"><title>USA, 2001: 0.50</title>"));
    assert_non_null(strstr(s, "fill=\"#fde725\"><title>CHN, 2001: 0.90</title>"));
    assert_non_null(strstr(s, "<g><title>CHN, 2000: no data</title>"));
    assert_non_null(strstr(s, ">no data</text>")); /* the legend swatch */
    assert_non_null(strstr(s, "fill=\"#dddddd\""));
    assert_int_equal(shi_svg_missing(c, NULL, 0), 0);
    free(s);
    shi_svg_free(c);

    /* A fixed colour range: 0.5 on [0, 1] is the middle colour; a row all NaN is missing. */
    c = shi_svg_new(SHI_SVG_HEATMAP, 0, 0);
    shi_svg_axis az = {.label = "threat", .lo = 0, .hi = 1};
    assert_int_equal(shi_svg_set_axis(c, 'z', &az, &err), SHI_OK);
    const double z2[] = {0.5, 1.0, (double)NAN, (double)NAN};
    assert_int_equal(shi_svg_heatmap(c, rows, 2, cols, 2, z2, 4, &err), SHI_OK);
    s = render(c);
    assert_non_null(strstr(s, "fill=\"#21918c\"><title>USA, 2000:"));
    assert_non_null(strstr(s, "fill=\"#fde725\"><title>USA, 2001:"));
    assert_non_null(strstr(s, ">threat</text>"));
    char msg[64];
    assert_int_equal(shi_svg_missing(c, msg, sizeof msg), 1);
    assert_string_equal(msg, "no data for CHN");
    free(s);
    shi_svg_free(c);
}

/* ---- timeline ----------------------------------------------------------------------------------
 */

static void test_timeline_stagger(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_svg_chart *c = shi_svg_new(SHI_SVG_TIMELINE, 640, 0);
    shi_svg_axis ax = {.fmt = SHI_SVG_YEAR, .lo = 1990, .hi = 2020};
    assert_int_equal(shi_svg_set_axis(c, 'x', &ax, &err), SHI_OK);
    /* Given out of order; 1996 and 1997 are ~20 px apart with ~100 px labels, so
     * they must be on different levels; 2010 is far away and goes back to level 0;
     * 2011 collides with 2010. */
    assert_int_equal(shi_svg_event(c, 2010, "2010: third event", &err), SHI_OK);
    assert_int_equal(shi_svg_event(c, 1996, "1996: partnership", &err), SHI_OK);
    assert_int_equal(shi_svg_event(c, 1997, "1997: declaration", &err), SHI_OK);
    assert_int_equal(shi_svg_event(c, 2011, "2011: fourth", &err), SHI_OK);
    char *s = render(c);
    double y96 = text_y(s, "1996: partnership"), y97 = text_y(s, "1997: declaration");
    double y10 = text_y(s, "2010: third event"), y11 = text_y(s, "2011: fourth");
    assert_true(y96 > y97); /* level 0 sits lowest, nearest the axis */
    assert_true(fabs(y96 - y97) == 16.0);
    assert_true(y10 == y96);
    assert_true(y11 == y97);
    assert_int_equal(count(s, "<circle"), 4);
    free(s);
    shi_svg_free(c);

    /* Well separated events share one level. */
    c = shi_svg_new(SHI_SVG_TIMELINE, 640, 0);
    assert_int_equal(shi_svg_event(c, 1990, "a", &err), SHI_OK);
    assert_int_equal(shi_svg_event(c, 2000, "b", &err), SHI_OK);
    s = render(c);
    assert_true(text_y(s, "a") == text_y(s, "b"));
    free(s);
    shi_svg_free(c);
}

/* ---- bars and multiples
 * --------------------------------------------------------------------------- */

static void test_bars_multiples(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_svg_chart *c = shi_svg_new(SHI_SVG_BARS, 0, 0);
    shi_svg_axis ax = {.label = "share of variance (%)", .fmt = SHI_SVG_PERCENT, .lo = 0, .hi = 1};
    assert_int_equal(shi_svg_set_axis(c, 'x', &ax, &err), SHI_OK);
    assert_int_equal(shi_svg_bar(c, "external", 0.64, 0.48, 0.79, &err), SHI_OK);
    assert_int_equal(shi_svg_bar(c, "internal", 0.36, (double)NAN, (double)NAN, &err), SHI_OK);
    char *s = render(c);
    assert_non_null(strstr(s, ">64% [48, 79]</text>"));
    assert_non_null(strstr(s, ">36%</text>"));
    assert_non_null(strstr(s, ">100%</text>"));            /* the axis runs to the fixed 1 */
    assert_int_equal(count(s, "stroke-width=\"1.5\""), 1); /* one whisker */
    free(s);
    shi_svg_free(c);

    c = shi_svg_new(SHI_SVG_MULTIPLES, 0, 0);
    const double x[] = {2000, 2001, 2002}, a[] = {0.1, 0.2, 0.3}, b[] = {0.3, 0.2, 0.1};
    const double n3[] = {(double)NAN, (double)NAN, (double)NAN};
    assert_int_equal(shi_svg_panel(c, "trade", &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "USA", x, 3, a, 3, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "CHN", x, 3, b, 3, &err), SHI_OK);
    assert_int_equal(shi_svg_panel(c, "arms", &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "CHN", x, 3, a, 3, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "USA", x, 3, n3, 3, &err), SHI_OK);
    assert_int_equal(shi_svg_panel(c, "votes", &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "USA", x, 3, n3, 3, &err), SHI_OK);
    s = render(c);
    /* A name keeps its colour across panels: CHN is palette 1 in both. */
    assert_int_equal(count(s, "stroke=\"#d55e00\" stroke-width=\"1.5\""), 2);
    assert_int_equal(count(s, "stroke=\"#0072b2\" stroke-width=\"1.5\""), 1);
    assert_non_null(strstr(s, ">no data</text>")); /* the votes panel */
    char msg[100];
    assert_int_equal(shi_svg_missing(c, msg, sizeof msg), 2);
    assert_string_equal(msg, "no data for USA (arms), USA (votes)");
    free(s);
    shi_svg_free(c);
}

/* ---- errors
 * ------------------------------------------------------------------------------------------ */

static void test_errors(void **state)
{
    (void)state;
    shi_err err = {0};
    const double x[] = {1, 2, 3}, y[] = {1, 2, 3};
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 0, 0);
    assert_int_equal(shi_svg_line(c, "USA", x, 0, y, 0, &err), SHI_EDATA);
    assert_string_equal(err.msg, "svg: series 'USA' has no points");
    assert_int_equal(shi_svg_line(c, "USA", x, 3, y, 2, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: series 'USA' has 3 x values but 2 y values");
    for (int i = 0; i < SHI_SVG_PALETTE_SIZE; i++) {
        char name[8];
        snprintf(name, sizeof name, "s%d", i);
        assert_int_equal(shi_svg_line(c, name, x, 3, y, 3, &err), SHI_OK);
    }
    assert_int_equal(shi_svg_line(c, "s8", x, 3, y, 3, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: too many series (9); the palette has 8 colours");
    assert_int_equal(shi_svg_bar(c, "b", 1, 0, 2, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: shi_svg_bar does not apply to a line chart");
    assert_int_equal(shi_svg_marker(c, (double)NAN, "when?", &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: marker 'when?' has no finite position");
    assert_int_equal(shi_svg_band(c, 0.8, (double)INFINITY, "parity", &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: band 'parity' has no finite position");
    shi_svg_axis bad = {.lo = 2, .hi = 1};
    assert_int_equal(shi_svg_set_axis(c, 'y', &bad, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: axis 'y' range [2, 1] has lo above hi");
    assert_int_equal(shi_svg_set_axis(c, 'w', &bad, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: unknown axis 'w'; valid axes are x, y, z");
    assert_int_equal(shi_svg_set_id(c, "1chart", &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: id '1chart' must match [A-Za-z][A-Za-z0-9_-]* (under 64 "
                                 "bytes)");
    assert_int_equal(shi_svg_set_id(c, "a b", &err), SHI_EUSAGE);
    assert_int_equal(shi_svg_set_id(c, "cap-share_1", &err), SHI_OK);
    char *s = render(c);
    assert_non_null(strstr(s, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"cap-share_1\" "));
    free(s);
    shi_svg_free(c);

    c = shi_svg_new(SHI_SVG_HEATMAP, 0, 0);
    const char *rows[] = {"a", "b"};
    assert_int_equal(shi_svg_heatmap(c, rows, 2, x, 3, y, 3, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: heatmap has 2 rows x 3 columns = 6 cells but 3 values");
    assert_int_equal(shi_svg_heatmap(c, rows, 0, x, 3, y, 0, &err), SHI_EDATA);
    assert_string_equal(err.msg, "svg: heatmap has 0 rows and 3 columns");
    assert_int_equal(shi_svg_heatmap(c, rows, 1, x, 3, y, 3, &err), SHI_OK);
    assert_int_equal(shi_svg_heatmap(c, rows, 1, x, 3, y, 3, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: the heatmap already has its data");
    assert_int_equal(shi_svg_line(c, "x", x, 3, y, 3, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: shi_svg_line does not apply to a heatmap");
    shi_svg_free(c);

    c = shi_svg_new(SHI_SVG_MULTIPLES, 0, 0);
    assert_int_equal(shi_svg_line(c, "USA", x, 3, y, 3, &err), SHI_EUSAGE);
    assert_string_equal(err.msg,
                        "svg: series 'USA' added before any panel (call shi_svg_panel first)");
    shi_svg_free(c);

    c = shi_svg_new(SHI_SVG_BARS, 0, 0);
    assert_int_equal(shi_svg_bar(c, "external", 0.6, 0.8, 0.5, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: bar 'external' has interval [0.8, 0.5] with lo above hi");
    assert_int_equal(shi_svg_event(c, 2000, "x", &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "svg: shi_svg_event does not apply to a bar chart");
    shi_svg_free(c);
    shi_svg_free(NULL);

    /* Write errors: /dev/full fails every write with ENOSPC. */
    FILE *f = fopen("/dev/full", "w");
    if (f) {
        c = shi_svg_new(SHI_SVG_TIMELINE, 0, 0);
        assert_int_equal(shi_svg_write(c, f, &err), SHI_EIO);
        assert_string_equal(err.msg, "write error");
        shi_svg_free(c);
        fclose(f);
    }
}

/* ---- the sample page
 * ---------------------------------------------------------------------------------- */

static void add(shi_svg_buf *page, shi_svg_chart *c)
{
    shi_err err = {0};
    char *s = render(c); /* checks well-formedness of every sample chart */
    free(s);
    assert_int_equal(shi_svg_buf_puts(page, "<figure>\n", &err), SHI_OK);
    assert_int_equal(shi_svg_render(c, page, &err), SHI_OK);
    assert_int_equal(shi_svg_buf_puts(page, "</figure>\n", &err), SHI_OK);
    shi_svg_free(c);
}

/* Writes SHI_TEST_TMP/svg_sample.html with every chart type, for a human to
 * look at (e.g. chromium --headless --screenshot). Data are made up. */
static void test_sample_page(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_svg_buf page = {0};
    assert_int_equal(shi_svg_buf_puts(&page,
                                      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
                                      "charset=\"utf-8\">\n<meta name=\"viewport\" "
                                      "content=\"width=device-width, initial-scale=1\">\n"
                                      "<title>shi svg sample</title></head>\n"
                                      "<body style=\"max-width:760px;margin:auto;"
                                      "font-family:sans-serif\">\n<h1>shi SVG charts</h1>\n",
                                      &err),
                     SHI_OK);
    enum { N = 31 };
    double yr[N], usa[N], chn[N], rus[N], hhi[N], thr_ab[N], thr_ba[N], sim[N];
    for (int i = 0; i < N; i++) {
        double t = i;
        yr[i] = 1992 + i;
        usa[i] = 0.16 - 0.0012 * t;
        chn[i] = 0.10 + 0.0042 * t;
        rus[i] = i < 3 ? (double)NAN : 0.06 - 0.0008 * t;
        hhi[i] = 0.12 + 0.0009 * t + 0.004 * sin(t / 3);
        thr_ab[i] = 0.3 + 0.01 * t;
        thr_ba[i] = i >= 12 && i <= 14 ? (double)NAN : 0.5 - 0.004 * t;
        sim[i] = 0.4 + 0.3 * cos(t / 6);
    }
    shi_svg_axis years = {.fmt = SHI_SVG_YEAR, .label = "year"};
    shi_svg_axis share = {.fmt = SHI_SVG_PERCENT, .label = "share of world capabilities (%)"};

    /* 1. capability shares with power-transition markers */
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 0, 0);
    assert_int_equal(shi_svg_title(c,
                                   "Capability shares, 1992\xE2\x80\x93"
                                   "2022",
                                   "China's share of world capabilities rises past the United "
                                   "States' around 2006 while Russia's declines; markers show "
                                   "dated events & transitions.",
                                   &err),
                     SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'x', &years, &err), SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'y', &share, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "USA", yr, N, usa, N, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "CHN", yr, N, chn, N, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "RUS", yr, N, rus, N, &err), SHI_OK);
    assert_int_equal(shi_svg_marker(c, 1996, "1996: partnership", &err), SHI_OK);
    assert_int_equal(shi_svg_marker(c, 2001, "2001: treaty", &err), SHI_OK);
    assert_int_equal(shi_svg_marker(c, 2006, "2006: CHN overtakes USA", &err), SHI_OK);
    assert_int_equal(shi_svg_marker(c, 2021, "2021: late event near the edge", &err), SHI_OK);
    add(&page, c);

    /* 2. ratio with parity band and reference line */
    double ratio[N];
    for (int i = 0; i < N; i++) {
        ratio[i] = chn[i] / usa[i];
    }
    c = shi_svg_new(SHI_SVG_LINES, 0, 0);
    assert_int_equal(shi_svg_title(c, "Capability ratio CHN/USA",
                                   "The ratio enters the parity zone (0.8\xE2\x80\x93"
                                   "1.2) "
                                   "in the early 2000s.",
                                   &err),
                     SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'x', &years, &err), SHI_OK);
    shi_svg_axis ratio_ax = {.label = "ratio (CHN / USA)"};
    assert_int_equal(shi_svg_set_axis(c, 'y', &ratio_ax, &err), SHI_OK);
    assert_int_equal(shi_svg_band(c, 0.8, 1.2, "parity zone", &err), SHI_OK);
    assert_int_equal(shi_svg_hline(c, 1.0, "equal", &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "CHN/USA", yr, N, ratio, N, &err), SHI_OK);
    add(&page, c);

    /* 3. concentration */
    c = shi_svg_new(SHI_SVG_LINES, 0, 300);
    assert_int_equal(shi_svg_title(c, "Concentration (HHI)",
                                   "Concentration of capabilities "
                                   "among the great powers.",
                                   &err),
                     SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'x', &years, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "HHI", yr, N, hhi, N, &err), SHI_OK);
    add(&page, c);

    /* 4. threat both ways, with a gap */
    c = shi_svg_new(SHI_SVG_LINES, 0, 0);
    assert_int_equal(shi_svg_title(c, "Threat both ways",
                                   "How threatening each state looks to "
                                   "the other; 2004\xE2\x80\x93"
                                   "2006 "
                                   "missing for RUS\xE2\x86\x92USA.",
                                   &err),
                     SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'x', &years, &err), SHI_OK);
    shi_svg_axis unit = {.label = "threat index (0\xE2\x80\x93"
                                  "1)",
                         .lo = 0,
                         .hi = 1};
    assert_int_equal(shi_svg_set_axis(c, 'y', &unit, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "USA\xE2\x86\x92RUS", yr, N, thr_ab, N, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "RUS\xE2\x86\x92USA", yr, N, thr_ba, N, &err), SHI_OK);
    add(&page, c);

    /* 5. heatmap of the four threat components */
    const char *comp[] = {"aggregate power", "proximity", "offensive capability",
                          "offensive intentions"};
    double z[4 * N];
    for (int r = 0; r < 4; r++) {
        for (int j = 0; j < N; j++) {
            z[r * N + j] = (r == 3 && j < 5) ? (double)NAN : 0.5 + 0.45 * sin(j / 5.0 + r);
        }
    }
    c = shi_svg_new(SHI_SVG_HEATMAP, 0, 0);
    assert_int_equal(shi_svg_title(c, "Threat components, USA\xE2\x86\x92RUS",
                                   "Each component by year; darker is lower, yellow is higher; "
                                   "hatched cells have no data.",
                                   &err),
                     SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'x', &years, &err), SHI_OK);
    shi_svg_axis zax = {.label = "component score (0\xE2\x80\x93"
                                 "1)",
                        .lo = 0,
                        .hi = 1};
    assert_int_equal(shi_svg_set_axis(c, 'z', &zax, &err), SHI_OK);
    assert_int_equal(shi_svg_heatmap(c, comp, 4, yr, N, z, 4 * N, &err), SHI_OK);
    add(&page, c);

    /* 6. small multiples of an issue-area scorecard */
    c = shi_svg_new(SHI_SVG_MULTIPLES, 0, 0);
    assert_int_equal(shi_svg_title(c, "Issue-area scorecard",
                                   "Cooperation score by issue area "
                                   "for each state.",
                                   &err),
                     SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'x', &years, &err), SHI_OK);
    shi_svg_axis score = {.label = "score", .lo = -1, .hi = 1};
    assert_int_equal(shi_svg_set_axis(c, 'y', &score, &err), SHI_OK);
    const char *areas[] = {"trade", "arms", "UN votes", "energy", "alliances"};
    double sa[N], sb[N], none[N];
    for (int p = 0; p < 5; p++) {
        for (int i = 0; i < N; i++) {
            sa[i] = 0.6 * sin(i / 4.0 + p);
            sb[i] = 0.5 * cos(i / 5.0 + p);
            none[i] = (double)NAN;
        }
        assert_int_equal(shi_svg_panel(c, areas[p], &err), SHI_OK);
        assert_int_equal(shi_svg_line(c, "USA", yr, N, p == 4 ? none : sa, N, &err), SHI_OK);
        assert_int_equal(shi_svg_line(c, "RUS", yr, N, p == 4 ? none : sb, N, &err), SHI_OK);
    }
    assert_int_equal(shi_svg_hline(c, 0, NULL, &err), SHI_OK);
    add(&page, c);

    /* 7. similarity */
    c = shi_svg_new(SHI_SVG_LINES, 0, 280);
    assert_int_equal(shi_svg_title(c, "Foreign-policy similarity", "Scott's pi of UN votes.", &err),
                     SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'x', &years, &err), SHI_OK);
    shi_svg_axis pi = {.label = "Scott's \xCF\x80", .lo = -1, .hi = 1};
    assert_int_equal(shi_svg_set_axis(c, 'y', &pi, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "USA\xE2\x80\x93RUS", yr, N, sim, N, &err), SHI_OK);
    assert_int_equal(shi_svg_hline(c, 0, "no alignment", &err), SHI_OK);
    add(&page, c);

    /* 8. drivers with intervals */
    c = shi_svg_new(SHI_SVG_BARS, 0, 240);
    assert_int_equal(shi_svg_title(c, "What drives the change",
                                   "Share of the explained variance, with 90% intervals.", &err),
                     SHI_OK);
    shi_svg_axis var = {
        .label = "share of explained variance (%)", .fmt = SHI_SVG_PERCENT, .lo = 0, .hi = 1};
    assert_int_equal(shi_svg_set_axis(c, 'x', &var, &err), SHI_OK);
    assert_int_equal(shi_svg_bar(c, "external", 0.64, 0.48, 0.79, &err), SHI_OK);
    assert_int_equal(shi_svg_bar(c, "domestic", 0.27, 0.15, 0.41, &err), SHI_OK);
    assert_int_equal(shi_svg_bar(c, "leaders", 0.09, (double)NAN, (double)NAN, &err), SHI_OK);
    assert_int_equal(shi_svg_bar(c, "ideology", (double)NAN, (double)NAN, (double)NAN, &err),
                     SHI_OK);
    add(&page, c);

    /* 9. timeline */
    c = shi_svg_new(SHI_SVG_TIMELINE, 0, 0);
    assert_int_equal(shi_svg_title(c, "Milestones", "Dated events in the relationship.", &err),
                     SHI_OK);
    shi_svg_axis tyears = {.fmt = SHI_SVG_YEAR, .lo = 1990, .hi = 2024};
    assert_int_equal(shi_svg_set_axis(c, 'x', &tyears, &err), SHI_OK);
    const double ev[] = {1996, 1997, 2001, 2001, 2008, 2014, 2014.2, 2022};
    const char *evl[] = {"1996: strategic partnership",
                         "1997: joint declaration",
                         "2001: Treaty of Good-Neighbourliness",
                         "2001: SCO founded",
                         "2008: border settled",
                         "2014: gas deal",
                         "2014: Crimea",
                         "2022: \"no limits\" statement"};
    for (int i = 0; i < 8; i++) {
        assert_int_equal(shi_svg_event(c, ev[i], evl[i], &err), SHI_OK);
    }
    add(&page, c);

    /* 10. placeholders: all-NaN data and an explicit message */
    c = shi_svg_new(SHI_SVG_LINES, 0, 200);
    assert_int_equal(shi_svg_title(c, "Arms transfers", "Arms transfers between the pair.", &err),
                     SHI_OK);
    assert_int_equal(shi_svg_line(c,
                                  "RUS\xE2\x86\x92"
                                  "CHN",
                                  yr, N, none, N, &err),
                     SHI_OK);
    add(&page, c);
    c = shi_svg_new(SHI_SVG_BARS, 0, 200);
    assert_int_equal(shi_svg_title(c, "Trade dependence", NULL, &err), SHI_OK);
    assert_int_equal(shi_svg_placeholder(c, "No trade data for this pair before 1948 <COW>.", &err),
                     SHI_OK);
    add(&page, c);

    /* 11. a narrow chart, as on a phone */
    c = shi_svg_new(SHI_SVG_LINES, 360, 260);
    assert_int_equal(shi_svg_title(c, "Narrow (360 px)",
                                   "The same shares at phone width; the "
                                   "reading wraps onto several lines.",
                                   &err),
                     SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'x', &years, &err), SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'y', &share, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "USA", yr, N, usa, N, &err), SHI_OK);
    assert_int_equal(shi_svg_line(c, "CHN", yr, N, chn, N, &err), SHI_OK);
    add(&page, c);

    assert_int_equal(shi_svg_buf_puts(&page, "</body></html>\n", &err), SHI_OK);
    char why[300];
    size_t ntext = 0;
    int outside = svg_texts_outside(page.data, why, sizeof why, &ntext);
    if (outside) {
        print_error("%d labels outside their viewBox, e.g. %s\n", outside, why);
    }
    assert_int_equal(outside, 0);
    assert_true(ntext > 100);
    char path[1024];
    snprintf(path, sizeof path, "%s/svg_sample.html", SHI_TEST_TMP);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fwrite(page.data, 1, page.len, f), page.len);
    assert_int_equal(fclose(f), 0);
    shi_svg_buf_free(&page);
}

/* ---- labels inside the viewBox (issue 13) ------------------------------------------------ */

/* The horizontal extent [*l, *r] of the <text> whose content is exactly
 * `label`, by svg_bounds.h's estimate (0.6 em per character). */
static void text_box(const char *svg, const char *label, double *l, double *r, double *y)
{
    char needle[200];
    snprintf(needle, sizeof needle, ">%s</text>", label);
    const char *p = strstr(svg, needle);
    assert_non_null(p);
    const char *t = p;
    while (t > svg && strncmp(t, "<text", 5) != 0) {
        t--;
    }
    double x = strtod(strstr(t, " x=\"") + 4, NULL),
           fs = strtod(strstr(t, "font-size=\"") + 11, NULL);
    double w = 0.6 * fs * (double)svgb_chars(label, label + strlen(label));
    const char *a = strstr(t, "text-anchor=\"");
    int end = a && a < p && strncmp(a + 13, "end", 3) == 0;
    int mid = a && a < p && strncmp(a + 13, "middle", 6) == 0;
    *l = end ? x - w : mid ? x - w / 2 : x;
    *r = *l + w;
    *y = text_y(svg, label);
}

static void assert_inside(const char *svg)
{
    char why[300];
    int outside = svg_texts_outside(svg, why, sizeof why, NULL);
    if (outside) {
        print_error("%d labels outside their viewBox, e.g. %s\n", outside, why);
    }
    assert_int_equal(outside, 0);
}

/* The report's drivers chart: its bar labels were clipped on the left
 * ("bilateral" read "lateral"); the label column now fits its longest label
 * and wraps one longer than 45% of the width. */
static void test_bar_labels_fit(void **state)
{
    (void)state;
    shi_err err = {0};
    const int widths[] = {720, 360};
    for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
        shi_svg_chart *c = shi_svg_new(SHI_SVG_BARS, widths[k], 160);
        shi_svg_axis xa = {"share of explained variance", SHI_SVG_PERCENT, 0, 0, 1};
        assert_int_equal(shi_svg_set_axis(c, 'x', &xa, &err), SHI_OK);
        assert_int_equal(shi_svg_bar(c, "external (threat, third state's preponderance)", 0.46,
                                     0.11, 0.94, &err),
                         SHI_OK);
        assert_int_equal(shi_svg_bar(c, "bilateral (trade, arms)", 0.54, 0.06, 0.89, &err), SHI_OK);
        char *s = render(c);
        assert_inside(s);
        /* Whole words, on one line (the report's width) or wrapped at a space. */
        assert_non_null(
            strstr(s, widths[k] == 720 ? ">bilateral (trade, arms)</text>" : ">bilateral"));
        assert_non_null(strstr(s, ">external (threat"));
        assert_non_null(strstr(s, "preponderance)</text>"));
        free(s);
        shi_svg_free(c);
    }
}

/* Transition markers one year apart (the report's 2002 and 2003) and a third
 * whose label runs across them: no two labels overlap, none leaves the chart. */
static void test_marker_labels_apart(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_svg_chart *c = shi_svg_new(SHI_SVG_LINES, 720, 380);
    shi_svg_axis xa = {"year", SHI_SVG_YEAR, 0, 0, 0}, ya = {"share", SHI_SVG_PERCENT, 2, 0, 0};
    assert_int_equal(shi_svg_set_axis(c, 'x', &xa, &err), SHI_OK);
    assert_int_equal(shi_svg_set_axis(c, 'y', &ya, &err), SHI_OK);
    double x[31], y[31];
    for (int i = 0; i < 31; i++) {
        x[i] = 1992 + i;
        y[i] = 0.1 + 0.003 * i;
    }
    assert_int_equal(shi_svg_line(c, "CHN", x, 31, y, 31, &err), SHI_OK);
    const char *labs[] = {"1995: CHN overtakes USA", "2002: USA overtakes CHN",
                          "2003: CHN overtakes USA", "2021: USA overtakes CHN"};
    const double at[] = {1995, 2002, 2003, 2021};
    for (int k = 0; k < 4; k++) {
        assert_int_equal(shi_svg_marker(c, at[k], labs[k], &err), SHI_OK);
    }
    char *s = render(c);
    assert_inside(s);
    double l[4], r[4], yy[4];
    for (int k = 0; k < 4; k++) {
        text_box(s, labs[k], &l[k], &r[k], &yy[k]);
    }
    for (int i = 0; i < 4; i++) {
        for (int j = i + 1; j < 4; j++) {
            int apart = r[i] <= l[j] || r[j] <= l[i] || fabs(yy[i] - yy[j]) >= 14;
            if (!apart) {
                print_error("'%s' and '%s' overlap\n", labs[i], labs[j]);
            }
            assert_true(apart);
        }
    }
    free(s);
    shi_svg_free(c);
}

/* Timeline events near either end keep their labels inside the chart. */
static void test_timeline_edges(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_svg_chart *c = shi_svg_new(SHI_SVG_TIMELINE, 720, 200);
    shi_svg_axis xa = {"year", SHI_SVG_YEAR, 0, 1992, 2022};
    assert_int_equal(shi_svg_set_axis(c, 'x', &xa, &err), SHI_OK);
    assert_int_equal(shi_svg_event(c, 1992.1, "Soviet Union dissolved: a long first label", &err),
                     SHI_OK);
    assert_int_equal(shi_svg_event(c, 2017.5, "NATO enlargement 2017", &err), SHI_OK);
    assert_int_equal(shi_svg_event(c, 2020.2, "NATO enlargement 2020", &err), SHI_OK);
    assert_int_equal(shi_svg_event(c, 2022.1, "WWWWWWWWWWWWWWWW", &err), SHI_OK);
    char *s = render(c);
    assert_inside(s);
    free(s);
    shi_svg_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checker),          cmocka_unit_test(test_nice_ticks),
        cmocka_unit_test(test_escape),           cmocka_unit_test(test_golden_line),
        cmocka_unit_test(test_placeholder),      cmocka_unit_test(test_heatmap_colors),
        cmocka_unit_test(test_timeline_stagger), cmocka_unit_test(test_bars_multiples),
        cmocka_unit_test(test_errors),           cmocka_unit_test(test_sample_page),
        cmocka_unit_test(test_bar_labels_fit),   cmocka_unit_test(test_marker_labels_apart),
        cmocka_unit_test(test_timeline_edges),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
