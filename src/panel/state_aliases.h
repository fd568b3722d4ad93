/*
 * state_aliases.h - the documented alias table of state names (private to
 * src/panel; see state_aliases.c and docs/states.md).
 */
#ifndef SHI_PANEL_STATE_ALIASES_H
#define SHI_PANEL_STATE_ALIASES_H

#include <stddef.h>

typedef struct shi_state_alias {
    const char *alias; /* lower-case */
    int ccode;         /* the COW state it names */
    int y0, y1;        /* the years in which it names that state */
} shi_state_alias;

/* The table and its length. */
size_t shi_i_state_aliases(const shi_state_alias **out);

#endif
