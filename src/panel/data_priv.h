/*
 * data_priv.h - helpers shared by data.c and data_dyadic.c (not public).
 */
#ifndef SHI_PANEL_DATA_PRIV_H
#define SHI_PANEL_DATA_PRIV_H

/* Is `path` an existing regular file? */
int shi_i_file_exists(const char *path);
/* The file name part of a path. */
const char *shi_i_base_name(const char *path);

#endif
