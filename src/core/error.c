/*
 * error.c - the shi_err record: set, format, name.
 */
#include <shi/error.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void shi_err_clear(shi_err *err)
{
    if (err) {
        memset(err, 0, sizeof *err);
    }
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 0)))
#endif
static void
set_msg(shi_err *err, const char *fmt, va_list ap)
{
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    /* Messages are one line: a newline inside (from a quoted data value) is shown as a space. */
    for (char *p = err->msg; *p; p++) {
        if (*p == '\n' || *p == '\r') {
            *p = ' ';
        }
    }
}

shi_status shi_err_set(shi_err *err, shi_status code, const char *fmt, ...)
{
    if (!err) {
        return code;
    }
    shi_err_clear(err);
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    set_msg(err, fmt, ap);
    va_end(ap);
    return code;
}

shi_status shi_err_set_at(shi_err *err, shi_status code, const char *path, long line, long col,
                          const char *fmt, ...)
{
    if (!err) {
        return code;
    }
    shi_err_clear(err);
    err->code = code;
    snprintf(err->path, sizeof err->path, "%s", path ? path : "");
    err->line = line;
    err->col = col;
    va_list ap;
    va_start(ap, fmt);
    set_msg(err, fmt, ap);
    va_end(ap);
    return code;
}

char *shi_err_format(const shi_err *err, char *buf, size_t size)
{
    if (!buf || size == 0) {
        return buf;
    }
    if (!err || err->code == SHI_OK) {
        snprintf(buf, size, "no error");
    } else if (err->path[0] && err->line > 0 && err->col > 0) {
        snprintf(buf, size, "%s:%ld:%ld: %s", err->path, err->line, err->col, err->msg);
    } else if (err->path[0] && err->line > 0) {
        snprintf(buf, size, "%s:%ld: %s", err->path, err->line, err->msg);
    } else if (err->path[0]) {
        snprintf(buf, size, "%s: %s", err->path, err->msg);
    } else {
        snprintf(buf, size, "%s", err->msg);
    }
    return buf;
}

const char *shi_status_name(shi_status code)
{
    switch (code) {
    case SHI_OK:
        return "ok";
    case SHI_EDATA:
        return "invalid input data";
    case SHI_EUSAGE:
        return "usage error";
    case SHI_EIO:
        return "I/O or system error";
    case SHI_EINTERNAL:
        return "internal error";
    }
    return "unknown status";
}
