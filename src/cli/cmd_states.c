/*
 * cmd_states.c - `shi states [--year Y] [QUERY]`: list the states (members in a
 * year), or resolve one name and show its spells.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include <shi/states.h>

static void spells_text(char *buf, size_t size, const shi_spell *sp, size_t n)
{
    size_t off = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && off + 1 < size; i++) {
        int w = snprintf(buf + off, size - off, "%s%04d-%02d-%02d..%04d-%02d-%02d", i ? "; " : "",
                         (int)(sp[i].start / 10000), (int)(sp[i].start / 100 % 100),
                         (int)(sp[i].start % 100), (int)(sp[i].end / 10000),
                         (int)(sp[i].end / 100 % 100), (int)(sp[i].end % 100));
        if (w < 0) {
            break;
        }
        off += (size_t)w;
    }
}

/* One row per state: all, the members of `year`, or `one`. */
static shi_status state_rows(shi_table *t, const shi_states *st, const shi_state *one, int year,
                             shi_err *err)
{
    const char *cols[] = {"ccode", "abb", "iso3", "name", "member", "major_power"};
    const char flag = year ? 'b' : 's'; /* a year: yes/no; else the spells */
    const char types[] = {'i', 's', 's', 's', flag, flag};
    shi_status s = SHI_OK;
    for (int c = 0; c < 6 && s == SHI_OK; c++) {
        s = shi_table_column(t, cols[c], types[c], 0, err);
    }
    for (size_t i = 0; i < st->n && s == SHI_OK; i++) {
        const shi_state *x = &st->v[i];
        if ((one && x != one) || (year && !one && !shi_states_member(st, x, year))) {
            continue;
        }
        char mem[400], maj[400];
        spells_text(mem, sizeof mem, st->spells + x->sp0, x->nsp);
        spells_text(maj, sizeof maj, st->majors + x->mp0, x->nmp);
        if ((s = shi_table_int(t, x->ccode, err)) == SHI_OK &&
            (s = shi_table_str(t, x->abb, err)) == SHI_OK &&
            (s = shi_table_str(t, x->iso3[0] ? x->iso3 : NULL, err)) == SHI_OK &&
            (s = shi_table_str(t, x->name, err)) == SHI_OK) {
            if (year &&
                (s = shi_table_flag(t, !one || shi_states_member(st, x, year), err)) == SHI_OK) {
                s = shi_table_flag(t, shi_states_major(st, x, year), err);
            } else if (!year && (s = shi_table_str(t, mem, err)) == SHI_OK) {
                s = shi_table_str(t, maj[0] ? maj : NULL, err);
            }
        }
    }
    return s;
}

int cmd_states(shi_cli *cli, int argc, char **argv)
{
    int year = 0;
    const char *format = NULL, *out = NULL;
    const cli_opt opts[] = {
        {OPT_INT, 'y', "year", &year, "YEAR", "only states that are system members in YEAR"},
        {OPT_STRING, 0, "format", &format, "FMT",
         "table (default), csv, tsv, json, jsonl, sqlite or dta"},
        {OPT_STRING, 'o', "output", &out, "FILE", "write to FILE instead of standard output"},
        {OPT_END, 0, NULL, NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int help;
    shi_status s = cli_parse("states", "shi states [--year YEAR] [QUERY] [--format FMT] [-o FILE]",
                             opts, argc, argv, pos, 1, &npos, &help, &cli->err);
    if (s != SHI_OK || help) {
        return s;
    }
    if ((s = cli_data(cli, SHI_DATA_CAPS, NULL, NULL)) != SHI_OK) {
        return s;
    }
    const shi_states *st = &cli->data.states;
    if (year != 0 && (year < 1816 || year > 2024)) {
        return shi_err_set(&cli->err, SHI_EUSAGE,
                           "states: --year %d is out of range; the state list covers 1816-2024",
                           year);
    }
    const shi_state *one = NULL;
    if (npos == 1) {
        s = shi_states_resolve(st, pos[0], year, &one, &cli->err);
        if (s != SHI_OK) {
            return s;
        }
    }
    shi_table *t = shi_table_new();
    if (!t) {
        return shi_err_set(&cli->err, SHI_EIO, "out of memory");
    }
    s = state_rows(t, st, one, year, &cli->err);
    if (s == SHI_OK) {
        s = cli_write_table(t, format, out, &cli->err);
    }
    shi_table_free(t);
    return s;
}
