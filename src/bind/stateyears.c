/*
 * stateyears.c - shi_session_stateyears: the frame of `shi stateyears`
 * (shi/stateyears.h), with the command's years, states and column names
 * (src/cli/cmd_stateyears.c); the bindings' tests compare the two.
 */
#include "bind_priv.h"

#include <shi/dyadvars.h>
#include <shi/stateyears.h>

/* The most states a --states list names (as the command). */
#define BIND_MAX_STATES 256

/* The years and --states, as `shi stateyears` reads them. */
static shi_status sy_select(shi_session *s, int y0, int y1, const char *states, int *list,
                            shi_stateyear_opts *o)
{
    o->y0 = SHI_DYADIC_Y0;
    o->y1 = SHI_DYADIC_Y1;
    shi_status st = shi_i_bind_years(s, y0, y1, SHI_DYADIC_Y0, SHI_DYADIC_Y1, &o->y0, &o->y1);
    if (st != SHI_OK || !shi_i_bind_given(states)) {
        return st;
    }
    const shi_state *sel[BIND_MAX_STATES];
    size_t n = 0;
    st = shi_states_resolve_list(&s->data.states, states, o->y1, sel, BIND_MAX_STATES, &n, &s->err);
    for (size_t k = 0; k < n && st == SHI_OK; k++) {
        list[k] = sel[k]->ccode;
    }
    o->states = list;
    o->nstates = n;
    return st;
}

shi_frame *shi_session_stateyears(shi_session *s, int y0, int y1, const char *add,
                                  const char *states, const char *names)
{
    if (!s) {
        return NULL;
    }
    shi_err_clear(&s->err);
    unsigned mask = 0;
    shi_names scheme = SHI_NAMES_SHI;
    shi_stateyear_opts o = {0};
    int list[BIND_MAX_STATES];
    /* As the command: the arguments first, then the data they need. */
    if ((shi_i_bind_given(names) && shi_names_parse(names, &scheme, &s->err) != SHI_OK) ||
        (shi_i_bind_given(add) && shi_stateyears_parse(add, &mask, &s->err) != SHI_OK) ||
        shi_i_bind_load(s, shi_stateyears_parts(mask)) != SHI_OK ||
        sy_select(s, y0, y1, states, list, &o) != SHI_OK) {
        return NULL;
    }
    shi_frame *f = shi_frame_alloc();
    if (!f) {
        shi_err_set(&s->err, SHI_EIO, "out of memory");
        return NULL;
    }
    if (shi_stateyears_make(&s->data, &o, mask, f, &s->err) != SHI_OK) {
        shi_frame_free(f); /* left empty by the failure */
        return NULL;
    }
    if (shi_names_apply(f, scheme, &s->err) != SHI_OK) {
        shi_frame_free(f);
        return NULL;
    }
    return f;
}
