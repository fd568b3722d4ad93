/*
 * test_shortest.c - shi_fmt_shortest (src/output/shortest.c), the full
 * precision text of every machine format: against the definition (the
 * first of %.15g, %.16g, %.17g that strtod reads back, trailing zeros
 * removed) on hand-picked and a million random doubles, and its layout.
 */
#include "test_util.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <shi/frame_io.h>
#include <shi/rng.h>

/* The value the text names, and its significant digits (no sign, point,
 * exponent or leading/trailing zeros). */
static void sig_digits(const char *s, char *out)
{
    size_t n = 0;
    for (; *s && *s != 'e'; s++) {
        if (*s >= '0' && *s <= '9' && !(n == 0 && *s == '0')) {
            out[n++] = *s;
        }
    }
    while (n > 0 && out[n - 1] == '0') {
        n--;
    }
    out[n] = '\0';
}

static void check(double v)
{
    char got[SHI_SHORTEST_MAX], want[40], gd[40], wd[40];
    size_t n = shi_fmt_shortest(got, v);
    assert_int_equal(n, strlen(got));
    assert_true(n < SHI_SHORTEST_MAX);
    if (v == 0) {
        assert_string_equal(got, "0");
        return;
    }
    if (strtod(got, NULL) != v) {
        fail_msg("%.17g: '%s' does not read back", v, got);
    }
    for (int p = 15; p <= 17; p++) {
        snprintf(want, sizeof want, "%.*e", p - 1, v);
        if (strtod(want, NULL) == v) {
            break;
        }
    }
    sig_digits(got, gd);
    sig_digits(want, wd);
    if (strcmp(gd, wd) != 0) {
        fail_msg("%.17g: got '%s', the shortest is '%s'", v, got, want);
    }
}

static void test_layout(void **state)
{
    (void)state;
    const struct {
        double v;
        const char *text;
    } cases[] = {{0.0, "0"},
                 {-0.0, "0"},
                 {1.0, "1"},
                 {-2.5, "-2.5"},
                 {0.1, "0.1"},
                 {5898.5, "5898.5"},
                 {0.039697, "0.039697"},
                 {1.0 / 3.0, "0.3333333333333333"},
                 {2.0 / 3.0, "0.6666666666666666"},
                 {0.1 + 0.2, "0.30000000000000004"},
                 {1e6, "1000000"},
                 {123456789012345680.0, "123456789012345680"},
                 {1e21, "1e+21"},
                 {1.5e-7, "1.5e-7"},
                 {1e-6, "0.000001"},
                 {-3.25e-6, "-0.00000325"},
                 {DBL_MAX, "1.7976931348623157e+308"},
                 {5e-324, "4.94065645841247e-324"} /* subnormal: 15 digits */,
                 {DBL_MIN, "2.2250738585072014e-308"},
                 {9007199254740993.0, "9007199254740992"},
                 {0.000123, "0.000123"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[SHI_SHORTEST_MAX];
        shi_fmt_shortest(buf, cases[i].v);
        assert_string_equal(buf, cases[i].text);
    }
    char buf[SHI_SHORTEST_MAX] = "x";
    assert_int_equal(shi_fmt_shortest(buf, (double)NAN), 0);
    assert_string_equal(buf, "");
    assert_int_equal(shi_fmt_shortest(buf, (double)INFINITY), 0);
}

static void test_random(void **state)
{
    (void)state;
    const double special[] = {0x1p52, 0x1p53, 0x1p-1022, 1e15, 1e16, 1e17,  9.999999999999999e22,
                              1e23,   1e-5,   1e-7,      0.3,  0.7,  2.675, 1e300,
                              4.35,   0.29};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++) {
        check(special[i]);
        check(nextafter(special[i], 0));
        check(nextafter(special[i], DBL_MAX));
    }
    /* Powers of ten and of two, and their neighbours. */
    for (int e = -320; e <= 308; e++) {
        double p = pow(10.0, e);
        check(p);
        check(nextafter(p, 0));
        check(nextafter(p, DBL_MAX));
    }
    for (int e = -1074; e <= 1023; e++) {
        double p = ldexp(1.0, e);
        check(p);
        check(nextafter(p, 0));
        check(nextafter(p, DBL_MAX));
    }
    shi_rng rng;
    shi_rng_init(&rng, 20261201, 3);
    for (int i = 0; i < 1000000; i++) {
        double v;
        switch (i % 4) {
        case 0: /* shares, similarity scores: magnitudes 1e-9 .. 1e6 */
            v = (shi_rng_uniform(&rng) * 2.0 - 1.0) *
                pow(10.0, (double)shi_rng_below(&rng, 16) - 9);
            break;
        case 1: { /* any finite bit pattern */
            uint64_t bits = shi_rng_u64(&rng);
            memcpy(&v, &bits, sizeof v);
            if (!isfinite(v)) {
                v = 1.0;
            }
            break;
        }
        case 2: /* short decimals, as read from files */
            v = (double)(int64_t)shi_rng_below(&rng, 100000000) /
                pow(10.0, (double)shi_rng_below(&rng, 12));
            break;
        default: /* ratios of small integers */
            v = (double)(shi_rng_below(&rng, 1000) + 1) / (double)(shi_rng_below(&rng, 1000) + 1);
            break;
        }
        check(v);
    }
}

/* The whole text by the definition, built from snprintf and strtod alone:
 * the first of %.14e, %.15e, %.16e that strtod reads back, its trailing zeros
 * dropped, laid out as plain decimals for 1e-7 <= |v| < 1e21, else d.ddde+x. */
static void reference(double v, char *out)
{
    char e[40], dig[24];
    double a = fabs(v);
    for (int p = 15; p <= 17; p++) {
        snprintf(e, sizeof e, "%.*e", p - 1, a);
        if (strtod(e, NULL) == a) {
            break;
        }
    }
    int nd = 0;
    const char *c = e;
    for (; *c != 'e'; c++) {
        if (*c != '.') {
            dig[nd++] = *c;
        }
    }
    int x = atoi(c + 1);
    while (nd > 1 && dig[nd - 1] == '0') {
        nd--;
    }
    char *o = out;
    if (v < 0) {
        *o++ = '-';
    }
    if (x >= 21 || x <= -7) {
        *o++ = dig[0];
        if (nd > 1) {
            *o++ = '.';
            memcpy(o, dig + 1, (size_t)nd - 1);
            o += nd - 1;
        }
        sprintf(o, "e%c%d", x < 0 ? '-' : '+', abs(x));
        return;
    }
    if (x < 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -x - 1; i++) {
            *o++ = '0';
        }
        memcpy(o, dig, (size_t)nd);
        o[nd] = '\0';
        return;
    }
    for (int i = 0; i <= x || i < nd; i++) {
        if (i == x + 1) {
            *o++ = '.';
        }
        *o++ = i < nd ? dig[i] : '0';
    }
    *o = '\0';
}

/* A double with few significant digits (as read from data files), some
 * significant digits, or any: the classes the formatter's paths take. */
static double draw(shi_rng *rng, int kind)
{
    double v;
    switch (kind) {
    case 0: { /* 1-8 significant digits, magnitudes 1e-12 .. 1e12 */
        uint64_t digits = shi_rng_below(rng, 8) + 1;
        double mant = (double)shi_rng_below(rng, (uint64_t)pow(10.0, (double)digits));
        v = mant * pow(10.0, (double)shi_rng_below(rng, 25) - 12.0 - (double)digits);
        break;
    }
    case 1: /* computed scores: uniform in (0, 1) and scaled */
        v = shi_rng_uniform(rng) * pow(10.0, (double)shi_rng_below(rng, 30) - 12.0);
        break;
    case 2: { /* a decimal with 15-17 digits next to a power of ten (the carry) */
        double p = pow(10.0, (double)shi_rng_below(rng, 40) - 15.0);
        v = nextafter(p, shi_rng_below(rng, 2) ? 0.0 : DBL_MAX);
        for (uint64_t i = shi_rng_below(rng, 4); i > 0; i--) {
            v = nextafter(v, 0.0);
        }
        break;
    }
    default: { /* any finite bit pattern */
        uint64_t bits = shi_rng_u64(rng);
        memcpy(&v, &bits, sizeof v);
        if (!isfinite(v)) {
            v = 0.5;
        }
        break;
    }
    }
    return shi_rng_below(rng, 2) ? -v : v;
}

/* Property test, seeded: on random doubles of each class the text reads back
 * (strtod), has no more significant digits than %.17g, and is exactly the
 * definition's text (reference()). */
static void test_property(void **state)
{
    (void)state;
    shi_rng rng;
    shi_rng_init(&rng, 20261201, 11);
    for (int i = 0; i < 400000; i++) {
        double v = draw(&rng, i % 4);
        char got[SHI_SHORTEST_MAX], want[64], g17[40], gd[40], wd[40];
        size_t n = shi_fmt_shortest(got, v);
        assert_int_equal(n, strlen(got));
        if (v == 0) {
            assert_string_equal(got, "0");
            continue;
        }
        if (strtod(got, NULL) != v) {
            fail_msg("%.17g: '%s' does not read back", v, got);
        }
        snprintf(g17, sizeof g17, "%.17g", v);
        assert_true(strtod(g17, NULL) == v);
        sig_digits(got, gd);
        sig_digits(g17, wd);
        assert_true(strlen(gd) <= strlen(wd));
        reference(v, want);
        if (strcmp(got, want) != 0) {
            fail_msg("%.17g: got '%s', want '%s'", v, got, want);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_layout), cmocka_unit_test(test_random),
                                       cmocka_unit_test(test_property)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
