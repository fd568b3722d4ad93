/*
 * data_files.c - the data view's accessors (shi/data.h) and the small
 * file-name helpers of the loaders (data_priv.h): a leaf that every part of
 * the loading may call.
 */
#include <shi/data.h>

#include <string.h>
#include <sys/stat.h>

#include "data_priv.h"

int shi_i_file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

const char *shi_i_base_name(const char *p)
{
    const char *b = strrchr(p, '/');
    return b ? b + 1 : p;
}

const shi_source *shi_data_source(const shi_data *d, const char *id)
{
    for (size_t i = 0; i < d->nsrc; i++) {
        if (strcmp(d->src[i].id, id) == 0) {
            return &d->src[i];
        }
    }
    return NULL;
}

long shi_data_col(const shi_data *d, const char *name)
{
    return shi_panel_find(&d->caps, name);
}
