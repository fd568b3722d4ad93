/*
 * cite.c - the sources' citations as BibTeX (`shi data info --format bibtex`).
 *
 * A source records its citation as one line of text ("Authors. YEAR. Title.
 * Journal ..."), sometimes two works joined by "; ". Parsing titles out of
 * that would guess; the entry takes only what the pattern makes certain
 * (authors and year of the first work), titles itself with the data set's
 * name and version, and keeps the full citation as the note, so nothing is
 * lost and nothing invented.
 */
#include <shi/cite.h>

#include <ctype.h>
#include <string.h>

/* s[0..n) with BibTeX's special characters escaped. */
static void put_tex(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        char c = s[i];
        if (strchr("&%$#_{}", c)) {
            fputc('\\', f);
            fputc(c, f);
        } else if (c == '~' || c == '^' || c == '\\') {
            fputs(c == '~'   ? "\\textasciitilde{}"
                  : c == '^' ? "\\textasciicircum{}"
                             : "\\textbackslash{}",
                  f);
        } else {
            fputc(c, f);
        }
    }
}

/* The first ". YYYY." of the citation: its offset in *at, the year in *year. */
static int find_year(const char *cit, size_t *at, int *year)
{
    for (const char *p = strstr(cit, ". "); p; p = strstr(p + 1, ". ")) {
        if (isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
            isdigit((unsigned char)p[4]) && isdigit((unsigned char)p[5]) && p[6] == '.') {
            *at = (size_t)(p - cit);
            *year = (p[2] - '0') * 1000 + (p[3] - '0') * 100 + (p[4] - '0') * 10 + (p[5] - '0');
            return 1;
        }
    }
    return 0;
}

static void entry(FILE *f, const shi_source *s)
{
    const char *cit = s->citation;
    size_t at = 0;
    int year = 0;
    int has_year = find_year(cit, &at, &year);
    size_t alen = has_year ? at : strcspn(cit, ".");
    if (has_year && alen >= 2 && isupper((unsigned char)cit[alen - 1]) &&
        (cit[alen - 2] == ' ' || cit[alen - 2] == '.')) {
        alen++; /* "Bleek, Philipp C. 2017.": the initial keeps its point */
    }
    int et_al = alen > 7 && strncmp(cit + alen - 7, " et al.", 7) == 0;
    int et_al_nodot = alen > 6 && strncmp(cit + alen - 6, " et al", 6) == 0;
    if (et_al || et_al_nodot) {
        alen -= et_al ? 7 : 6; /* BibTeX's "and others" */
    }
    /* "Singer, J. David, Stuart Bremer and John Stuckey": "and" joins the last
     * two; BibTeX wants "and" between all of them. */
    fprintf(f, "@misc{shi:%s,\n  author = {", s->id);
    const char *a = cit;
    int corporate = memchr(cit, ',', alen) == NULL;
    if (corporate) {
        fputc('{', f);
        put_tex(f, a, alen);
        fputc('}', f);
    } else {
        /* Split "Last, First, First Last, First Last and First Last". */
        const char *end = cit + alen;
        const char *comma = memchr(a, ',', alen);
        put_tex(f, a, (size_t)(comma - a)); /* first author's last name */
        const char *p = comma;
        const char *next = memchr(p + 1, ',', (size_t)(end - p - 1));
        fputs(",", f);
        put_tex(f, p + 1, (size_t)((next ? next : end) - p - 1)); /* first names */
        for (p = next; p && p < end;) {
            next = memchr(p + 1, ',', (size_t)(end - p - 1));
            fputs(" and", f);
            put_tex(f, p + 1, (size_t)((next ? next : end) - p - 1));
            p = next;
        }
    }
    fputs(et_al || et_al_nodot ? " and others},\n" : "},\n", f);
    if (has_year) {
        fprintf(f, "  year = {%d},\n", year);
    }
    fputs("  title = {{", f);
    put_tex(f, s->name, sizeof s->name);
    fputs("}},\n  version = {", f);
    put_tex(f, s->version, sizeof s->version);
    fputs("},\n  howpublished = {", f);
    put_tex(f, s->file, sizeof s->file);
    fputs("},\n  note = {", f);
    put_tex(f, cit, sizeof s->citation);
    fputs("}\n}\n", f);
}

shi_status shi_sources_write_bibtex(const shi_source *src, size_t n, FILE *f, shi_err *err)
{
    for (size_t i = 0; i < n; i++) {
        if (i) {
            fputc('\n', f);
        }
        entry(f, &src[i]);
    }
    if (ferror(f)) {
        return shi_err_set(err, SHI_EIO, "write error");
    }
    return SHI_OK;
}
