/*
 * frame_format.c - the names and file extensions of the frame writers' formats.
 */
#include <shi/frame_io.h>

#include <ctype.h>
#include <string.h>

/* ---- format names -------------------------------------------------------- */

/* strcasecmp without the locale (and without POSIX). */
static int strcasecmp_ascii(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = tolower((unsigned char)*a), y = tolower((unsigned char)*b);
        if (x != y || !x) {
            return x - y;
        }
    }
}

shi_status shi_frame_format_parse(const char *name, shi_frame_format *out, shi_err *err)
{
    static const struct {
        const char *name;
        shi_frame_format fmt;
    } names[] = {{"table", SHI_FF_TABLE}, {"csv", SHI_FF_CSV},     {"tsv", SHI_FF_TSV},
                 {"json", SHI_FF_JSON},   {"jsonl", SHI_FF_JSONL}, {"sqlite", SHI_FF_SQLITE},
                 {"db", SHI_FF_SQLITE},   {"dta", SHI_FF_DTA}};
    for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp_ascii(name, names[i].name) == 0) {
            *out = names[i].fmt;
            return SHI_OK;
        }
    }
    return shi_err_set(err, SHI_EUSAGE,
                       "unknown format '%.60s'; valid formats are table, csv, tsv, json, jsonl, "
                       "sqlite, dta",
                       name ? name : "");
}

static int ends_with(const char *s, const char *ext)
{
    size_t n = strlen(s), m = strlen(ext);
    if (n <= m || s[n - m - 1] == '/') {
        return 0; /* ".csv" alone is a hidden file, not a CSV */
    }
    for (size_t i = 0; i < m; i++) {
        if (tolower((unsigned char)s[n - m + i]) != ext[i]) {
            return 0;
        }
    }
    return 1;
}

int shi_frame_format_from_path(const char *path)
{
    static const struct {
        const char *ext;
        shi_frame_format fmt;
    } exts[] = {{".csv", SHI_FF_CSV},   {".tsv", SHI_FF_TSV},       {".jsonl", SHI_FF_JSONL},
                {".json", SHI_FF_JSON}, {".sqlite", SHI_FF_SQLITE}, {".db", SHI_FF_SQLITE},
                {".dta", SHI_FF_DTA}};
    if (!path) {
        return -1;
    }
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        if (ends_with(path, exts[i].ext)) {
            return (int)exts[i].fmt;
        }
    }
    return -1;
}
