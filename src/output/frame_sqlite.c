/*
 * frame_sqlite.c - a frame as a SQLite database (the system libsqlite3).
 *
 * The database is built in a temporary file beside the target (named as
 * shi_outfile names it) and renamed over the target only when everything
 * succeeded, so a failed write never leaves a half-built database; the
 * temporary file needs no journal (journal_mode=OFF, synchronous=OFF). Rows
 * go in one transaction through one prepared statement.
 */
#include <shi/frame_io.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include <shi/outfile.h>

typedef struct build {
    sqlite3 *db;
    const char *path; /* the target, for messages */
    shi_err *err;
} build;

static shi_status db_fail(build *b, const char *what)
{
    return shi_err_set(b->err, SHI_EIO, "cannot write '%s': %s: %s", b->path, what,
                       b->db ? sqlite3_errmsg(b->db) : "out of memory");
}

static shi_status exec(build *b, const char *sql)
{
    if (sqlite3_exec(b->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        return db_fail(b, sql);
    }
    return SHI_OK;
}

static shi_status fill(build *b, const shi_frame *f, const size_t *keycol, size_t nkeys,
                       const shi_meta *meta)
{
    shi_status s = SHI_OK;
    sqlite3_stmt *st = NULL;
    sqlite3_str *q = sqlite3_str_new(b->db);
    char *sql = NULL;

    if ((s = exec(b, "PRAGMA journal_mode=OFF")) != SHI_OK ||
        (s = exec(b, "PRAGMA synchronous=OFF")) != SHI_OK ||
        (s = exec(b, "PRAGMA locking_mode=EXCLUSIVE")) != SHI_OK ||
        (s = exec(b, "PRAGMA cache_size=-65536")) != SHI_OK || /* 64 MiB, for the index */
        (s = exec(b, "PRAGMA temp_store=MEMORY")) != SHI_OK || (s = exec(b, "BEGIN")) != SHI_OK) {
        goto cleanup;
    }

    /* CREATE TABLE "name" ("a" INTEGER, "b" REAL, ...) */
    sqlite3_str_appendf(q, "CREATE TABLE \"%w\" (", f->name);
    for (size_t c = 0; c < f->ncol; c++) {
        sqlite3_str_appendf(q, "%s\"%w\" %s", c ? ", " : "", f->cols[c].name,
                            f->cols[c].type == SHI_FCOL_I32   ? "INTEGER"
                            : f->cols[c].type == SHI_FCOL_STR ? "TEXT"
                                                              : "REAL");
    }
    sqlite3_str_appendall(q, ")");
    sql = sqlite3_str_finish(q);
    q = NULL;
    if (!sql) {
        s = shi_err_set(b->err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    if ((s = exec(b, sql)) != SHI_OK) {
        goto cleanup;
    }
    sqlite3_free(sql);
    sql = NULL;

    q = sqlite3_str_new(b->db);
    sqlite3_str_appendf(q, "INSERT INTO \"%w\" VALUES (", f->name);
    for (size_t c = 0; c < f->ncol; c++) {
        sqlite3_str_appendall(q, c ? ", ?" : "?");
    }
    sqlite3_str_appendall(q, ")");
    sql = sqlite3_str_finish(q);
    q = NULL;
    if (!sql) {
        s = shi_err_set(b->err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    if (sqlite3_prepare_v2(b->db, sql, -1, &st, NULL) != SQLITE_OK) {
        s = db_fail(b, "preparing the insert");
        goto cleanup;
    }
    for (size_t r = 0; r < f->nrow; r++) {
        for (size_t c = 0; c < f->ncol; c++) {
            const shi_fcol *col = &f->cols[c];
            int i = (int)c + 1, rc;
            if (col->type == SHI_FCOL_I32) {
                rc = col->i32[r] == SHI_NA_I32 ? sqlite3_bind_null(st, i)
                                               : sqlite3_bind_int(st, i, col->i32[r]);
            } else if (col->type == SHI_FCOL_STR) {
                rc = col->str[r] ? sqlite3_bind_text(st, i, col->str[r], -1, SQLITE_STATIC)
                                 : sqlite3_bind_null(st, i);
            } else {
                rc = isfinite(col->f64[r]) ? sqlite3_bind_double(st, i, col->f64[r])
                                           : sqlite3_bind_null(st, i);
            }
            if (rc != SQLITE_OK) {
                s = db_fail(b, "binding a value");
                goto cleanup;
            }
        }
        if (sqlite3_step(st) != SQLITE_DONE) {
            s = db_fail(b, "inserting a row");
            goto cleanup;
        }
        if (sqlite3_reset(st) != SQLITE_OK) {
            s = db_fail(b, "inserting a row");
            goto cleanup;
        }
    }
    if (sqlite3_finalize(st) != SQLITE_OK) {
        st = NULL;
        s = db_fail(b, "inserting rows");
        goto cleanup;
    }
    st = NULL;
    sqlite3_free(sql);
    sql = NULL;

    if (nkeys > 0) {
        q = sqlite3_str_new(b->db);
        sqlite3_str_appendf(q, "CREATE INDEX \"%w_key\" ON \"%w\" (", f->name, f->name);
        for (size_t k = 0; k < nkeys; k++) {
            sqlite3_str_appendf(q, "%s\"%w\"", k ? ", " : "", f->cols[keycol[k]].name);
        }
        sqlite3_str_appendall(q, ")");
        sql = sqlite3_str_finish(q);
        q = NULL;
        if (!sql) {
            s = shi_err_set(b->err, SHI_EIO, "out of memory");
            goto cleanup;
        }
        if ((s = exec(b, sql)) != SHI_OK) {
            goto cleanup;
        }
    }

    if ((s = exec(b, "CREATE TABLE metadata (key TEXT, value TEXT)")) != SHI_OK) {
        goto cleanup;
    }
    if (sqlite3_prepare_v2(b->db, "INSERT INTO metadata VALUES (?, ?)", -1, &st, NULL) !=
        SQLITE_OK) {
        s = db_fail(b, "preparing the metadata insert");
        goto cleanup;
    }
    for (size_t i = 0; meta && i < meta->n; i++) {
        if (sqlite3_bind_text(st, 1, meta->kv[i].key, -1, SQLITE_STATIC) != SQLITE_OK ||
            sqlite3_bind_text(st, 2, meta->kv[i].value, -1, SQLITE_STATIC) != SQLITE_OK ||
            sqlite3_step(st) != SQLITE_DONE || sqlite3_reset(st) != SQLITE_OK) {
            s = db_fail(b, "writing metadata");
            goto cleanup;
        }
    }
    if (sqlite3_finalize(st) != SQLITE_OK) {
        st = NULL;
        s = db_fail(b, "writing metadata");
        goto cleanup;
    }
    st = NULL;
    s = exec(b, "COMMIT");

cleanup:
    if (st) {
        sqlite3_finalize(st);
    }
    if (q) {
        sqlite3_free(sqlite3_str_finish(q));
    }
    sqlite3_free(sql);
    return s;
}

shi_status shi_frame_write_sqlite(const shi_frame *f, const char *const *keys, size_t nkeys,
                                  const shi_meta *meta, const char *path, shi_err *err)
{
    if (!path || !path[0] || strcmp(path, "-") == 0) {
        return shi_err_set(err, SHI_EUSAGE, "SQLite output needs a file name, not standard output");
    }
    if (strcmp(f->name, "metadata") == 0) {
        return shi_err_set(err, SHI_EUSAGE,
                           "frame name 'metadata' is reserved in SQLite output ('%s')", path);
    }
    if (f->ncol == 0) {
        return shi_err_set(err, SHI_EUSAGE, "frame '%s' has no columns to write to '%s'", f->name,
                           path);
    }
    if (nkeys > 0 && !keys) {
        return shi_err_set(err, SHI_EUSAGE, "index keys missing for '%s'", path);
    }
    size_t *keycol = malloc((nkeys ? nkeys : 1) * sizeof *keycol);
    if (!keycol) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    for (size_t k = 0; k < nkeys; k++) {
        long c = keys[k] ? shi_frame_find(f, keys[k]) : -1;
        if (c < 0) {
            shi_status s = shi_err_set(err, SHI_EUSAGE, "index key '%.40s' is not a column of '%s'",
                                       keys[k] ? keys[k] : "(null)", f->name);
            free(keycol);
            return s;
        }
        keycol[k] = (size_t)c;
    }

    /* The temporary file, named and created as for any other output; SQLite
     * writes it by name, and the commit puts it in place. */
    shi_outfile o;
    shi_status s = shi_outfile_open(&o, path, err);
    if (s == SHI_OK) {
        s = shi_outfile_close_stream(&o, err);
    }
    if (s != SHI_OK) {
        shi_outfile_abort(&o);
        free(keycol);
        return s;
    }

    build b = {NULL, path, err};
    if (sqlite3_open_v2(o.tmp, &b.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        s = db_fail(&b, "opening the temporary database");
    } else {
        s = fill(&b, f, keycol, nkeys, meta);
    }
    free(keycol);
    if (b.db && sqlite3_close(b.db) != SQLITE_OK && s == SHI_OK) {
        s = shi_err_set(err, SHI_EIO, "cannot write '%s': closing the database failed", path);
    }
    if (s == SHI_OK) {
        s = shi_outfile_commit(&o, err);
    }
    shi_outfile_abort(&o);
    return s;
}
