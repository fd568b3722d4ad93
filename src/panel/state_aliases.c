/*
 * state_aliases.c - names people use for states that are not the COW name,
 * abbreviation or ISO code (docs/states.md lists them). An alias may mean
 * different states in different years ('korea' is the Korea of 1887-1905 by
 * its COW name; after 1948 it names both Koreas, and stays ambiguous).
 *
 * Each entry is checked by tests/unit/test_states.c. Keep names lower-case,
 * ASCII where a common ASCII spelling exists, with the accented spelling as a
 * second entry.
 */
#include "state_aliases.h"

#include <string.h>

static const shi_state_alias ALIASES[] = {
    /* United States */
    {"united states", 2, 0, 9999},
    {"us", 2, 0, 9999},
    {"america", 2, 0, 9999},
    /* United Kingdom (COW UKG, ISO GBR) */
    {"uk", 200, 0, 9999},
    {"britain", 200, 0, 9999},
    {"great britain", 200, 0, 9999},
    {"united kingdom of great britain and northern ireland", 200, 0, 9999},
    /* Germany: the two German states of 1949/1954-1990 */
    {"west germany", 260, 0, 9999},
    {"frg", 260, 0, 9999},
    {"federal republic of germany", 260, 0, 9999},
    {"east germany", 265, 0, 9999},
    {"gdr", 265, 0, 9999},
    /* Russia and the Soviet Union: COW 365 throughout */
    {"ussr", 365, 0, 9999},
    {"soviet union", 365, 0, 9999},
    {"union of soviet socialist republics", 365, 0, 9999},
    {"russian federation", 365, 0, 9999},
    /* Czech lands */
    {"czechia", 316, 0, 9999},
    /* Myanmar (COW name) */
    {"burma", 775, 0, 9999},
    /* Eswatini (COW: Swaziland) */
    {"eswatini", 572, 0, 9999},
    {"kingdom of eswatini", 572, 0, 9999},
    /* Cote d'Ivoire (COW: Ivory Coast) */
    {"cote d'ivoire", 437, 0, 9999},
    {"c\xc3\xb4te d'ivoire", 437, 0, 9999},
    {"cote divoire", 437, 0, 9999},
    /* The Koreas: ISO-style names; 'korea' after 1948 means both (ambiguous) */
    {"korea, republic of", 732, 0, 9999},
    {"republic of korea", 732, 0, 9999},
    {"korea, democratic people's republic of", 731, 0, 9999},
    {"democratic people's republic of korea", 731, 0, 9999},
    {"dprk", 731, 0, 9999},
    {"korea", 731, 1948, 9999},
    {"korea", 732, 1948, 9999},
    /* China */
    {"people's republic of china", 710, 0, 9999},
    {"prc", 710, 0, 9999},
    {"republic of china", 713, 0, 9999},
    /* Others whose COW names differ from the common or UN ones */
    {"iran, islamic republic of", 630, 0, 9999},
    {"syrian arab republic", 652, 0, 9999},
    {"viet nam", 816, 0, 9999},
    {"north vietnam", 816, 0, 9999},
    {"south vietnam", 817, 0, 9999},
    {"turkiye", 640, 0, 9999},
    {"t\xc3\xbcrkiye", 640, 0, 9999},
    {"north macedonia", 343, 0, 9999},
    {"holland", 210, 0, 9999},
    {"the netherlands", 210, 0, 9999},
};

size_t shi_i_state_aliases(const shi_state_alias **out)
{
    *out = ALIASES;
    return sizeof ALIASES / sizeof ALIASES[0];
}
