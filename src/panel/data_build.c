/*
 * data_build.c - `shi data build`: the three .shd files from the official
 * files, put in place together or not at all (issue 20, defect 12).
 *
 * Each file is written to its temporary file (shi_outfile) and flushed and
 * closed before any is renamed into place, so a full disk or a failed read
 * leaves every old file as it was. Outputs written in place (a device, a
 * FIFO) are filled next, then the regular files are renamed into place;
 * what is left is the window of those renames, which write no data.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <shi/data.h>
#include <shi/outfile.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "data_priv.h"

enum { OUT_MAIN, OUT_DYADIC, OUT_RELATIONS, NOUT };

static const char *const OUT_OPTION[NOUT] = {"-o", "--dyadic-output", "--relations-output"};

/* The directory part of `path` resolved, and its last component: "./a.shd"
 * and "a.shd" give the same. 0 when the directory cannot be resolved. */
static int resolve(const char *path, char *out, size_t size)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 1;
    if (n >= sizeof dir) {
        return 0;
    }
    memcpy(dir, slash ? path : ".", n);
    dir[n ? n : 1] = '\0';
    if (slash == path) {
        dir[0] = '/';
    }
    char real[PATH_MAX];
    if (!realpath(dir, real)) {
        return 0;
    }
    return snprintf(out, size, "%s/%s", real, slash ? slash + 1 : path) < (int)size;
}

/* Do paths a and b name the same file (the same inode, or the same resolved
 * path for files that do not exist yet)? */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0) {
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino && S_ISREG(sa.st_mode);
    }
    char ra[PATH_MAX + 256], rb[PATH_MAX + 256];
    if (resolve(a, ra, sizeof ra) && resolve(b, rb, sizeof rb)) {
        return strcmp(ra, rb) == 0;
    }
    return strcmp(a, b) == 0;
}

/* Is `path` written in place rather than renamed over (shi/outfile.h)? */
static int in_place(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && (!S_ISREG(st.st_mode) || st.st_nlink > 1);
}

/* Write output k to f. */
static shi_status write_one(int k, const char *dir, FILE *f, shi_err *err)
{
    if (k == OUT_MAIN) {
        return shi_i_data_write_caps(dir, f, err);
    }
    if (k == OUT_RELATIONS) {
        return shi_i_data_write_relations(dir, f, err);
    }
    /* The dyadic file is indexed by the registry the official files give. */
    shi_data d;
    shi_status s = shi_data_load(&d, dir, err);
    if (s == SHI_OK) {
        s = shi_i_data_write_dyadic(&d, dir, f, err);
        shi_data_destroy(&d);
    }
    return s;
}

static shi_status build(const char *dir, const char *const path[NOUT], shi_err *err)
{
    for (int i = 0; i < NOUT; i++) {
        for (int j = i + 1; j < NOUT; j++) {
            if (path[i] && path[j] && same_file(path[i], path[j])) {
                return shi_err_set(err, SHI_EUSAGE, "data build: %s and %s name the same file '%s'",
                                   OUT_OPTION[i], OUT_OPTION[j], path[j]);
            }
        }
    }
    shi_outfile o[NOUT];
    memset(o, 0, sizeof o);
    shi_status s = SHI_OK;
    for (int k = 0; k < NOUT && s == SHI_OK; k++) {
        if (!path[k]) {
            continue;
        }
        if ((s = shi_outfile_open(&o[k], path[k], err)) == SHI_OK &&
            (s = write_one(k, dir, o[k].fp, err)) == SHI_OK) {
            s = shi_outfile_close_stream(&o[k], err); /* flushed: a full disk fails here */
        }
    }
    /* Outputs written in place (a device, a FIFO, a file with other hard
     * links: shi_outfile copies into them, which can fail) before the renames. */
    for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < NOUT && s == SHI_OK; k++) {
            if (path[k] && in_place(path[k]) == !pass) {
                s = shi_outfile_commit(&o[k], err);
            }
        }
    }
    for (int k = 0; k < NOUT; k++) {
        shi_outfile_abort(&o[k]);
    }
    return s;
}

shi_status shi_data_build_all(const char *dir, const char *out, const char *dyadic_out,
                              const char *relations_out, shi_err *err)
{
    const char *path[NOUT] = {out, dyadic_out, relations_out};
    return build(dir, path, err);
}

shi_status shi_data_build(const char *dir, const char *out, shi_err *err)
{
    const char *path[NOUT] = {out, NULL, NULL};
    return build(dir, path, err);
}

shi_status shi_data_build_dyadic(const shi_data *d, const char *dir, const char *out, shi_err *err)
{
    shi_outfile o;
    memset(&o, 0, sizeof o);
    shi_status s = shi_outfile_open(&o, out, err);
    if (s == SHI_OK && (s = shi_i_data_write_dyadic(d, dir, o.fp, err)) == SHI_OK) {
        s = shi_outfile_commit(&o, err);
    }
    shi_outfile_abort(&o);
    return s;
}

shi_status shi_data_build_relations(const char *dir, const char *out, shi_err *err)
{
    const char *path[NOUT] = {NULL, NULL, out};
    return build(dir, path, err);
}
