/*
 * fuzz_events.c - libFuzzer target for the events file (src/panel/events.c,
 * data/events.tsv's format): an error is well formed; a file that loads has
 * events with 1-8 states. Seeds: the head of data/events.tsv.
 */
#include <stdint.h>

#include <shi/events.h>

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file(data, size, ".tsv");
    shi_events e;
    shi_err err = {0};
    shi_status s = shi_events_load(&e, path, &err);
    fuzz_check_err(s, &err, size);
    if (s == SHI_OK) {
        for (size_t i = 0; i < e.n; i++) {
            FUZZ_CHECK(e.v[i].nstates <= SHI_EVENT_MAX_STATES);
        }
        shi_events_destroy(&e);
    }
    unlink(path);
    return 0;
}
