/*
 * unga_iso.c - the COW-code to ISO 3166 alpha-3 pairs found in the
 * Bailey, Strezhnev & Voeten (2017) UN General Assembly ideal-point file
 * (IdealpointestimatesAll_Jun2024.csv: columns ccode and iso3c).
 *
 * shi uses them so that every command accepts ISO codes for states; states the
 * file does not cover (pre-1946 states such as Bavaria) have no ISO code.
 */
#include <shi/csv.h>
#include <shi/io.h>

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

void shi_iso_recs_destroy(shi_iso_recs *r)
{
    if (r) {
        free(r->v);
        memset(r, 0, sizeof *r);
    }
}

static int upper3(const char *f)
{
    return isupper((unsigned char)f[0]) && isupper((unsigned char)f[1]) &&
           isupper((unsigned char)f[2]);
}

shi_status shi_io_read_unga_iso3(const char *path, shi_iso_recs *out, shi_err *err)
{
    enum { C_CCODE, C_ISO, NCOLS };
    static const shi_i_col cols[NCOLS] = {
        {"ccode", .type = SHI_I_INT, .flags = SHI_I_OPTIONAL, .lo = -HUGE_VAL, .hi = HUGE_VAL},
        {"iso3c", .type = SHI_I_TEXT, .flags = SHI_I_OPTIONAL, .lo = 3, .hi = 3,
         .what = "expected a 3-letter ISO code", .valid = upper3},
    };
    static const char *const miss_codes[] = {"", "NA", NULL};
    shi_csv_opts o = {0};
    o.missing = miss_codes;
    /* Rows without a code are skipped and codes are kept once, so the reader
     * fills no table: the pairs are appended here. */
    shi_i_reader rd;
    shi_status s = shi_i_open(&rd, path, &o, cols, NCOLS, NULL, err);
    for (int got = 1; s == SHI_OK;) {
        if ((s = shi_i_next(&rd, &got, err)) != SHI_OK || !got ||
            (s = shi_i_parse(&rd, C_CCODE, C_ISO, err)) != SHI_OK) {
            break;
        }
        if (rd.na[C_CCODE] || shi_csv_is_missing(rd.csv, (size_t)rd.idx[C_ISO])) {
            continue;
        }
        if ((s = shi_i_parse(&rd, C_ISO, NCOLS, err)) != SHI_OK) {
            break;
        }
        int cc = (int)rd.iv[C_CCODE];
        int seen = 0;
        for (size_t k = out->n; k-- > 0;) {
            if (out->v[k].ccode == cc) {
                seen = 1;
                break;
            }
        }
        if (seen) {
            continue;
        }
        if (SHI_GROW(out->v, out->cap, out->n + 1) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            break;
        }
        out->v[out->n].ccode = cc;
        memcpy(out->v[out->n].iso3, shi_i_text(&rd, C_ISO), 4);
        out->n++;
    }
    return shi_i_close(&rd, s, err);
}
