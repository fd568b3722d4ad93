/*
 * fields.h - field parsing shared by the importers (private to src/io).
 */
#ifndef SHI_IO_FIELDS_H
#define SHI_IO_FIELDS_H

#include <stdint.h>

#include <shi/csv.h>

/* Fast path for the common case, a plain decimal of 1 to `maxdigits` digits
 * with an optional leading '-': parse it here. Anything else (missing codes,
 * errors) is left to shi_csv_int, so messages and semantics are unchanged.
 * Returns 1 when it parsed. `maxdigits` is at most 18 (no overflow). */
static inline int shi_i_plain_int(const char *f, int64_t *v, int maxdigits)
{
    const char *p = f + (f[0] == '-');
    int64_t x = 0;
    int nd = 0;
    /* At most maxdigits digits are accumulated (18 fit in int64_t); a longer
     * number stops at its next digit and goes to the caller's slow path. */
    for (; nd < maxdigits && *p >= '0' && *p <= '9'; p++, nd++) {
        x = x * 10 + (*p - '0');
    }
    if (*p != '\0' || nd == 0) {
        return 0;
    }
    *v = f[0] == '-' ? -x : x;
    return 1;
}

/* An integer field that must be present and within [lo, hi]; otherwise the
 * error "<what> in column '<name>', got '<text>'" at the field. */
static inline shi_status shi_i_int_in(const shi_csv *csv, long i, long lo, long hi,
                                      const char *what, int64_t *v, shi_err *err)
{
    int miss = 0;
    if (!shi_i_plain_int(shi_csv_field(csv, (size_t)i), v, 9)) {
        shi_status s = shi_csv_int(csv, (size_t)i, v, &miss, err);
        if (s != SHI_OK) {
            return s;
        }
    }
    if (miss || *v < lo || *v > hi) {
        return shi_csv_field_error(csv, (size_t)i, err, what);
    }
    return SHI_OK;
}

/* Three capital letters A-Z first (an ISO 3166 alpha-3 code when the length
 * is checked to be 3). */
static inline int shi_i_upper3(const char *f)
{
    return f[0] >= 'A' && f[0] <= 'Z' && f[1] >= 'A' && f[1] <= 'Z' && f[2] >= 'A' && f[2] <= 'Z';
}

/* Letters, digits and '_' only (OWID's codes: ISO3, OWID_xxx); "" passes. */
static inline int shi_i_word(const char *f)
{
    for (; *f; f++) {
        char c = *f;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_')) {
            return 0;
        }
    }
    return 1;
}

#endif
