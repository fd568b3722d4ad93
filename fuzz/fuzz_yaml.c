/*
 * fuzz_yaml.c - libFuzzer target for threat model files
 * (src/measures/threat_model.c): a model that loads passes
 * shi_threat_model_check; an error is well formed. Seeds: the models of
 * docs/ and the threat-model bad-input cases.
 */
#include <stdint.h>

#include <shi/threat.h>

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file(data, size, ".yaml");
    shi_threat_model m = shi_threat_model_default();
    shi_err err = {0};
    shi_status s = shi_threat_model_load(&m, path, &err);
    fuzz_check_err(s, &err, size);
    if (s == SHI_OK) {
        FUZZ_CHECK(shi_threat_model_check(&m, &err) == SHI_OK);
    }
    unlink(path);
    return 0;
}
