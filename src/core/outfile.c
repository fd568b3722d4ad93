#define _XOPEN_SOURCE 700 /* mkstemp, fchmod, umask, realpath, readlink */
/*
 * outfile.c - output files that appear whole or not at all, without harming
 * what the path points to (shi/outfile.h).
 *
 * A regular file (or a new one) is written to a temporary file beside it and
 * renamed over it (POSIX rename is atomic within one file system); the old
 * file's permission bits are kept. A symbolic link is followed and its target
 * replaced, so the link stays a link. A target that is not a regular file (a
 * device such as /dev/null, a FIFO, /dev/stdout, a pipe from process
 * substitution) or a regular file with other hard links is never renamed
 * over: the output goes to a temporary file in $TMPDIR first and is copied
 * into the target only when it is complete.
 *
 * Temporary files are listed in a small process-wide table so that
 * shi_outfile_cleanup_signal can remove them when the process is killed by a
 * signal. That table is the library's one piece of global state: a signal
 * handler has no other way to find them.
 */
#include <shi/outfile.h>

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#if defined(__unix__) || defined(__APPLE__)
#    include <fcntl.h>
#    include <sys/stat.h>
#    include <unistd.h>
#    define SHI_POSIX 1
#endif

enum { MODE_STDOUT = 1, MODE_RENAME, MODE_COPY };

/* ---- temporary files to remove on a signal ------------------------------------ */

#define NPENDING 32
static char pending[NPENDING][1040];
static atomic_int pending_used[NPENDING];

static int pending_add(const char *tmp)
{
    for (int i = 0; i < NPENDING; i++) {
        int expect = 0;
        if (atomic_compare_exchange_strong(&pending_used[i], &expect, 2)) {
            snprintf(pending[i], sizeof pending[i], "%s", tmp);
            atomic_store(&pending_used[i], 1); /* visible to the handler only when whole */
            return i;
        }
    }
    return -1; /* more than NPENDING outputs at once: not cleaned on a signal */
}

static void pending_drop(int slot)
{
    if (slot >= 0) {
        atomic_store(&pending_used[slot], 0);
    }
}

void shi_outfile_cleanup_signal(void)
{
    /* Async-signal-safe: unlink and atomic loads only. */
    for (int i = 0; i < NPENDING; i++) {
        if (atomic_load(&pending_used[i]) == 1) {
#ifdef SHI_POSIX
            unlink(pending[i]);
#else
            remove(pending[i]);
#endif
        }
    }
}

/* ---- where the bytes go --------------------------------------------------------- */

#ifdef SHI_POSIX
/* Follow `path` through symbolic links to the file they end at (which may not
 * exist yet) into `out`. */
static int follow_links(const char *path, char *out, size_t size)
{
    char cur[PATH_MAX];
    snprintf(cur, sizeof cur, "%s", path);
    for (int hops = 0; hops < 40; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) {
            size_t n = strlen(cur);
            if (n >= size) {
                errno = ENAMETOOLONG;
                return -1;
            }
            memcpy(out, cur, n + 1);
            return 0;
        }
        char link[PATH_MAX];
        ssize_t n = readlink(cur, link, sizeof link - 1);
        if (n < 0) {
            return -1;
        }
        link[n] = '\0';
        if (link[0] == '/') {
            snprintf(cur, sizeof cur, "%s", link);
        } else {
            /* Relative to the directory of the link. */
            char dir[PATH_MAX];
            snprintf(dir, sizeof dir, "%s", cur);
            char *slash = strrchr(dir, '/');
            if (slash) {
                slash[1] = '\0';
            } else {
                dir[0] = '\0';
            }
            if ((size_t)snprintf(cur, sizeof cur, "%s%s", dir, link) >= sizeof cur) {
                errno = ENAMETOOLONG;
                return -1;
            }
        }
    }
    errno = ELOOP;
    return -1;
}
#endif

shi_status shi_outfile_open(shi_outfile *o, const char *path, shi_err *err)
{
    memset(o, 0, sizeof *o);
    o->slot = -1;
    if (!path || strcmp(path, "-") == 0) {
        o->fp = stdout;
        o->mode = MODE_STDOUT;
        return SHI_OK;
    }
    if (strlen(path) >= sizeof o->path) {
        return shi_err_set(err, SHI_EUSAGE, "output path too long: '%.60s...'", path);
    }
    snprintf(o->path, sizeof o->path, "%s", path);
#ifdef SHI_POSIX
    struct stat st;
    mode_t mask = umask(0);
    umask(mask);
    mode_t mode = 0666 & ~mask;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* A device, FIFO or pipe, reached through any links (including the
         * kernel's /dev/fd and /proc links, which name no file): written in
         * place through the path itself. */
        if (S_ISDIR(st.st_mode)) {
            return shi_err_set(err, SHI_EIO, "cannot write '%s': %s", path, strerror(EISDIR));
        }
        snprintf(o->target, sizeof o->target, "%s", path);
        o->mode = MODE_COPY;
    } else {
        if (follow_links(path, o->target, sizeof o->target) != 0) {
            return shi_err_set(err, SHI_EIO, "cannot write '%s': %s", path, strerror(errno));
        }
        int exists = stat(o->target, &st) == 0;
        o->mode = exists && st.st_nlink > 1 ? MODE_COPY : MODE_RENAME;
        if (exists) {
            mode = st.st_mode & 07777; /* keep the old file's permissions */
        }
    }
    if (o->mode == MODE_RENAME) {
        snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", o->target);
    } else {
        const char *dir = getenv("TMPDIR");
        snprintf(o->tmp, sizeof o->tmp, "%s/shi-out.XXXXXX", dir && *dir ? dir : "/tmp");
    }
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        shi_status s = shi_err_set(err, SHI_EIO, "cannot write '%s': %s", path, strerror(errno));
        o->tmp[0] = '\0';
        return s;
    }
    o->slot = pending_add(o->tmp);
    fchmod(fd, mode); /* mkstemp makes the file 0600 */
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        close(fd);
    }
#else
    snprintf(o->target, sizeof o->target, "%s", path);
    o->mode = MODE_RENAME;
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp", path);
    o->fp = fopen(o->tmp, "wb");
#endif
    if (!o->fp) {
        shi_status s = shi_err_set(err, SHI_EIO, "cannot write '%s': %s", path, strerror(errno));
        remove(o->tmp);
        pending_drop(o->slot);
        o->tmp[0] = '\0';
        return s;
    }
    return SHI_OK;
}

shi_status shi_outfile_close_stream(shi_outfile *o, shi_err *err)
{
    if (!o->fp || o->mode == MODE_STDOUT) {
        return SHI_OK;
    }
    int bad = fflush(o->fp) != 0 || ferror(o->fp);
    int e = errno;
    if (fclose(o->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->fp = NULL;
    return bad ? shi_err_set(err, SHI_EIO, "write failure on '%s': %s", o->path, strerror(e))
               : SHI_OK;
}

#ifdef SHI_POSIX
/* Copy the finished temporary file into the target (a device, a FIFO, or a
 * file with other hard links), in place. */
static shi_status copy_into(const shi_outfile *o, shi_err *err)
{
    int in = open(o->tmp, O_RDONLY);
    if (in < 0) {
        return shi_err_set(err, SHI_EIO, "cannot read back '%s': %s", o->tmp, strerror(errno));
    }
    struct stat st;
    int flags = O_WRONLY;
    if (stat(o->target, &st) == 0 && S_ISREG(st.st_mode)) {
        flags |= O_TRUNC;
    }
    int out = open(o->target, flags);
    if (out < 0) {
        int e = errno;
        close(in);
        return shi_err_set(err, SHI_EIO, "cannot write '%s': %s", o->path, strerror(e));
    }
    char buf[65536];
    shi_status s = SHI_OK;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n == 0) {
            break;
        }
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            s = shi_err_set(err, SHI_EIO, "cannot read back '%s': %s", o->tmp, strerror(errno));
            break;
        }
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR) {
                continue;
            }
            if (w < 0) {
                s = shi_err_set(err, SHI_EIO, "write failure on '%s': %s", o->path,
                                strerror(errno));
                break;
            }
            done += w;
        }
        if (s != SHI_OK) {
            break;
        }
    }
    close(in);
    if (close(out) != 0 && s == SHI_OK) {
        s = shi_err_set(err, SHI_EIO, "write failure on '%s': %s", o->path, strerror(errno));
    }
    return s;
}
#endif

shi_status shi_outfile_commit(shi_outfile *o, shi_err *err)
{
    if (o->mode == 0) {
        return shi_err_set(err, SHI_EINTERNAL, "output file committed twice");
    }
    if (o->mode == MODE_STDOUT) {
        o->fp = NULL;
        o->mode = 0;
        if (fflush(stdout) != 0 || ferror(stdout)) {
            return shi_err_set(err, SHI_EIO, "write failure on standard output: %s",
                               strerror(errno));
        }
        return SHI_OK;
    }
    shi_status s = shi_outfile_close_stream(o, err);
    if (s == SHI_OK && o->mode == MODE_RENAME && rename(o->tmp, o->target) != 0) {
        s = shi_err_set(err, SHI_EIO, "cannot create '%s': %s", o->path, strerror(errno));
    }
#ifdef SHI_POSIX
    if (s == SHI_OK && o->mode == MODE_COPY) {
        s = copy_into(o, err);
    }
#endif
    if (s != SHI_OK || o->mode == MODE_COPY) {
        remove(o->tmp);
    }
    pending_drop(o->slot);
    o->slot = -1;
    o->tmp[0] = '\0';
    o->mode = 0;
    return s;
}

void shi_outfile_abort(shi_outfile *o)
{
    if (!o) {
        return;
    }
    if (o->fp && o->mode != MODE_STDOUT) {
        fclose(o->fp);
    }
    if (o->mode != MODE_STDOUT && o->tmp[0]) {
        remove(o->tmp);
    }
    if (o->mode) {
        pending_drop(o->slot);
    }
    o->slot = -1;
    o->fp = NULL;
    o->tmp[0] = '\0';
    o->mode = 0;
}
