/*
 * shi/frame.h - the dyad-year panel: a columnar table for large results
 * (dyad-years) and the metadata written with it. Its writers (CSV, TSV, JSON
 * lines, aligned text, SQLite and Stata .dta) are in shi/frame_io.h.
 *
 * Unlike shi_table (small results, cells formatted as they are added), a frame
 * holds typed columns of millions of rows and formats them only when written.
 * Missing values are sentinels here, chosen so a writer never mistakes them
 * for data: SHI_NA_I32 (INT32_MIN) in integer columns and NaN in real ones.
 *
 * Ownership: shi_frame_init/shi_frame_destroy; columns are allocated by
 * shi_frame_add_* and owned by the frame.
 */
#ifndef SHI_FRAME_H
#define SHI_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>
#include <shi/missing.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum shi_fcol_type { SHI_FCOL_I32 = 0, SHI_FCOL_F64 = 1, SHI_FCOL_STR = 2 } shi_fcol_type;

/** One value label of a categorical code (Stata's value labels). */
typedef struct shi_value_label {
    int32_t value;
    const char *label;
} shi_value_label;

typedef struct shi_fcol {
    char name[33];  /* variable name: [a-z_][a-z0-9_]*, at most 32 chars (Stata's limit) */
    char label[81]; /* variable label (Stata allows 80) */
    shi_fcol_type type;
    int digits;   /* decimals in the terminal table (F64 only); machine formats
                     write every real at full precision */
    int32_t *i32; /* nrow values (I32) */
    double *f64;  /* nrow values (F64) */
    char **str;   /* nrow strings (STR), owned by the frame; NULL is missing */
    int flag;     /* I32 holding only 0 and 1 (a Stata byte) */
    /* Value labels of an I32 code (borrowed, static): the set's name
     * ([a-z_][a-z0-9_]*) and its entries; NULL and 0 when the column has none. */
    const char *vl_name;
    const shi_value_label *vl;
    size_t nvl;
} shi_fcol;

typedef struct shi_frame {
    char name[33]; /* table name, e.g. "dyad_year" (SQLite table, dta dataset label) */
    size_t nrow;
    shi_fcol *cols;
    size_t ncol;
} shi_frame;

/** Metadata written with a frame: sources, versions, options, shi's version. */
typedef struct shi_meta_kv {
    char key[64];
    char *value; /* owned; any length (a list of 200 states is 1,400 bytes) */
} shi_meta_kv;

typedef struct shi_meta {
    shi_meta_kv *kv;
    size_t n, cap;
} shi_meta;

/** Free the entries (safe on a zeroed struct). shi_meta_add copies `key` (at
 *  most 63 bytes; longer is SHI_EUSAGE) and `value` (any length). */
SHI_API void shi_meta_destroy(shi_meta *m);
SHI_API shi_status shi_meta_add(shi_meta *m, const char *key, const char *value, shi_err *err);
/** shi_meta_add of a printf-formatted value, at any length. */
SHI_API shi_status shi_meta_addf(shi_meta *m, shi_err *err, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/** An empty frame of `nrow` rows named `name` ([a-z_][a-z0-9_]*, at most 32
 *  characters). */
SHI_API shi_status shi_frame_init(shi_frame *f, const char *name, size_t nrow, shi_err *err);
SHI_API void shi_frame_destroy(shi_frame *f);

/** Add a column, all missing; returns a pointer to its data in *data. The name
 *  must be [a-z_][a-z0-9_]*, at most 32 characters, and new in the frame
 *  (SHI_EUSAGE otherwise); a longer label is cut to 80 bytes at a character
 *  boundary; `digits` is 0-17. Real columns: NaN and the infinities are missing
 *  in every writer. */
SHI_API shi_status shi_frame_add_i32(shi_frame *f, const char *name, const char *label,
                                     int32_t **data, shi_err *err);
SHI_API shi_status shi_frame_add_f64(shi_frame *f, const char *name, const char *label, int digits,
                                     double **data, shi_err *err);
/** A text column, all missing (NULL); set its cells with shi_frame_set_str. */
SHI_API shi_status shi_frame_add_str(shi_frame *f, const char *name, const char *label,
                                     shi_err *err);
/** Copy `v` (NULL: missing) into cell `row` of text column `col`. */
SHI_API shi_status shi_frame_set_str(shi_frame *f, size_t col, size_t row, const char *v,
                                     shi_err *err);
/** Mark I32 column `name` as a 0/1 flag (SHI_EUSAGE when there is none). */
SHI_API shi_status shi_frame_set_flag(shi_frame *f, const char *name, shi_err *err);
/** Attach the value labels `vl[0..n)` (static storage) named `set` to I32
 *  column `name`. */
SHI_API shi_status shi_frame_set_labels(shi_frame *f, const char *name, const char *set,
                                        const shi_value_label *vl, size_t n, shi_err *err);
/** Index of the column called `name`, or -1. */
SHI_API long shi_frame_find(const shi_frame *f, const char *name);

/* Accessors, for code that cannot read the structs (the bindings through
 * shi/bind.h): a frame on the heap, and its columns by index without a copy.
 * A pointer returned stays valid until the frame is freed; a wrong index or
 * type gives NULL (or SHI_FCOL_I32 / 0). */
/** A zeroed frame on the heap (NULL when out of memory), to be filled by the
 *  functions that initialise a frame; shi_frame_free destroys and frees it. */
SHI_API shi_frame *shi_frame_alloc(void);
SHI_API void shi_frame_free(shi_frame *f);
SHI_API size_t shi_frame_nrow(const shi_frame *f);
SHI_API size_t shi_frame_ncol(const shi_frame *f);
SHI_API const char *shi_frame_col_name(const shi_frame *f, size_t col);
SHI_API const char *shi_frame_col_label(const shi_frame *f, size_t col);
SHI_API shi_fcol_type shi_frame_col_type(const shi_frame *f, size_t col);
/** 1 when the I32 column holds a 0/1 flag (a logical in R, a bool in NumPy). */
SHI_API int shi_frame_col_is_flag(const shi_frame *f, size_t col);
/** The nrow values of an I32 (missing: SHI_NA_I32) or F64 (missing: NaN) column. */
SHI_API const int32_t *shi_frame_col_i32(const shi_frame *f, size_t col);
SHI_API const double *shi_frame_col_f64(const shi_frame *f, size_t col);
/** Cell `row` of a STR column (NULL: missing). */
SHI_API const char *shi_frame_col_str(const shi_frame *f, size_t col, size_t row);

#ifdef __cplusplus
}
#endif
#endif
