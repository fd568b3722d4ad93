#!/usr/bin/env python3
"""Independent reference values for tests/unit/test_power.c.

Computes, from COW's own `cinc` column of NMC-70-abridged.csv (not from shi's
recomputed CINC) and the COW major-power spells (majors2024.csv), the
configuration of power among the major powers for a few years: number of
majors, concentration CON (Ray & Singer 1973), effective number of poles,
leader and its share. A state is a major power in a year when one of its
spells covers at least one day of that year.

Usage: python3 tests/reference/power_ref.py ../shared/data
"""
import csv
import math
import sys

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
spells = []
with open(f"{data}/cow_state_system_v2024/majors2024.csv", newline="") as f:
    for r in csv.DictReader(f):
        spells.append((int(r["ccode"]), int(r["styear"]), int(r["endyear"])))

rows = {}
with open(f"{data}/cow_nmc_v7.0/NMC-70-abridged.csv", newline="") as f:
    for r in csv.DictReader(f):
        c = float(r["cinc"])
        if c >= 0:
            rows.setdefault(int(r["year"]), []).append((int(r["ccode"]), c))

for year in (1816, 1913, 1946, 1989, 2010, 2022):
    majors = [(cc, c) for cc, c in rows[year]
              if any(cc == s and a <= year <= b for s, a, b in spells)]
    total = sum(c for _, c in majors)
    shares = sorted(((c / total, cc) for cc, c in majors), reverse=True)
    n = len(shares)
    s2 = sum(s * s for s, _ in shares)
    con = math.sqrt((s2 - 1 / n) / (1 - 1 / n))
    print(f"{year} n={n} con={con:.6f} poles={1 / s2:.6f} "
          f"leader={shares[0][1]} share={shares[0][0]:.6f} second={shares[1][1]} share2={shares[1][0]:.6f}")
