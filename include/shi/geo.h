/*
 * shi/geo.h - the geographic part of the data view (SHI_DATA_GEO): the
 * minimum distance between two states' territories on 1 January of each
 * year, from cshapes 2.0 (Schvitz, Girardin, Ruegger, Weidmann, Cederman and
 * Gleditsch 2022, "Mapping the International System, 1886-2019: The CShapes
 * 2.0 Dataset", Journal of Conflict Resolution 66(1): 144-161), in COW codes
 * as peacesciencer's cow_mindist, 1886-2019 (docs/dyad_sources.md).
 *
 * A part of its own, loaded only when asked for (shi dyads --add mindist),
 * so that the commands that do not use it (shi align, shi report) do not
 * read its 26,733 spells.
 */
#ifndef SHI_GEO_H
#define SHI_GEO_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Minimum distances as spells of equal distance: the non-directed dyad
 *  (a < b, COW codes) was `km` apart on 1 January of every year y0..y1. Sorted
 *  by (a, b, y0); dyad-years that the source does not give, or gives as
 *  missing, are in no spell. Zero-initialise; shi_geo_destroy frees. */
typedef struct shi_geo {
    size_t n;                   /* spells */
    int32_t *md_a, *md_b;       /* the dyad, a < b */
    int32_t *md_y0, *md_y1;     /* first and last year of the spell */
    double *md_km;              /* kilometres; 0 where the territories touch */
    int mindist_y0, mindist_y1; /* years the source covers (0 0: none) */
} shi_geo;

SHI_API void shi_geo_destroy(shi_geo *g);

/** Kilometres between the territories of COW states a and b (either order)
 *  on 1 January of `year`, or NaN when the source gives none (a year outside
 *  1886-2019, a state not in the system, a = b). O(log n). */
SHI_API double shi_geo_mindist(const shi_geo *g, int a, int b, int year);

#ifdef __cplusplus
}
#endif
#endif
