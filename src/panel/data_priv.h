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

/* Dyadic arrays into d->dy for the years from `from` to SHI_DYADIC_Y1;
 * needs the registry. data_dyadic.c. */
shi_status shi_i_data_load_dyadic(shi_data *d, const char *dir, const char *alliance_file, int from,
                                  shi_err *err);

/* Clip every coverage of the dense arrays to their first year (a view
 * loaded from a later year: shi_data_spec.from), an empty coverage to 1..0,
 * so that a reader testing a year against a coverage never indexes before
 * the arrays. dyadic.c. */
void shi_i_dyadic_clip_from(shi_dyadic *d);

/* .shd dyadic records of the years [y0, y1] into `d`, whose arrays start in
 * `from` (>= y0): spells reaching before it are cut, records before it
 * skipped. dyadic_shd.c. */
shi_status shi_i_dyadic_read_shd_from(shi_dyadic *d, const shi_states *s, int y0, int y1, int from,
                                      const char *name, const void *text, size_t len, shi_err *err);

/* The embedded relations text checked ahead (shi_shd_check_text) and cut in
 * two halves to be read at once, on another thread while the parts before
 * it load: ok 1 with the length of its body, 0 it does not check out (it is
 * then read record by record), -1 not checked yet. data_relations.c. */
typedef struct shi_i_rel_check {
    int ok;
    size_t body;
    /* The data records in blocks that share no source (each source fills
     * its own arrays and years: the blocks can be read at once): nblock
     * blocks, block k from cut[k] (at line[k]) to cut[k + 1]; cut[0] is the
     * first data record. nblock 0: no such blocks (read record by record). */
    size_t nblock;
    size_t cut[9];
    long line[9];
} shi_i_rel_check;
void shi_i_relations_precheck(shi_i_rel_check *c);

/* Relations into d->rel and the dense arrays of d->dy; needs the dyadic data.
 * With `require`, every official file must be in `dir`. `pre` (may be NULL):
 * the embedded text's check, when done ahead. data_relations.c. */
shi_status shi_i_data_load_relations(shi_data *d, const char *dir, int require,
                                     const shi_i_rel_check *pre, shi_err *err);

/* The embedded relations in steps, for a caller that reads them beside
 * other parts (data.c reads the dyadic part meanwhile): begin fills the
 * header records and allocates the dense arrays in a shi_dyadic of its own
 * (years from `from`, the registry of d), then the blocks may be read in
 * any order and at once (none touches d->dy or d->src), and end moves the
 * arrays into d->dy (loaded by then), sorts, adds the sources and frees r;
 * with s != SHI_OK it only cleans up. */
typedef struct shi_i_rel shi_i_rel;
shi_status shi_i_rel_begin(shi_data *d, int from, const shi_i_rel_check *pre, shi_i_rel **out,
                           shi_err *err);
size_t shi_i_rel_nblocks(const shi_i_rel *r);
shi_status shi_i_rel_block(shi_i_rel *r, size_t k, shi_err *err);
shi_status shi_i_rel_end(shi_i_rel *r, shi_data *d, shi_status s, shi_err *err);
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
