#!/usr/bin/env python3
"""audit_capitals.py - find capital rows of cow_capitals_peacesciencer.csv
that are not where Gleditsch & Ward's capdist.csv puts the capital.

Each capital spell is placed again from capdist.csv alone: least squares on
its great-circle distances to the neighbouring capitals (100-2,500 km, the
latest capital of each neighbour), by a shrinking pattern search started at
the file's point. Rows more than LIMIT km from that fit are printed, the
largest first, with the fit and its rms residual. A row on the list is not
an error by itself: G&W keep one capital per state (a moved capital shows up)
and are noisy on small islands; the rows corrected in
src/panel/capital_fixes.c are the ones whose point is no city at all (the
country's centroid). docs/dyad_sources.md, "Capital coordinates".

Usage: tools/audit_capitals.py [../shared/data/gleditsch_capdist] [LIMIT_KM]
"""
import csv
import math
import sys

DIR = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gleditsch_capdist"
LIMIT = float(sys.argv[2]) if len(sys.argv) > 2 else 100.0


def km(a, b, c, d):
    """Haversine distance on the mean Earth radius (shi_great_circle_km)."""
    r, t = 6371.0088, math.pi / 180
    h = (math.sin((c - a) * t / 2) ** 2
         + math.cos(a * t) * math.cos(c * t) * math.sin((d - b) * t / 2) ** 2)
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


def main():
    caps = {}
    with open(f"{DIR}/cow_capitals_peacesciencer.csv", newline="") as f:
        for r in csv.DictReader(f):
            caps.setdefault(int(r["ccode"]), []).append(
                (r["stdate"], r["enddate"], r["capital"], float(r["lat"]), float(r["lng"])))
    gw = {}
    with open(f"{DIR}/capdist.csv", newline="") as f:
        for r in csv.DictReader(f):
            gw[(int(r["numa"]), int(r["numb"]))] = float(r["kmdist"])
    last = {c: max(v) for c, v in caps.items()}
    out = []
    for c, spells in caps.items():
        for (sd, ed, cap, lat, lon) in spells:
            nb = [(last[d][3], last[d][4], gw[(c, d)]) for d in last
                  if d != c and (c, d) in gw and 100 < gw[(c, d)] < 2500]
            if len(nb) < 4:
                continue

            def cost(p, q):
                return sum((km(p, q, a, b) - g) ** 2 for a, b, g in nb)

            p, q, step, best = lat, lon, 2.0, cost(lat, lon)
            while step > 0.005:
                moved = False
                for dp, dq in ((step, 0), (-step, 0), (0, step), (0, -step)):
                    v = cost(p + dp, q + dq)
                    if v < best:
                        best, p, q, moved = v, p + dp, q + dq, True
                if not moved:
                    step /= 2
            off = km(lat, lon, p, q)
            if off > LIMIT:
                out.append((off, c, cap, sd, ed, lat, lon, p, q, math.sqrt(best / len(nb)), len(nb)))
    for o in sorted(out, reverse=True):
        print("%6.0f km  %3d %-22s %s..%s  file %8.3f %9.3f  fit %7.2f %8.2f  rms %4.0f  n=%d" % o)


if __name__ == "__main__":
    main()
