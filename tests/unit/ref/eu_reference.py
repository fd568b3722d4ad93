#!/usr/bin/env python3
"""Independent reference values for tests/unit/test_eu.c.

Written from the formulas of ../shared/docs/eu-formulas.md (War Trap eq. 6;
War and Reason App. 1; Bennett & Stam 2000), not from shi's C code: tau-b is
counted by brute force over pairs of partners (no contingency table), and the
game is solved by a generic recursive walk over the tree. Run:
    python3 tests/unit/ref/eu_reference.py
"""
import math
from itertools import combinations

E = 2.718281828459045

def home(c):
    return 'am' if c < 200 else 'eu' if c < 400 else 'af' if c < 600 else 'me' if c < 700 else 'as'

def involved(c, year):
    s = {home(c)}
    if c in (200, 220, 365):
        return {'am', 'eu', 'af', 'me', 'as'}
    if c == 2:
        s |= {'as'}
        if year >= 1898: s |= {'eu', 'me'}
        if year >= 1946: s |= {'af'}
    if c == 740 and 1895 <= year <= 1945: s |= {'eu'}
    if c == 710:
        if year >= 1950: s |= {'eu'}
        if year >= 1946: s |= {'af'}
    return s

def rr(i, j, year):
    if home(i) == home(j): return home(i)
    return home(j) if home(j) in involved(i, year) else home(i)

def taub(x, y):
    sp = sm = tx = ty = 0
    for a, b in combinations(range(len(x)), 2):
        dx, dy = x[a] - x[b], y[a] - y[b]
        if dx == 0: tx += 1
        if dy == 0: ty += 1
        if dx * dy > 0: sp += 1
        if dx * dy < 0: sm += 1
    n0 = len(x) * (len(x) - 1) / 2
    den = math.sqrt((n0 - tx) * (n0 - ty))
    return float('nan') if den == 0 else (sp - sm) / den

def code(sysm, x, k):
    # EUGene codes: 1 defence ... 4 none; a_xx = 1
    return 1 if x == k else sysm['ally'].get(frozenset((x, k)), 4)

def util(sysm, x, y):
    g = rr(x, y, sysm['year'])
    part = [k for k in sysm['cc'] if g in involved(k, sysm['year']) or k in (x, y)]
    return taub([code(sysm, x, k) for k in part], [code(sysm, y, k) for k in part])

def mpd(year):
    return 250 if year < 1918 else 375 if year <= 1945 else 500

def dist(sysm, a, b):
    return 0 if a == b else sysm['dist'][frozenset((a, b))]

def adj(sysm, x, at):
    return sysm['cap'][x] ** math.log10(dist(sysm, x, at) / mpd(sysm['year']) + 10 - E)

def eu(sysm, i, j):
    aij, ajj, aji, aii = adj(sysm, i, j), adj(sysm, j, j), adj(sysm, j, i), adj(sysm, i, i)
    p = aij / (aij + ajj)
    bil = (2 * p - 1) * (1 - util(sysm, i, j))
    g = rr(i, j, sysm['year'])
    th = 0.0
    for k in sysm['cc']:
        if k in (i, j) or g not in involved(k, sysm['year']): continue
        c = max(adj(sysm, k, i), adj(sysm, k, j))
        pik = (aij + c) / (aij + c + ajj)
        pjk = (aji + c) / (aji + c + aii)
        th += (pik + pjk - 1) * (util(sysm, k, i) - util(sysm, k, j))
    return bil, th, bil + th

def c999(t):
    return 0.999 if t == 1 else t

def probs(sysm, a, b, ra, rb):
    K = c999(util(sysm, a, b))
    g = rr(a, b, sysm['year'])
    rows = [(adj(sysm, a, b), 1.0, K), (adj(sysm, b, b), K, 1.0)]
    for k in sysm['cc']:
        if k in (a, b) or g not in involved(k, sysm['year']): continue
        rows.append((max(adj(sysm, k, a), adj(sysm, k, b)), c999(util(sysm, k, a)), c999(util(sysm, k, b))))
    na = da = nb = db = 0.0
    for lam, ta, tb in rows:
        d = ta - tb
        wa = d / 2 * math.exp(ra * d)
        wb = -d / 2 * math.exp(-rb * d)
        na += lam * wa if wa > 0 else 0
        nb += lam * wb if wb > 0 else 0
        da += lam * abs(wa)
        db += lam * abs(wb)
    return na / da, nb / db

def rexp(R):
    return (1 - R / 3) / (1 + R / 3)

def outcomes(K, rA, rB, P, Q, al=1.0, ta=1.0, ga=1.0):
    aA = 2 - 4 * ((1 + K) / 4) ** rA; aB = 2 - 4 * ((3 - K) / 4) ** rA; aS = 2 - 4 * 0.5 ** rA
    bB = 2 - 4 * ((1 + K) / 4) ** rB; bA = 2 - 4 * ((3 - K) / 4) ** rB; bS = 2 - 4 * 0.5 ** rB
    EA = P * aA + (1 - P) * aB; EB = Q * bB + (1 - Q) * bA
    ua = dict(SQ=aS, AcqA=aB, AcqB=aA, Nego=EA, CapA=aB - ga * (1 - P), CapB=aA - aS * P,
              WarA=EA - aS * P - al * (1 - P), WarB=EA - aS * P - ta * (1 - P))
    ub = dict(SQ=bS, AcqA=bB, AcqB=bA, Nego=EB, CapA=bB - bS * Q, CapB=bA - ga * (1 - Q),
              WarA=EB - bS * Q - ta * (1 - Q), WarB=EB - bS * Q - al * (1 - Q))
    return ua, ub

# The tree: (mover, first, second); leaves are outcome names. First is taken
# only if strictly better; node 3 (B: AcqB or resist) is written with resist
# second and AcqB first, so a tie gives AcqB, which is the same rule.
N12 = ('A', 'CapA', 'WarB'); N11 = ('B', 'CapB', 'WarA'); N10 = N11; N8 = N12
N9 = ('B', 'Nego', N12); N7 = ('A', 'Nego', N11)
N6 = ('B', N7, N8); N5 = ('A', N9, N10); N4 = ('A', 'AcqA', N6)
N3 = ('B', 'AcqB', N5); N2 = ('B', 'SQ', N4); N1 = ('A', N2, N3)

def solve(node, ua, ub):
    if isinstance(node, str): return node
    m, f, s = node
    f, s = solve(f, ua, ub), solve(s, ua, ub)
    u = ua if m == 'A' else ub
    return f if u[f] > u[s] else s

def logical(a, b):
    sq = a['SQ'] > a['Nego'] and (
        (a['CapA'] > a['WarB'] and b['WarA'] > b['CapB'] and b['Nego'] > b['CapA'] and b['SQ'] > b['Nego']) or
        (a['Nego'] > a['CapB'] and a['CapA'] > a['WarB'] and b['CapB'] > b['WarA'] and b['Nego'] > b['CapA'] and b['SQ'] > b['Nego']) or
        (a['WarB'] > a['CapA'] and b['WarA'] > b['CapB'] and b['SQ'] > b['Nego']) or
        (a['Nego'] > a['CapB'] and a['WarB'] > a['CapA'] and b['CapB'] > b['WarA'] and b['SQ'] > b['Nego']))
    war = a['WarA'] > a['AcqA'] and b['CapA'] > b['Nego'] and b['WarA'] > b['AcqB']
    acqa = (a['AcqA'] > a['WarA'] and a['CapA'] > a['WarB'] and b['CapA'] > b['Nego'] and b['WarA'] > b['AcqB']) or \
        (a['CapA'] > a['WarA'] and b['CapA'] > b['Nego'] and (b['WarA'] > b['CapB'] or (b['CapB'] > b['WarA'] and a['CapA'] > a['CapB'])))
    acqb = (b['CapB'] > b['WarA'] and ((a['CapB'] > a['Nego'] and b['Nego'] > b['CapA'] and a['CapA'] > a['WarB']) or
                                        (a['CapB'] > a['Nego'] and a['WarB'] > a['CapA']) or
                                        (a['CapB'] > a['CapA'] and b['CapA'] > b['Nego'] and a['CapA'] > a['WarB']))) or \
        (b['WarA'] > b['CapB'] and a['WarA'] > a['CapA'] and b['CapA'] > b['Nego'] and a['CapA'] > a['WarB'] and b['AcqB'] > b['WarA'])
    for name, ok in (('WarA', war), ('SQ', sq), ('AcqA', acqa), ('AcqB', acqb)):
        if ok: return name
    return 'Nego'

def show(title, sysm, dyads, risks=None):
    print('==', title)
    for i, j in dyads:
        b, t, e = eu(sysm, i, j)
        print(f'E(U)_{i},{j}: bilateral {b:.12f} third {t:.12f} total {e:.12f} tau {util(sysm, i, j):.12f}')
    if risks:
        a, bb, RA, RB = risks
        P, Q = probs(sysm, a, bb, RA, RB)
        K = c999(util(sysm, a, bb))
        for al in (1.0, 0.5):
            ua, ub = outcomes(K, rexp(RA), rexp(RB), P, Q, al=al)
            print(f'W&R {a},{bb} alpha {al}: P^A {P:.12f} P^B {Q:.12f} UA(SQ) {ua["SQ"]:.12f} '
                  f'UB(SQ) {ub["SQ"]:.12f} induction {solve(N1, ua, ub)} logical {logical(ua, ub)}')
            print('   UA', {k: round(v, 12) for k, v in ua.items()})
            print('   UB', {k: round(v, 12) for k, v in ub.items()})

# 1. eu-formulas.md section 3.7: three European states in 1900.
S1 = dict(year=1900, cc=[225, 290, 310], cap={225: 0.5, 290: 0.3, 310: 0.2},
          ally={frozenset((225, 310)): 1},
          dist={frozenset((225, 290)): 0, frozenset((225, 310)): 1000, frozenset((290, 310)): 500})
show('S1 (eu-formulas 3.7)', S1, [(225, 290), (290, 225), (290, 310), (310, 290), (225, 310)],
     (225, 290, 0.5, -0.3))
# 2. Two states, no third party: E(U) is the bilateral term only.
S2 = dict(year=1950, cc=[2, 20], cap={2: 0.4, 20: 0.1}, ally={frozenset((2, 20)): 2},
          dist={frozenset((2, 20)): 1000})
show('S2 (two states)', S2, [(2, 20), (20, 2)])
# 3. Four states across regions in 1900: the US and Japan involve Europe and Asia.
S3 = dict(year=1900, cc=[2, 200, 710, 740], cap={2: 0.3, 200: 0.4, 710: 0.2, 740: 0.1},
          ally={frozenset((200, 740)): 1, frozenset((2, 200)): 3},
          dist={frozenset((2, 200)): 3500, frozenset((2, 710)): 7000, frozenset((2, 740)): 6000,
                frozenset((200, 710)): 5000, frozenset((200, 740)): 6000, frozenset((710, 740)): 1300})
show('S3 (four states, two regions)', S3, [(740, 200), (200, 740), (2, 710), (710, 2), (710, 740)],
     (740, 710, 0.0, 0.0))

# --- risk (The War Trap Revisited, as eu-formulas section 2) ----------------
# Sec_i = sum_j E(U)_ji over the region's other members, with i's codes with
# them varied over all 4^(m-1) portfolios; an undefined tau-b counts as 0.
import itertools

def util0(sysm, x, y):
    t = util(sysm, x, y)
    return 0.0 if t != t else t

def eu0(sysm, i, j):
    saved = globals()['util']
    globals()['util'] = lambda s, x, y: (lambda t: 0.0 if t != t else t)(saved(s, x, y))
    try:
        return eu(sysm, i, j)[2]
    finally:
        globals()['util'] = saved

def sec(sysm, i):
    return sum(eu0(sysm, j, i) for j in sysm['cc'] if j != i)

def risk(sysm, i):
    others = [k for k in sysm['cc'] if k != i]
    base = dict(sysm['ally'])
    actual = sec(sysm, i)
    vals = []
    for codes in itertools.product((1, 2, 3, 4), repeat=len(others)):
        ally = {p: c for p, c in base.items() if i not in p}
        for k, c in zip(others, codes):
            if c != 4: ally[frozenset((i, k))] = c
        vals.append(sec(dict(sysm, ally=ally), i))
    mx, mn = max(vals), min(vals)
    R = 0.0 if mx == mn else (2 * actual - mx - mn) / (mx - mn)
    print(f'risk {i}: Sec {actual:.12f} SecMax {mx:.12f} SecMin {mn:.12f} R {R:.12f} r {rexp(R):.12f}')

print('== risk, S1')
for c in S1['cc']:
    risk(S1, c)
S4 = dict(year=1900, cc=[225, 290, 310, 325], cap={225: 0.4, 290: 0.3, 310: 0.2, 325: 0.1},
          ally={frozenset((225, 310)): 1, frozenset((290, 325)): 3},
          dist={frozenset((225, 290)): 0, frozenset((225, 310)): 1000, frozenset((290, 310)): 500,
                frozenset((225, 325)): 400, frozenset((290, 325)): 800, frozenset((310, 325)): 300})
print('== risk, S4 (four European states)')
for c in S4['cc']:
    risk(S4, c)
