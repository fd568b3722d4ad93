/*
 * bind_priv.h - what the files of src/bind share: the session and the
 * helpers every call uses (session.c).
 */
#ifndef SHI_BIND_PRIV_H
#define SHI_BIND_PRIV_H

#include <shi/bind.h>
#include <shi/data.h>
#include <shi/table.h>

struct shi_session {
    char *data_dir, *data_file; /* owned copies, or NULL */
    shi_data data;              /* parts loaded by shi_i_bind_load */
    shi_err err;                /* the last error */
    int report_order;           /* the data were loaded fresh by a report (session.c) */
};

/** Load the parts (SHI_DATA_*) the session does not hold yet. */
shi_status shi_i_bind_load(shi_session *s, unsigned parts);
/** Is `s` a non-empty string (NULL and "" are "not given")? */
int shi_i_bind_given(const char *s);
/** Years [y0, y1] within [lo, hi]; both 0: the defaults *dy0, *dy1. */
shi_status shi_i_bind_years(shi_session *s, int y0, int y1, int lo, int hi, int *dy0, int *dy1);
/** A table as the command writes it, into a frame on the heap named `name`
 *  (frees the table); NULL on failure with the session's error set. */
shi_frame *shi_i_bind_table_frame(shi_session *s, shi_table *t, shi_status st, const char *name);

#endif
