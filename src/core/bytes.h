/*
 * bytes.h - private helpers that scan the dyadic data's byte arrays eight
 * bytes at a time (not part of the public API). The arrays hold one byte a
 * cell with SHI_NA_U8 (0xFF) for missing; the byte-at-a-time loops over
 * every year's n x n cells were a quarter of loading the relations part and
 * a tenth of `shi align`, and GCC at -O2 does not vectorise them. The CSV
 * reader's fast path splits lines with the same tricks.
 */
#ifndef SHI_CORE_BYTES_H
#define SHI_CORE_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Bit 7 of each byte of the result is set where that byte of v is nonzero
 * (no carry crosses a byte: (b & 0x7F) + 0x7F <= 0xFE). */
static inline uint64_t shi_i_nonzero_bytes(uint64_t v)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    return (((v & low7) + low7) | v) & ~low7;
}

/* Whether p[0..n) holds a byte other than 0 and 0xFF. */
static inline int shi_i_any_value(const uint8_t *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, sizeof w);
        if (shi_i_nonzero_bytes(w) & shi_i_nonzero_bytes(~w)) {
            return 1;
        }
    }
    for (; i < n; i++) {
        if (p[i] != 0 && p[i] != 0xFF) {
            return 1;
        }
    }
    return 0;
}

/* Set every 0xFF byte of p[0..n) to 0. */
static inline void shi_i_ff_to_zero(uint8_t *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, sizeof w);
        /* Bit 7 set where the byte is 0xFF (~w's byte is zero), then spread
         * over the byte. */
        uint64_t ff = ~shi_i_nonzero_bytes(~w) & 0x8080808080808080ull;
        w &= ~((ff >> 7) * 0xFF);
        memcpy(p + i, &w, sizeof w);
    }
    for (; i < n; i++) {
        p[i] = p[i] == 0xFF ? 0 : p[i];
    }
}

/* Bit 7 of each byte of the result is set where that byte of v equals c. */
static inline uint64_t shi_i_eq_bytes(uint64_t v, unsigned char c)
{
    return ~shi_i_nonzero_bytes(v ^ (0x0101010101010101ull * c)) & 0x8080808080808080ull;
}

#endif
