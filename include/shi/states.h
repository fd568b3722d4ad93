/*
 * shi/states.h - the state registry: COW states, their system-membership and
 * major-power spells, and lookup by code, abbreviation, ISO code or name.
 */
#ifndef SHI_STATES_H
#define SHI_STATES_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A dated spell, yyyymmdd inclusive. */
typedef struct shi_spell {
    int32_t start, end;
} shi_spell;

/** One state. Its spells are slices of the registry's spell arrays. */
typedef struct shi_state {
    int ccode;       /* COW country code */
    char abb[8];     /* COW abbreviation, e.g. "CHN" */
    char iso3[4];    /* ISO 3166 alpha-3, or "" */
    char name[64];   /* English name as COW spells it */
    size_t sp0, nsp; /* membership spells: spells[sp0 .. sp0+nsp) */
    size_t mp0, nmp; /* major-power spells: majors[mp0 .. mp0+nmp) */
} shi_state;

/** The registry; value type with init/destroy. States are sorted by ccode. */
typedef struct shi_states {
    shi_state *v;
    size_t n;
    shi_spell *spells;
    size_t nspells;
    shi_spell *majors;
    size_t nmajors;
} shi_states;

SHI_API void shi_states_init(shi_states *s);
SHI_API void shi_states_destroy(shi_states *s);

/** Builder input: one row per spell (see shi_spell_recs in io.h). */
struct shi_spell_recs;
struct shi_iso_recs;
/** Build the registry from membership spells, major-power spells and ISO codes
 *  (`iso` may be NULL). Membership spells that end on `censor_date` (the last day
 *  the membership file covers) are extended to `extend_to`, because the list is
 *  right-censored there, not ended; pass 0 for both to keep spells as they are.
 *  On failure `s` is left empty. */
SHI_API shi_status shi_states_build(shi_states *s, const struct shi_spell_recs *members,
                                    const char *members_path, const struct shi_spell_recs *majors,
                                    const char *majors_path, const struct shi_iso_recs *iso,
                                    int32_t censor_date, int32_t extend_to, shi_err *err);

/** The state with COW code `ccode`, or NULL. O(log n). */
SHI_API const shi_state *shi_states_get(const shi_states *s, int ccode);
/** Is the state a system member on at least one day of `year`? */
SHI_API int shi_states_member(const shi_states *s, const shi_state *st, int year);
/** Is the state a major power on at least one day of `year`? */
SHI_API int shi_states_major(const shi_states *s, const shi_state *st, int year);
/** First and last year of system membership (any spell). */
SHI_API void shi_states_years(const shi_states *s, const shi_state *st, int *first, int *last);

/** Resolve a user's name for a state, case-insensitive, by exact identifiers
 *  only: COW code; COW abbreviation or ISO alpha-3 (a year picks the member
 *  when they name different states, else the COW abbreviation wins); the COW
 *  name; the documented alias table (docs/states.md: USSR, Burma, Czechia,
 *  "Korea, Republic of", ...; an alias may name different states in different
 *  years). When `year` is non-zero and several states match, those that are
 *  system members in `year` win. No prefix or substring match ever resolves a
 *  name: unknown or ambiguous names are SHI_EUSAGE errors whose message lists
 *  the candidates or the closest names. */
SHI_API shi_status shi_states_resolve(const shi_states *s, const char *query, int year,
                                      const shi_state **out, shi_err *err);

/** Resolve a comma-separated list; `out` must have room for `max` entries. */
SHI_API shi_status shi_states_resolve_list(const shi_states *s, const char *list, int year,
                                           const shi_state **out, size_t max, size_t *n,
                                           shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
