/*
 * capital_fixes.h - corrections of centroid rows of the capitals file
 * (capital_fixes.c), applied where the dyadic part reads that file.
 */
#ifndef SHI_PANEL_CAPITAL_FIXES_H
#define SHI_PANEL_CAPITAL_FIXES_H

#include <shi/io_dyad.h>

#include <stddef.h>

/** Replace the coordinates of the listed centroid rows by the city's;
 *  returns the rows corrected. */
size_t shi_i_capitals_fix(shi_capital_table *t);

#endif
