/*
 * eu_replicate_mids.h - the GML MID records and the dispute coding of
 * directed dyad-years for shi_bs_replicate (private to the models module).
 */
#ifndef SHI_EU_REPLICATE_MIDS_H
#define SHI_EU_REPLICATE_MIDS_H

#include <stddef.h>
#include <stdint.h>

#include <shi/eu_replicate.h>

/* The columns kept, in this order. */
enum {
    BS_DISPNUM,
    BS_CC1,
    BS_CC2,
    BS_YEAR,
    BS_MIDONGOING,
    BS_ONSET,
    BS_SIDEA1,
    BS_SIDEA2,
    BS_ORIG1,
    BS_ORIG2,
    BS_HOST1,
    BS_HOST2,
    BS_NCOL
};

typedef struct bs_mid {
    uint64_t key; /* (year, ccode1, ccode2) */
    int f[BS_NCOL];
} bs_mid;

typedef struct bs_mids {
    bs_mid *v; /* sorted by key */
    size_t n, cap;
} bs_mids;

/** Read the records of years y0-y1; errors name file:line:col and the column. */
shi_status bs_mids_read(bs_mids *m, const char *path, int y0, int y1, shi_err *err);
void bs_mids_free(bs_mids *m);

/** A directed dyad-year's dispute status. */
typedef enum bs_status {
    BS_NONE,        /* no dispute: SQ */
    BS_INIT,        /* a initiated against b */
    BS_INIT_MUTUAL, /* a initiated against b, and b against a (another dispute) */
    BS_TARGET,      /* b initiated against a: the target's direction, dropped */
    BS_JOINER,      /* a new dispute with a joiner on either side: dropped */
    BS_ONGOING      /* only a dispute that began earlier: dropped */
} bs_status;

/** The status of (year, a, b); for an initiation, the hostility levels. */
bs_status bs_code(const bs_mids *m, int year, int a, int b, int *host_a, int *host_b);

/** The outcome category (SHI_BS_*) of an initiation with levels a and b
 *  (1-5); *acqa is 1 when it was AcqA (recoded to SQ). */
int bs_outcome(int a, int b, int *acqa);

#endif
