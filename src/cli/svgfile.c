/*
 * svgfile.c - the --svg FILE option of the commands that draw (coop, sphere):
 * the file is opened before the work, so a bad path fails at once, and moved
 * into place only when the whole command succeeded.
 */
#include "cli.h"

#include <shi/svg.h>

#include <string.h>

/* ---- --svg FILE: the chart, written atomically ------------------------------ */

/* Open the --svg file (if any) before the work, so a bad path fails at once. */
shi_status cli_svg_open(const char *cmd, const char *path, shi_outfile *f, shi_err *err)
{
    memset(f, 0, sizeof *f);
    if (!path) {
        return SHI_OK;
    }
    if (!*path || strcmp(path, "-") == 0) {
        return shi_err_set(err, SHI_EUSAGE, "%s: --svg takes a file name, got '%s'", cmd, path);
    }
    return shi_outfile_open(f, path, err);
}

/* Write the chart a builder returned (status s) into the --svg file and free it. */
shi_status cli_svg_put(shi_outfile *f, shi_svg_chart *c, shi_status s, shi_err *err)
{
    if (s == SHI_OK) {
        s = shi_svg_write(c, f->fp, err);
    }
    shi_svg_free(c);
    return s;
}

/* Move the --svg file into place when the command succeeded (s == SHI_OK,
 * after its table was written); otherwise discard it. */
shi_status cli_svg_close(shi_outfile *f, shi_status s, shi_err *err)
{
    if (!f->fp) {
        return s;
    }
    if (s == SHI_OK) {
        return shi_outfile_commit(f, err);
    }
    shi_outfile_abort(f);
    return s;
}
