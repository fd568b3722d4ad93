/*
 * mem.h - private helpers for growable arrays (not part of the public API).
 */
#ifndef SHI_CORE_MEM_H
#define SHI_CORE_MEM_H

#include <stddef.h>
#include <stdlib.h>

/* Grow *ptr (elements of size `elem`) so that it holds at least `need`
 * elements; doubles the capacity. Returns 0 on success, -1 when out of memory
 * (then *ptr and *cap are unchanged). */
static inline int shi_grow(void **ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) {
        return 0;
    }
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        ncap *= 2;
    }
    void *p = realloc(*ptr, ncap * elem);
    if (!p) {
        return -1;
    }
    *ptr = p;
    *cap = ncap;
    return 0;
}

#define SHI_GROW(arr, cap, need) shi_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

#endif
