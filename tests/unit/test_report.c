/*
 * test_report.c - the HTML report: structure, every chart, missing data said
 * plainly; and the terminal summary's sections.
 */
#define _POSIX_C_SOURCE 200809L
#include "svg_bounds.h"
#include "test_util.h"

#include <string.h>

#include <shi/data.h>
#include <shi/pair.h>
#include <shi/report.h>

static shi_data D;

static int setup(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_data_spec spec = {.parts = SHI_DATA_ALL};
    if (shi_data_open(&D, &spec, &err)) {
        print_error("%s\n", err.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    shi_data_destroy(&D);
    return 0;
}

static char *render(int a, int b, int y0, int y1, int html)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    shi_pair_opts o = {a, b, 0, y0, y1, NULL, html, NULL};
    shi_pair_analysis pa;
    shi_err err = {0};
    shi_status s = shi_pair_analyze(&pa, &D, &o, &err);
    if (s == SHI_OK) {
        s = html ? shi_report_html(f, &D, &pa, &err) : shi_report_summary(f, &D, &pa, &err);
    }
    shi_pair_free(&pa);
    fclose(f);
    if (s != SHI_OK) {
        print_error("%s\n", err.msg);
    }
    assert_int_equal(s, SHI_OK);
    return buf;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + 1, what)) {
        n++;
    }
    return n;
}

/* Tags open and close in order (a stack), attributes quoted, entities valid:
 * enough to tell a well-formed page from a broken one. Void elements of HTML
 * (meta) and self-closing SVG elements (<.../>) are allowed. */
static int well_formed(const char *s, char *why, size_t size)
{
    char stack[256][16];
    int depth = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '&') {
            const char *e = strchr(p, ';');
            if (!e || e - p > 8) {
                snprintf(why, size, "bad entity near '%.20s'", p);
                return 0;
            }
            continue;
        }
        if (*p != '<') {
            continue;
        }
        if (p[1] == '!') {
            p = strchr(p, '>');
            if (!p) {
                return 0;
            }
            continue;
        }
        const char *e = strchr(p, '>');
        if (!e) {
            snprintf(why, size, "unclosed tag");
            return 0;
        }
        int closing = p[1] == '/';
        const char *n0 = p + 1 + closing;
        size_t nl = strcspn(n0, " >/\n");
        char tag[16];
        snprintf(tag, sizeof tag, "%.*s", (int)(nl < 15 ? nl : 15), n0);
        int self = e[-1] == '/' || strcmp(tag, "meta") == 0;
        /* Attribute values must be quoted: after '=' comes '"'. */
        for (const char *q = n0; q < e; q++) {
            if (*q == '=' && q[1] != '"') {
                snprintf(why, size, "unquoted attribute in <%s>", tag);
                return 0;
            }
            if (*q == '"') {
                q = strchr(q + 1, '"');
                if (!q || q > e) {
                    snprintf(why, size, "unterminated attribute in <%s>", tag);
                    return 0;
                }
            }
        }
        if (closing) {
            if (depth == 0 || strcmp(stack[depth - 1], tag) != 0) {
                snprintf(why, size, "</%s> closes <%s>", tag, depth ? stack[depth - 1] : "");
                return 0;
            }
            depth--;
        } else if (!self) {
            if (depth == 256) {
                return 0;
            }
            snprintf(stack[depth++], 16, "%s", tag);
        }
        p = e;
    }
    if (depth != 0) {
        snprintf(why, size, "<%s> never closed", stack[depth - 1]);
        return 0;
    }
    return 1;
}

static void html_russia_china(void **state)
{
    (void)state;
    char *h = render(365, 710, 1992, 2022, 1);
    char why[200] = "";
    int ok = well_formed(h, why, sizeof why);
    if (!ok) {
        print_error("not well-formed: %s\n", why);
    }
    assert_true(ok);
    assert_true(strncmp(h, "<!DOCTYPE html>", 15) == 0);
    /* The power section compares CINC with the economic measures (issue 11). */
    assert_non_null(strstr(h, "<h3>The configuration of power by measure</h3>"));
    assert_non_null(strstr(h, "<th>GDP</th><th>GDP (PPP)</th><th>Beckley</th><th>milex</th>"));
    assert_non_null(strstr(h, "The measures disagree on CHN-USA: CINC, GDP (PPP) put CHN ahead"));
    /* Every chart: 2 power, 3 threat, 19 scorecard (one per indicator with
     * data, each with its own axis: 15, and the 4 energy indicators), 1
     * alignment, 2 drivers (the blocks and the placebo third states), 1
     * cooperation, 1 timeline, 2 in the appendix (the threat validation's
     * test AUC for MID onset and UCDP conflict), 1 Central Asia (the
     * spheres' small multiples), 2 futures (the composite's fan and the
     * probabilities of the five futures). */
    assert_int_equal(count(h, "<svg"), 34);
    assert_int_equal(count(h, "</svg>"), 34);
    /* Section 10: the futures, with what happened where the data know it. */
    assert_non_null(strstr(h, "<section id=\"futures\">"));
    assert_non_null(strstr(h, "<tr><td>what happened</td>"));
    /* The appendix: the validation out of sample, with its verdict (issue 11). */
    assert_non_null(strstr(h, "<section id=\"validation\">"));
    assert_non_null(strstr(h, "<strong>Out of sample</strong>: the model's weights and "
                              "parameters were fitted on perceiver-years 1816-1975"));
    assert_non_null(strstr(h, "<strong>MID onset: the composite beats every component"));
    assert_non_null(strstr(h, "<strong>UCDP conflict: the composite beats every component"));
    assert_non_null(strstr(h, "<title>Threat and later MID onset, test years 1981-2013</title>"));
    /* The drivers section says its verdict (issue 12). */
    assert_non_null(strstr(h, "<strong>Verdict: not identified</strong>"));
    assert_non_null(strstr(h, "<title>Placebo third states</title>"));
    const char *sections[] = {"id=\"power\"",     "id=\"threat\"",     "id=\"areas\"",
                              "id=\"alignment\"", "id=\"drivers\"",    "id=\"cooperation\"",
                              "id=\"timeline\"",  "id=\"validation\"", "id=\"missing\"",
                              "id=\"data\""};
    for (size_t k = 0; k < sizeof sections / sizeof sections[0]; k++) {
        assert_non_null(strstr(h, sections[k]));
    }
    /* Charts have titles, readings and axis labels; no NaN leaks into the page. */
    assert_int_equal(count(h, "<title>") >= 10, 1);
    assert_null(strstr(h, "nan"));
    assert_null(strstr(h, "inf "));
    assert_non_null(strstr(h, "External share "));
    assert_non_null(strstr(h, "1997-04-23"));       /* the multipolar-world declaration */
    assert_non_null(strstr(h, "Singer, J. David")); /* the sources table */
    /* Self-contained: no scripts, no links to other resources. */
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "http-equiv"));
    assert_null(strstr(h, "<link"));
    assert_null(strstr(h, "src=\""));
    free(h);
}

/* Ukraine joined the system in 1991: the report says so instead of drawing
 * empty charts. */
static void html_sparse(void **state)
{
    (void)state;
    char *h = render(369, 710, 1985, 2022, 1);
    char why[200] = "";
    assert_true(well_formed(h, why, sizeof why));
    assert_non_null(strstr(h, "UKR: capability data only for 1991-2022 (a system member from "
                              "1991); earlier years are left blank, not zero"));
    assert_non_null(strstr(h, "trade (COW 4.0), and so the drivers and cooperation sections: "
                              "data cover 1870-2014 only"));
    /* Labels inside every chart for a pair with gaps too (issue 13). */
    assert_int_equal(svg_texts_outside(h, why, sizeof why, NULL), 0);
    assert_non_null(strstr(h, "<section id=\"summary\""));
    free(h);
}

/* Years after the trade data end (2014 in the embedded data): the drivers
 * section says so, instead of failing half-way through the summary (it said
 * "drivers: the year range 2015-2014 runs backwards" and exited 1), and the
 * page still renders with a placeholder for the cooperation chart. */
static void after_trade_ends(void **state)
{
    (void)state;
    char *s = render(365, 710, 2015, 2020, 0);
    assert_non_null(strstr(s, "6. Drivers 2015-2020"));
    assert_non_null(strstr(s, "too little data to tell: no year of 2015-2020 has trade data"));
    free(s);
    s = render(365, 710, 2015, 2020, 1);
    assert_non_null(strstr(s, "no data for the calibration"));
    free(s);
}

static void summary_sections(void **state)
{
    (void)state;
    char *s = render(365, 710, 1992, 2022, 0);
    const char *heads[] = {"1. Power",       "2. The triangle",       "3. Power transitions",
                           "4. Threat",      "5. Issue areas",        "6. Drivers",
                           "7. Cooperation", "8. Alliance formation", "9. Central Asia",
                           "10. Futures"};
    for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++) {
        assert_non_null(strstr(s, heads[k]));
    }
    /* CINC and the economic measures side by side, and where they disagree
     * (issue 11): China passes the USA by CINC and by GDP at PPP, not by GDP
     * at market exchange rates, Beckley's net resources or military spending. */
    assert_non_null(strstr(s, "other measures"));
    assert_non_null(strstr(s, "  GDP             "));
    assert_non_null(strstr(s, "Finding: the power measures disagree on CHN-USA: CINC (since 2003), "
                              "GDP (PPP) (since 2016) put CHN ahead; GDP (ratio 0.78)"));
    /* Fits one tall screen: at most 60 lines, now that the power section
     * compares five measures, the issue areas name their spheres, zeros and
     * vetoes, and section 8 gives alliance formation. */
    assert_true(count(s, "\n") <= 60);
    free(s);
}

/* Issue 13, "The HTML report, for a committee": each item fails on the page
 * as it was (the terminal dump at the top, source-tree paths, raw indicator
 * names and A/B, clipped labels, "Finding:" without caveats). */
static void html_for_a_committee(void **state)
{
    (void)state;
    char *h = render(365, 710, 1992, 2022, 1);
    /* An executive summary written from the numbers, not the terminal dump. */
    const char *sum = strstr(h, "<section id=\"summary\"");
    assert_non_null(sum);
    assert_true(sum < strstr(h, "<section id=\"power\""));
    assert_null(strstr(h, "<pre>"));
    assert_null(strstr(h, "has the charts"));
    assert_null(strstr(h, "shi report: Russia (RUS)")); /* the dump's first line */
    assert_null(strstr(h, "Finding:"));
    assert_non_null(strstr(h, "By CINC the system of the major powers is <b>unipolar</b> in 2022"));
    assert_non_null(strstr(h, "CHN is ahead of USA by CINC since 2003"));
    assert_non_null(strstr(h, "one passed the other in 1995, 2002, 2003"));
    assert_non_null(strstr(h, "Spheres of congruity: economic (1992-2014)"));
    assert_non_null(strstr(h, "Verdict: <b>not identified</b>"));
    assert_non_null(strstr(h, "2014 is the last year with every part"));
    assert_non_null(strstr(h, "Caveat: after 2014 the totals leave out parts"));
    /* Russia's crude by destination (CREA), 2021: China 79,642,080 t, Europe
     * 100,544,939.901 t summed with Python (test_energy_crea.c): 44.2%. */
    assert_non_null(strstr(h, "<tr><td>2021</td><td>79.6</td><td>100.5*</td>"));
    assert_non_null(strstr(h, "<td>44.2%</td></tr>"));
    /* Every finding of the summary with its caveat and the last year its data cover. */
    const char *end = strstr(sum, "</section>");
    size_t items = 0;
    for (const char *li = strstr(sum, "<li>"); li && li < end; li = strstr(li + 1, "<li>")) {
        const char *close = strstr(li, "</li>");
        const char *cav = strstr(li, "<span class=\"caveat\">Caveat: ");
        const char *data = cav ? strstr(cav, "Data: ") : NULL;
        assert_true(cav && cav < close);
        assert_true(data && data < close);
        items++;
    }
    assert_int_equal(items, 6);
    /* No source-tree paths; the published sources instead. */
    const char *paths[] = {"docs/",           "src/",           "README.md",      "CITATION.cff",
                           "data/events.tsv", "Study, section", "study, section", ".md"};
    for (size_t k = 0; k < sizeof paths / sizeof paths[0]; k++) {
        if (strstr(h, paths[k])) {
            print_error("the page names '%s': '%.60s'\n", paths[k], strstr(h, paths[k]));
        }
        assert_null(strstr(h, paths[k]));
    }
    assert_non_null(strstr(h, "(SCO Charter (2002))"));       /* the published part of a source */
    assert_non_null(strstr(h, "Organski &amp; Kugler 1980")); /* methods by their sources */
    /* Readable indicator names and the states' abbreviations, not A and B. */
    const char *raw[] = {"arms_share_b_from_a",
                         "trade_dep_a",
                         "threat_to_a",
                         "un_distance",
                         "veto_coincidence_a",
                         "B&#39;s",
                         "A&#39;s",
                         "from A ",
                         "from B "};
    for (size_t k = 0; k < sizeof raw / sizeof raw[0]; k++) {
        if (strstr(h, raw[k])) {
            print_error("the page shows '%s'\n", raw[k]);
        }
        assert_null(strstr(h, raw[k]));
    }
    assert_non_null(strstr(h, "<title>CHN&#39;s arms imports from RUS</title>"));
    assert_non_null(strstr(h, "<td>economic</td><td>1992-2014</td><td>converging</td><td>RUS&#39;s "
                              "trade with CHN</td>"));
    /* Each chart's axis fitted to its data: the calibrated game's delta lies in
     * 0.8-0.95, and the scorecard's charts say which way is closer. */
    const char *coop = strstr(h, "<title>Shadow of the future");
    assert_non_null(coop);
    const char *coop_end = strstr(coop, "</svg>");
    const char *zero = strstr(coop, ">0.0</text>");
    assert_true(!zero || zero > coop_end);
    /* 15 indicators and the 4 energy shares have a closeness axis. */
    assert_int_equal(count(h, ">closeness (up = closer)</text>"), 19);
    /* No label clipped: every <text> of every chart inside its viewBox, and
     * the drivers chart's "bilateral" whole. */
    char why[300];
    size_t ntext = 0;
    int outside = svg_texts_outside(h, why, sizeof why, &ntext);
    if (outside) {
        print_error("%d labels outside their viewBox, e.g. %s\n", outside, why);
    }
    assert_int_equal(outside, 0);
    assert_true(ntext > 400); /* every chart's labels were read */
    assert_non_null(strstr(h, ">bilateral (trade, arms)</text>"));
    /* A print stylesheet: sections on new pages, figures and rows not split;
     * tables (the sources) wrap. */
    assert_non_null(strstr(h, "@media print{@page"));
    assert_non_null(strstr(h, "section{break-before:page}"));
    assert_non_null(strstr(h, "figure,svg,tr,.finding,li{break-inside:avoid}"));
    assert_non_null(strstr(h, "#data table{table-layout:fixed}#data td{overflow-wrap:anywhere}"));
    free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html_russia_china),    cmocka_unit_test(html_sparse),
        cmocka_unit_test(summary_sections),     cmocka_unit_test(after_trade_ends),
        cmocka_unit_test(html_for_a_committee),
    };
    return shi_run_group_tests(tests, setup, teardown);
}
