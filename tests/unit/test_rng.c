/*
 * test_rng.c - shi_rng: Philox4x32-10 known answers, streams, uniformity.
 */
#include "test_util.h"

#include <math.h>

#include <shi/rng.h>

/* Known-answer vectors for Philox4x32-10 from Random123's kat_vectors file
 * (Salmon et al. 2011): counter {0,0,0,0}, key {0,0} gives
 * 6627e8d5 e169c58d bc57ac4c 9b00dbd8; counter all ones, key all ones gives
 * 408f276d 41c83b0e a20bc7c6 6d5451fd. In shi_rng the key is the seed and the
 * upper counter words are the stream, so seed 0 / stream 0 yields the first. */
static void philox_known_answer(void **state)
{
    (void)state;
    shi_rng r;
    shi_rng_init(&r, 0, 0);
    assert_int_equal(shi_rng_u32(&r), 0x6627e8d5u);
    assert_int_equal(shi_rng_u32(&r), 0xe169c58du);
    assert_int_equal(shi_rng_u32(&r), 0xbc57ac4cu);
    assert_int_equal(shi_rng_u32(&r), 0x9b00dbd8u);

    /* All-ones counter: counter word = 2^64-1, stream = 2^64-1, seed = 2^64-1. */
    shi_rng_init(&r, UINT64_MAX, UINT64_MAX);
    r.counter = UINT64_MAX;
    assert_int_equal(shi_rng_u32(&r), 0x408f276du);
    assert_int_equal(shi_rng_u32(&r), 0x41c83b0eu);
    assert_int_equal(shi_rng_u32(&r), 0xa20bc7c6u);
    assert_int_equal(shi_rng_u32(&r), 0x6d5451fdu);
}

static void same_seed_same_numbers(void **state)
{
    (void)state;
    shi_rng a, b, c;
    shi_rng_init(&a, 2026, 7);
    shi_rng_init(&b, 2026, 7);
    shi_rng_init(&c, 2026, 8);
    int differ = 0;
    for (int i = 0; i < 1000; i++) {
        uint64_t x = shi_rng_u64(&a);
        assert_true(x == shi_rng_u64(&b));
        differ += x != shi_rng_u64(&c);
    }
    assert_true(differ > 990); /* another stream is another sequence */
}

/* Mean and variance of U(0,1) draws within 5 sigma (GSL randist/test.c idea). */
static void uniform_moments(void **state)
{
    (void)state;
    shi_rng r;
    shi_rng_init(&r, 12345, 0);
    const int n = 1000000;
    double sum = 0, sum2 = 0, lo = 1, hi = 0;
    for (int i = 0; i < n; i++) {
        double u = shi_rng_uniform(&r);
        assert_true(u >= 0 && u < 1);
        sum += u;
        sum2 += u * u;
        lo = u < lo ? u : lo;
        hi = u > hi ? u : hi;
    }
    double mean = sum / n, var = sum2 / n - mean * mean;
    /* sd of the mean = sqrt(1/12/n); sd of the variance estimate = sqrt(1/180/n). */
    assert_true(fabs(mean - 0.5) < 5 * sqrt(1.0 / 12 / n));
    assert_true(fabs(var - 1.0 / 12) < 5 * sqrt(1.0 / 180 / n));
    assert_true(lo < 1e-4 && hi > 1 - 1e-4);
}

static void below_is_unbiased(void **state)
{
    (void)state;
    shi_rng r;
    shi_rng_init(&r, 99, 3);
    int count[6] = {0};
    const int n = 600000;
    for (int i = 0; i < n; i++) {
        uint64_t k = shi_rng_below(&r, 6);
        assert_true(k < 6);
        count[k]++;
    }
    /* Each count is Binomial(n, 1/6): sd = sqrt(n * 1/6 * 5/6). */
    double sd = sqrt(n * (1.0 / 6) * (5.0 / 6));
    for (int k = 0; k < 6; k++) {
        assert_true(fabs(count[k] - n / 6.0) < 5 * sd);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(philox_known_answer),
        cmocka_unit_test(same_seed_same_numbers),
        cmocka_unit_test(uniform_moments),
        cmocka_unit_test(below_is_unbiased),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
