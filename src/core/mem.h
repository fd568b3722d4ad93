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

/* One column of a table of parallel arrays: the address of its pointer and
 * the size of its elements. */
typedef struct shi_col_ref {
    void **p;
    size_t size;
} shi_col_ref;

#define SHI_COL_REF(col) ((shi_col_ref){(void **)&(col), sizeof *(col)})

/* Grow every column of a table so that each holds at least `need` elements,
 * all to the same new capacity: `first` when *cap is 0, else twice *cap,
 * doubled until it reaches `need`. Returns 0 on success (*cap is then the new
 * capacity), -1 when out of memory: the table stays valid (columns grown
 * before the failure keep their larger blocks, *cap is unchanged). */
static inline int shi_grow_columns(const shi_col_ref *cols, size_t ncols, size_t *cap, size_t need,
                                   size_t first)
{
    if (need <= *cap) {
        return 0;
    }
    size_t ncap = *cap ? *cap * 2 : first;
    while (ncap < need) {
        ncap *= 2;
    }
    for (size_t i = 0; i < ncols; i++) {
        void *q = realloc(*cols[i].p, ncap * cols[i].size);
        if (!q) {
            return -1;
        }
        *cols[i].p = q;
    }
    *cap = ncap;
    return 0;
}

#endif
