/*
 * shi/error.h - status codes and the error record every fallible function fills.
 *
 * There is no global error state: each call that can fail takes a `shi_err *`
 * owned by the caller, and on failure writes the code, a one-line message and,
 * for data errors, the file, line and column (1-based) where the problem is.
 */
#ifndef SHI_ERROR_H
#define SHI_ERROR_H

#include <stddef.h>

#include <shi/api.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status of a library call; also the process exit code of the `shi` command. */
typedef enum shi_status {
    SHI_OK = 0,        /* success */
    SHI_EDATA = 1,     /* invalid input data: malformed file, unknown state, bad value */
    SHI_EUSAGE = 2,    /* invalid argument or option from the caller */
    SHI_EIO = 3,       /* I/O or system failure: cannot open, read, write, allocate */
    SHI_EINTERNAL = 4, /* a bug in shi: an invariant did not hold */
} shi_status;

/** An error record: what went wrong, and where (for data errors). */
typedef struct shi_err {
    shi_status code; /* SHI_OK while nothing has failed */
    char msg[512];   /* one line, no trailing full stop */
    char path[256];  /* file the error is in, or "" */
    long line;       /* 1-based line in `path`, or 0 */
    long col;        /* 1-based column (byte) in `path`, or 0 */
} shi_err;

/** Reset `err` to the no-error state (safe on NULL). */
SHI_API void shi_err_clear(shi_err *err);

/** Record an error with a printf-style message; returns `code` so callers can
 *  `return shi_err_set(err, SHI_EDATA, "...")`. NULL `err` is allowed. */
SHI_API shi_status shi_err_set(shi_err *err, shi_status code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/** As shi_err_set, with the position of the problem in a file. */
SHI_API shi_status shi_err_set_at(shi_err *err, shi_status code, const char *path, long line,
                                  long col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/** Write "path:line:col: msg" (or just "msg") into buf; returns buf. */
SHI_API char *shi_err_format(const shi_err *err, char *buf, size_t size);

/** Name of a status code, e.g. "invalid input data". */
SHI_API const char *shi_status_name(shi_status code);

#ifdef __cplusplus
}
#endif
#endif
