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

#include "../core/mem.h"

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

static int reserve(shi_capdist_table *t, size_t need)
{
    if (need <= t->cap) {
        return 0;
    }
    /* Grow every column to the same capacity; on failure the table stays valid. */
    const shi_col_ref cols[] = {SHI_COL_REF(t->gw_a), SHI_COL_REF(t->gw_b), SHI_COL_REF(t->id_a),
                                SHI_COL_REF(t->id_b), SHI_COL_REF(t->km),   SHI_COL_REF(t->miles),
                                SHI_COL_REF(t->line), SHI_COL_REF(t->col)};
    return shi_grow_columns(cols, sizeof cols / sizeof cols[0], &t->cap, need, 1024);
}

static shi_status gw_at(const shi_csv *csv, long i, int32_t *v, shi_err *err)
{
    int64_t x;
    int miss = 0;
    shi_status s = shi_csv_int(csv, (size_t)i, &x, &miss, err);
    if (s != SHI_OK) {
        return s;
    }
    if (miss || x < 1 || x > 999) {
        return shi_csv_field_error(csv, (size_t)i, err, "expected a Gleditsch-Ward number 1-999");
    }
    *v = (int32_t)x;
    return SHI_OK;
}

static shi_status id_at(const shi_csv *csv, long i, char *v, shi_err *err)
{
    const char *f = shi_csv_field(csv, (size_t)i);
    size_t n = strlen(f);
    if (n == 0 || n > 3) {
        return shi_csv_field_error(csv, (size_t)i, err, "expected a state id of 1-3 letters");
    }
    memcpy(v, f, n + 1);
    return SHI_OK;
}

static shi_status dist_at(const shi_csv *csv, long i, double hi, const char *what, double *v,
                          shi_err *err)
{
    int miss = 0;
    shi_status s = shi_csv_real(csv, (size_t)i, v, &miss, err);
    if (s != SHI_OK) {
        return s;
    }
    if (miss || *v < 0 || *v > hi) {
        return shi_csv_field_error(csv, (size_t)i, err, what);
    }
    return SHI_OK;
}

shi_status shi_io_read_capdist(const char *path, shi_capdist_table *out, shi_err *err)
{
    static const char *const cols[] = {"numa", "ida", "numb", "idb", "kmdist", "midist"};
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, NULL, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[6];
    s = shi_csv_require(csv, cols, 6, idx, err);
    size_t first = out->n;
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        if (reserve(out, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        size_t r = out->n;
        if ((s = gw_at(csv, idx[0], &out->gw_a[r], err)) != SHI_OK ||
            (s = id_at(csv, idx[1], out->id_a[r], err)) != SHI_OK ||
            (s = gw_at(csv, idx[2], &out->gw_b[r], err)) != SHI_OK ||
            (s = id_at(csv, idx[3], out->id_b[r], err)) != SHI_OK ||
            (s = dist_at(csv, idx[4], 20100, "expected a distance 0-20100 km", &out->km[r], err)) !=
                SHI_OK ||
            (s = dist_at(csv, idx[5], 12500, "expected a distance 0-12500 miles", &out->miles[r],
                         err)) != SHI_OK) {
            break;
        }
        long line, col;
        shi_csv_field_pos(csv, (size_t)idx[0], &line, &col);
        out->line[r] = (int32_t)line;
        out->col[r] = (int32_t)col;
        out->n++;
    }
    if (s == SHI_OK && out->n == first) {
        s = shi_err_set_at(err, SHI_EDATA, path, 2, 0, "no records after the header");
    }
    shi_csv_free(csv);
    return s;
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
