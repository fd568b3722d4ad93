#define _POSIX_C_SOURCE 200809L /* ssize_t and off_t in readstat.h */
/*
 * frame_dta.c - a frame as a Stata .dta file (format 118, Stata 14 and later),
 * written with ReadStat's writer API.
 *
 * Integer columns become Stata longs (0/1 flags bytes, categorical codes with
 * their value labels), real columns doubles, text columns str#; missing
 * values (SHI_NA_I32, NaN, the infinities) become Stata's system missing "."
 * ("" for text); column labels become variable labels. The frame's name and
 * the metadata make the dataset label (cut to Stata's 80 bytes at a word
 * boundary), and every metadata entry is
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

/* The dataset label: the frame's name and "key=value" of each metadata entry,
 * cut to Stata's 80 bytes at the last word boundary that fits (the notes
 * keep everything), into buf (DTA_LABEL_MAX + 1 bytes). */
static void dataset_label(char *buf, const shi_frame *f, const shi_meta *meta)
{
    char full[4096];
    size_t n = (size_t)snprintf(full, sizeof full, "%s", f->name);
    for (size_t i = 0; meta && i < meta->n && n < sizeof full; i++) {
        n += (size_t)snprintf(full + n, sizeof full - n, "%s%s=%s", i ? "; " : ": ",
                              meta->kv[i].key, meta->kv[i].value);
    }
    n = strlen(full);
    if (n > DTA_LABEL_MAX) {
        size_t cut = DTA_LABEL_MAX;
        while (cut > 0 && full[cut] != ' ') {
            cut--; /* full[cut] is the first byte left out: stop at a space */
        }
        while (cut > 0 && (full[cut - 1] == ' ' || full[cut - 1] == ';' || full[cut - 1] == ',')) {
            cut--;
        }
        if (cut == 0) { /* one long word: cut at a UTF-8 boundary */
            cut = DTA_LABEL_MAX;
            while (cut > 0 && ((unsigned char)full[cut] & 0xC0) == 0x80) {
                cut--;
            }
        }
        n = cut;
    }
    memcpy(buf, full, n);
    buf[n] = '\0';
}

/* The widest text of column c in bytes (1 to 2045, Stata's str# limit). */
static size_t str_width(const shi_fcol *c, size_t nrow)
{
    size_t w = 1;
    for (size_t r = 0; r < nrow; r++) {
        size_t n = c->str[r] ? strlen(c->str[r]) : 0;
        w = n > w ? n : w;
    }
    return w > 2045 ? 2045 : w;
}

/* Stata's type of a column: byte for a 0/1 flag, long, double or str#. */
static readstat_type_t dta_type(const shi_fcol *c)
{
    switch (c->type) {
    case SHI_FCOL_I32:
        return c->flag ? READSTAT_TYPE_INT8 : READSTAT_TYPE_INT32;
    case SHI_FCOL_STR:
        return READSTAT_TYPE_STRING;
    case SHI_FCOL_F64:
        break;
    }
    return READSTAT_TYPE_DOUBLE;
}

/* Variable c with its label and value labels (a set is added once, the first
 * time a column names it). */
static readstat_variable_t *add_var(readstat_writer_t *w, const shi_frame *f, size_t c,
                                    readstat_label_set_t **sets)
{
    const shi_fcol *col = &f->cols[c];
    size_t width = col->type == SHI_FCOL_STR ? str_width(col, f->nrow) : 0;
    readstat_variable_t *v = readstat_add_variable(w, col->name, dta_type(col), width);
    if (!v) {
        return NULL;
    }
    if (col->label[0]) {
        readstat_variable_set_label(v, col->label);
    }
    if (col->vl_name && col->nvl) {
        sets[c] = NULL;
        for (size_t k = 0; k < c; k++) {
            if (f->cols[k].vl_name && strcmp(f->cols[k].vl_name, col->vl_name) == 0) {
                sets[c] = sets[k];
            }
        }
        if (!sets[c]) {
            sets[c] = readstat_add_label_set(w, READSTAT_TYPE_INT32, col->vl_name);
            for (size_t i = 0; sets[c] && i < col->nvl; i++) {
                readstat_label_int32_value(sets[c], col->vl[i].value, col->vl[i].label);
            }
        }
        if (sets[c]) {
            readstat_variable_set_label_set(v, sets[c]);
        }
    }
    return v;
}

/* Cell (r, c) into the row being written. */
static readstat_error_t put_value(readstat_writer_t *w, const readstat_variable_t *v,
                                  const shi_fcol *col, size_t r)
{
    switch (col->type) {
    case SHI_FCOL_I32:
        if (col->i32[r] == SHI_NA_I32) {
            return readstat_insert_missing_value(w, v);
        }
        return col->flag ? readstat_insert_int8_value(w, v, (int8_t)col->i32[r])
                         : readstat_insert_int32_value(w, v, col->i32[r]);
    case SHI_FCOL_STR:
        return readstat_insert_string_value(w, v, col->str[r] ? col->str[r] : "");
    case SHI_FCOL_F64:
        break;
    }
    return isfinite(col->f64[r]) ? readstat_insert_double_value(w, v, col->f64[r])
                                 : readstat_insert_missing_value(w, v);
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
    readstat_label_set_t **sets = NULL;
    readstat_writer_t *w = readstat_writer_init();
    if (!w) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    vars = calloc(f->ncol, sizeof *vars);
    sets = calloc(f->ncol, sizeof *sets);
    if (!vars || !sets) {
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

    char label[DTA_LABEL_MAX + 1];
    dataset_label(label, f, meta);
    for (size_t i = 0; meta && i < meta->n; i++) {
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
        if (!(vars[c] = add_var(w, f, c, sets))) {
            s = shi_err_set(err, SHI_EIO, "cannot write '%s': adding variable '%s' failed", path,
                            f->cols[c].name);
            goto cleanup;
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
            rc = put_value(w, vars[c], col, r);
            if (rc == READSTAT_ERROR_NUMERIC_VALUE_IS_OUT_OF_RANGE) {
                s = shi_err_set(err, SHI_EDATA,
                                "cannot write '%s': column '%s', row %zu: value out of Stata's "
                                "range for a %s",
                                path, col->name, r + 1,
                                col->type == SHI_FCOL_F64 ? "double"
                                : col->flag               ? "byte"
                                                          : "long");
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
    free(sets);
    return shi_outfile_commit(&o, err);

cleanup:
    if (w) {
        readstat_writer_free(w);
    }
    free(vars);
    free(sets);
    shi_outfile_abort(&o);
    return s;
}
