/*
 * flows.c - the arms-flows view of a SIPRI table (shi/flows.h).
 */
#include <shi/flows.h>
#include <shi/io_sipri.h>

shi_arms_flows shi_arms_flows_of(const shi_sipri_arms *t)
{
    shi_arms_flows f = {0};
    f.n = t->n;
    f.supplier = t->supplier;
    f.recipient = t->recipient;
    f.year = t->year;
    f.tiv = t->tiv;
    f.nstate = t->ns;
    f.s_ccode = t->s_ccode;
    f.s_year = t->s_year;
    f.s_imports = t->s_imports;
    f.s_exports = t->s_exports;
    return f;
}
