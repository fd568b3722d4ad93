/*
 * test_util.h - shared helpers for shi's cmocka tests.
 */
#ifndef SHI_TEST_UTIL_H
#define SHI_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <cmocka.h>

/* Path of a file in ../shared/data, or NULL (and a note) when it is absent. */
static inline const char *shared_file(char *buf, size_t size, const char *rel)
{
    snprintf(buf, size, "%s/%s", SHI_SHARED_DATA, rel);
    struct stat st;
    if (stat(buf, &st) != 0) {
        return NULL;
    }
    return buf;
}

static inline int shared_present(void)
{
    struct stat st;
    return stat(SHI_SHARED_DATA, &st) == 0 && S_ISDIR(st.st_mode);
}

#endif
