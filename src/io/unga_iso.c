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
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

void shi_iso_recs_destroy(shi_iso_recs *r)
{
    if (r) {
        free(r->v);
        memset(r, 0, sizeof *r);
    }
}

shi_status shi_io_read_unga_iso3(const char *path, shi_iso_recs *out, shi_err *err)
{
    static const char *const cols[] = {"ccode", "iso3c"};
    static const char *const miss_codes[] = {"", "NA", NULL};
    shi_csv_opts o = {0};
    o.missing = miss_codes;
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, &o, err);
    if (s != SHI_OK) {
        return s;
    }
    long idx[2];
    s = shi_csv_require(csv, cols, 2, idx, err);
    for (int got = 1; s == SHI_OK;) {
        s = shi_csv_next(csv, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        int64_t cc;
        int miss = 0;
        if ((s = shi_csv_int(csv, (size_t)idx[0], &cc, &miss, err)) != SHI_OK) {
            break;
        }
        if (miss || shi_csv_is_missing(csv, (size_t)idx[1])) {
            continue;
        }
        const char *iso = shi_csv_field(csv, (size_t)idx[1]);
        if (strlen(iso) != 3 || !isupper((unsigned char)iso[0]) ||
            !isupper((unsigned char)iso[1]) || !isupper((unsigned char)iso[2])) {
            s = shi_csv_field_error(csv, (size_t)idx[1], err, "expected a 3-letter ISO code");
            break;
        }
        int seen = 0;
        for (size_t k = out->n; k-- > 0;) {
            if (out->v[k].ccode == (int)cc) {
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
        out->v[out->n].ccode = (int)cc;
        memcpy(out->v[out->n].iso3, iso, 4);
        out->n++;
    }
    shi_csv_free(csv);
    return s;
}
