/*
 * frame_out.c - writing a frame (shi dyads, shi stateyears): the format from
 * --format or the file's extension, the sources in the metadata, the file
 * written atomically.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <shi/frame_io.h>
#include <shi/outfile.h>

shi_status cli_write_frame(shi_cli *cli, const shi_frame *f, const char *const *keys, size_t nkeys,
                           const char *format, const char *out, const shi_meta *meta, int threads)
{
    shi_frame_format fmt;
    shi_status s = cli_output_format(format, out, isatty(STDOUT_FILENO) ? SHI_FF_TABLE : SHI_FF_CSV,
                                     &fmt, &cli->err);
    if (s != SHI_OK) {
        return s;
    }
    if (f->nrow == 0) {
        fprintf(stderr, "shi: warning: the result is empty (no rows)\n");
    }
    if (fmt == SHI_FF_SQLITE || fmt == SHI_FF_DTA) {
        return fmt == SHI_FF_SQLITE ? shi_frame_write_sqlite(f, keys, nkeys, meta, out, &cli->err)
                                    : shi_frame_write_dta(f, meta, out, &cli->err);
    }
    shi_outfile o;
    if ((s = shi_outfile_open(&o, out, &cli->err)) != SHI_OK) {
        return s;
    }
    int to_stdout = !out || strcmp(out, "-") == 0;
    s = fmt == SHI_FF_TABLE
            ? shi_frame_write_table(f, o.fp, to_stdout ? cli_term_width() : 0, &cli->err)
            : shi_frame_write_text_threads(f, o.fp, fmt, threads, &cli->err);
    if (s == SHI_OK) {
        s = shi_outfile_commit(&o, &cli->err);
    }
    shi_outfile_abort(&o);
    return s;
}

shi_status cli_frame_sources(shi_cli *cli, shi_meta *meta)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "shi %s", SHI_VERSION);
    shi_status s = shi_meta_add(meta, "software", buf, &cli->err);
    for (size_t k = 0; k < cli->data.nsrc && s == SHI_OK; k++) {
        const shi_source *src = &cli->data.src[k];
        char key[64];
        snprintf(key, sizeof key, "source.%s", src->id);
        snprintf(buf, sizeof buf, "%s %s (%s; read from %s)", src->name, src->version, src->file,
                 src->loaded);
        s = shi_meta_add(meta, key, buf, &cli->err);
    }
    return s;
}
