/*
 * shi/rng.h - counter-based random numbers (Philox4x32-10, Salmon et al. 2011,
 * "Parallel random numbers: as easy as 1, 2, 3", SC'11), from Random123.
 *
 * A generator is keyed by (seed, stream): replication r of a study uses stream r,
 * so its numbers do not depend on how replications are spread over threads or
 * processes. There is no hidden default generator: every stochastic function
 * takes an explicit `shi_rng *`.
 */
#ifndef SHI_RNG_H
#define SHI_RNG_H

#include <stdint.h>

#include <shi/api.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Generator state; a plain value, copy freely. */
typedef struct shi_rng {
    uint64_t seed;     /* master seed (Philox key) */
    uint64_t stream;   /* stream id (upper half of the counter) */
    uint64_t counter;  /* block counter (lower half of the counter) */
    uint32_t buf[4];   /* current output block */
    unsigned int used; /* words of buf already handed out (4 = empty) */
} shi_rng;

/** Start stream `stream` of master seed `seed` at its beginning. */
SHI_API void shi_rng_init(shi_rng *rng, uint64_t seed, uint64_t stream);
/** Next 32 random bits. */
SHI_API uint32_t shi_rng_u32(shi_rng *rng);
/** Next 64 random bits. */
SHI_API uint64_t shi_rng_u64(shi_rng *rng);
/** Uniform double on [0, 1) with 53 random bits. */
SHI_API double shi_rng_uniform(shi_rng *rng);
/** Uniform integer on [0, n) without modulo bias; n > 0. */
SHI_API uint64_t shi_rng_below(shi_rng *rng, uint64_t n);
/** A standard normal draw (Box & Muller 1958; two uniforms per draw). */
SHI_API double shi_rng_normal(shi_rng *rng);
/** Name and version of the generator, written into outputs for replication. */
SHI_API const char *shi_rng_name(void);

#ifdef __cplusplus
}
#endif
#endif
