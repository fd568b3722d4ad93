/*
 * capdist.c - importer for the Gleditsch & Ward capital-distance file
 * capdist.csv (Gleditsch & Ward 2001, "Measuring Space: A Minimum-Distance
 * Database and Applications to International Studies", Journal of Peace
 * Research 38(6): 749-768), and the mapping between Gleditsch-Ward state
 * numbers and COW codes (Gleditsch & Ward 1999, "Interstate System
 * Membership: A Revised List of the Independent States since 1816",
 * International Interactions 25(4): 393-413).
 *
 * capdist.csv: numa, ida, numb, idb, kmdist, midist; directed pairs, great-
 * circle distances between capitals, one capital per state (time invariant).
 */
#include <shi/csv.h>
#include <shi/io_dyad.h>

#include <stdlib.h>
#include <string.h>

#include "spec.h"

void shi_capdist_table_destroy(shi_capdist_table *t)
{
    if (!t) {
        return;
    }
    free(t->gw_a);
    free(t->gw_b);
    free(t->id_a);
    free(t->id_b);
    free(t->km);
    free(t->miles);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

shi_status shi_io_read_capdist(const char *path, shi_capdist_table *out, shi_err *err)
{
    static const char *const gw = "expected a Gleditsch-Ward number 1-999";
    static const char *const id = "expected a state id of 1-3 letters";
    const shi_i_col cols[] = {
        {"numa", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999, .what = gw,
         SHI_I_TO(out->gw_a)},
        {"ida", .type = SHI_I_TEXT, .flags = SHI_I_KEY, .lo = 1, .hi = 3, .what = id,
         SHI_I_TO(out->id_a)},
        {"numb", .type = SHI_I_INT, .flags = SHI_I_KEY, .lo = 1, .hi = 999, .what = gw,
         SHI_I_TO(out->gw_b)},
        {"idb", .type = SHI_I_TEXT, .flags = SHI_I_KEY, .lo = 1, .hi = 3, .what = id,
         SHI_I_TO(out->id_b)},
        {"kmdist", .type = SHI_I_REAL, .lo = 0, .hi = 20100,
         .what = "expected a distance 0-20100 km", SHI_I_TO(out->km)},
        {"midist", .type = SHI_I_REAL, .lo = 0, .hi = 12500,
         .what = "expected a distance 0-12500 miles", SHI_I_TO(out->miles)},
    };
    const shi_i_dest dest = {&out->n, &out->cap, 1024, &out->line, &out->col, 0, NULL, 0};
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, NULL, cols, sizeof cols / sizeof cols[0], &dest, err);
    return shi_i_read_all(&rd, s, err);
}

/*
 * GW <-> COW. Sources: the GW list (ksgmdw.txt and microstates.txt, as
 * distributed with Gleditsch & Ward 1999) and A. Beger's R package `states`,
 * vignette "G&W and COW country code differences" (2023). Dates from the GW
 * list: 255 GMY 1816-01-01..1945-05-07; 260 GFR 1949-09-21..; 265 GDR
 * ..1990-10-02; 340 SER 1878-07-13..1915-10-01 and 2006-06-05..; 345 YUG
 * 1918-12-01..2006-06-04; 678 YEM 1918-10-30..; 680 YPR ..1990-05-21.
 * COW (states2016): 255 GMY 1816-1945 and 1990-; 260 GFR 1955-1990; 345 YUG
 * 1878-1941 and 1944-; 678 YAR 1926-1990; 679 YEM 1990-.
 * A year counts by its state on 31 December.
 */
int shi_gw_to_cow(int gw, int year)
{
    switch (gw) {
    case 260: /* GFR; unified Germany continues it in GW, COW returns to 255 */
        return year >= 1990 ? 255 : 260;
    case 678: /* Yemen Arab Republic; unified Yemen continues it in GW, COW uses 679 */
        return year >= 1990 ? 679 : 678;
    case 340: /* Serbia (1878-1915, 2006-); COW codes Serbia and Yugoslavia as 345 */
        return 345;
    case 970: /* Kiribati */
        return 946;
    case 971: /* Nauru */
        return 970;
    case 972: /* Tonga */
        return 955;
    case 973: /* Tuvalu */
        return 947;
    case 89:  /* United Provinces of Central America, 1823-1839 */
    case 99:  /* Great Colombia, 1821-1830 */
    case 563: /* Transvaal, 1852-1910 */
    case 564: /* Orange Free State, 1854-1910 */
    case 711: /* Tibet, 1913-1950 */
    case 815: /* Vietnam (Annam/Cochin China/Tonkin), 1816-1893 */
        return -1;
    default:
        return gw;
    }
}

int shi_cow_to_gw(int ccode, int year)
{
    switch (ccode) {
    case 255:
        return year >= 1990 ? 260 : 255;
    case 679:
        return 678;
    case 345:
        return year < 1918 || year >= 2006 ? 340 : 345;
    case 946:
        return 970;
    case 970:
        return 971;
    case 955:
        return 972;
    case 947:
        return 973;
    default:
        return ccode;
    }
}
