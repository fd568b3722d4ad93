/*
 * shi/dyads.h - dyad-years: every pair of states that are both members of the
 * state system on at least one common day of a year.
 *
 * Two states of which one left in May and the other entered in June form no
 * dyad that year. Rows are ordered by (year, ccode1, ccode2); a directed set
 * has both (i, j) and (j, i), a non-directed one only ccode1 < ccode2.
 * Generation runs in two passes (count per year, then fill at fixed offsets),
 * so the output is the same for any number of threads.
 */
#ifndef SHI_DYADS_H
#define SHI_DYADS_H

#include <stddef.h>

#include <shi/api.h>
#include <shi/dyadic.h>
#include <shi/error.h>
#include <shi/frame.h>
#include <shi/states.h>

#ifdef __cplusplus
extern "C" {
#endif

/** COW regions by country-code range (COW State System documentation). */
typedef enum shi_region {
    SHI_REGION_NONE = 0,
    SHI_AMERICAS = 1,    /* 2-165 */
    SHI_EUROPE = 2,      /* 200-399 */
    SHI_AFRICA = 3,      /* 400-626 */
    SHI_MIDDLE_EAST = 4, /* 630-698 */
    SHI_ASIA = 5,        /* 700-899 */
    SHI_OCEANIA = 6      /* 900-999 */
} shi_region;

SHI_API shi_region shi_region_of(int ccode);
SHI_API const char *shi_region_name(shi_region r);
/** Parse "americas", "europe", "africa", "middleeast" (or "middle-east"), "asia", "oceania". */
SHI_API shi_status shi_region_parse(const char *name, shi_region *out, shi_err *err);

/** Which dyad-years to generate. */
typedef struct shi_dyad_opts {
    int y0, y1;        /* years, inclusive */
    int directed;      /* 1: (i,j) and (j,i); 0: i < j */
    const int *states; /* keep dyads with a member in this list (NULL: all) */
    size_t nstates;
    int both;         /* with `states`: both members must be in the list */
    unsigned regions; /* bit (1 << shi_region): keep dyads with a member in these regions; 0 all */
    int threads;      /* 0: OpenMP default */
    /* Politically relevant dyads only (Lemke & Reed 2001): directly contiguous
     * (land or up to 400 miles of water) or with a major power as a member.
     * Needs the contiguity data; outside its years only the major-power rule
     * applies. NULL: all dyads. */
    const shi_dyadic *relevant;
} shi_dyad_opts;

/** Generate the dyad-years into `out` (initialised here) with columns year,
 *  ccode1, ccode2. */
SHI_API shi_status shi_dyads_generate(const shi_states *s, const shi_dyad_opts *o, shi_frame *out,
                                      shi_err *err);

/** Do a and b overlap as system members on at least one day of `year`? */
SHI_API int shi_dyad_coexist(const shi_states *s, const shi_state *a, const shi_state *b, int year);

#ifdef __cplusplus
}
#endif
#endif
