/*
 * shi/outfile.h - output files that appear whole or not at all.
 *
 * Writes go to a temporary file beside the target; shi_outfile_commit flushes,
 * checks for write errors and renames it over the target. shi_outfile_abort
 * (or a commit that fails) removes the temporary file, so a failed command
 * never leaves a half-written output behind.
 */
#ifndef SHI_OUTFILE_H
#define SHI_OUTFILE_H

#include <stdio.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct shi_outfile {
    FILE *fp;        /* write here */
    char path[1024]; /* the target, or "" for standard output */
    char tmp[1040];  /* the temporary file */
} shi_outfile;

/** Open `path` for writing (NULL or "-" means standard output). */
SHI_API shi_status shi_outfile_open(shi_outfile *o, const char *path, shi_err *err);
/** Flush, check and move into place. */
SHI_API shi_status shi_outfile_commit(shi_outfile *o, shi_err *err);
/** Discard everything written (safe after commit and on a zeroed struct). */
SHI_API void shi_outfile_abort(shi_outfile *o);

#ifdef __cplusplus
}
#endif
#endif
