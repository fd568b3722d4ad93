/*
 * eu.c - War Trap expected utility for the directed dyads of one year
 * (formulas and sources in shi/eu.h; conventions in docs/eu.md).
 */
#include <shi/eu.h>
#include <shi/geography.h>
#include <shi/similarity.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct shi_eu_year {
    int year;
    size_t n;
    int *ccode;
    uint8_t *rr;                   /* n x n relevant_region(x, y) */
    unsigned *inv;                 /* n: involvement bits */
    double *util;                  /* n x n U_xy in rr(x, y); NaN undefined */
    double *adj;                   /* n x n adj(x at y); NaN missing */
    int have_ally;                 /* alliance data for the year */
    uint8_t *capok;                /* n: capability present */
    size_t *members;               /* the members involved in each region, region by region */
    size_t m0[SHI_EU_NREGION + 1]; /* region g: members[m0[g] .. m0[g + 1]) */
};

shi_eu_region shi_eu_home_region(int ccode)
{
    if (ccode < 200) {
        return SHI_EU_AMERICAS;
    }
    if (ccode < 400) {
        return SHI_EU_EUROPE;
    }
    if (ccode < 600) {
        return SHI_EU_AFRICA;
    }
    if (ccode < 700) {
        return SHI_EU_MIDEAST;
    }
    return SHI_EU_ASIA;
}

/* The War Trap's involvement table (Bueno de Mesquita 1981, p. 97) as EUGene
 * encodes it (docs/eu.md): states involved outside their home region, with
 * the first and last year (0: open). */
static const struct {
    int ccode;
    shi_eu_region r;
    int y0, y1;
} INVOLVED[] = {
    {2, SHI_EU_EUROPE, 1898, 0},       {2, SHI_EU_MIDEAST, 1898, 0},
    {2, SHI_EU_AFRICA, 1946, 0},       {2, SHI_EU_ASIA, 0, 0},
    {210, SHI_EU_AMERICAS, 0, 0},      {211, SHI_EU_AFRICA, 0, 0},
    {235, SHI_EU_AFRICA, 0, 0},        {235, SHI_EU_ASIA, 0, 0},
    {235, SHI_EU_AMERICAS, 0, 0},      {230, SHI_EU_MIDEAST, 0, 1936},
    {230, SHI_EU_ASIA, 0, 0},          {230, SHI_EU_AMERICAS, 0, 0},
    {255, SHI_EU_MIDEAST, 0, 0},       {255, SHI_EU_AFRICA, 0, 1945},
    {255, SHI_EU_ASIA, 0, 0},          {260, SHI_EU_MIDEAST, 0, 0},
    {260, SHI_EU_ASIA, 0, 0},          {300, SHI_EU_MIDEAST, 0, 1918},
    {325, SHI_EU_MIDEAST, 1860, 1943}, {325, SHI_EU_AFRICA, 0, 1943},
    {350, SHI_EU_MIDEAST, 1828, 0},    {640, SHI_EU_EUROPE, 0, 0},
    {710, SHI_EU_EUROPE, 1950, 0},     {710, SHI_EU_AFRICA, 1946, 0},
    {740, SHI_EU_EUROPE, 1895, 1945},
};

unsigned shi_eu_involved(int ccode, int year)
{
    unsigned bits = 1u << shi_eu_home_region(ccode);
    /* The UK, France and Russia are involved everywhere. EUGene 3.x meant to
     * drop Russia's Americas involvement in 1901-1944 (its patch instead drops
     * every region; docs/eu.md): shi does what was meant. */
    if (ccode == 200 || ccode == 220 || ccode == 365) {
        bits = (1u << SHI_EU_NREGION) - 1;
        if (ccode == 365 && year >= 1901 && year <= 1944) {
            bits &= ~(1u << SHI_EU_AMERICAS);
        }
        return bits;
    }
    for (size_t k = 0; k < sizeof INVOLVED / sizeof INVOLVED[0]; k++) {
        if (INVOLVED[k].ccode == ccode && (INVOLVED[k].y0 == 0 || year >= INVOLVED[k].y0) &&
            (INVOLVED[k].y1 == 0 || year <= INVOLVED[k].y1)) {
            bits |= 1u << INVOLVED[k].r;
        }
    }
    return bits;
}

static shi_eu_region relevant(int ci, int cj, unsigned inv_i)
{
    shi_eu_region hi = shi_eu_home_region(ci), hj = shi_eu_home_region(cj);
    if (hi == hj) {
        return hi;
    }
    return (inv_i >> hj) & 1u ? hj : hi;
}

shi_eu_region shi_eu_relevant_region(int ccode_i, int ccode_j, int year)
{
    return relevant(ccode_i, ccode_j, shi_eu_involved(ccode_i, year));
}

const char *shi_eu_region_name(shi_eu_region r)
{
    static const char *const names[] = {"europe", "middleeast", "africa", "asia", "americas"};
    return (unsigned)r < SHI_EU_NREGION ? names[r] : "";
}

double shi_eu_era_mpd(int year)
{
    return year < 1918 ? 250.0 : year <= 1945 ? 375.0 : 500.0;
}

const char *shi_eu_reason_text(shi_eu_reason r)
{
    switch (r) {
    case SHI_EU_OK:
        return "ok";
    case SHI_EU_NO_MEMBER:
        return "not a system member";
    case SHI_EU_NO_ALLIANCE:
        return "no alliance data for the year";
    case SHI_EU_NO_CAP:
        return "capability (CINC) missing";
    case SHI_EU_NO_DISTANCE:
        return "distance missing";
    case SHI_EU_NO_UTILITY:
        return "tau-b undefined (constant portfolio)";
    case SHI_EU_NO_PROB:
        return "probability undefined (no weight)";
    case SHI_EU_NO_RISK:
        return "risk attitude missing";
    }
    return "";
}

void shi_eu_year_free(shi_eu_year *y)
{
    if (!y) {
        return;
    }
    free(y->ccode);
    free(y->rr);
    free(y->inv);
    free(y->util);
    free(y->adj);
    free(y->capok);
    free(y->members);
    free(y);
}

/* U_xy over the partners: the members involved in region g (all members when
 * `all`), plus x and y. The table of the two rows goes to the similarity
 * module, which computes tau-b and S from it (shi/similarity.h). */
static double pair_util(const shi_eu_system *s, const shi_eu_opts *o, const unsigned *inv, size_t x,
                        size_t y, unsigned g, int all)
{
    shi_similarity_table t;
    memset(&t, 0, sizeof t);
    t.levels = 3;
    size_t n = s->n;
    const uint8_t *ax = s->ally + x * n, *ay = s->ally + y * n;
    for (size_t k = 0; k < n; k++) {
        if (!all && k != x && k != y && !((inv[k] >> g) & 1u)) {
            continue;
        }
        /* Each state is in a defence pact with itself (a_xx = 1 in EUGene's codes). */
        unsigned a = k == x ? 3u : ax[k], b = k == y ? 3u : ay[k];
        t.count[a * 4 + b]++;
        t.n++;
    }
    shi_similarity m;
    shi_similarity_from_table(&t, &m);
    return o->util == SHI_EU_S ? m.s_abs : m.tau_b;
}

static shi_status year_alloc(shi_eu_year *y, size_t n)
{
    size_t nn = n * n > 0 ? n * n : 1;
    y->ccode = malloc((n ? n : 1) * sizeof *y->ccode);
    y->rr = malloc(nn);
    y->inv = malloc((n ? n : 1) * sizeof *y->inv);
    y->util = malloc(nn * sizeof *y->util);
    y->adj = malloc(nn * sizeof *y->adj);
    y->capok = malloc(n ? n : 1);
    y->members = malloc((n ? n : 1) * SHI_EU_NREGION * sizeof *y->members);
    return y->ccode && y->rr && y->inv && y->util && y->adj && y->capok && y->members ? SHI_OK
                                                                                      : SHI_EIO;
}

shi_status shi_eu_year_new(shi_eu_year **out, const shi_eu_system *s, const shi_eu_opts *o,
                           shi_err *err)
{
    static const shi_eu_opts def = {0};
    *out = NULL;
    if (!o) {
        o = &def;
    }
    if (!s || (s->n > 0 && (!s->ccode || !s->cap || (o->mpd >= 0 && !s->miles)))) {
        return shi_err_set(err, SHI_EUSAGE, "expected utility: incomplete system");
    }
    shi_eu_year *y = calloc(1, sizeof *y);
    if (!y || year_alloc(y, s->n) != SHI_OK) {
        shi_eu_year_free(y);
        return shi_err_set(err, SHI_EIO, "out of memory");
    }
    size_t n = s->n;
    y->year = s->year;
    y->n = n;
    y->have_ally = s->ally != NULL;
    double mpd = o->mpd > 0 ? o->mpd : shi_eu_era_mpd(s->year);
    for (size_t i = 0; i < n; i++) {
        y->ccode[i] = s->ccode[i];
        y->inv[i] = shi_eu_involved(s->ccode[i], s->year);
        y->capok[i] = !isnan(s->cap[i]);
    }
    size_t at = 0;
    for (unsigned g = 0; g < SHI_EU_NREGION; g++) {
        y->m0[g] = at;
        for (size_t i = 0; i < n; i++) {
            if ((y->inv[i] >> g) & 1u) {
                y->members[at++] = i;
            }
        }
    }
    y->m0[SHI_EU_NREGION] = at;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            unsigned g = relevant(s->ccode[i], s->ccode[j], y->inv[i]);
            y->rr[i * n + j] = (uint8_t)g;
            double u = NAN;
            if (s->ally && i == j) {
                u = 1.0; /* U_ii = 1 */
            } else if (s->ally && j < i && y->rr[j * n + i] == g) {
                u = y->util[j * n + i]; /* same partners: symmetric */
            } else if (s->ally) {
                u = pair_util(s, o, y->inv, i, j, g, o->global);
            }
            y->util[i * n + j] = u;
            /* The gradient; at home (i == j) the distance is 0. */
            double c = s->cap[i];
            if (o->mpd < 0) {
                y->adj[i * n + j] = c;
            } else {
                double d = i == j ? 0.0 : s->miles[i * n + j];
                y->adj[i * n + j] = shi_lsg(c, d, mpd); /* NaN propagates */
            }
        }
    }
    *out = y;
    return SHI_OK;
}

size_t shi_eu_year_n(const shi_eu_year *y)
{
    return y->n;
}

long shi_eu_year_pos(const shi_eu_year *y, int ccode)
{
    for (size_t i = 0; i < y->n; i++) {
        if (y->ccode[i] == ccode) {
            return (long)i;
        }
    }
    return -1;
}

double shi_eu_util_of(const shi_eu_year *y, size_t x, size_t at)
{
    return y->util[x * y->n + at];
}

double shi_eu_adj(const shi_eu_year *y, size_t x, size_t at)
{
    return y->adj[x * y->n + at];
}

shi_eu_region shi_eu_region_at(const shi_eu_year *y, size_t x, size_t at)
{
    return (shi_eu_region)y->rr[x * y->n + at];
}

int shi_eu_in_region(const shi_eu_year *y, size_t x, shi_eu_region g)
{
    return (int)((y->inv[x] >> g) & 1u);
}

const size_t *shi_eu_region_members(const shi_eu_year *y, shi_eu_region g, size_t *count)
{
    *count = y->m0[g + 1] - y->m0[g];
    return y->members + y->m0[g];
}

const double *shi_eu_util_matrix(const shi_eu_year *y)
{
    return y->util;
}

const double *shi_eu_adj_matrix(const shi_eu_year *y)
{
    return y->adj;
}

/* a / (a + b), and 0.5 when the denominator is 0 (EUGene's convention). */
static double share(double a, double b)
{
    return a + b > 0 ? a / (a + b) : 0.5;
}

void shi_eu_bilateral(const shi_eu_year *y, size_t i, size_t j, shi_eu_result *r)
{
    size_t n = y->n;
    memset(r, 0, sizeof *r);
    r->eu = r->bilateral = r->third = r->util = r->p = NAN;
    r->region = (shi_eu_region)y->rr[i * n + j];
    if (!y->have_ally) {
        r->reason = SHI_EU_NO_ALLIANCE;
        return;
    }
    if (!y->capok[i] || !y->capok[j]) {
        r->reason = SHI_EU_NO_CAP;
        return;
    }
    const double *A = y->adj;
    double aij = A[i * n + j], ajj = A[j * n + j], aji = A[j * n + i];
    if (isnan(aij) || isnan(aji) || isnan(ajj)) {
        r->reason = SHI_EU_NO_DISTANCE;
        return;
    }
    double u = y->util[i * n + j];
    if (isnan(u)) {
        r->reason = SHI_EU_NO_UTILITY;
        return;
    }
    r->util = u;
    r->p = share(aij, ajj);
    r->bilateral = (2 * r->p - 1) * (1 - u);
    r->reason = SHI_EU_OK;
}

void shi_eu_dyad(const shi_eu_year *y, size_t i, size_t j, shi_eu_result *r)
{
    shi_eu_bilateral(y, i, j, r);
    if (r->reason != SHI_EU_OK) {
        return;
    }
    size_t n = y->n;
    const double *A = y->adj, *U = y->util;
    double aij = A[i * n + j], ajj = A[j * n + j], aji = A[j * n + i], aii = A[i * n + i];
    unsigned g = y->rr[i * n + j];
    const size_t *mem = y->members + y->m0[g];
    size_t nm = y->m0[g + 1] - y->m0[g];
    double third = 0;
    for (size_t q = 0; q < nm; q++) {
        size_t k = mem[q];
        if (k == i || k == j) {
            continue;
        }
        double aki = A[k * n + i], akj = A[k * n + j];
        double uki = U[k * n + i], ukj = U[k * n + j];
        if (isnan(aki) || isnan(akj) || isnan(uki) || isnan(ukj)) {
            r->nskipped++;
            continue;
        }
        /* k lends its strength where it reaches further: the shorter distance. */
        double c = aki > akj ? aki : akj;
        double pik = share(aij + c, ajj), pjk = share(aji + c, aii);
        third += (pik + pjk - 1) * (uki - ukj);
        r->nthird++;
    }
    r->third = third;
    r->eu = r->bilateral + third;
}
