/*
 * gz.h - reading a CSV that may be gzip-compressed (private to src/io).
 *
 * A gzip file (recognised by its magic bytes 1f 8b, not its name) is inflated
 * into memory with zlib (gzread) and parsed with shi_i_open_mem, so messages
 * still name the .gz file and count lines of its uncompressed text; every row
 * of the table is reserved at once (one line per row after the header). Any
 * other file is opened as it is (shi_i_open). Corrupt or cut gzip data are
 * bad data (SHI_EDATA, exit 1): "corrupt gzip data at compressed byte N (M
 * bytes inflated): <zlib's reason>".
 */
#ifndef SHI_IO_GZ_H
#define SHI_IO_GZ_H

#include "spec.h"

/* shi_i_open of a plain or gzip-compressed file. *data gets the inflated text
 * (NULL for a plain file), which the caller frees after shi_i_close. */
shi_status shi_i_open_gz(shi_i_reader *rd, const char *path, const shi_csv_opts *opts,
                         const shi_i_col *cols, size_t ncols, const shi_i_dest *dest, char **data,
                         shi_err *err);

#endif
