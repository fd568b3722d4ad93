/*
 * shortest.c - the shortest decimal text that reads back to the same double.
 *
 * Machine formats (CSV, TSV, JSON, JSON lines) carry a value at full
 * precision: the fewest significant digits (at most 17) that strtod turns
 * back into the same double, and among those the nearest to it. Only the
 * terminal table rounds.
 *
 * Why not snprintf("%.17g") and strtod for every cell: a dyad-year file has
 * some 25 million reals, and that costs about a microsecond each. Instead the
 * candidates with 15, 16 and 17 significant digits are computed exactly in
 * 128-bit integer arithmetic: a = m * 2^q (m the 53-bit significand), so
 * a * 10^k = m * 5^k * 2^(q+k), and the rounded integer D and the distance
 * |D - a * 10^k| are exact. D * 10^-k reads back to a iff it lies within half
 * a unit in the last place of a (ties to the even significand), that is
 * 2 |D * 2^s - m * 5^k| <= 5^k with s = -(q + k) (strict for odd m; the
 * gap below a power of two is half as wide). Fifteen digits come first: any
 * double that some decimal of at most 15 digits names is named by its own
 * 15-digit rounding (DBL_DIG), so stripping trailing zeros gives the
 * shortest. Values outside the exact range (k outside 0..27, subnormals,
 * |a| >= 10^21 or so) take the snprintf/strtod path, which gives the same
 * text.
 */
#include <shi/frame_io.h>

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct u128 {
    uint64_t hi, lo;
} u128;

static u128 mul64(uint64_t a, uint64_t b)
{
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32, b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
    u128 r = {p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32), (mid << 32) | (p00 & 0xffffffffu)};
    return r;
}

/* x >> s for 0 < s < 128 (the low 64 bits: callers know the result fits). */
static uint64_t shr(u128 x, int s)
{
    if (s >= 64) {
        return x.hi >> (s - 64);
    }
    return (x.lo >> s) | (x.hi << (64 - s));
}

/* x mod 2^s for 0 < s < 128. */
static u128 low_bits(u128 x, int s)
{
    u128 r = x;
    if (s >= 64) {
        r.hi &= s == 64 ? 0 : (UINT64_MAX >> (128 - s));
    } else {
        r.hi = 0;
        r.lo &= (UINT64_C(1) << s) - 1;
    }
    return r;
}

static int cmp(u128 a, u128 b)
{
    if (a.hi != b.hi) {
        return a.hi < b.hi ? -1 : 1;
    }
    return a.lo < b.lo ? -1 : a.lo > b.lo;
}

static u128 pow2(int s)
{
    u128 r = {s >= 64 ? UINT64_C(1) << (s - 64) : 0, s < 64 ? UINT64_C(1) << s : 0};
    return r;
}

static u128 sub(u128 a, u128 b)
{
    u128 r = {a.hi - b.hi - (a.lo < b.lo), a.lo - b.lo};
    return r;
}

/* 2^n * x for small n, saturating at 2^127 (only compared with 5^k < 2^63). */
static u128 times2n(u128 x, int n)
{
    for (int i = 0; i < n; i++) {
        if (x.hi >> 62) {
            u128 big = {UINT64_C(1) << 62, 0};
            return big;
        }
        x.hi = (x.hi << 1) | (x.lo >> 63);
        x.lo <<= 1;
    }
    return x;
}

/* The significand m (53 bits) and exponent q of a finite positive normal a = m * 2^q. */
static void split(double a, uint64_t *m, int *q)
{
    int e;
    double f = frexp(a, &e); /* a = f * 2^e, 0.5 <= f < 1 */
    *m = (uint64_t)ldexp(f, 53);
    *q = e - 53;
}

/* a * 10^k rounded half to even into *d (exact), and whether d * 10^-k reads
 * back to a; 0 when the numbers leave the exact range (the caller falls back).
 * *fl gets floor(a * 10^k). */
static int scaled(uint64_t m, int q, int k, uint64_t *d, uint64_t *fl, int *roundtrip)
{
    if (k < 0 || k > 27) {
        return 0;
    }
    static const uint64_t pow5[28] = {1,
                                      5,
                                      25,
                                      125,
                                      625,
                                      3125,
                                      15625,
                                      78125,
                                      390625,
                                      1953125,
                                      9765625,
                                      48828125,
                                      244140625,
                                      1220703125,
                                      6103515625,
                                      30517578125,
                                      152587890625,
                                      762939453125,
                                      3814697265625,
                                      19073486328125,
                                      95367431640625,
                                      476837158203125,
                                      2384185791015625,
                                      11920928955078125,
                                      59604644775390625,
                                      298023223876953125,
                                      1490116119384765625,
                                      7450580596923828125u};
    const uint64_t p5 = pow5[k];
    u128 n = mul64(m, p5);
    int t = q + k;
    if (t >= 0) {
        if (t > 10 || n.hi || (n.lo >> (63 - t))) {
            return 0;
        }
        *d = *fl = n.lo << t; /* an integer: exact, reads back */
        *roundtrip = 1;
        return 1;
    }
    int s = -t;
    if (s >= 127 || (s < 64 && (n.hi >> s) != 0)) {
        return 0; /* the floor would not fit in 64 bits */
    }
    uint64_t r = shr(n, s);
    u128 rem = low_bits(n, s), half = pow2(s - 1);
    int c = cmp(rem, half);
    int up = c > 0 || (c == 0 && (r & 1u));
    *fl = r;
    *d = r + (uint64_t)up;
    /* The distance to a, times 2^s: rem below, 2^s - rem above. */
    u128 dist = up ? sub(pow2(s), rem) : rem;
    int below_pow2 = !up && m == (UINT64_C(1) << 52); /* gap below a is half */
    u128 lhs = times2n(dist, below_pow2 ? 2 : 1);
    u128 rhs = {0, p5};
    int c2 = cmp(lhs, rhs);
    *roundtrip = c2 < 0 || (c2 == 0 && (m & 1u) == 0);
    return 1;
}

/* The decimal digits of d into dig, their number into *nd. */
static void digits_of(uint64_t d, char *dig, int *nd)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + d % 10);
        d /= 10;
    } while (d);
    for (int i = 0; i < n; i++) {
        dig[i] = tmp[n - 1 - i];
    }
    *nd = n;
}

/* Text of the value 0.d1d2...dn * 10^(x+1) (x: exponent of the first digit),
 * as JavaScript writes numbers: plain decimals for -7 < x < 21, else d.ddde+x. */
static size_t put(char *buf, int neg, const char *dig, int nd, int x)
{
    while (nd > 1 && dig[nd - 1] == '0') {
        nd--;
    }
    char *p = buf;
    if (neg) {
        *p++ = '-';
    }
    if (x >= 21 || x <= -7) {
        *p++ = dig[0];
        if (nd > 1) {
            *p++ = '.';
            memcpy(p, dig + 1, (size_t)nd - 1);
            p += nd - 1;
        }
        p += sprintf(p, "e%c%d", x < 0 ? '-' : '+', x < 0 ? -x : x);
    } else if (x < 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = 0; i < -x - 1; i++) {
            *p++ = '0';
        }
        memcpy(p, dig, (size_t)nd);
        p += nd;
    } else {
        for (int i = 0; i <= x || i < nd; i++) {
            if (i == x + 1) {
                *p++ = '.';
            }
            *p++ = i < nd ? dig[i] : '0';
        }
    }
    *p = '\0';
    return (size_t)(p - buf);
}

/* The slow path: %.{P-1}e for P = 15, 16, 17, the first that strtod reads back. */
static size_t slow(char *buf, double v)
{
    char tmp[40], dig[20];
    double a = fabs(v);
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, a);
        if (prec < 17 && strtod(tmp, NULL) != a) {
            continue;
        }
        int nd = 0;
        for (const char *p = tmp; *p && *p != 'e'; p++) {
            if (*p != '.') {
                dig[nd++] = *p;
            }
        }
        const char *e = strchr(tmp, 'e');
        return put(buf, signbit(v) != 0, dig, nd, e ? atoi(e + 1) : 0);
    }
    return 0; /* not reached: 17 digits always read back */
}

size_t shi_fmt_shortest(char *buf, double v)
{
    if (!isfinite(v)) {
        buf[0] = '\0';
        return 0;
    }
    if (v == 0) {
        memcpy(buf, "0", 2); /* and -0 too: no "-0" in data */
        return 1;
    }
    double a = fabs(v);
    if (a < DBL_MIN) {
        return slow(buf, v);
    }
    /* Whole numbers below 10^15 (counts, NMC components, trade flows): their
     * decimal digits are exact and shortest, and %.17g writes them the same
     * way, without an exponent. */
    if (a < 1e15 && a == (double)(uint64_t)a) {
        char tmp[24];
        int n = 0;
        for (uint64_t u = (uint64_t)a; u; u /= 10) {
            tmp[n++] = (char)('0' + (int)(u % 10));
        }
        size_t len = 0;
        if (v < 0) {
            buf[len++] = '-';
        }
        while (n) {
            buf[len++] = tmp[--n];
        }
        buf[len] = '\0';
        return len;
    }
    uint64_t m, d, fl;
    int q, rt;
    split(a, &m, &q);
    int x = (int)floor(log10(a));
    /* log10 can be one off next to a power of ten: settle x by the exact floor
     * of the 17-digit scaling, which lies in [10^16, 10^17) for the right x. */
    uint64_t d17 = 0;
    int rt17 = 0, settled = 0;
    for (int tries = 0; tries < 3 && !settled; tries++) {
        if (!scaled(m, q, 16 - x, &d17, &fl, &rt17)) {
            return slow(buf, v);
        }
        if (fl < UINT64_C(10000000000000000)) {
            x--;
        } else if (fl >= UINT64_C(100000000000000000)) {
            x++;
        } else {
            settled = 1;
        }
    }
    if (!settled || !rt17) {
        return slow(buf, v); /* x not settled: let snprintf decide */
    }
    for (int prec = 15; prec <= 17; prec++) {
        if (prec < 17 && !scaled(m, q, prec - 1 - x, &d, &fl, &rt)) {
            return slow(buf, v);
        }
        if (prec == 17 || rt) {
            char dig[24];
            int nd;
            digits_of(prec == 17 ? d17 : d, dig, &nd);
            /* d may have rounded up to 10^prec: one more digit, same value */
            return put(buf, v < 0, dig, nd, x + (nd - prec));
        }
    }
    return slow(buf, v);
}
