/*
 * shi/shi.h - the whole public interface of libshi in one include.
 *
 * shi turns realist theory of international politics into computation over
 * real data. The library is layered (docs/architecture.md): sources (io) ->
 * panel (the data view) -> measures -> models -> analysis -> views (output,
 * report). A program usually opens the data once, then calls measures,
 * models or the pair analysis on the read-only view:
 *
 *     shi_data d = {0};
 *     shi_err err = {0};
 *     shi_data_spec spec = {NULL, NULL, NULL, NULL, SHI_DATA_ALL};
 *     if (shi_data_open(&d, &spec, &err) != SHI_OK) { puts(err.msg); ... }
 *     shi_pair_opts o = {365, 710, 0, 1992, 2022, NULL};
 *     shi_pair_analysis pa;
 *     if (shi_pair_analyze(&pa, &d, &o, &err) == SHI_OK) {
 *         shi_report_summary(stdout, &d, &pa, &err);
 *         shi_pair_free(&pa);
 *     }
 *     shi_data_destroy(&d);
 *
 * Link with `pkg-config --libs shi`. Every function returns a shi_status and
 * fills a caller-owned shi_err; every allocation handed back has its _free or
 * _destroy, named in its header.
 */
#ifndef SHI_SHI_H
#define SHI_SHI_H

/* core */
#include <shi/api.h>
#include <shi/error.h>
#include <shi/missing.h>
#include <shi/outfile.h>
#include <shi/rng.h>

/* io: file formats and importers */
#include <shi/csv.h>
#include <shi/io.h>
#include <shi/io_dyad.h>
#include <shi/io_econ.h>
#include <shi/io_conflict.h>
#include <shi/io_events.h>
#include <shi/io_unsc.h>
#include <shi/io_national.h>
#include <shi/io_trade.h>
#include <shi/io_sipri.h>
#include <shi/io_energy.h>

/* panel: the data view */
#include <shi/data.h>
#include <shi/dyadic.h>
#include <shi/dyads.h>
#include <shi/energy.h>
#include <shi/geo.h>
#include <shi/events.h>
#include <shi/flows.h>
#include <shi/frame.h>
#include <shi/panel.h>
#include <shi/relations.h>
#include <shi/states.h>

/* measures */
#include <shi/align.h>
#include <shi/dependence.h>
#include <shi/dyadvars.h>
#include <shi/stateyears.h>
#include <shi/eu.h>
#include <shi/energy_share.h>
#include <shi/geography.h>
#include <shi/power.h>
#include <shi/mktrend.h>
#include <shi/similarity.h>
#include <shi/sphere.h>
#include <shi/threat.h>
#include <shi/trade.h>

/* models */
#include <shi/coop.h>
#include <shi/coop_dyad.h>
#include <shi/drivers.h>
#include <shi/drivers_id.h>
#include <shi/dyad_drivers.h>
#include <shi/unitroot.h>
#include <shi/validate.h>
#include <shi/formation.h>
#include <shi/scenarios.h>
#include <shi/mnl.h>
#include <shi/eu_replicate.h>

/* analysis */
#include <shi/drivers_pair.h>
#include <shi/drivers_reference.h>
#include <shi/pair.h>
#include <shi/threat_validate.h>
#include <shi/futures.h>

/* views */
#include <shi/coop_svg.h>
#include <shi/futures_svg.h>
#include <shi/frame_io.h>
#include <shi/report.h>
#include <shi/tables.h>
#include <shi/svg.h>
#include <shi/cite.h>
#include <shi/table.h>

/* bind: the flat API of the R and Python bindings */
#include <shi/bind.h>

#endif
