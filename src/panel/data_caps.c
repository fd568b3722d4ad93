/*
 * data_caps.c - the registry and the capability panel of shi_data: from the
 * embedded default set, a .shd file, or the official files in a directory;
 * and the building of the default set from those files. Called by data.c,
 * which holds the loading order.
 *
 * The .shd format ("shi data", version 1) is tab-separated text, one record a
 * line, the first field naming the record type:
 *
 *   shi-data  1
 *   note      <free text>
 *   source    id  name  version  citation  file
 *   member    ccode  abb  name  start  end          (yyyymmdd; a membership spell)
 *   major     ccode  abb  start  end                 (a major-power spell)
 *   iso3      ccode  ISO                             (ISO 3166 alpha-3 of a COW code)
 *   cap       ccode  year  milex milper irst pec tpop upop cinc   (empty = missing)
 *
 * It keeps exactly the fields shi uses, with numbers printed so that they read
 * back to the same double, and no time stamp, so that building it twice from
 * the same files gives the same bytes.
 */
#include <shi/csv.h>
#include <shi/data.h>
#include <shi/io.h>
#include <shi/outfile.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/mem.h"
#include "../io/shd.h"
#include "data_priv.h"

extern const unsigned char shi_embedded_data[];
extern const size_t shi_embedded_data_len;

/* The official files shi reads, in the order they are loaded. */
typedef struct known_source {
    const char *id;
    const char *name;
    const char *citation;
    const char *paths[4]; /* relative to a data directory; first found wins */
} known_source;

static const known_source KNOWN[] = {
    {"states",
     "COW State System Membership List",
     "Correlates of War Project. 2017. State System Membership List, v2016. "
     "https://correlatesofwar.org",
     {"states2016.csv", "cow_state_system_v2016/states2016.csv", NULL, NULL}},
    {"majors",
     "COW Major Powers list",
     "Correlates of War Project. 2025. State System Membership List, v2024 (major powers). "
     "https://correlatesofwar.org",
     {"majors2024.csv", "cow_state_system_v2024/majors2024.csv", NULL, NULL}},
    {"iso3",
     "UN General Assembly ideal points (COW-ISO code pairs only)",
     "Bailey, Michael A., Anton Strezhnev and Erik Voeten. 2017. Estimating Dynamic State "
     "Preferences from United Nations Voting Data. Journal of Conflict Resolution 61(2): "
     "430-456. Data: https://doi.org/10.7910/DVN/LEJUQZ",
     {"IdealpointestimatesAll_Jun2024.csv",
      "unga_voting_bailey_strezhnev_voeten/IdealpointestimatesAll_Jun2024.csv", NULL, NULL}},
    {"nmc",
     "COW National Material Capabilities",
     "Singer, J. David, Stuart Bremer and John Stuckey. 1972. Capability Distribution, "
     "Uncertainty, and Major Power War, 1820-1965. In Bruce Russett (ed.), Peace, War, and "
     "Numbers, 19-48. Beverly Hills: Sage. NMC data documentation v6.0 (Greig and Enterline "
     "2021) / v7.0 (2025)",
     {"NMC-70-abridged.csv", "cow_nmc_v7.0/NMC-70-abridged.csv", "NMC-60-abridged.csv",
      "cow_nmc_v6.0/NMC-60-abridged.csv"}},
};
#define NKNOWN (sizeof KNOWN / sizeof KNOWN[0])

/* Everything read, before it becomes a registry and a panel. */
typedef struct raw {
    shi_spell_recs members, majors;
    shi_iso_recs iso;
    shi_nmc_table nmc;
    char nmc_path[300]; /* for messages that point into the capability file */
    shi_source src[NKNOWN];
} raw;

static void raw_destroy(raw *r)
{
    shi_spell_recs_destroy(&r->members);
    shi_spell_recs_destroy(&r->majors);
    shi_iso_recs_destroy(&r->iso);
    shi_nmc_table_destroy(&r->nmc);
}

static void set_source(shi_source *s, const known_source *k, const char *version, const char *file,
                       const char *loaded)
{
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "%s", k->id);
    snprintf(s->name, sizeof s->name, "%s", k->name);
    snprintf(s->version, sizeof s->version, "%s", version);
    snprintf(s->citation, sizeof s->citation, "%s", k->citation);
    snprintf(s->file, sizeof s->file, "%s", file);
    snprintf(s->loaded, sizeof s->loaded, "%s", loaded);
}

/* ---- .shd reading -----------------------------------------------------------
 *
 * A record is checked as the importer checks the official file's row (issue
 * 20, defect 4): dates are days of the calendar, spells do not end before
 * they start, components are within their plausible range and cinc is a
 * share; a value that fails is an error at its field.
 */

/* Is yyyymmdd a day of the calendar (Gregorian)? */
static int valid_day(int64_t v)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int64_t y = v / 10000, m = v / 100 % 100, d = v % 100;
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) {
        return 0;
    }
    return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

static shi_status shd_spell(const shi_csv *c, shi_spell_recs *out, int with_name, shi_err *err)
{
    shi_status s = shi_shd_fields(c, with_name ? 6 : 5, err);
    if (s != SHI_OK) {
        return s;
    }
    if (SHI_GROW(out->v, out->cap, out->n + 1) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    shi_spell_rec *r = &out->v[out->n];
    memset(r, 0, sizeof *r);
    int64_t cc, a, b;
    size_t k = with_name ? 4 : 3;
    if ((s = shi_shd_int(c, 1, 1, 999, &cc, err)) != SHI_OK ||
        (s = shi_shd_int(c, k, 18000101, 21001231, &a, err)) != SHI_OK ||
        (s = shi_shd_int(c, k + 1, 18000101, 21001231, &b, err)) != SHI_OK) {
        return s;
    }
    if (!valid_day(a) || !valid_day(b)) {
        return shi_csv_field_error(c, valid_day(a) ? k + 1 : k, err,
                                   "expected a date yyyymmdd that is a day of the calendar");
    }
    if (b < a) {
        return shi_csv_field_error(c, k + 1, err, "spell ends before it starts");
    }
    r->ccode = (int)cc;
    r->start = (int32_t)a;
    r->end = (int32_t)b;
    snprintf(r->abb, sizeof r->abb, "%s", shi_csv_field(c, 2));
    if (with_name) {
        snprintf(r->name, sizeof r->name, "%s", shi_csv_field(c, 3));
    }
    shi_csv_field_pos(c, 1, &r->line, &r->col);
    out->n++;
    return SHI_OK;
}

static int nmc_reserve(shi_nmc_table *t)
{
    if (t->n < t->cap) {
        return 0;
    }
    size_t cap = t->cap ? 2 * t->cap : 1024;
#define G(p)                                                                                       \
    do {                                                                                           \
        void *q = realloc((p), cap * sizeof *(p));                                                 \
        if (!q) {                                                                                  \
            return -1;                                                                             \
        }                                                                                          \
        (p) = q;                                                                                   \
    } while (0)
    G(t->ccode);
    G(t->year);
    for (int k = 0; k < SHI_NCOMP; k++) {
        G(t->comp[k]);
    }
    G(t->cinc);
    G(t->line);
    G(t->col);
#undef G
    t->cap = cap;
    return 0;
}

static shi_status shd_cap(const shi_csv *c, shi_nmc_table *t, shi_err *err)
{
    shi_status s = shi_shd_fields(c, 3 + SHI_NCOMP + 1, err);
    if (s != SHI_OK) {
        return s;
    }
    if (nmc_reserve(t) != 0) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    size_t r = t->n;
    int64_t cc, yr;
    if ((s = shi_shd_int(c, 1, 1, 999, &cc, err)) != SHI_OK ||
        (s = shi_shd_int(c, 2, 1816, 2100, &yr, err)) != SHI_OK) {
        return s;
    }
    for (int k = 0; k <= SHI_NCOMP; k++) {
        double v;
        int miss;
        if ((s = shi_csv_real(c, (size_t)(3 + k), &v, &miss, err)) != SHI_OK) {
            return s;
        }
        double hi = k < SHI_NCOMP ? shi_nmc_component_max[k] : 1;
        if (!miss && (v < 0 || v > hi)) {
            char what[64];
            snprintf(what, sizeof what, "expected a number from 0 to %g", hi);
            return shi_csv_field_error(c, (size_t)(3 + k), err, what);
        }
        if (k < SHI_NCOMP) {
            t->comp[k][r] = v;
        } else {
            t->cinc[r] = v;
        }
    }
    long line, col;
    shi_csv_field_pos(c, 1, &line, &col);
    t->ccode[r] = (int32_t)cc;
    t->year[r] = (int32_t)yr;
    t->line[r] = (int32_t)line;
    t->col[r] = (int32_t)col;
    t->n++;
    return SHI_OK;
}

static shi_status parse_shd(raw *r, shi_csv *c, const char *loaded, shi_err *err)
{
    shi_status s = SHI_OK;
    int got = 1, header = 0;
    size_t nsrc = 0;
    shi_shd_sum sum = {0};
    while (s == SHI_OK) {
        s = shi_shd_next(c, &sum, &got, err);
        if (s != SHI_OK || !got) {
            break;
        }
        const char *tag = shi_csv_field(c, 0);
        if (!header) {
            if ((s = shi_shd_header(c, err)) != SHI_OK) {
                return s;
            }
            header = 1;
        } else if (strcmp(tag, "note") == 0) {
            continue;
        } else if (strcmp(tag, "source") == 0) {
            if ((s = shi_shd_fields(c, 6, err)) != SHI_OK) {
                break;
            }
            const known_source *k = NULL;
            for (size_t i = 0; i < NKNOWN; i++) {
                if (strcmp(KNOWN[i].id, shi_csv_field(c, 1)) == 0) {
                    k = &KNOWN[i];
                }
            }
            if (!k || nsrc >= NKNOWN) {
                s = shi_csv_field_error(c, 1, err, "unknown source id");
                break;
            }
            set_source(&r->src[nsrc], k, shi_csv_field(c, 3), shi_csv_field(c, 5), loaded);
            /* The file records its own name and citation for the source. */
            snprintf(r->src[nsrc].name, sizeof r->src[nsrc].name, "%s", shi_csv_field(c, 2));
            snprintf(r->src[nsrc].citation, sizeof r->src[nsrc].citation, "%s",
                     shi_csv_field(c, 4));
            nsrc++;
        } else if (strcmp(tag, "member") == 0) {
            s = shd_spell(c, &r->members, 1, err);
        } else if (strcmp(tag, "major") == 0) {
            s = shd_spell(c, &r->majors, 0, err);
        } else if (strcmp(tag, "iso3") == 0) {
            if ((s = shi_shd_fields(c, 3, err)) != SHI_OK) {
                break;
            }
            int64_t cc;
            if ((s = shi_shd_int(c, 1, 1, 999, &cc, err)) != SHI_OK) {
                break;
            }
            if (SHI_GROW(r->iso.v, r->iso.cap, r->iso.n + 1) != 0) {
                s = shi_err_set(err, SHI_EIO, "out of memory");
                break;
            }
            r->iso.v[r->iso.n].ccode = (int)cc;
            snprintf(r->iso.v[r->iso.n].iso3, 4, "%s", shi_csv_field(c, 2));
            r->iso.n++;
        } else if (strcmp(tag, "cap") == 0) {
            s = shd_cap(c, &r->nmc, err);
        } else {
            s = shi_csv_field_error(c, 0, err, "unknown record type");
        }
    }
    if (s == SHI_OK && (!header || nsrc != NKNOWN || r->members.n == 0 || r->nmc.n == 0)) {
        s = shi_err_set_at(err, SHI_EDATA, shi_csv_name(c), 0, 0,
                           "incomplete shi data file: needs every source, members and "
                           "capabilities");
    }
    return s;
}

static shi_status read_shd_mem(raw *r, const char *name, const void *buf, size_t len,
                               const char *loaded, shi_err *err)
{
    shi_csv *c = NULL;
    shi_status s = shi_shd_open(&c, name, buf, len, err);
    if (s == SHI_OK) {
        s = parse_shd(r, c, loaded, err);
    }
    shi_csv_free(c);
    snprintf(r->nmc_path, sizeof r->nmc_path, "%s", name);
    return s;
}

static shi_status read_shd_file(raw *r, const char *path, shi_err *err)
{
    shi_csv *c = NULL;
    shi_status s = shi_shd_open(&c, path, NULL, 0, err);
    if (s == SHI_OK) {
        s = parse_shd(r, c, path, err);
    }
    shi_csv_free(c);
    snprintf(r->nmc_path, sizeof r->nmc_path, "%s", path);
    return s;
}

/* ---- official files ------------------------------------------------------------ */

static int find_official(const char *dir, size_t k, char *path, size_t size)
{
    for (int i = 0; i < 4 && KNOWN[k].paths[i]; i++) {
        snprintf(path, size, "%s/%s", dir, KNOWN[k].paths[i]);
        if (shi_i_file_exists(path)) {
            return 1;
        }
    }
    return 0;
}

/* Read source k from `dir` if one of its files is there. *found tells. */
static shi_status read_official(raw *r, size_t k, const char *dir, int *found, shi_err *err)
{
    char path[300];
    const known_source *ks = &KNOWN[k];
    *found = find_official(dir, k, path, sizeof path);
    if (!*found) {
        return SHI_OK;
    }
    shi_status s = SHI_OK;
    char version[32] = "";
    if (strcmp(ks->id, "states") == 0) {
        shi_spell_recs_destroy(&r->members);
        s = shi_io_read_cow_states(path, &r->members, err);
        snprintf(version, sizeof version, "v%d", r->members.version);
    } else if (strcmp(ks->id, "majors") == 0) {
        shi_spell_recs_destroy(&r->majors);
        s = shi_io_read_cow_majors(path, &r->majors, err);
        snprintf(version, sizeof version, "v%d", r->majors.version);
    } else if (strcmp(ks->id, "iso3") == 0) {
        shi_iso_recs_destroy(&r->iso);
        s = shi_io_read_unga_iso3(path, &r->iso, err);
        snprintf(version, sizeof version, "June 2024 release");
    } else {
        shi_nmc_table_destroy(&r->nmc);
        s = shi_io_read_nmc(path, &r->nmc, err);
        /* The version column holds the release year: 2021 is v6.0, 2025 is v7.0. */
        int v = r->nmc.version;
        snprintf(version, sizeof version, "%s",
                 v == 2021   ? "6.0"
                 : v == 2025 ? "7.0"
                             : "unknown release");
        snprintf(r->nmc_path, sizeof r->nmc_path, "%s", path);
    }
    if (s == SHI_OK) {
        set_source(&r->src[k], ks, version, shi_i_base_name(path), path);
    }
    return s;
}

/* ---- from raw records to registry and panel -------------------------------------- */

/* NMC's own cinc column against the CINC computed from the components: COW
 * stores it as a float, so they agree to within float precision (cinc.c); a
 * larger difference means a component or the cinc was changed (issue 20,
 * defect 6). The tolerance is two float ulps, 2^-22 relative: the official
 * v6.0 and v7.0 files differ by at most 1.15e-7 relative. */
static shi_status check_cinc(const shi_data *d, const shi_nmc_table *t, const size_t *perm,
                             size_t cow, const char *path, shi_err *err)
{
    const shi_panel *p = &d->caps;
    for (size_t row = 0; row < t->n; row++) {
        if (!shi_panel_ok(p, cow, row) || !shi_panel_ok(p, d->cinc, row)) {
            continue;
        }
        double a = shi_panel_get(p, cow, row), b = shi_panel_get(p, d->cinc, row);
        if (fabs(a - b) > 0x1p-22 * fmax(fabs(a), fabs(b)) + 1e-12) {
            size_t i = perm[row];
            return shi_err_set_at(err, SHI_EDATA, path, t->line[i], t->col[i],
                                  "cinc %.8g of state %d in %d differs from %.8g computed from "
                                  "its components (beyond float precision): a component or the "
                                  "cinc is wrong, or the file lacks states of that year",
                                  a, (int)t->ccode[i], (int)t->year[i], b);
        }
    }
    return SHI_OK;
}

static shi_status finish(shi_data *d, raw *r, shi_err *err)
{
    /* The membership list is right-censored at its last day (2016-12-31 for
     * v2016): spells that reach it are extended to the major-power list's last
     * day (2024-12-31). This assumes no entry or exit in 2017-2024; the v2024
     * membership list that would settle it is not available as CSV. */
    int32_t censor = 0, horizon = 0;
    for (size_t i = 0; i < r->members.n; i++) {
        if (r->members.v[i].end > censor) {
            censor = r->members.v[i].end;
        }
    }
    for (size_t i = 0; i < r->majors.n; i++) {
        if (r->majors.v[i].end > horizon) {
            horizon = r->majors.v[i].end;
        }
    }
    if (horizon <= censor) {
        censor = horizon = 0;
    }
    const char *mpath = r->src[0].loaded, *jpath = r->src[1].loaded;
    shi_status s = shi_states_build(&d->states, &r->members, mpath, &r->majors, jpath, &r->iso,
                                    censor, horizon, err);
    if (s != SHI_OK) {
        return s;
    }
    const shi_nmc_table *t = &r->nmc;
    for (size_t i = 0; i < t->n; i++) {
        if (!shi_states_get(&d->states, t->ccode[i])) {
            return shi_err_set_at(err, SHI_EDATA, r->nmc_path, t->line[i], t->col[i],
                                  "unknown state code %d in column 'ccode' (not in the COW "
                                  "state system list)",
                                  (int)t->ccode[i]);
        }
    }
    size_t *perm = malloc((t->n ? t->n : 1) * sizeof *perm);
    if (!perm) {
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    s = shi_panel_init_keys(&d->caps, t->ccode, t->year, t->n, perm, r->nmc_path, t->line, err);
    size_t col[SHI_NCOMP + 1];
    for (int k = 0; k <= SHI_NCOMP && s == SHI_OK; k++) {
        s = shi_panel_add_column(&d->caps, k < SHI_NCOMP ? shi_nmc_component_names[k] : "cinc_cow",
                                 &col[k], err);
    }
    if (s == SHI_OK) {
        for (size_t row = 0; row < t->n; row++) {
            size_t i = perm[row];
            for (int k = 0; k < SHI_NCOMP; k++) {
                shi_panel_set(&d->caps, col[k], row, t->comp[k][i]);
            }
            shi_panel_set(&d->caps, col[SHI_NCOMP], row, t->cinc[i]);
        }
    }
    /* CINC once, here, so that every measure reads the same column. */
    if (s == SHI_OK) {
        s = shi_cinc_add(&d->caps, &d->cinc, err);
    }
    if (s == SHI_OK) {
        s = check_cinc(d, t, perm, col[SHI_NCOMP], r->nmc_path, err);
    }
    free(perm);
    if (s != SHI_OK) {
        return s;
    }
    memcpy(d->src, r->src, sizeof r->src);
    d->nsrc = NKNOWN;
    return SHI_OK;
}

/* From the embedded set, with each official file found in `dir` replacing its part. */
static shi_status load_embedded(shi_data *d, const char *dir, shi_err *err)
{
    raw r;
    memset(&r, 0, sizeof r);
    shi_status s = SHI_OK;
    size_t have = 0;
    if (dir) {
        struct stat st;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            s = shi_err_set(err, SHI_EUSAGE, "--data: '%s' is not a directory", dir);
        }
        char path[300];
        for (size_t k = 0; k < NKNOWN && s == SHI_OK; k++) {
            have += (size_t)find_official(dir, k, path, sizeof path);
        }
    }
    /* The embedded set fills in whatever the directory does not have. */
    if (s == SHI_OK && have < NKNOWN) {
        s = read_shd_mem(&r, "<embedded data>", shi_embedded_data, shi_embedded_data_len,
                         "embedded", err);
    }
    if (s == SHI_OK && dir) {
        for (size_t k = 0; k < NKNOWN && s == SHI_OK; k++) {
            int found;
            s = read_official(&r, k, dir, &found, err);
        }
    }
    if (s == SHI_OK) {
        s = finish(d, &r, err);
    }
    raw_destroy(&r);
    return s;
}

shi_status shi_i_data_load_caps(shi_data *d, const char *dir, const char *shd, shi_err *err)
{
    if (!shd) {
        return load_embedded(d, dir, err);
    }
    raw r;
    memset(&r, 0, sizeof r);
    shi_status s = read_shd_file(&r, shd, err);
    if (s == SHI_OK) {
        s = finish(d, &r, err);
    }
    raw_destroy(&r);
    return s;
}

/* ---- .shd writing ---------------------------------------------------------------- */

static void write_shd(FILE *f, const raw *r)
{
    fprintf(f, "note\tDerived by 'shi data build' from the official files named below; only the "
               "fields shi uses. Not an official distribution: cite the sources.\n");
    for (size_t k = 0; k < NKNOWN; k++) {
        const shi_source *s = &r->src[k];
        fprintf(f, "source\t%s\t%s\t%s\t%s\t%s\n", s->id, s->name, s->version, s->citation,
                s->file);
    }
    for (size_t i = 0; i < r->members.n; i++) {
        const shi_spell_rec *m = &r->members.v[i];
        fprintf(f, "member\t%d\t%s\t%s\t%d\t%d\n", m->ccode, m->abb, m->name, (int)m->start,
                (int)m->end);
    }
    for (size_t i = 0; i < r->majors.n; i++) {
        const shi_spell_rec *m = &r->majors.v[i];
        fprintf(f, "major\t%d\t%s\t%d\t%d\n", m->ccode, m->abb, (int)m->start, (int)m->end);
    }
    for (size_t i = 0; i < r->iso.n; i++) {
        fprintf(f, "iso3\t%d\t%s\n", r->iso.v[i].ccode, r->iso.v[i].iso3);
    }
    const shi_nmc_table *t = &r->nmc;
    for (size_t i = 0; i < t->n; i++) {
        fprintf(f, "cap\t%d\t%d", (int)t->ccode[i], (int)t->year[i]);
        for (int k = 0; k < SHI_NCOMP; k++) {
            shi_shd_put_real(f, t->comp[k][i]);
        }
        shi_shd_put_real(f, t->cinc[i]);
        fputc('\n', f);
    }
}

shi_status shi_i_data_write_caps(const char *dir, FILE *out, shi_err *err)
{
    raw r;
    memset(&r, 0, sizeof r);
    shi_status s = SHI_OK;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        s = shi_err_set(err, SHI_EUSAGE, "--from: '%s' is not a directory", dir);
    }
    for (size_t k = 0; k < NKNOWN && s == SHI_OK; k++) {
        int found = 0;
        s = read_official(&r, k, dir, &found, err);
        if (s == SHI_OK && !found) {
            s = shi_err_set(err, SHI_EDATA, "'%s' has no %s file (looked for '%s' and '%s')", dir,
                            KNOWN[k].name, KNOWN[k].paths[0], KNOWN[k].paths[1]);
        }
    }
    /* Check that the files make a consistent whole before writing anything. */
    shi_data d;
    memset(&d, 0, sizeof d);
    if (s == SHI_OK) {
        s = finish(&d, &r, err);
    }
    shi_states_destroy(&d.states);
    shi_panel_destroy(&d.caps);
    shi_shd_writer w;
    if (s == SHI_OK && (s = shi_shd_write_begin(&w, err)) == SHI_OK) {
        write_shd(w.f, &r);
        s = shi_shd_write_finish(&w, out, err);
    }
    raw_destroy(&r);
    return s;
}
