#define _POSIX_C_SOURCE 200809L /* ssize_t and off_t in readstat.h */
/*
 * frame_dta.c - a frame as a Stata .dta file (format 118, Stata 14 and later),
 * written with ReadStat's writer API.
 *
 * Integer columns become Stata longs, real columns doubles; missing values
 * (SHI_NA_I32, NaN, the infinities) become Stata's system missing "."; column
 * labels become variable labels. The frame's name and the metadata make the
 * dataset label (cut to Stata's 80 characters), and every metadata entry is
 * also a dataset note ("key: value"), where nothing is cut. The file's time
 * stamp is fixed, so the same frame always gives the same bytes (in any time
 * zone). The file is
 * written to a temporary file beside the target and renamed into place.
 */
#include <shi/frame_io.h>

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <readstat.h>

#include <shi/outfile.h>

#define DTA_VERSION 118
#define DTA_LABEL_MAX 80

/* The time stamp written into every file, "01 Jan 2000 00:00". ReadStat
 * formats it with localtime, so it is made with mktime: the same text, and the
 * same bytes, in every time zone. */
static time_t fixed_timestamp(void)
{
    struct tm tm = {0};
    tm.tm_year = 2000 - 1900;
    tm.tm_mon = 0;
    tm.tm_mday = 1;
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    return t == (time_t)-1 ? (time_t)946684800 : t;
}

typedef struct sink {
    FILE *fp;      /* the temporary file */
    int errnum;    /* errno of the first failed write, or 0 */
    char msg[256]; /* ReadStat's own message, when it gave one */
} sink;

static ssize_t sink_write(const void *data, size_t len, void *ctx)
{
    sink *k = ctx;
    if (fwrite(data, 1, len, k->fp) != len) {
        if (!k->errnum) {
            k->errnum = errno ? errno : EIO;
        }
        return -1;
    }
    return (ssize_t)len;
}

static void sink_error(const char *msg, void *ctx)
{
    sink *k = ctx;
    if (!k->msg[0]) {
        snprintf(k->msg, sizeof k->msg, "%s", msg);
        size_t n = strlen(k->msg);
        while (n > 0 && (k->msg[n - 1] == '\n' || k->msg[n - 1] == '.')) {
            k->msg[--n] = '\0';
        }
    }
}

/* Append s to buf (of size DTA_LABEL_MAX + 1), cut at a UTF-8 boundary. */
static void label_append(char *buf, const char *s)
{
    size_t n = strlen(buf), m = strlen(s);
    if (n + m > DTA_LABEL_MAX) {
        m = DTA_LABEL_MAX - n;
        while (m > 0 && ((unsigned char)s[m] & 0xC0) == 0x80) {
            m--;
        }
    }
    memcpy(buf + n, s, m);
    buf[n + m] = '\0';
}

static shi_status rs_fail(shi_err *err, const char *path, const sink *k, readstat_error_t rc,
                          const char *what)
{
    if (k->errnum) {
        return shi_err_set(err, SHI_EIO, "write failure on '%s': %s", path, strerror(k->errnum));
    }
    return shi_err_set(err, SHI_EIO, "cannot write '%s': %s: %s", path, what,
                       k->msg[0] ? k->msg : readstat_error_message(rc));
}

shi_status shi_frame_write_dta(const shi_frame *f, const shi_meta *meta, const char *path,
                               shi_err *err)
{
    if (!path || !path[0] || strcmp(path, "-") == 0) {
        return shi_err_set(err, SHI_EUSAGE, "Stata output needs a file name, not standard output");
    }
    if (f->ncol == 0) {
        return shi_err_set(err, SHI_EUSAGE, "frame '%s' has no columns to write to '%s'", f->name,
                           path);
    }
    if (f->nrow > (size_t)INT_MAX) {
        return shi_err_set(err, SHI_EUSAGE, "frame '%s' has %zu rows; a .dta file holds at most %d",
                           f->name, f->nrow, INT_MAX);
    }

    shi_outfile o;
    shi_status s = shi_outfile_open(&o, path, err);
    if (s != SHI_OK) {
        return s;
    }
    sink k = {o.fp, 0, ""};
    readstat_error_t rc = READSTAT_OK;
    readstat_variable_t **vars = NULL;
    readstat_writer_t *w = readstat_writer_init();
    if (!w) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    vars = calloc(f->ncol, sizeof *vars);
    if (!vars) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    if ((rc = readstat_set_data_writer(w, sink_write)) != READSTAT_OK ||
        (rc = readstat_writer_set_error_handler(w, sink_error)) != READSTAT_OK ||
        (rc = readstat_writer_set_file_format_version(w, DTA_VERSION)) != READSTAT_OK ||
        (rc = readstat_writer_set_file_timestamp(w, fixed_timestamp())) != READSTAT_OK) {
        s = rs_fail(err, path, &k, rc, "setting up the writer");
        goto cleanup;
    }

    char label[DTA_LABEL_MAX + 1] = "";
    label_append(label, f->name);
    for (size_t i = 0; meta && i < meta->n; i++) {
        label_append(label, i ? "; " : ": ");
        label_append(label, meta->kv[i].key);
        label_append(label, "=");
        label_append(label, meta->kv[i].value);
        size_t size = strlen(meta->kv[i].key) + strlen(meta->kv[i].value) + 3;
        char *note = malloc(size);
        if (!note) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            goto cleanup;
        }
        snprintf(note, size, "%s: %s", meta->kv[i].key, meta->kv[i].value);
        readstat_add_note(w, note); /* ReadStat keeps a copy */
        free(note);
    }
    if ((rc = readstat_writer_set_file_label(w, label)) != READSTAT_OK) {
        s = rs_fail(err, path, &k, rc, "dataset label");
        goto cleanup;
    }

    for (size_t c = 0; c < f->ncol; c++) {
        const shi_fcol *col = &f->cols[c];
        vars[c] = readstat_add_variable(
            w, col->name, col->type == SHI_FCOL_I32 ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE,
            0);
        if (!vars[c]) {
            s = shi_err_set(err, SHI_EIO, "cannot write '%s': adding variable '%s' failed", path,
                            col->name);
            goto cleanup;
        }
        if (col->label[0]) {
            readstat_variable_set_label(vars[c], col->label);
        }
    }

    if ((rc = readstat_begin_writing_dta(w, &k, (long)f->nrow)) != READSTAT_OK) {
        s = rs_fail(err, path, &k, rc, "header");
        goto cleanup;
    }
    for (size_t r = 0; r < f->nrow; r++) {
        if ((rc = readstat_begin_row(w)) != READSTAT_OK) {
            s = rs_fail(err, path, &k, rc, "data");
            goto cleanup;
        }
        for (size_t c = 0; c < f->ncol; c++) {
            const shi_fcol *col = &f->cols[c];
            if (col->type == SHI_FCOL_I32) {
                rc = col->i32[r] == SHI_NA_I32
                         ? readstat_insert_missing_value(w, vars[c])
                         : readstat_insert_int32_value(w, vars[c], col->i32[r]);
            } else {
                rc = isfinite(col->f64[r]) ? readstat_insert_double_value(w, vars[c], col->f64[r])
                                           : readstat_insert_missing_value(w, vars[c]);
            }
            if (rc == READSTAT_ERROR_NUMERIC_VALUE_IS_OUT_OF_RANGE) {
                s = shi_err_set(err, SHI_EDATA,
                                "cannot write '%s': column '%s', row %zu: value out of Stata's "
                                "range for a %s",
                                path, col->name, r + 1,
                                col->type == SHI_FCOL_I32 ? "long" : "double");
                goto cleanup;
            }
            if (rc != READSTAT_OK) {
                s = rs_fail(err, path, &k, rc, "data");
                goto cleanup;
            }
        }
        if ((rc = readstat_end_row(w)) != READSTAT_OK) {
            s = rs_fail(err, path, &k, rc, "data");
            goto cleanup;
        }
    }
    if ((rc = readstat_end_writing(w)) != READSTAT_OK) {
        s = rs_fail(err, path, &k, rc, "finishing");
        goto cleanup;
    }
    if (k.errnum) {
        s = rs_fail(err, path, &k, READSTAT_ERROR_WRITE, "data");
        goto cleanup;
    }
    readstat_writer_free(w);
    w = NULL;
    free(vars);
    return shi_outfile_commit(&o, err);

cleanup:
    if (w) {
        readstat_writer_free(w);
    }
    free(vars);
    shi_outfile_abort(&o);
    return s;
}
