/*
 * fuzz_import.c - libFuzzer target for the importers, through the
 * table-driven reader (src/io/spec.c) and the few that read rows themselves.
 * The first byte picks the importer, the rest is its file; seeds are the
 * first lines of each official file (fuzz/corpus/import), with the selector
 * byte in front. Besides the sanitizers: an error is well formed
 * (fuzz_util.h), and a table read without error holds at least one row.
 */
#include <stdint.h>
#include <string.h>

#include <shi/io.h>
#include <shi/io_conflict.h>
#include <shi/io_dyad.h>
#include <shi/io_econ.h>
#include <shi/io_energy.h>
#include <shi/io_events.h>
#include <shi/io_national.h>
#include <shi/io_sipri.h>
#include <shi/io_trade.h>
#include <shi/io_unsc.h>

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define READ(type, fn, destroy, n)                                                                 \
    do {                                                                                           \
        type t;                                                                                    \
        memset(&t, 0, sizeof t);                                                                   \
        shi_status s = fn(path, &t, &err);                                                         \
        fuzz_check_err(s, &err, size);                                                             \
        FUZZ_CHECK(s != SHI_OK || (n) > 0);                                                        \
        destroy(&t);                                                                               \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    unsigned which = data[0] % 32;
    const char *path = fuzz_file(data + 1, size - 1, which == 10 ? ".tsv" : ".csv");
    shi_err err = {0};
    size--;
    switch (which) {
    case 0:
        READ(shi_nmc_table, shi_io_read_nmc, shi_nmc_table_destroy, t.n);
        break;
    case 1:
        READ(shi_spell_recs, shi_io_read_cow_states, shi_spell_recs_destroy, t.n);
        break;
    case 2:
        READ(shi_spell_recs, shi_io_read_cow_majors, shi_spell_recs_destroy, t.n);
        break;
    case 3:
        READ(shi_unga_table, shi_io_read_unga, shi_unga_table_destroy, t.n);
        break;
    case 4:
        READ(shi_contig_table, shi_io_read_contiguity, shi_contig_table_destroy, t.n);
        break;
    case 5:
        READ(shi_trade_nat_table, shi_io_read_cow_trade_national, shi_trade_nat_table_destroy, t.n);
        break;
    case 6:
        READ(shi_trade_dyad_table, shi_io_read_cow_trade_dyadic, shi_trade_dyad_table_destroy, t.n);
        break;
    case 7:
        READ(shi_alliance_table, shi_io_read_atop, shi_alliance_table_destroy, t.n);
        break;
    case 8:
        READ(shi_alliance_table, shi_io_read_alliances, shi_alliance_table_destroy, t.n);
        break;
    case 9:
        READ(shi_nuclear_table, shi_io_read_nuclear_status, shi_nuclear_table_destroy, t.n);
        break;
    case 10:
        READ(shi_cameo_table, shi_io_read_cameo_goldstein, shi_cameo_table_destroy, t.n);
        break;
    case 11:
        READ(shi_icews_table, shi_io_read_icews_dyad_year, shi_icews_table_destroy, t.n);
        break;
    case 12:
        READ(shi_capdist_table, shi_io_read_capdist, shi_capdist_table_destroy, t.n);
        break;
    case 13:
        READ(shi_capital_table, shi_io_read_capitals, shi_capital_table_destroy, t.n);
        break;
    case 14:
        READ(shi_polity_table, shi_io_read_polity5, shi_polity_table_destroy, t.n);
        break;
    case 16:
        READ(shi_vdem_table, shi_io_read_vdem, shi_vdem_table_destroy, t.n);
        break;
    case 17:
        READ(shi_mindist_table, shi_io_read_mindist, shi_mindist_table_destroy, t.n);
        break;
    case 18:
        READ(shi_owid_pop_table, shi_io_read_owid_population, shi_owid_pop_table_destroy, t.n);
        break;
    case 19:
        READ(shi_mid_table, shi_io_read_gml_mid, shi_mid_table_destroy, t.n);
        break;
    case 20:
        READ(shi_midb_table, shi_io_read_midb5, shi_midb_table_destroy, t.n);
        break;
    case 21:
        READ(shi_midi_table, shi_io_read_midi5, shi_midi_table_destroy, t.n);
        break;
    case 22:
        READ(shi_midip_table, shi_io_read_midip5, shi_midip_table_destroy, t.n);
        break;
    case 23:
        READ(shi_igo_state_table, shi_io_read_igo_states, shi_igo_state_table_destroy, t.n);
        break;
    case 24:
        READ(shi_wdi_table, shi_io_read_wdi, shi_wdi_table_destroy, t.n);
        break;
    case 25:
        READ(shi_energy_table, shi_io_read_china_customs, shi_energy_table_destroy, t.n);
        break;
    case 26:
        READ(shi_energy_table, shi_io_read_eurostat_energy, shi_energy_table_destroy, t.n);
        break;
    case 27:
        READ(shi_energy_table, shi_io_read_crea_russia, shi_energy_table_destroy, t.n);
        break;
    case 28:
        READ(shi_ei_table, shi_io_read_ei_trade, shi_ei_table_destroy, t.n);
        break;
    case 29:
        READ(shi_sipri_arms, shi_io_read_sipri_register, shi_sipri_arms_destroy, t.n);
        break;
    case 30:
        READ(shi_veto_table, shi_io_read_unsc_vetoes, shi_veto_table_destroy, t.n);
        break;
    case 31:
        READ(shi_gw_table, shi_io_read_gw_states, shi_gw_table_destroy, t.n);
        break;
    default: /* 15 */
        READ(shi_ucdp_table, shi_io_read_ucdp_acd, shi_ucdp_table_destroy, t.n);
        break;
    }
    unlink(path);
    return 0;
}
