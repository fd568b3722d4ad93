/*
 * shi_r.c - the .Call glue of the R package: sessions as external pointers,
 * frames (shi/frame.h) into lists of R vectors. Errors come back as a string
 * with the attribute "shi_error", which R/shi.R signals as a condition of
 * class shi_error, so no C frame is left by a longjmp with memory held; the
 * conversions into R vectors (which may fail on R's side: out of memory) run
 * under R_UnwindProtect, which frees the frame or string either way.
 */
#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>

#include <math.h>
#include <string.h>

#include <shi/bind.h>

static void session_finalize(SEXP p)
{
    shi_session_free(R_ExternalPtrAddr(p));
    R_ClearExternalPtr(p);
}

static shi_session *session_of(SEXP p)
{
    if (TYPEOF(p) != EXTPTRSXP || !R_ExternalPtrAddr(p)) {
        Rf_error("shi: not a shi session (or one already freed)");
    }
    return R_ExternalPtrAddr(p);
}

/* NULL for NA, NULL or "": the library's "not given". */
static const char *opt_string(SEXP x)
{
    if (Rf_isNull(x) || STRING_ELT(x, 0) == NA_STRING) {
        return NULL;
    }
    const char *s = CHAR(STRING_ELT(x, 0));
    return s[0] ? s : NULL;
}

static SEXP shi_error_value(const shi_session *s)
{
    SEXP msg = PROTECT(Rf_mkString(shi_session_error(s)));
    Rf_setAttrib(msg, Rf_install("shi_error"), Rf_ScalarLogical(1));
    UNPROTECT(1);
    return msg;
}

SEXP shi_r_session(SEXP data, SEXP data_file)
{
    shi_session *s = shi_session_new(opt_string(data), opt_string(data_file));
    if (!s) {
        Rf_error("shi: out of memory");
    }
    SEXP p = PROTECT(R_MakeExternalPtr(s, Rf_install("shi_session"), R_NilValue));
    R_RegisterCFinalizerEx(p, session_finalize, TRUE);
    UNPROTECT(1);
    return p;
}

/* One column into an R vector: integers and flags as they are (SHI_NA_I32 is
 * R's NA_integer_ and NA_logical: INT_MIN), reals with NaN as NA_real_. */
static SEXP column(const shi_frame *f, size_t j, R_xlen_t n)
{
    SEXP v;
    switch (shi_frame_col_type(f, j)) {
    case SHI_FCOL_F64: {
        v = PROTECT(Rf_allocVector(REALSXP, n));
        const double *x = shi_frame_col_f64(f, j);
        double *out = REAL(v);
        for (R_xlen_t i = 0; i < n; i++) {
            out[i] = isnan(x[i]) ? NA_REAL : x[i];
        }
        break;
    }
    case SHI_FCOL_STR:
        v = PROTECT(Rf_allocVector(STRSXP, n));
        for (R_xlen_t i = 0; i < n; i++) {
            const char *x = shi_frame_col_str(f, j, (size_t)i);
            SET_STRING_ELT(v, i, x ? Rf_mkCharCE(x, CE_UTF8) : NA_STRING);
        }
        break;
    default:
        v = PROTECT(Rf_allocVector(shi_frame_col_is_flag(f, j) ? LGLSXP : INTSXP, n));
        if (n) {
            memcpy(INTEGER(v), shi_frame_col_i32(f, j), (size_t)n * sizeof(int));
        }
        break;
    }
    UNPROTECT(1);
    return v;
}

/* The frame as a named list of columns. */
static SEXP frame_list_body(void *data)
{
    const shi_frame *f = data;
    size_t ncol = shi_frame_ncol(f);
    R_xlen_t n = (R_xlen_t)shi_frame_nrow(f);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, (R_xlen_t)ncol));
    SEXP names = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)ncol));
    for (size_t j = 0; j < ncol; j++) {
        SET_VECTOR_ELT(out, (R_xlen_t)j, column(f, j, n));
        SET_STRING_ELT(names, (R_xlen_t)j, Rf_mkChar(shi_frame_col_name(f, j)));
    }
    Rf_setAttrib(out, R_NamesSymbol, names);
    UNPROTECT(2);
    return out;
}

static void frame_cleanup(void *data, Rboolean jump)
{
    (void)jump; /* R_UnwindProtect goes on with the jump itself */
    shi_frame_free(data);
}

/* The frame as a named list of columns, or the session's error; frees the
 * frame even when R jumps. `cont` is made (and protected) by the caller
 * before the frame exists, so no allocation of R's can fail while the frame
 * is unguarded. */
static SEXP frame_result(shi_session *s, shi_frame *f, SEXP cont)
{
    SEXP out = f ? R_UnwindProtect(frame_list_body, f, frame_cleanup, f, cont) : shi_error_value(s);
    UNPROTECT(1); /* cont */
    return out;
}

SEXP shi_r_dyads(SEXP sess, SEXP y0, SEXP y1, SEXP directed, SEXP add, SEXP states, SEXP threads)
{
    shi_session *s = session_of(sess);
    SEXP cont = PROTECT(R_MakeUnwindCont());
    shi_frame *f =
        shi_session_dyads(s, Rf_asInteger(y0), Rf_asInteger(y1), Rf_asLogical(directed) == 1,
                          opt_string(add), opt_string(states), Rf_asInteger(threads));
    return frame_result(s, f, cont);
}

SEXP shi_r_stateyears(SEXP sess, SEXP y0, SEXP y1, SEXP add, SEXP states, SEXP names)
{
    shi_session *s = session_of(sess);
    SEXP cont = PROTECT(R_MakeUnwindCont());
    shi_frame *f = shi_session_stateyears(s, Rf_asInteger(y0), Rf_asInteger(y1), opt_string(add),
                                          opt_string(states), opt_string(names));
    return frame_result(s, f, cont);
}

SEXP shi_r_power(SEXP sess, SEXP y0, SEXP y1, SEXP states, SEXP measure, SEXP majors, SEXP window)
{
    shi_session *s = session_of(sess);
    SEXP cont = PROTECT(R_MakeUnwindCont());
    shi_frame *f =
        shi_session_power(s, Rf_asInteger(y0), Rf_asInteger(y1), opt_string(states),
                          opt_string(measure), Rf_asLogical(majors) == 1, Rf_asInteger(window));
    return frame_result(s, f, cont);
}

SEXP shi_r_threat(SEXP sess, SEXP a, SEXP b, SEXP y0, SEXP y1)
{
    shi_session *s = session_of(sess);
    SEXP cont = PROTECT(R_MakeUnwindCont());
    shi_frame *f =
        shi_session_threat(s, opt_string(a), opt_string(b), Rf_asInteger(y0), Rf_asInteger(y1));
    return frame_result(s, f, cont);
}

/* opts: third, outcome, spec (strings or NULL); nums: y0, y1, boot, seed, threads. */
SEXP shi_r_drivers(SEXP sess, SEXP a, SEXP b, SEXP third, SEXP outcome, SEXP spec, SEXP nums)
{
    shi_session *s = session_of(sess);
    if (TYPEOF(nums) != INTSXP || XLENGTH(nums) != 5) {
        Rf_error("shi: drivers: five integers expected");
    }
    const int *n = INTEGER(nums);
    SEXP cont = PROTECT(R_MakeUnwindCont());
    shi_frame *f =
        shi_session_drivers(s, opt_string(a), opt_string(b), opt_string(third), n[0], n[1],
                            opt_string(outcome), opt_string(spec), n[2], n[3], n[4]);
    return frame_result(s, f, cont);
}

/* nums: from, horizon, paths, draws, threads; seed a double (R has no
 * 64-bit integer), checked by R/shi.R to be a whole number in [0, 2^53]. */
SEXP shi_r_scenarios(SEXP sess, SEXP a, SEXP b, SEXP nums, SEXP seed, SEXP shocks)
{
    shi_session *s = session_of(sess);
    if (TYPEOF(nums) != INTSXP || XLENGTH(nums) != 5) {
        Rf_error("shi: scenarios: five integers expected");
    }
    double sd = Rf_asReal(seed);
    if (!(sd >= 0 && sd <= 9007199254740992.0 && sd == floor(sd))) {
        Rf_error("shi: scenarios: seed must be a non-negative whole number");
    }
    const int *n = INTEGER(nums);
    SEXP cont = PROTECT(R_MakeUnwindCont());
    shi_frame *f = shi_session_scenarios(s, opt_string(a), opt_string(b), n[0], n[1], n[2],
                                         (uint64_t)sd, n[3], opt_string(shocks), n[4]);
    return frame_result(s, f, cont);
}

static SEXP string_body(void *data)
{
    return Rf_ScalarString(Rf_mkCharCE(data, CE_UTF8));
}

static void string_cleanup(void *data, Rboolean jump)
{
    (void)jump;
    shi_session_free_string(data);
}

SEXP shi_r_report(SEXP sess, SEXP a, SEXP b, SEXP y0, SEXP y1, SEXP third, SEXP html)
{
    shi_session *s = session_of(sess);
    SEXP cont = PROTECT(R_MakeUnwindCont());
    char *text = shi_session_report(s, opt_string(a), opt_string(b), Rf_asInteger(y0),
                                    Rf_asInteger(y1), opt_string(third), opt_string(html));
    SEXP out =
        text ? R_UnwindProtect(string_body, text, string_cleanup, text, cont) : shi_error_value(s);
    UNPROTECT(1); /* cont */
    return out;
}

static const R_CallMethodDef calls[] = {{"shi_r_session", (DL_FUNC)&shi_r_session, 2},
                                        {"shi_r_dyads", (DL_FUNC)&shi_r_dyads, 7},
                                        {"shi_r_stateyears", (DL_FUNC)&shi_r_stateyears, 6},
                                        {"shi_r_power", (DL_FUNC)&shi_r_power, 7},
                                        {"shi_r_threat", (DL_FUNC)&shi_r_threat, 5},
                                        {"shi_r_drivers", (DL_FUNC)&shi_r_drivers, 7},
                                        {"shi_r_scenarios", (DL_FUNC)&shi_r_scenarios, 6},
                                        {"shi_r_report", (DL_FUNC)&shi_r_report, 7},
                                        {NULL, NULL, 0}};

void R_init_shi(DllInfo *dll)
{
    R_registerRoutines(dll, NULL, calls, NULL, NULL);
    R_useDynamicSymbols(dll, FALSE);
}
