/*
 * rng.c - shi_rng over Random123's Philox4x32-10.
 *
 * Counter layout: ctr = {counter lo, counter hi, stream lo, stream hi},
 * key = {seed lo, seed hi}. Each block yields four 32-bit words.
 */
#include <shi/rng.h>

#include <math.h>

#include <Random123/philox.h>

void shi_rng_init(shi_rng *rng, uint64_t seed, uint64_t stream)
{
    rng->seed = seed;
    rng->stream = stream;
    rng->counter = 0;
    rng->used = 4;
    for (int i = 0; i < 4; i++) {
        rng->buf[i] = 0;
    }
}

static void refill(shi_rng *rng)
{
    philox4x32_ctr_t c = {{(uint32_t)rng->counter, (uint32_t)(rng->counter >> 32),
                           (uint32_t)rng->stream, (uint32_t)(rng->stream >> 32)}};
    philox4x32_key_t k = {{(uint32_t)rng->seed, (uint32_t)(rng->seed >> 32)}};
    philox4x32_ctr_t r = philox4x32(c, k);
    for (int i = 0; i < 4; i++) {
        rng->buf[i] = r.v[i];
    }
    rng->counter++;
    rng->used = 0;
}

uint32_t shi_rng_u32(shi_rng *rng)
{
    if (rng->used >= 4) {
        refill(rng);
    }
    return rng->buf[rng->used++];
}

uint64_t shi_rng_u64(shi_rng *rng)
{
    uint64_t hi = shi_rng_u32(rng);
    uint64_t lo = shi_rng_u32(rng);
    return (hi << 32) | lo;
}

double shi_rng_uniform(shi_rng *rng)
{
    return (double)(shi_rng_u64(rng) >> 11) * 0x1.0p-53;
}

uint64_t shi_rng_below(shi_rng *rng, uint64_t n)
{
    /* Rejection sampling (Lemire's threshold): values below 2^64 mod n are redrawn. */
    uint64_t threshold = (0 - n) % n;
    for (;;) {
        uint64_t x = shi_rng_u64(rng);
        if (x >= threshold) {
            return x % n;
        }
    }
}

double shi_rng_normal(shi_rng *rng)
{
    /* Box & Muller (1958), the cosine half; 1 - u keeps the logarithm finite. */
    double u1 = 1.0 - shi_rng_uniform(rng), u2 = shi_rng_uniform(rng);
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

const char *shi_rng_name(void)
{
    return "philox4x32-10 (Random123 1.14)";
}
