/*
 * sipri.c - importers for the SIPRI Arms Transfers Database: the trade
 * register (one row per deal; SIPRI, https://www.sipri.org/databases/
 * armstransfers, export of 13 Mar 2025) aggregated to supplier-recipient-
 * delivery-year TIV, and SIPRI's yearly import/export totals per country.
 *
 * The register is Latin-1 with an 11-line preamble. Its header repeats the
 * blank name " " for the three '?' flag columns, so columns are checked and
 * used by position. A deal whose Comments field holds a bare line break comes
 * out of the CSV reader as a 13-field record (Recipient..Comments) followed by
 * a 4-field record (rest of Comments, the three TIV columns); the two are
 * rejoined. Any other field count is an error.
 *
 * Neither file fits the column-spec reader of spec.h, which maps header names
 * to columns and one record to one row: the register's columns have repeated
 * blank names and a deal can span two records; the totals files are wide (a
 * column per year, a row per cell). They use the CSV reader directly and grow
 * their tables with shi_grow_columns.
 *
 * Delivered TIV is spread equally over the years listed in "Year(s) of
 * delivery": the register gives the total number delivered but not the number
 * per year, so equal shares are the only split the file supports. Totals over
 * windows that contain all of a deal's delivery years are exact; single years
 * are approximate (docs/arms.md quantifies the effect against SIPRI's own
 * yearly totals).
 */
#include <shi/csv.h>
#include <shi/io_sipri.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

/* ------------------------------------------------------------------------ */
/* Tables                                                                    */
/* ------------------------------------------------------------------------ */

void shi_sipri_arms_destroy(shi_sipri_arms *t)
{
    if (!t) {
        return;
    }
    free(t->supplier);
    free(t->recipient);
    free(t->year);
    free(t->tiv);
    free(t->s_ccode);
    free(t->s_year);
    free(t->s_imports);
    free(t->s_exports);
    memset(t, 0, sizeof *t);
}

void shi_sipri_totals_destroy(shi_sipri_totals *t)
{
    if (!t) {
        return;
    }
    free(t->ccode);
    free(t->year);
    free(t->tiv);
    free(t->lt_half);
    free(t->name);
    free(t->line);
    free(t->col);
    memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------------------ */
/* Field parsing                                                             */
/* ------------------------------------------------------------------------ */

#define YEAR_MIN 1900
#define YEAR_MAX 2100
#define NYEARS (YEAR_MAX - YEAR_MIN + 1)
#define CCODE_MAX 1000 /* COW codes are 1-999 */

/* A plain non-negative decimal ("12", "0.25", trailing spaces allowed). */
static int parse_tiv(const char *f, double *v)
{
    const char *p = f;
    int digits = 0, dot = 0;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            digits++;
        } else if (*p == '.' && !dot) {
            dot = 1;
        } else {
            break;
        }
    }
    const char *end = p;
    while (*p == ' ') {
        p++;
    }
    if (*p != '\0' || digits == 0 || end - f > 40) {
        return 0;
    }
    char buf[48];
    memcpy(buf, f, (size_t)(end - f));
    buf[end - f] = '\0';
    errno = 0;
    double x = strtod(buf, NULL);
    /* Plausible at most 1e6 million TIV (issue 20, defect 6): SIPRI's largest
     * deals and yearly totals are in the tens of thousands. */
    if (errno != 0 || !isfinite(x) || x > 1e6) {
        return 0;
    }
    *v = x;
    return 1;
}

/* A year of four digits in [YEAR_MIN, YEAR_MAX]; *p advanced past it. */
static int parse_year(const char **p, int *y)
{
    const char *s = *p;
    int x = 0;
    for (int k = 0; k < 4; k++) {
        if (s[k] < '0' || s[k] > '9') {
            return 0;
        }
        x = x * 10 + (s[k] - '0');
    }
    if (x < YEAR_MIN || x > YEAR_MAX) {
        return 0;
    }
    *y = x;
    *p = s + 4;
    return 1;
}

/* "1979; 1980; 1981" -> years[]; returns the count, or -1 on bad text. */
static int parse_years(const char *f, int *years, int max)
{
    int n = 0;
    const char *p = f;
    while (*p == ' ') {
        p++;
    }
    if (*p == '\0') {
        return 0;
    }
    for (;;) {
        if (n == max || !parse_year(&p, &years[n])) {
            return -1;
        }
        n++;
        while (*p == ' ') {
            p++;
        }
        if (*p == '\0') {
            return n;
        }
        if (*p != ';') {
            return -1;
        }
        p++;
        while (*p == ' ') {
            p++;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The trade register                                                        */
/* ------------------------------------------------------------------------ */

enum {
    C_RECIPIENT = 0,
    C_SUPPLIER = 1,
    C_ORDER_YEAR = 2,
    C_DELIV_YEARS = 10,
    C_COMMENTS = 12,
    C_TIV_DELIVERED = 15,
    NCOLS = 16,
    NHEAD = 13, /* fields of the first part of a broken deal (through Comments) */
    NTAIL = 4   /* fields of its second part */
};

static const char *const reg_cols[NCOLS] = {"Recipient",
                                            "Supplier",
                                            "Year of order",
                                            " ",
                                            "Number ordered",
                                            " ",
                                            "Weapon designation",
                                            "Weapon description",
                                            "Number delivered",
                                            " ",
                                            "Year(s) of delivery",
                                            "status",
                                            "Comments",
                                            "SIPRI TIV per unit",
                                            "SIPRI TIV for total order",
                                            "SIPRI TIV of delivered weapons"};

/* One deal's fields, wherever they came from (one record or two). */
typedef struct deal {
    const char *f[NCOLS];
    long line[NCOLS], col[NCOLS];
} deal;

/* One delivery-year share of a deal. */
typedef struct contrib {
    int32_t s, r, y; /* supplier, recipient (COW or NOT_STATE), year */
    int32_t seq;     /* deal number: a tie-breaker so sums are in file order */
    double v;        /* TIV share, millions */
} contrib;

typedef struct contribs {
    contrib *v;
    size_t n, cap;
} contribs;

static int contrib_push(contribs *c, contrib x)
{
    const shi_col_ref col = SHI_COL_REF(c->v);
    if (shi_grow_columns(&col, 1, &c->cap, c->n + 1, 1024) != 0) {
        return -1;
    }
    c->v[c->n++] = x;
    return 0;
}

static int cmp_contrib(const void *a, const void *b)
{
    const contrib *x = a, *y = b;
    if (x->s != y->s) {
        return x->s < y->s ? -1 : 1;
    }
    if (x->r != y->r) {
        return x->r < y->r ? -1 : 1;
    }
    if (x->y != y->y) {
        return x->y < y->y ? -1 : 1;
    }
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* "<what> in column '<name>', got '<text>'" at the field's own position. */
static shi_status deal_error(const char *file, const deal *d, int i, shi_err *err, const char *what)
{
    char shown[64];
    if (strlen(d->f[i]) > 40) {
        snprintf(shown, sizeof shown, "%.40s...", d->f[i]);
    } else {
        snprintf(shown, sizeof shown, "%s", d->f[i]);
    }
    return shi_err_set_at(err, SHI_EDATA, file, d->line[i], d->col[i],
                          "%s in column '%s', got '%s'", what, reg_cols[i], shown);
}

static shi_status deal_name(const char *file, const deal *d, int i, int year, int *cc, shi_err *err)
{
    if (!shi_sipri_name_lookup(d->f[i], year, cc)) {
        return deal_error(file, d, i, err, "unknown SIPRI name (not in src/io/sipri_names.c)");
    }
    return SHI_OK;
}

/* Check one deal and push its delivery-year shares. */
static shi_status take_deal(const char *file, const deal *d, int32_t seq, contribs *c,
                            long *n_delivered, shi_err *err)
{
    shi_status s;
    int rc, sc;
    int oy;
    const char *p = d->f[C_ORDER_YEAR];
    if (!parse_year(&p, &oy) || *p != '\0') {
        return deal_error(file, d, C_ORDER_YEAR, err, "expected a year 1900-2100");
    }
    if ((s = deal_name(file, d, C_RECIPIENT, oy, &rc, err)) != SHI_OK ||
        (s = deal_name(file, d, C_SUPPLIER, oy, &sc, err)) != SHI_OK) {
        return s;
    }
    int years[NYEARS];
    int ny = parse_years(d->f[C_DELIV_YEARS], years, NYEARS);
    if (ny < 0) {
        return deal_error(file, d, C_DELIV_YEARS, err, "expected years 1900-2100 separated by ';'");
    }
    double tiv = 0.0;
    if (d->f[C_TIV_DELIVERED][0] == '\0') {
        /* empty = no deliveries identified */
        if (ny > 0) {
            return deal_error(file, d, C_TIV_DELIVERED, err,
                              "expected a delivered TIV for the listed delivery years");
        }
        return SHI_OK;
    }
    if (!parse_tiv(d->f[C_TIV_DELIVERED], &tiv)) {
        return deal_error(file, d, C_TIV_DELIVERED, err, "expected a TIV 0-1e6 (millions)");
    }
    if (ny == 0) {
        if (tiv > 0.0) {
            return deal_error(file, d, C_DELIV_YEARS, err,
                              "expected delivery years for a delivered TIV above 0");
        }
        return SHI_OK;
    }
    (*n_delivered)++;
    double share = tiv / ny;
    for (int k = 0; k < ny; k++) {
        int r = rc, su = sc;
        /* Germany's code depends on the delivery year (260 before 1990). */
        if (r == 255 || r == 260) {
            shi_sipri_name_lookup(d->f[C_RECIPIENT], years[k], &r);
        }
        if (su == 255 || su == 260) {
            shi_sipri_name_lookup(d->f[C_SUPPLIER], years[k], &su);
        }
        contrib x = {su, r, years[k], seq, share};
        if (contrib_push(c, x) != 0) {
            return shi_err_set(err, SHI_EIO, "out of memory");
        }
    }
    return SHI_OK;
}

static void deal_from_csv(deal *d, const shi_csv *csv, int from, size_t first, size_t nf)
{
    for (size_t k = 0; k < nf; k++) {
        d->f[from + (int)k] = shi_csv_field(csv, first + k);
        shi_csv_field_pos(csv, first + k, &d->line[from + (int)k], &d->col[from + (int)k]);
    }
}

static shi_status check_header(const shi_csv *csv, const char *file, shi_err *err, long hline)
{
    if (shi_csv_ncols(csv) != NCOLS) {
        return shi_err_set_at(err, SHI_EDATA, file, hline, 1,
                              "expected a header of %d columns (SIPRI trade register), got %zu",
                              NCOLS, shi_csv_ncols(csv));
    }
    for (size_t i = 0; i < NCOLS; i++) {
        if (strcmp(shi_csv_colname(csv, i), reg_cols[i]) != 0) {
            return shi_err_set_at(err, SHI_EDATA, file, hline, 1,
                                  "expected column %zu of the header to be '%s', got '%s'", i + 1,
                                  reg_cols[i], shi_csv_colname(csv, i));
        }
    }
    return SHI_OK;
}

/* Aggregate the sorted shares into dyad-years and state-year totals. */
static shi_status aggregate(contribs *c, shi_sipri_arms *out, shi_err *err)
{
    shi_status s = SHI_OK;
    /* The dyad-years and the state-years: two tables, each grown as one. */
    const shi_col_ref dyads[] = {SHI_COL_REF(out->supplier), SHI_COL_REF(out->recipient),
                                 SHI_COL_REF(out->year), SHI_COL_REF(out->tiv)};
    const shi_col_ref states[] = {SHI_COL_REF(out->s_ccode), SHI_COL_REF(out->s_year),
                                  SHI_COL_REF(out->s_imports), SHI_COL_REF(out->s_exports)};
    qsort(c->v, c->n, sizeof *c->v, cmp_contrib);
    double *im = calloc((size_t)CCODE_MAX * NYEARS, sizeof *im);
    double *ex = calloc((size_t)CCODE_MAX * NYEARS, sizeof *ex);
    unsigned char *seen = calloc((size_t)CCODE_MAX * NYEARS, 1);
    if (!im || !ex || !seen) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < c->n;) {
        const contrib *x = &c->v[i];
        size_t j = i;
        double sum = 0.0;
        for (; j < c->n && c->v[j].s == x->s && c->v[j].r == x->r && c->v[j].y == x->y; j++) {
            sum += c->v[j].v;
            size_t yi = (size_t)(c->v[j].y - YEAR_MIN);
            if (x->r > 0) {
                im[(size_t)x->r * NYEARS + yi] += c->v[j].v;
                seen[(size_t)x->r * NYEARS + yi] = 1;
            }
            if (x->s > 0) {
                ex[(size_t)x->s * NYEARS + yi] += c->v[j].v;
                seen[(size_t)x->s * NYEARS + yi] = 1;
            }
        }
        /* State dyads only; a state's deliveries to itself stay out. */
        if (x->s > 0 && x->r > 0 && x->s != x->r) {
            if (shi_grow_columns(dyads, 4, &out->cap, out->n + 1, 1024) != 0) {
                s = shi_err_set(err, SHI_EIO, "out of memory");
                goto cleanup;
            }
            out->supplier[out->n] = x->s;
            out->recipient[out->n] = x->r;
            out->year[out->n] = x->y;
            out->tiv[out->n] = sum;
            out->n++;
        }
        i = j;
    }
    for (size_t k = 0; k < (size_t)CCODE_MAX * NYEARS; k++) {
        if (!seen[k]) {
            continue;
        }
        if (shi_grow_columns(states, 4, &out->scap, out->ns + 1, 1024) != 0) {
            s = shi_err_set(err, SHI_EIO, "out of memory");
            goto cleanup;
        }
        out->s_ccode[out->ns] = (int32_t)(k / NYEARS);
        out->s_year[out->ns] = (int32_t)(k % NYEARS) + YEAR_MIN;
        out->s_imports[out->ns] = im[k];
        out->s_exports[out->ns] = ex[k];
        out->ns++;
    }
cleanup:
    free(im);
    free(ex);
    free(seen);
    return s;
}

shi_status shi_io_read_sipri_register(const char *path, shi_sipri_arms *out, shi_err *err)
{
    shi_csv_opts opts = {0};
    opts.latin1 = 1;
    opts.skip_lines = 11;
    opts.ragged = 1;
    shi_csv *csv = NULL;
    contribs c = {0};
    char *held = NULL; /* copies of the first part of a broken deal */
    shi_status s = shi_csv_open(&csv, path, &opts, err);
    if (s != SHI_OK) {
        return s;
    }
    const char *file = shi_csv_name(csv);
    if ((s = check_header(csv, file, err, opts.skip_lines + 1)) != SHI_OK) {
        goto cleanup;
    }
    long nrec = 0, ndeal = 0, nrejoin = 0, ndeliv = 0;
    for (;;) {
        int got = 0;
        if ((s = shi_csv_next(csv, &got, err)) != SHI_OK) {
            goto cleanup;
        }
        if (!got) {
            break;
        }
        nrec++;
        size_t nf = shi_csv_nfields(csv);
        deal d;
        if (nf == NHEAD) {
            /* A line break in Comments: keep the first part, read the rest. */
            long hl = shi_csv_line(csv);
            size_t len = 0;
            for (size_t k = 0; k < NHEAD; k++) {
                len += strlen(shi_csv_field(csv, k)) + 1;
            }
            char *q = realloc(held, len);
            if (!q) {
                s = shi_err_set(err, SHI_EIO, "out of memory");
                goto cleanup;
            }
            held = q;
            for (size_t k = 0; k < NHEAD; k++) {
                size_t fl = strlen(shi_csv_field(csv, k)) + 1;
                memcpy(q, shi_csv_field(csv, k), fl);
                d.f[k] = q;
                shi_csv_field_pos(csv, k, &d.line[k], &d.col[k]);
                q += fl;
            }
            if ((s = shi_csv_next(csv, &got, err)) != SHI_OK) {
                goto cleanup;
            }
            if (!got || shi_csv_nfields(csv) != NTAIL) {
                s = shi_err_set_at(err, SHI_EDATA, file, hl, 1,
                                   "expected %d fields as in the header, got %d and no "
                                   "%d-field continuation line (a line break in 'Comments')",
                                   NCOLS, NHEAD, NTAIL);
                goto cleanup;
            }
            nrec++;
            nrejoin++;
            /* Field 0 of the tail is the rest of Comments: not used. */
            deal_from_csv(&d, csv, NHEAD, 1, NTAIL - 1);
        } else if (nf == NCOLS) {
            deal_from_csv(&d, csv, 0, 0, NCOLS);
        } else {
            s = shi_err_set_at(err, SHI_EDATA, file, shi_csv_line(csv), 1,
                               "expected %d fields as in the header, got %zu", NCOLS, nf);
            goto cleanup;
        }
        if ((s = take_deal(file, &d, (int32_t)ndeal, &c, &ndeliv, err)) != SHI_OK) {
            goto cleanup;
        }
        ndeal++;
    }
    if (ndeal == 0) {
        s = shi_err_set_at(err, SHI_EDATA, file, opts.skip_lines + 2, 0,
                           "no records after the header");
        goto cleanup;
    }
    if ((s = aggregate(&c, out, err)) != SHI_OK) {
        goto cleanup;
    }
    out->n_records = nrec;
    out->n_deals = ndeal;
    out->n_rejoined = nrejoin;
    out->n_delivered = ndeliv;
cleanup:
    free(held);
    free(c.v);
    shi_csv_free(csv);
    return s;
}

/* ------------------------------------------------------------------------ */
/* SIPRI's totals files                                                      */
/* ------------------------------------------------------------------------ */

shi_status shi_io_read_sipri_totals(const char *path, shi_sipri_totals *out, shi_err *err)
{
    shi_csv_opts opts = {0};
    opts.skip_lines = 9;
    shi_csv *csv = NULL;
    shi_status s = shi_csv_open(&csv, path, &opts, err);
    if (s != SHI_OK) {
        return s;
    }
    const char *file = shi_csv_name(csv);
    long hline = opts.skip_lines + 1;
    const char *c0 = shi_csv_colname(csv, 0);
    int exports = strcmp(c0, "Exports by") == 0;
    if (!exports && strcmp(c0, "Recipient") != 0) {
        s = shi_err_set_at(err, SHI_EDATA, file, hline, 1,
                           "expected 'Recipient' or 'Exports by' as the first column, got '%s'",
                           c0);
        goto cleanup;
    }
    size_t nc = shi_csv_ncols(csv);
    int *ycol = calloc(nc ? nc : 1, sizeof *ycol); /* year of each column, 0 if none */
    if (!ycol) {
        s = shi_err_set(err, SHI_EIO, "out of memory");
        goto cleanup;
    }
    for (size_t i = 1; i < nc; i++) {
        const char *p = shi_csv_colname(csv, i);
        int y;
        if (parse_year(&p, &y) && *p == '\0') {
            ycol[i] = y;
        }
    }
    out->exports = exports;
    size_t first = out->n;
    /* Cells become rows (a wide file): the row reader of spec.h does not fit,
     * the table is grown here. */
    const shi_col_ref cols[] = {SHI_COL_REF(out->ccode), SHI_COL_REF(out->year),
                                SHI_COL_REF(out->tiv),   SHI_COL_REF(out->lt_half),
                                SHI_COL_REF(out->name),  SHI_COL_REF(out->line),
                                SHI_COL_REF(out->col)};
    for (;;) {
        int got = 0;
        if ((s = shi_csv_next(csv, &got, err)) != SHI_OK || !got) {
            break;
        }
        const char *name = shi_csv_field(csv, 0);
        int world = strncmp(name, "Total world ", 12) == 0;
        int cc = SHI_SIPRI_WORLD;
        if (!world && !shi_sipri_name_lookup(name, 2000, &cc)) {
            s = shi_csv_field_error(csv, 0, err,
                                    "unknown SIPRI name (not in src/io/sipri_names.c)");
            break;
        }
        if (strlen(name) >= SHI_SIPRI_NAME_MAX) {
            s = shi_csv_field_error(csv, 0, err, "name too long");
            break;
        }
        for (size_t i = 1; i < nc && s == SHI_OK; i++) {
            const char *f = shi_csv_field(csv, i);
            if (!ycol[i] || f[strspn(f, " ")] == '\0') {
                continue; /* a summary column, or no deliveries */
            }
            double v;
            if (!parse_tiv(f, &v)) {
                s = shi_csv_field_error(csv, i, err, "expected a TIV 0-1e6 (millions)");
                break;
            }
            if (shi_grow_columns(cols, sizeof cols / sizeof cols[0], &out->cap, out->n + 1, 1024) !=
                0) {
                s = shi_err_set(err, SHI_EIO, "out of memory");
                break;
            }
            int code = cc;
            if (!world) {
                shi_sipri_name_lookup(name, ycol[i], &code);
            }
            long line, col;
            shi_csv_field_pos(csv, i, &line, &col);
            size_t r = out->n++;
            out->ccode[r] = code;
            out->year[r] = ycol[i];
            out->tiv[r] = v;
            out->lt_half[r] = v == 0.0;
            snprintf(out->name[r], SHI_SIPRI_NAME_MAX, "%s", name);
            out->line[r] = (int32_t)line;
            out->col[r] = (int32_t)col;
        }
        if (s != SHI_OK) {
            break;
        }
    }
    if (s == SHI_OK && out->n == first) {
        s = shi_err_set_at(err, SHI_EDATA, file, hline + 1, 0, "no deliveries after the header");
    }
    free(ycol);
cleanup:
    shi_csv_free(csv);
    return s;
}

double shi_sipri_totals_sum(const shi_sipri_totals *t, int ccode, int y0, int y1)
{
    double sum = 0.0;
    for (size_t i = 0; i < t->n; i++) {
        if (t->ccode[i] == ccode && t->year[i] >= y0 && t->year[i] <= y1) {
            sum += t->tiv[i];
        }
    }
    return sum;
}
