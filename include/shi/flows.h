/*
 * shi/flows.h - arms flows as the measures see them: a borrowed, columnar view
 * of supplier-recipient-year transfers (SIPRI TIV), built from the importer's
 * table here in the panel so that the measures never depend on a file format.
 */
#ifndef SHI_FLOWS_H
#define SHI_FLOWS_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A borrowed view of arms flows: dyad-years and, optionally, state-years. */
typedef struct shi_arms_flows {
    size_t n;                 /* dyad-year rows */
    const int32_t *supplier;  /* COW code of the supplier */
    const int32_t *recipient; /* COW code of the recipient */
    const int32_t *year;      /* delivery year */
    const double *tiv;        /* TIV delivered, millions */
    size_t nstate;            /* state-year rows (0: use the dyads for denominators) */
    const int32_t *s_ccode;   /* COW code */
    const int32_t *s_year;    /* year */
    const double *s_imports;  /* TIV received from all suppliers */
    const double *s_exports;  /* TIV sent to all recipients */
} shi_arms_flows;

struct shi_sipri_arms;
/** The view of a table read by shi_io_read_sipri_register (borrowed). */
SHI_API shi_arms_flows shi_arms_flows_of(const struct shi_sipri_arms *t);

#ifdef __cplusplus
}
#endif
#endif
