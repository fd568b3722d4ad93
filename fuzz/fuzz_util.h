/*
 * fuzz_util.h - what the fuzz targets share: the input as a file (the
 * importers read paths), and the checks every error must pass.
 */
#ifndef SHI_FUZZ_UTIL_H
#define SHI_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <shi/error.h>

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* Write `size` bytes to a file of this process and return its path. */
static inline const char *fuzz_file(const uint8_t *data, size_t size, const char *ext)
{
    static char path[256];
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/shi-fuzz-%ld%s", dir && dir[0] ? dir : "/tmp", (long)getpid(),
             ext);
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
    return path;
}

/* An error has a code, a one-line message, and a position within the input. */
static inline void fuzz_check_err(shi_status s, const shi_err *err, size_t size)
{
    if (s == SHI_OK) {
        return;
    }
    FUZZ_CHECK(err->code == s);
    FUZZ_CHECK(err->msg[0] != '\0');
    FUZZ_CHECK(strchr(err->msg, '\n') == NULL);
    FUZZ_CHECK(err->line >= 0 && err->col >= 0);
    FUZZ_CHECK((size_t)err->line <= size + 2);
    FUZZ_CHECK(s != SHI_EINTERNAL);
}

#endif
