/*
 * shi/cite.h - the citations of the data sets in use, as BibTeX.
 */
#ifndef SHI_CITE_H
#define SHI_CITE_H

#include <stddef.h>
#include <stdio.h>

#include <shi/api.h>
#include <shi/data.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One @misc entry per source, keyed "shi:<id>" (e.g. \cite{shi:nmc}): the
 *  author and year of its citation's first work ("Authors. YEAR. ..."; a
 *  name without a comma is a corporate author), the data set and version as
 *  the title, the file, and the whole citation as the note. BibTeX's special
 *  characters are escaped. \return SHI_EIO on a write error. */
SHI_API shi_status shi_sources_write_bibtex(const shi_source *src, size_t n, FILE *f, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
