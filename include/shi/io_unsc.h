/*
 * shi/io_unsc.h - importer for the list of UN Security Council vetoes
 * 1946 - September 2022 (Yordan, The World Politics Data Lab, after the UN Dag
 * Hammarskjold Library's veto list; MIT licence): one vetoed draft per row.
 *
 * What the importer does with the file's quirks (docs/align.md, "Security
 * Council vetoes"; ../shared/data/PROVENANCE.md):
 *   - who vetoed is read from member_veto1..3 (names USSR, Russia, China, USA,
 *     UK, France). The 0/1 member columns, single_veto, multiple_vetoes and the
 *     pair columns are not read: they disagree with the names in 28 rows (all
 *     0 in 1966-1981 rows, France missing from joint US-UK-French vetoes,
 *     2012-07-19 single_veto 1 with two vetoes, 2016-10-08 multiple_vetoes
 *     empty, 2016-12-05 both 1);
 *   - USSR and Russia are both COW 365; China is COW 710 (the People's
 *     Republic, which held the seat from 25 October 1971) and 713 (the
 *     Republic of China) for a veto before that date;
 *   - a draft is the draft symbol and the agenda item together: the early
 *     rows give the meeting record (S/PV.57) as the symbol, one row per
 *     application vetoed at that meeting; a row that repeats another in date,
 *     symbol, agenda item and members is a duplicate and is dropped
 *     (1946-06-26 S/PV.49 "The Spanish question" appears twice); `ndup` counts
 *     them;
 *   - `year` must be the year of `date` (M/D/YYYY), a member may not appear
 *     twice in a row, and member_veto1 may not be empty.
 * Ownership as in shi/io.h: a caller-owned table, appended to, freed by
 * _destroy (safe on a zeroed struct). Errors name file:line:column.
 */
#ifndef SHI_IO_UNSC_H
#define SHI_IO_UNSC_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SHI_VETO_DRAFT_MAX 64   /* bytes of a draft symbol, with the NUL */
#define SHI_VETO_AGENDA_MAX 320 /* bytes of an agenda item, with the NUL */
#define SHI_VETO_MEMBERS 3      /* most members vetoing one draft in the file */

typedef struct shi_veto_table {
    size_t n, cap;
    int32_t *year;                       /* year of the vote */
    int32_t *date;                       /* YYYYMMDD */
    char (*draft)[SHI_VETO_DRAFT_MAX];   /* draft symbol (or meeting record) */
    char (*agenda)[SHI_VETO_AGENDA_MAX]; /* agenda item */
    int32_t (*member)[SHI_VETO_MEMBERS]; /* COW codes of the vetoing members, 0 after the last */
    int32_t *line, *col;                 /* where each row's date is */
    size_t ndup;                         /* duplicate rows dropped */
} shi_veto_table;

SHI_API void shi_veto_table_destroy(shi_veto_table *t);

/** \brief Read the veto list (columns year, date, draft, agenda_item,
 *  member_veto1..3; others ignored) into *out, one row per vetoed draft.
 *  \return SHI_OK; SHI_EIO when the file cannot be read; SHI_EDATA with
 *  file:line:col for a bad field. */
SHI_API shi_status shi_io_read_unsc_vetoes(const char *path, shi_veto_table *out, shi_err *err);

#ifdef __cplusplus
}
#endif
#endif
