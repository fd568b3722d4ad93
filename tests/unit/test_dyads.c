/*
 * test_dyads.c - dyad-year generation.
 */
#include "test_util.h"

#include <string.h>

#include <shi/data.h>
#include <shi/dyads.h>
#include <shi/io.h>

static shi_data D;

static int setup(void **state)
{
    (void)state;
    shi_err err = {0};
    return shi_data_load(&D, NULL, &err) == SHI_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    shi_data_destroy(&D);
    return 0;
}

/* Day of the year (0-365) of a yyyymmdd date, leap years by the Gregorian rule. */
static int day_of_year(int32_t date)
{
    static const int cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int y = date / 10000, m = date / 100 % 100, d = date % 100;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return cum[m - 1] + d - 1 + (leap && m > 2);
}

/* The days of `year` on which state i is a member, as a 366-bit set. */
static void member_days(const shi_states *s, const shi_state *st, int year, uint64_t bits[6])
{
    memset(bits, 0, 6 * sizeof *bits);
    for (size_t k = 0; k < st->nsp; k++) {
        shi_spell sp = s->spells[st->sp0 + k];
        int32_t y0 = year * 10000 + 101, y1 = year * 10000 + 1231;
        int32_t a = sp.start > y0 ? sp.start : y0, b = sp.end < y1 ? sp.end : y1;
        if (a > b) {
            continue;
        }
        for (int d = day_of_year(a); d <= day_of_year(b); d++) {
            bits[d / 64] |= (uint64_t)1 << (d % 64);
        }
    }
}

/* The number of dyads per year, counted independently of the generator: a pair
 * is a dyad when the sets of member days intersect. Checked for every year
 * 1816-2016 (the years of the v2016 membership list), directed and not. */
static void row_count_every_year(void **state)
{
    (void)state;
    const shi_states *s = &D.states;
    shi_dyad_opts o = {0};
    o.y0 = 1816;
    o.y1 = 2016;
    shi_frame f;
    shi_err err = {0};
    assert_int_equal(shi_dyads_generate(s, &o, &f, &err), SHI_OK);
    o.directed = 1;
    shi_frame fd;
    assert_int_equal(shi_dyads_generate(s, &o, &fd, &err), SHI_OK);
    assert_int_equal(fd.nrow, 2 * f.nrow);
    long yc = shi_frame_find(&f, "year");
    assert_int_equal(yc, 0);
    uint64_t(*days)[6] = calloc(s->n, sizeof *days);
    size_t row = 0, total = 0;
    for (int y = 1816; y <= 2016; y++) {
        for (size_t i = 0; i < s->n; i++) {
            member_days(s, &s->v[i], y, days[i]);
        }
        size_t want = 0;
        for (size_t i = 0; i < s->n; i++) {
            for (size_t j = i + 1; j < s->n; j++) {
                int meet = 0;
                for (int w = 0; w < 6; w++) {
                    meet |= (days[i][w] & days[j][w]) != 0;
                }
                want += (size_t)meet;
            }
        }
        size_t got = 0;
        while (row < f.nrow && f.cols[0].i32[row] == y) {
            got++;
            row++;
        }
        if (got != want) {
            print_error("%d: generated %zu, expected %zu\n", y, got, want);
        }
        assert_int_equal(got, want);
        total += want;
    }
    assert_int_equal(row, f.nrow);
    assert_int_equal(total, f.nrow);
    /* About 1.9 million directed dyad-years in 1816-2016 (peacesciencer's count). */
    assert_true(fd.nrow > 1800000 && fd.nrow < 2000000);
    free(days);
    shi_frame_destroy(&f);
    shi_frame_destroy(&fd);
}

/* A state that left in May and one that entered in June form no dyad. */
static void no_common_day(void **state)
{
    (void)state;
    shi_states s;
    shi_spell_recs m = {0}, j = {0};
    shi_spell_rec r[3] = {{0}};
    r[0].ccode = 1;
    r[0].start = 19000101;
    r[0].end = 19050515; /* leaves in May 1905 */
    r[1].ccode = 2;
    r[1].start = 19050601; /* enters in June 1905 */
    r[1].end = 19101231;
    r[2].ccode = 3;
    r[2].start = 19000101;
    r[2].end = 19101231;
    for (int k = 0; k < 3; k++) {
        snprintf(r[k].abb, sizeof r[k].abb, "S%d", k + 1);
    }
    m.v = r;
    m.n = 3;
    shi_err err = {0};
    assert_int_equal(shi_states_build(&s, &m, "m", &j, "j", NULL, 0, 0, &err), SHI_OK);
    assert_false(shi_dyad_coexist(&s, shi_states_get(&s, 1), shi_states_get(&s, 2), 1905));
    assert_true(shi_dyad_coexist(&s, shi_states_get(&s, 1), shi_states_get(&s, 3), 1905));
    assert_true(shi_dyad_coexist(&s, shi_states_get(&s, 2), shi_states_get(&s, 3), 1905));
    shi_dyad_opts o = {0};
    o.y0 = o.y1 = 1905;
    o.directed = 1;
    shi_frame f;
    assert_int_equal(shi_dyads_generate(&s, &o, &f, &err), SHI_OK);
    assert_int_equal(f.nrow, 4); /* 1-3, 2-3, 3-1, 3-2 */
    const int32_t want1[4] = {1, 2, 3, 3}, want2[4] = {3, 3, 1, 2};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(f.cols[1].i32[i], want1[i]);
        assert_int_equal(f.cols[2].i32[i], want2[i]);
    }
    shi_frame_destroy(&f);
    shi_states_destroy(&s);
}

static void filters(void **state)
{
    (void)state;
    shi_dyad_opts o = {0};
    o.y0 = o.y1 = 2010;
    o.directed = 1;
    const int chn_rus[2] = {710, 365};
    o.states = chn_rus;
    o.nstates = 2;
    o.both = 1;
    shi_frame f;
    shi_err err = {0};
    assert_int_equal(shi_dyads_generate(&D.states, &o, &f, &err), SHI_OK);
    assert_int_equal(f.nrow, 2);
    assert_int_equal(f.cols[1].i32[0], 365);
    assert_int_equal(f.cols[2].i32[0], 710);
    shi_frame_destroy(&f);
    /* Either member in the list: each of the two pairs with every other member. */
    o.both = 0;
    assert_int_equal(shi_dyads_generate(&D.states, &o, &f, &err), SHI_OK);
    size_t n2010 = 0;
    for (size_t i = 0; i < D.states.n; i++) {
        n2010 += (size_t)shi_states_member(&D.states, &D.states.v[i], 2010);
    }
    assert_int_equal(f.nrow, 2 * (2 * (n2010 - 1)) - 2);
    shi_frame_destroy(&f);
    /* Region filter: dyads with a member in Oceania. */
    o.states = NULL;
    o.nstates = 0;
    o.regions = 1u << SHI_OCEANIA;
    assert_int_equal(shi_dyads_generate(&D.states, &o, &f, &err), SHI_OK);
    for (size_t i = 0; i < f.nrow; i++) {
        assert_true(shi_region_of(f.cols[1].i32[i]) == SHI_OCEANIA ||
                    shi_region_of(f.cols[2].i32[i]) == SHI_OCEANIA);
    }
    assert_true(f.nrow > 0);
    shi_frame_destroy(&f);
    shi_region r;
    assert_int_equal(shi_region_parse("mars", &r, &err), SHI_EUSAGE);
    assert_string_equal(err.msg, "unknown region 'mars'; valid regions are americas, europe, "
                                 "africa, middleeast, asia, oceania");
}

/* The same rows for 1 and 2 threads. */
static void thread_invariance(void **state)
{
    (void)state;
    shi_dyad_opts o = {0};
    o.y0 = 1900;
    o.y1 = 2000;
    o.directed = 1;
    o.threads = 1;
    shi_frame a, b;
    shi_err err = {0};
    assert_int_equal(shi_dyads_generate(&D.states, &o, &a, &err), SHI_OK);
    o.threads = 2;
    assert_int_equal(shi_dyads_generate(&D.states, &o, &b, &err), SHI_OK);
    assert_int_equal(a.nrow, b.nrow);
    for (int c = 0; c < 3; c++) {
        assert_memory_equal(a.cols[c].i32, b.cols[c].i32, a.nrow * sizeof(int32_t));
    }
    shi_frame_destroy(&a);
    shi_frame_destroy(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(row_count_every_year),
        cmocka_unit_test(no_common_day),
        cmocka_unit_test(filters),
        cmocka_unit_test(thread_invariance),
    };
    return shi_run_group_tests(tests, setup, teardown);
}
