/*
 * fuzz_shd.c - libFuzzer target for the .shd sections (src/io/shd.c and its
 * readers): the first byte picks the main file (registry and capabilities,
 * read by shi_data_load_shd) or the dyadic file (read against the embedded
 * registry). Seeds: the first and last lines of data/default.shd and
 * data/dyadic.shd, with a valid 'end' record, and mutations of them. A file
 * that loads keeps the invariants the loader promises (a registry and a
 * panel with rows).
 */
#include <stdint.h>
#include <string.h>

#include <shi/data.h>
#include <shi/dyadic.h>

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    shi_err err = {0};
    if (data[0] % 2 == 0) {
        const char *path = fuzz_file(data + 1, size - 1, ".shd");
        shi_data d;
        shi_status s = shi_data_load_shd(&d, path, &err);
        fuzz_check_err(s, &err, size);
        if (s == SHI_OK) {
            FUZZ_CHECK(d.states.n > 0 && d.caps.nrow > 0);
            shi_data_destroy(&d);
        }
        unlink(path);
        return 0;
    }
    /* The registry of the embedded data, loaded once per process. */
    static shi_data reg;
    static int have;
    if (!have) {
        FUZZ_CHECK(shi_data_load(&reg, NULL, &err) == SHI_OK);
        have = 1;
    }
    shi_dyadic dy;
    memset(&dy, 0, sizeof dy);
    shi_status s =
        shi_dyadic_read_shd(&dy, &reg.states, 1990, 2000, "fuzz.shd", data + 1, size - 1, &err);
    fuzz_check_err(s, &err, size);
    shi_dyadic_destroy(&dy);
    return 0;
}
