/*
 * shi/outfile.h - output files that appear whole or not at all.
 *
 * Writes go to a temporary file; shi_outfile_commit flushes, checks for write
 * errors and puts it in place. shi_outfile_abort (or a commit that fails)
 * removes the temporary file, so a failed command never leaves a half-written
 * output behind. What the path points to is respected:
 *  - a regular file (or a new one): the temporary file is beside it and is
 *    renamed over it (atomic); the old file's permission bits are kept;
 *  - a symbolic link: followed; its target is replaced, the link stays;
 *  - a device (/dev/null, /dev/stdout), a FIFO, a pipe, or a regular file
 *    with other hard links: never renamed over; the finished temporary file
 *    (in $TMPDIR, else /tmp) is copied into it in place.
 * shi_outfile_cleanup_signal removes the temporary files of outputs still
 * open; a program calls it from its SIGINT/SIGTERM/SIGHUP handler.
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
    FILE *fp;          /* write here */
    char path[1024];   /* the path as given, or "" for standard output */
    char target[1024]; /* where the output goes: the path with links followed */
    char tmp[1040];    /* the temporary file */
    int mode;          /* how it is put in place (0: not open) */
    int slot;          /* its entry in the table of shi_outfile_cleanup_signal */
} shi_outfile;

/** Open `path` for writing (NULL or "-" means standard output). */
SHI_API shi_status shi_outfile_open(shi_outfile *o, const char *path, shi_err *err);
/** For writers that write a file by name (SQLite): flush and close the stream,
 *  then write to o->tmp by name, then shi_outfile_commit. */
SHI_API shi_status shi_outfile_close_stream(shi_outfile *o, shi_err *err);
/** Flush, check and move into place. */
SHI_API shi_status shi_outfile_commit(shi_outfile *o, shi_err *err);
/** Discard everything written (safe after commit and on a zeroed struct). */
SHI_API void shi_outfile_abort(shi_outfile *o);
/** Remove the temporary files of every output still open in the process.
 *  Async-signal-safe: for a signal handler, before the process ends. */
SHI_API void shi_outfile_cleanup_signal(void);

#ifdef __cplusplus
}
#endif
#endif
