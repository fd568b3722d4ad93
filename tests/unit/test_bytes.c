/*
 * test_bytes.c - the eight-bytes-at-a-time scans of src/core/bytes.h against
 * the byte-at-a-time loops they replace: every byte value at every position
 * of a word, the tail after the last whole word, and random arrays.
 */
#include "test_util.h"

#include <stdint.h>
#include <string.h>

#include "core/bytes.h"

static int naive_any(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != 0 && p[i] != 0xFF) {
            return 1;
        }
    }
    return 0;
}

/* One byte b at position k of an array of 0s (or of 0xFFs), n = 8..19. */
static void every_value_every_position(void **state)
{
    (void)state;
    uint8_t a[19], want[19];
    for (size_t n = 8; n <= sizeof a; n++) {
        for (int fill = 0; fill <= 0xFF; fill += 0xFF) {
            for (size_t k = 0; k < n; k++) {
                for (int b = 0; b < 256; b++) {
                    memset(a, fill, n);
                    a[k] = (uint8_t)b;
                    assert_int_equal(shi_i_any_value(a, n), naive_any(a, n));
                    assert_int_equal(shi_i_any_value(a, n), b != 0 && b != 0xFF);
                    for (size_t i = 0; i < n; i++) {
                        want[i] = a[i] == 0xFF ? 0 : a[i];
                    }
                    shi_i_ff_to_zero(a, n);
                    assert_memory_equal(a, want, n);
                }
            }
        }
    }
}

/* Random arrays with many 0x00, 0xFF, 0x7F, 0x80 and 0xFE bytes. */
static void random_arrays(void **state)
{
    (void)state;
    static const uint8_t pick[] = {0x00, 0xFF, 0xFF, 0x00, 0x7F, 0x80, 0xFE, 0x01};
    uint64_t x = 88172645463325252ull; /* xorshift64 (Marsaglia 2003) */
    uint8_t a[203], want[203];
    for (int rep = 0; rep < 2000; rep++) {
        size_t n = (size_t)(rep % 203);
        for (size_t i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            a[i] = (x >> 20) % 16 ? pick[x % 2] : pick[x % 8];
            want[i] = a[i] == 0xFF ? 0 : a[i];
        }
        assert_int_equal(shi_i_any_value(a, n), naive_any(a, n));
        shi_i_ff_to_zero(a, n);
        if (n > 0) {
            assert_memory_equal(a, want, n);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_value_every_position),
        cmocka_unit_test(random_arrays),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
