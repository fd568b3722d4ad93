#define _XOPEN_SOURCE 700 /* mkstemp, fchmod, umask */
/*
 * outfile.c - atomic output files: temporary file, then rename (POSIX rename
 * replaces the target atomically within one file system).
 */
#include <shi/outfile.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#if defined(__unix__) || defined(__APPLE__)
#    include <fcntl.h>
#    include <sys/stat.h>
#    include <unistd.h>
#endif

shi_status shi_outfile_open(shi_outfile *o, const char *path, shi_err *err)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->fp = stdout;
        return SHI_OK;
    }
    if (strlen(path) >= sizeof o->path) {
        return shi_err_set(err, SHI_EUSAGE, "output path too long: '%.60s...'", path);
    }
    snprintf(o->path, sizeof o->path, "%s", path);
#if defined(__unix__) || defined(__APPLE__)
    snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        shi_status s = shi_err_set(err, SHI_EIO, "cannot write '%s': %s", path, strerror(errno));
        o->tmp[0] = '\0';
        return s;
    }
    /* mkstemp makes the file 0600; an output file should have the usual mode. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        close(fd);
    }
#else
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp", path);
    o->fp = fopen(o->tmp, "wb");
#endif
    if (!o->fp) {
        shi_status s = shi_err_set(err, SHI_EIO, "cannot write '%s': %s", path, strerror(errno));
        remove(o->tmp);
        o->tmp[0] = '\0';
        return s;
    }
    return SHI_OK;
}

shi_status shi_outfile_commit(shi_outfile *o, shi_err *err)
{
    if (!o->fp) {
        return shi_err_set(err, SHI_EINTERNAL, "output file committed twice");
    }
    if (o->fp == stdout) {
        o->fp = NULL;
        if (fflush(stdout) != 0 || ferror(stdout)) {
            return shi_err_set(err, SHI_EIO, "write failure on standard output: %s",
                               strerror(errno));
        }
        return SHI_OK;
    }
    int bad = fflush(o->fp) != 0 || ferror(o->fp);
    int e = errno;
    if (fclose(o->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->fp = NULL;
    if (bad) {
        remove(o->tmp);
        return shi_err_set(err, SHI_EIO, "write failure on '%s': %s", o->path, strerror(e));
    }
    if (rename(o->tmp, o->path) != 0) {
        e = errno;
        remove(o->tmp);
        return shi_err_set(err, SHI_EIO, "cannot create '%s': %s", o->path, strerror(e));
    }
    o->tmp[0] = '\0';
    return SHI_OK;
}

void shi_outfile_abort(shi_outfile *o)
{
    if (!o) {
        return;
    }
    if (o->fp && o->fp != stdout) {
        fclose(o->fp);
    }
    if (o->fp != stdout && o->tmp[0]) {
        remove(o->tmp);
    }
    o->fp = NULL;
    o->tmp[0] = '\0';
}
