/*
 * shd.c - the record layer of the .shd format (shd.h).
 */
#include "shd.h"

#include <math.h>
#include <string.h>

shi_status shi_shd_open(shi_csv **c, const char *name, const void *buf, size_t len, shi_err *err)
{
    shi_csv_opts o = {0};
    o.delim = '\t';
    o.no_header = 1;
    o.ragged = 1;
    return buf ? shi_csv_open_mem(c, name, buf, len, &o, err) : shi_csv_open(c, name, &o, err);
}

shi_status shi_shd_header(const shi_csv *c, shi_err *err)
{
    if (strcmp(shi_csv_field(c, 0), "shi-data") != 0 || strcmp(shi_csv_field(c, 1), "1") != 0) {
        long line, col;
        shi_csv_field_pos(c, 0, &line, &col);
        return shi_err_set_at(err, SHI_EDATA, shi_csv_name(c), line, col,
                              "not a shi data file (version 1): expected 'shi-data\\t1'");
    }
    return SHI_OK;
}

shi_status shi_shd_fields(const shi_csv *c, size_t n, shi_err *err)
{
    if (shi_csv_nfields(c) != n) {
        long line, col;
        shi_csv_field_pos(c, 0, &line, &col);
        return shi_err_set_at(err, SHI_EDATA, shi_csv_name(c), line, col,
                              "expected %zu fields in a '%s' record, got %zu", n,
                              shi_csv_field(c, 0), shi_csv_nfields(c));
    }
    return SHI_OK;
}

shi_status shi_shd_int(const shi_csv *c, size_t i, long lo, long hi, int64_t *v, shi_err *err)
{
    int miss = 0;
    shi_status s = shi_csv_int(c, i, v, &miss, err);
    if (s == SHI_OK && (miss || *v < lo || *v > hi)) {
        char what[80];
        snprintf(what, sizeof what, "expected an integer %ld-%ld", lo, hi);
        s = shi_csv_field_error(c, i, err, what);
    }
    return s;
}

shi_status shi_shd_reals(const shi_csv *c, size_t from, size_t n, double *out, shi_err *err)
{
    shi_status s = SHI_OK;
    for (size_t k = 0; k < n && s == SHI_OK; k++) {
        int miss;
        s = shi_csv_real(c, from + k, &out[k], &miss, err);
    }
    return s;
}

void shi_shd_put_real(FILE *f, double v)
{
    /* %.15g reads back to the same double for any decimal of up to 15
     * significant digits, which covers the values of the official files. */
    if (isnan(v)) {
        fputs("\t", f);
    } else {
        fprintf(f, "\t%.15g", v);
    }
}
