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

#ifdef __SIZEOF_INT128__
/* gcc and clang on 64-bit targets: one multiplication instead of four. */
__extension__ typedef unsigned __int128 native_u128;
#endif

static u128 mul64(uint64_t a, uint64_t b)
{
#ifdef __SIZEOF_INT128__
    native_u128 p = (native_u128)a * b;
    u128 r = {(uint64_t)(p >> 64), (uint64_t)p};
    return r;
#else
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32, b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
    u128 r = {p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32), (mid << 32) | (p00 & 0xffffffffu)};
    return r;
#endif
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

/* 5^k for k = 0..27 (5^27 < 2^63). */
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

/* a * 10^k rounded half to even into *d (exact), and whether d * 10^-k reads
 * back to a; 0 when the numbers leave the exact range (the caller falls back).
 * *fl gets floor(a * 10^k). */
static int scaled(uint64_t m, int q, int k, uint64_t *d, uint64_t *fl, int *roundtrip)
{
    if (k < 0 || k > 27) {
        return 0;
    }
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

/* The first exact method, kept for what the fast path leaves: the decimal
 * exponent from log10, settled by the 17-digit scaling; each of 15, 16 and
 * 17 digits scaled and checked on its own. `v` is finite, nonzero. */
static size_t general(char *buf, double v)
{
    double a = fabs(v);
    if (a < DBL_MIN) {
        return slow(buf, v);
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

static const char digit_pairs[201] = "00010203040506070809"
                                     "10111213141516171819"
                                     "20212223242526272829"
                                     "30313233343536373839"
                                     "40414243444546474849"
                                     "50515253545556575859"
                                     "60616263646566676869"
                                     "70717273747576777879"
                                     "80818283848586878889"
                                     "90919293949596979899";

/* The nd decimal digits of d (d < 10^nd, leading zeros kept) into dig[0..nd),
 * two at a time from the end. */
static void put_digits(char *dig, uint64_t d, int nd)
{
    char *q = dig + nd;
    for (; q - dig >= 2; d /= 100) {
        q -= 2;
        memcpy(q, digit_pairs + (d % 100) * 2, 2);
    }
    if (q > dig) {
        *--q = (char)('0' + d % 10);
    }
}

/* The same text as put(), for the nd-digit integer d (its first digit has
 * exponent x, -12 < x < 21): trailing zeros dropped by whole groups, digits
 * written two at a time, no sprintf. */
static size_t put_fast(char *buf, int neg, uint64_t d, int nd, int x)
{
    while (d % 100000000 == 0) {
        d /= 100000000, nd -= 8;
    }
    if (d % 10000 == 0) {
        d /= 10000, nd -= 4;
    }
    if (d % 100 == 0) {
        d /= 100, nd -= 2;
    }
    if (d % 10 == 0) {
        d /= 10, nd -= 1;
    }
    /* The digits go straight to their place (no copy through a buffer and no
     * memcpy/memset calls of a few bytes: this runs for every real cell). */
    char *p = buf;
    if (neg) {
        *p++ = '-';
    }
    if (x <= -7) { /* d.ddde-x: x is -7 .. -11 here */
        put_digits(p + 1, d, nd);
        p[0] = p[1];
        if (nd > 1) {
            p[1] = '.';
            p += nd + 1;
        } else {
            p++;
        }
        *p++ = 'e';
        *p++ = '-';
        if (x <= -10) {
            *p++ = (char)('0' + (-x) / 10);
        }
        *p++ = (char)('0' + (-x) % 10);
    } else if (x < 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = 0; i < -x - 1; i++) {
            *p++ = '0';
        }
        put_digits(p, d, nd);
        p += nd;
    } else if (nd <= x + 1) { /* a whole number: pad with zeros */
        put_digits(p, d, nd);
        p += nd;
        for (int i = nd; i <= x; i++) {
            *p++ = '0';
        }
    } else { /* the digits one place right, then the first x + 1 back before the point */
        put_digits(p + 1, d, nd);
        for (int i = 0; i <= x; i++) {
            p[i] = p[i + 1];
        }
        p[x + 1] = '.';
        p += nd + 1;
    }
    *p = '\0';
    return (size_t)(p - buf);
}

/* put_fast for a rounding d to `prec` digits that may have carried into
 * 10^prec (0.99999999999999995 to 15 digits is 1): the same value, one digit
 * fewer, the exponent one up, as general() writes it. */
static size_t put_round(char *buf, int neg, uint64_t d, int prec, int x)
{
    uint64_t top = prec == 15   ? UINT64_C(1000000000000000)
                   : prec == 16 ? UINT64_C(10000000000000000)
                                : UINT64_C(100000000000000000);
    if (d == top) {
        return put_fast(buf, neg, d / 10, prec, x + 1);
    }
    return put_fast(buf, neg, d, prec, x);
}

/* 10^i for i = -12..18, as doubles (exact from 10^0 up): the decimal
 * exponent's guess is checked against them. */
static const double pow10_guess[31] = {
    1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0,  1e1,  1e2, 1e3,
    1e4,   1e5,   1e6,   1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

/* Whether D * 10^j * 10^-k, next to a = m * 2^q with n = m * 5^k and
 * s = -(q + k), reads back to a: the test of scaled(), multiplied through by
 * 5^j so that the 15- and 16-digit candidates are checked against the one
 * product n of the 17-digit scaling. D * 10^j < 2^57 and s <= 63, so
 * (D * 10^j) * 2^s fits in 128 bits. */
static int reads_back(uint64_t dj, int s, u128 n, uint64_t m, uint64_t p5)
{
    u128 c = {dj >> (64 - s), dj << s};
    int below = cmp(c, n) < 0;
    u128 dist = below ? sub(n, c) : sub(c, n);
    /* dist <= 10^j * 2^s / 2 < 2^69: the shifts cannot overflow */
    int sh = below && m == (UINT64_C(1) << 52) ? 2 : 1; /* the gap below 2^e is half */
    u128 lhs = {(dist.hi << sh) | (dist.lo >> (64 - sh)), dist.lo << sh};
    if (lhs.hi) {
        return 0;
    }
    return lhs.lo < p5 || (lhs.lo == p5 && (m & 1u) == 0);
}

/* a * 10^k rounded half to even at 10^j (j = 2: 15 digits, 1: 16), from fl =
 * floor(a * 10^k) and whether the fraction is zero: floor(a*10^k / 10^j) =
 * floor(fl / 10^j), and the remainder is fl % 10^j plus the fraction. */
static uint64_t round_at(uint64_t fl, int exact, uint64_t pj)
{
    uint64_t qt = fl / pj, r = fl % pj, h = pj / 2;
    return qt + (r > h || (r == h && (!exact || (qt & 1u))));
}

/* The common case, for normal doubles with 1e-11 <= a < 1e17 (shares,
 * distances, scores): one exact product n = m * 5^k for 17 digits gives the
 * 15- and 16-digit roundings by integer division and their read-back tests
 * against the same n. Returns 0 (the caller takes general()) where this does
 * not apply or the exponent guess was off; the text is general()'s. */
static size_t fast(char *buf, int neg, uint64_t m, int q, double a)
{
    int e2 = q + 52; /* 2^e2 <= a < 2^(e2+1) */
    /* floor(e2 * log10(2)) by 78913 / 2^18, a floor division for negatives too */
    int t = e2 * 78913;
    int x = t >= 0 ? t / (1 << 18) : -((-t + (1 << 18) - 1) / (1 << 18));
    if (x < -12 || x > 17) {
        return 0;
    }
    x += a >= pow10_guess[x + 13]; /* x = floor(log10(a)), or one off near a power of ten */
    int k = 16 - x;
    int s = -(q + k);
    if (k < 0 || k > 27 || s < 1 || s > 63) {
        return 0;
    }
    u128 n = mul64(m, pow5[k]);
    if (n.hi >> s) {
        return 0;
    }
    uint64_t fl = (n.lo >> s) | (s < 64 ? n.hi << (64 - s) : 0);
    uint64_t rem = n.lo & ((UINT64_C(1) << s) - 1), half = UINT64_C(1) << (s - 1);
    if (fl < UINT64_C(10000000000000000) || fl >= UINT64_C(100000000000000000)) {
        return 0; /* the guess of x was off: general() settles it */
    }
    uint64_t p5 = pow5[k];
    uint64_t d = round_at(fl, rem == 0, 100);
    if (reads_back(d * 100, s, n, m, p5)) {
        return put_round(buf, neg, d, 15, x);
    }
    d = round_at(fl, rem == 0, 10);
    if (reads_back(d * 10, s, n, m, p5)) {
        return put_round(buf, neg, d, 16, x);
    }
    /* 17 significant digits always read back (DBL_DECIMAL_DIG) */
    return put_round(buf, neg, fl + (rem > half || (rem == half && (fl & 1u))), 17, x);
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
        uint64_t u = (uint64_t)a;
        int nd = 1;
        for (uint64_t t = u; t >= 10; t /= 10) {
            nd++;
        }
        size_t len = 0;
        if (v < 0) {
            buf[len++] = '-';
        }
        put_digits(buf + len, u, nd);
        len += (size_t)nd;
        buf[len] = '\0';
        return len;
    }
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    uint64_t m = (bits & ((UINT64_C(1) << 52) - 1)) | (UINT64_C(1) << 52);
    int q = (int)(bits >> 52) - 1075; /* a = m * 2^q, a normal */
    size_t len = fast(buf, v < 0, m, q, a);
    return len ? len : general(buf, v);
}
