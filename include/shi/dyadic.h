/*
 * shi/dyadic.h - the dyadic data sets as dense year x state x state arrays:
 * contiguity, alliances (ATOP obligations), capitals and UN voting; and, from
 * the relations part, disputes, nuclear status, armed conflict and shared IGO
 * memberships.
 *
 * States are indexed by their position in the registry (shi_states.v), so a
 * dyad-year is two small integers and a year: every lookup is O(1). With the
 * ~217 COW states and ~210 years an array is about 10 MB.
 *
 * Coverage is explicit: each source has its own years, and outside them a value
 * is missing (SHI_NA_U8), never 0. Inside them, a dyad the source does not list
 * is 0 (not contiguous, not allied), because those sources list every
 * contiguous or allied dyad-year of the system.
 */
#ifndef SHI_DYADIC_H
#define SHI_DYADIC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <shi/api.h>
#include <shi/error.h>
#include <shi/missing.h>
#include <shi/states.h>

#ifdef __cplusplus
extern "C" {
#endif

/* UN voting reference states of the agreement arrays (the importer's
 * SHI_UNGA_NREF, checked equal where both are seen, in src/panel/dyadic.c). */
#define SHI_DY_NREF 6

/* Importer tables (shi/io_dyad.h): the builder's input, opaque here so that
 * the measures above the panel never see a file format. */
struct shi_contig_table;
struct shi_capital_table;
struct shi_alliance_table;
struct shi_unga_table;

/** The dyadic data, dense. Zero-initialise; shi_dyadic_destroy always. */
typedef struct shi_dyadic {
    int y0, y1; /* years of the arrays */
    size_t n;   /* states (registry size) */
    int contig_y0, contig_y1;
    uint8_t *contig; /* [year][i][j]: 0, conttype 1-5, or SHI_NA_U8 */
    int ally_y0, ally_y1;
    uint8_t *ally;       /* [year][i][j]: ATOP flags of i towards j (0 = none), or SHI_NA_U8 */
    int ally_generic;    /* 1 when the alliances came from a generic level file */
    uint8_t *ally_level; /* [year][i][j]: alliance level 0-3, or SHI_NA_U8 */
    double *cap_lat;     /* [year][i]: latitude of i's capital on 1 January; NaN unknown */
    double *cap_lon;     /* [year][i] */
    int unga_y0, unga_y1;
    double *ideal;              /* [year][i]: UN ideal point; NaN missing */
    int agree_ref[SHI_DY_NREF]; /* COW code of the reference state of agree[r] */
    double *agree[SHI_DY_NREF]; /* [year][i]: share of votes agreeing with reference r */
    /* Optional (NULL when not loaded): */
    int mid_y0, mid_y1;
    uint8_t *mid_host;  /* [year][j][i]: highest hostility level (1-5) of j in a dispute
                           with i that year (0 none), or SHI_NA_U8 */
    uint16_t *mid_attr; /* [year][j][i]: what j did in its disputes with i that year, the
                           SHI_MIDA_* bits (0: no dispute recorded); see shi_mida_* */
    int onset_y0, onset_y1;
    uint8_t *mid_onset; /* [year][i][j]: 1 if a dispute between i and j began that year
                           (GML MID 2.1.1 midonset, either's row; after GML, a COW MID 5.0
                           dispute in which they first meet that year), 0 none, SHI_NA_U8
                           outside those years; symmetric */
    uint8_t *nuclear;   /* [year][i]: nuclear-weapons status 0-3 (3 = possession), or SHI_NA_U8 */
    float *warheads;    /* [year][i]: nuclear warhead stockpile (FAS via OWID); NaN outside */
    int ucdp_y0, ucdp_y1;
    uint8_t *ucdp; /* [year][i][j]: highest UCDP/PRIO intensity (1 minor: 25-999 battle
                      deaths, 2 war: 1,000+) of an interstate or internationalised conflict
                      with i and j on opposite sides (primary or secondary warring
                      parties) that year, 0 none, or SHI_NA_U8 outside the data; symmetric */
    int igo_y0, igo_y1;
    uint8_t *igo;       /* [year][i][j]: IGOs in which i and j are both full members (COW IGO
                           v3), symmetric; SHI_NA_U8 where the source gives no value (outside
                           1816-2014, a dyad-year not listed, or left out of the embedded subset) */
    int igo_subset;     /* 1: `igo` holds only dyads with a (sometime) major power (embedded) */
    int16_t *igo_sy[4]; /* [year][i]: memberships of i (SHI_IGO_FULL ...); -1 missing */
} shi_dyadic;

/* The bits of shi_dyadic.mid_attr: state j's part in its disputes with i in a
 * year, over all of them (GML MID 2.1.1 dyad-years; COW MID 5.0 incident
 * participants after GML, which have no originator field). */
enum {
    SHI_MIDA_HIACT = 0x1f,          /* highest action 0-21 (bits 0-4) */
    SHI_MIDA_FATAL_SHIFT = 5,       /* highest known fatality level 0-6 (bits 5-7); 7 unknown */
    SHI_MIDA_FATAL_NA = 7,          /* every fatality level was -9 */
    SHI_MIDA_REV1 = 1u << 8,        /* revisionist (revstate 1) in a dispute */
    SHI_MIDA_REV0 = 1u << 9,        /* not revisionist (revstate 0) in a dispute */
    SHI_MIDA_SIDEA = 1u << 10,      /* on side A (the side that took the first action) */
    SHI_MIDA_ORIG = 1u << 11,       /* an originator (in the dispute from its first day) */
    SHI_MIDA_ORIG_KNOWN = 1u << 12, /* the originator field exists (GML, not MID 5.0 incidents) */
    SHI_MIDA_INIT = 1u << 13,       /* an originator on side A in the same dispute */
    SHI_MIDA_SET = 1u << 15         /* some dispute was recorded */
};

/** Fold one dispute's record of j into the bits `v`: sidea and orig 0/1 (orig
 *  -1 unknown), revstate 0/1 or -1, hiact 0-21, fatality 0-6 or -1. */
static inline uint16_t shi_mida_add(uint16_t v, int sidea, int orig, int revstate, int hiact,
                                    int fatality)
{
    unsigned x = v | SHI_MIDA_SET;
    if ((int)(x & SHI_MIDA_HIACT) < hiact || !(v & SHI_MIDA_SET)) {
        x = (x & ~(unsigned)SHI_MIDA_HIACT) | (unsigned)hiact;
    }
    unsigned f = v & SHI_MIDA_SET ? (v >> SHI_MIDA_FATAL_SHIFT) & 7u : SHI_MIDA_FATAL_NA;
    if (fatality >= 0 && (f == SHI_MIDA_FATAL_NA || (unsigned)fatality > f)) {
        f = (unsigned)fatality;
    }
    x = (x & ~(7u << SHI_MIDA_FATAL_SHIFT)) | f << SHI_MIDA_FATAL_SHIFT;
    x |= revstate == 1 ? SHI_MIDA_REV1 : revstate == 0 ? SHI_MIDA_REV0 : 0;
    x |= sidea == 1 ? SHI_MIDA_SIDEA : 0;
    if (orig >= 0) {
        x |= SHI_MIDA_ORIG_KNOWN | (orig == 1 ? SHI_MIDA_ORIG : 0);
        x |= orig == 1 && sidea == 1 ? SHI_MIDA_INIT : 0;
    }
    return (uint16_t)x;
}

/* The four state-year IGO counts of shi_dyadic.igo_sy (COW IGO v3 sum_igo_*). */
enum { SHI_IGO_FULL, SHI_IGO_ASSOC, SHI_IGO_OBSERVER, SHI_IGO_ANY };

SHI_API void shi_dyadic_destroy(shi_dyadic *d);

/** Build the arrays for years [y0, y1] from importer tables (any may be NULL:
 *  that source is then missing). Rows naming a state not in the registry are
 *  an error pointing into `paths[k]` (k: 0 contiguity, 1 capitals, 2 alliances,
 *  3 UN). */
SHI_API shi_status shi_dyadic_build(shi_dyadic *d, const shi_states *s, int y0, int y1,
                                    const struct shi_contig_table *contig,
                                    const struct shi_capital_table *capitals,
                                    const struct shi_alliance_table *ally,
                                    const struct shi_unga_table *unga, const char *const paths[4],
                                    shi_err *err);

/** Write the arrays as .shd records (spells of equal values over consecutive
 *  years; see docs/data.md) to `f`. */
SHI_API void shi_dyadic_write_shd(const shi_dyadic *d, const shi_states *s, FILE *f);

/** Read .shd dyadic records from `text` (named `name` in messages) into `d`
 *  (initialised here for years [y0, y1] and registry `s`). Source records
 *  ("source ...") are passed over; the caller reads them. */
SHI_API shi_status shi_dyadic_read_shd(shi_dyadic *d, const shi_states *s, int y0, int y1,
                                       const char *name, const void *text, size_t len,
                                       shi_err *err);

/** Index of a year / offsets into the arrays (no bounds checks in the hot path). */
static inline size_t shi_dy_pair(const shi_dyadic *d, int year, size_t i, size_t j)
{
    return ((size_t)(year - d->y0) * d->n + i) * d->n + j;
}
static inline size_t shi_dy_one(const shi_dyadic *d, int year, size_t i)
{
    return (size_t)(year - d->y0) * d->n + i;
}

#ifdef __cplusplus
}
#endif
#endif
