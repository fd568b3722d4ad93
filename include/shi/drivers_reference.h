/*
 * shi/drivers_reference.h - the reference set of a drivers analysis: the same
 * analysis (shi_dyad_drivers_fit) for every pair of major powers of a year, so
 * that a pair's externally driven share can be read against those of the
 * other great-power pairs (docs/drivers.md).
 */
#ifndef SHI_DRIVERS_REFERENCE_H
#define SHI_DRIVERS_REFERENCE_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/drivers.h>
#include <shi/dyad_drivers.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One pair of the reference set. */
typedef struct shi_drivers_ref {
    int a, b;       /* COW codes, a listed before b in the registry */
    int third;      /* the most capable other state of the last year */
    double share;   /* externally driven share (block Shapley value); NaN if n/a */
    double lo, hi;  /* its bootstrap interval; NaN if n/a */
    size_t n;       /* years fitted (0 if n/a) */
    char note[512]; /* why the pair has no result (the SHI_EDATA message), or "" */
} shi_drivers_ref;

/** A growable reference set. Zero-initialise; shi_drivers_refs_free. */
typedef struct shi_drivers_refs {
    shi_drivers_ref *v;
    size_t n, cap;
} shi_drivers_refs;

SHI_API void shi_drivers_refs_free(shi_drivers_refs *r);

/** \brief Every pair of states that are major powers in y1 (COW's list, in
 *  registry order), each analysed over [y0, y1] with its most capable other
 *  state of y1 as the third (shi_most_capable_other) by shi_dyad_drivers_fit
 *  with `outcome` and `opt`, into `out` (emptied first), sorted by external
 *  share, largest first, pairs without a result last. A pair whose data do
 *  not support the analysis (SHI_EDATA) keeps the message in `note`.
 *  \return SHI_EIO out of memory, or any other error of an analysis. */
SHI_API shi_status shi_drivers_reference(const shi_data *d, int y0, int y1, shi_outcome outcome,
                                         const shi_drivers_opts *opt, shi_drivers_refs *out,
                                         shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
