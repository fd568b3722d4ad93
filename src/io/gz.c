/*
 * gz.c - reading a CSV that may be gzip-compressed (gz.h): zlib inflates the
 * whole file into memory, the CSV reader parses the buffer.
 */
#include "gz.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

/* Does the file start with the gzip magic bytes 1f 8b? -1 if it cannot be
 * opened. For a gzip file, *isize gets its trailer's ISIZE (the uncompressed
 * size modulo 2^32; only a hint: concatenated members make it wrong). */
static int is_gzip(const char *path, size_t *isize)
{
    *isize = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        return -1;
    }
    unsigned char m[4] = {0, 0, 0, 0};
    size_t got = fread(m, 1, 2, f);
    int gz = got == 2 && m[0] == 0x1f && m[1] == 0x8b;
    if (gz && fseek(f, -4, SEEK_END) == 0 && fread(m, 1, 4, f) == 4) {
        *isize = (size_t)m[0] | (size_t)m[1] << 8 | (size_t)m[2] << 16 | (size_t)m[3] << 24;
    }
    fclose(f);
    return gz;
}

/* Inflate a whole gzip file into a malloc'd buffer. */
static shi_status gunzip_file(const char *path, size_t hint, char **data, size_t *len, shi_err *err)
{
    *data = NULL;
    *len = 0;
    gzFile gz = gzopen(path, "rb");
    if (!gz) {
        return shi_err_set_at(err, SHI_EIO, path, 0, 0, "cannot open for reading: %s",
                              strerror(errno));
    }
    gzbuffer(gz, 1u << 18);
    /* One allocation when the size hint is right: + 1 MiB so that the loop's
     * headroom test does not grow the buffer before the end is seen. */
    size_t cap = (hint > 0 && hint < ((size_t)1 << 31) ? hint : (size_t)1 << 24) + (1u << 20),
           n = 0;
    char *buf = malloc(cap);
    shi_status s = SHI_OK;
    for (;;) {
        if (!buf) {
            s = shi_err_set_at(err, SHI_EIO, path, 0, 0, "out of memory inflating the file");
            break;
        }
        if (cap - n < (1u << 20)) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                continue;
            }
            buf = nb;
            cap *= 2;
        }
        size_t want = cap - n;
        if (want > (1u << 30)) {
            want = 1u << 30;
        }
        int r = gzread(gz, buf + n, (unsigned)want);
        /* A truncated stream ends with r == 0 and Z_BUF_ERROR, not r < 0. */
        int zerr = Z_OK;
        const char *m = r <= 0 ? gzerror(gz, &zerr) : NULL;
        if (r < 0 || (r == 0 && (zerr != Z_OK || !gzeof(gz)))) {
            /* Corrupt or cut input is bad data (exit 1), not an I/O error;
             * zlib's message starts with the path, which the error names
             * already. The position is where inflating stopped. */
            size_t plen = strlen(path);
            if (m && strncmp(m, path, plen) == 0 && strncmp(m + plen, ": ", 2) == 0) {
                m += plen + 2;
            }
            s = shi_err_set_at(err, SHI_EDATA, path, 0, 0,
                               "corrupt gzip data at compressed byte %ld (%zu bytes inflated): %s",
                               (long)gzoffset(gz), n + (size_t)(r > 0 ? r : 0),
                               m && *m && zerr != Z_OK ? m : "truncated file");
            break;
        }
        if (r == 0) {
            break;
        }
        n += (size_t)r;
        if ((unsigned long long)n > SHI_CSV_MAX_BYTES) {
            s = shi_err_set_at(err, SHI_EDATA, path, 0, 0,
                               "inflates to more than %llu GiB: not a data file shi reads",
                               SHI_CSV_MAX_BYTES >> 30);
            break;
        }
    }
    gzclose(gz);
    if (s != SHI_OK) {
        free(buf);
        return s;
    }
    *data = buf;
    *len = n;
    return SHI_OK;
}

shi_status shi_i_open_gz(shi_i_reader *rd, const char *path, const shi_csv_opts *opts,
                         const shi_i_col *cols, size_t ncols, const shi_i_dest *dest, char **data,
                         shi_err *err)
{
    *data = NULL;
    size_t isize = 0, len = 0;
    if (is_gzip(path, &isize) != 1) {
        return shi_i_open(rd, path, opts, cols, ncols, dest, err);
    }
    memset(rd, 0, sizeof *rd);
    shi_status s = gunzip_file(path, isize, data, &len, err);
    if (s != SHI_OK) {
        return s;
    }
    s = shi_i_open_mem(rd, path, *data, len, opts, cols, ncols, dest, err);
    /* Reserve all rows at once: one line per row after the header. */
    size_t lines = 0;
    for (const char *p = *data, *end = *data + len; (p = memchr(p, '\n', (size_t)(end - p))); p++) {
        lines++;
    }
    if (s == SHI_OK && lines > 0 && dest) {
        s = shi_i_reserve(rd, *dest->n + lines, err);
    }
    return s;
}
