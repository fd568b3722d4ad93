/*
 * shi/missing.h - shi's one missing-value convention (docs/data.md, "Missing
 * values"): a value the source does not give is missing, never a number.
 *
 *  - Real values are NaN wherever they are stored (importer tables, the
 *    state-year panel, frames, dyadic arrays); writers also treat the
 *    infinities as missing. The panel keeps, besides, a validity bitmap.
 *  - Integer and code values use one sentinel per storage type, defined here
 *    and nowhere else, each outside the range of valid values of its type's
 *    columns:
 */
#ifndef SHI_MISSING_H
#define SHI_MISSING_H

#include <stdint.h>

/** int32 columns (frames, importer tables): below every valid value. */
#define SHI_NA_I32 INT32_MIN
/** Small signed code columns (int8) of importer tables: codes are >= 0. */
#define SHI_NA_I8 (-1)
/** Byte-coded dense arrays (dyadic: contiguity type, alliance flags and
 *  level, hostility, nuclear status): outside a source's years. Codes are
 *  below 255. */
#define SHI_NA_U8 255

#endif
