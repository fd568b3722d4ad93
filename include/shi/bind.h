/*
 * shi/bind.h - libshi for other languages: a flat API of opaque handles,
 * C strings and numbers, what R's .Call glue and Python's ctypes can call
 * without knowing a struct's layout (bindings/r, bindings/python,
 * docs/bindings.md).
 *
 * A session holds the data view (shi/data.h), loaded part by part as calls
 * need them, and the message of its last error. Each call does what the
 * command of the same name does with the same arguments, and its result is the
 * command's table as a frame (shi/frame.h), read through the frame accessors
 * there, without a copy.
 *
 * Ownership: shi_session_new/shi_session_free; a returned frame is the
 * caller's (shi_frame_free). A failing call returns NULL (or an error status)
 * and leaves shi's message in shi_session_error; it never exits or prints.
 */
#ifndef SHI_BIND_H
#define SHI_BIND_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>
#include <shi/frame.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct shi_session shi_session;

/** A session over the embedded data, or over the official files of
 *  `data_dir` / the capabilities of `data_file` (a .shd) when not NULL, as
 *  `shi --data DIR` and `--data-file FILE` do. Nothing is loaded yet. NULL
 *  when out of memory. */
SHI_API shi_session *shi_session_new(const char *data_dir, const char *data_file);
SHI_API void shi_session_free(shi_session *s);

/** The message of the session's last error ("" when none), and its status. */
SHI_API const char *shi_session_error(const shi_session *s);
SHI_API shi_status shi_session_status(const shi_session *s);

/** `shi dyads --years Y0-Y1 [--directed] [--add ADD] [--states STATES]
 *  --threads THREADS`: the dyad-year frame (year, ccode1, ccode2 and the
 *  variables of `add`, a comma-separated list; NULL or "" for none). `states`
 *  NULL or "" is every state. `threads` 0 is every core. */
SHI_API shi_frame *shi_session_dyads(shi_session *s, int y0, int y1, int directed, const char *add,
                                     const char *states, int threads);

/** `shi stateyears [--years Y0-Y1] [--add ADD] [--states STATES] [--names
 *  NAMES]`: the state-year frame (year, ccode, stateabb and the families of
 *  `add`: nmc, major, gdp, nuclear, democracy or all). Y0 = Y1 = 0: the
 *  command's default years (the COW state list, 1816-2024); NULL or "" for
 *  `add`, `states` and `names` are the command's defaults (no family, every
 *  state, shi's column names; `names` "peacesciencer" for peacesciencer's). */
SHI_API shi_frame *shi_session_stateyears(shi_session *s, int y0, int y1, const char *add,
                                          const char *states, const char *names);

/** `shi power [--years Y0-Y1] [--states STATES] [--measure MEASURE] [--majors]
 *  [--window WINDOW]`: the configuration of power each year, or with
 *  `states` one row per state-year. Y0 = Y1 = 0: the last year of the data;
 *  `measure` NULL: cinc; `window` as the command's (default 10). */
SHI_API shi_frame *shi_session_power(shi_session *s, int y0, int y1, const char *states,
                                     const char *measure, int majors, int window);

/** `shi threat A B [--years Y0-Y1]`: threat both ways each year, its
 *  components and the perception gap (Y0 = Y1 = 0: the last 10 years). */
SHI_API shi_frame *shi_session_threat(shi_session *s, const char *a, const char *b, int y0, int y1);

/** `shi drivers A B [--third THIRD] [--years Y0-Y1] [--outcome OUTCOME]
 *  [--spec SPEC] [--boot BOOT] [--seed SEED] [--threads THREADS]`: the
 *  coefficient table with its verdict columns, as the command writes it in
 *  CSV. NULL strings and Y0 = Y1 = 0 are the command's defaults (ideal,
 *  study, 1992-2014); BOOT 2000 and SEED 1 are its defaults too. */
SHI_API shi_frame *shi_session_drivers(shi_session *s, const char *a, const char *b,
                                       const char *third, int y0, int y1, const char *outcome,
                                       const char *spec, int boot, int seed, int threads);

/** `shi scenarios A B [--from FROM] --horizon HORIZON --paths PATHS --seed
 *  SEED [--draws DRAWS] [--shocks SHOCKS] [--threads THREADS]`: the futures
 *  table (each reported horizon and future: the probability, its Monte-Carlo
 *  and parameter intervals, the band, the observed future), as the command
 *  writes it in CSV. FROM 0: the last year with every fact of the pair;
 *  DRAWS 0: 100; SHOCKS NULL: none. The command's defaults are HORIZON 20,
 *  PATHS 100000, SEED 1. Seeded: the same arguments give the same numbers. */
SHI_API shi_frame *shi_session_scenarios(shi_session *s, const char *a, const char *b, int from,
                                         int horizon, int paths, uint64_t seed, int draws,
                                         const char *shocks, int threads);

/** `shi report A B [--years Y0-Y1] [--third THIRD] [-o HTML]`: the pair's
 *  analysis; with `html` NULL the terminal summary is returned as a string
 *  (free it with shi_session_free_string), else the HTML report is written
 *  to `html` (atomically) and an empty string is returned. Y0 = Y1 = 0 are
 *  the command's default years; `third` NULL the default third state. */
SHI_API char *shi_session_report(shi_session *s, const char *a, const char *b, int y0, int y1,
                                 const char *third, const char *html);
SHI_API void shi_session_free_string(char *text);

#ifdef __cplusplus
}
#endif
#endif
