/*
 * data_priv.h - the parts of shi_data's loading (not public). data.c holds
 * the loading order (shi_data_open) and calls each part once; no part calls
 * back into data.c, and only the relations build (which writes a file from
 * all the parts before it) calls other parts.
 */
#ifndef SHI_PANEL_DATA_PRIV_H
#define SHI_PANEL_DATA_PRIV_H

#include <shi/data.h>

/* Registry and capabilities (with CINC) into a zeroed `d`: from the .shd file
 * `shd`, or from the embedded set with official files in `dir` (may be NULL)
 * replacing their parts. data_caps.c. */
shi_status shi_i_data_load_caps(shi_data *d, const char *dir, const char *shd, shi_err *err);

/* The economic columns (gdp, gdp_src, gdp_ppp, gdp_ppp_src, gdppc, beckley)
 * added to d->caps: from the official files in `dir` when all are there,
 * else from the embedded data/econ.shd. data_econ.c. */
shi_status shi_i_data_load_econ(shi_data *d, const char *dir, shi_err *err);

/* Dyadic arrays into d->dy; needs the registry. data_dyadic.c. */
shi_status shi_i_data_load_dyadic(shi_data *d, const char *dir, const char *alliance_file,
                                  shi_err *err);

/* Relations into d->rel and the dense arrays of d->dy; needs the dyadic data.
 * With `require`, every official file must be in `dir`. data_relations.c. */
shi_status shi_i_data_load_relations(shi_data *d, const char *dir, int require, shi_err *err);
/* The embedded relations read record by record in one thread, never in two
 * halves (tests compare the two ways). */
shi_status shi_i_data_load_relations_serial(shi_data *d, shi_err *err);

/* Energy trade into d->en; needs the registry. data_energy.c. */
shi_status shi_i_data_load_energy(shi_data *d, const char *dir, shi_err *err);
/* cshapes minimum distances into d->geo; needs the registry. data_geo.c. */
shi_status shi_i_data_load_geo(shi_data *d, const char *dir, shi_err *err);
/* Sort the energy records by key and set their years. energy.c. */
shi_status shi_i_energy_finish(shi_energy *e, shi_err *err);
/* Append one record of Russia's exports (CREA) or of the EI matrices,
 * growing the columns (*cap). energy_ru.c. */
shi_status shi_i_energy_ru_add(shi_energy_ru *r, size_t *cap, int imp, int comm, int year, double t,
                               double eur, unsigned mt, unsigned me, shi_err *err);
shi_status shi_i_energy_ei_add(shi_energy_ei *x, size_t *cap, int exp, int imp, int comm, int year,
                               double v, shi_err *err);

/* Write each .shd file (records and the 'end' record) to `out` from the
 * official files in `dir`; nothing is put in place here (data_build.c does).
 * data_caps.c, data_dyadic.c (for the registry of d), data_relations.c. */
shi_status shi_i_data_write_caps(const char *dir, FILE *out, shi_err *err);
shi_status shi_i_data_write_dyadic(const shi_data *d, const char *dir, FILE *out, shi_err *err);
shi_status shi_i_data_write_relations(const char *dir, FILE *out, shi_err *err);

/* Is `path` an existing regular file? data_files.c. */
int shi_i_file_exists(const char *path);
/* The file name part of a path. data_files.c. */
const char *shi_i_base_name(const char *path);

#endif
