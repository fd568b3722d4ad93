/*
 * test_states.c - the state registry: spells, membership, major powers, names.
 */
#include "test_util.h"

#include <string.h>

#include <shi/csv.h>
#include <shi/data.h>
#include <shi/states.h>

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

static int resolve(const char *q, int year, shi_err *err)
{
    const shi_state *st = NULL;
    shi_err_clear(err);
    if (shi_states_resolve(&D.states, q, year, &st, err) != SHI_OK) {
        return -1;
    }
    return st->ccode;
}

/* Facts from COW's lists (states2016.csv, majors2024.csv; PROVENANCE.md). */
static void spells_and_majors(void **state)
{
    (void)state;
    const shi_states *s = &D.states;
    assert_int_equal(s->n, 217); /* distinct ccodes in states2016.csv */
    const shi_state *chn = shi_states_get(s, 710), *rus = shi_states_get(s, 365),
                    *usa = shi_states_get(s, 2), *gmy = shi_states_get(s, 255);
    assert_non_null(chn);
    assert_string_equal(chn->abb, "CHN");
    assert_string_equal(chn->iso3, "CHN");
    assert_false(shi_states_member(s, chn, 1859));
    assert_true(shi_states_member(s, chn, 1860)); /* from 1860-10-25 */
    assert_false(shi_states_major(s, chn, 1949));
    assert_true(shi_states_major(s, chn, 1950));
    assert_true(shi_states_major(s, rus, 1917)); /* to 1917-12-05 */
    assert_false(shi_states_major(s, rus, 1918));
    assert_false(shi_states_major(s, rus, 1921));
    assert_true(shi_states_major(s, rus, 1922));
    assert_false(shi_states_major(s, usa, 1897));
    assert_true(shi_states_major(s, usa, 1898)); /* from 1898-08-13 */
    /* Germany: left in 1945, re-entered 1990-10-03 (several spells). */
    assert_true(gmy->nsp >= 2);
    assert_true(shi_states_member(s, gmy, 1945));
    assert_false(shi_states_member(s, gmy, 1950));
    assert_true(shi_states_member(s, gmy, 1991));
    /* The v2016 list is right-censored at 2016-12-31: members go on to 2024. */
    assert_true(shi_states_member(s, usa, 2022));
    int first, last;
    shi_states_years(s, chn, &first, &last);
    assert_int_equal(first, 1860);
    assert_int_equal(last, 2024);
}

/* Members per year equal the state-year counts of COW's own system2016.csv,
 * for every year 1816-2016 (an independent COW file). */
static void members_match_system_file(void **state)
{
    (void)state;
    char path[512];
    if (!shared_file(path, sizeof path, "cow_state_system_v2016/system2016.csv")) {
        SHI_SKIP_NO_DATA();
    }
    int count[2017 - 1816] = {0};
    shi_csv *c = NULL;
    shi_err err = {0};
    assert_int_equal(shi_csv_open(&c, path, NULL, &err), SHI_OK);
    long yi = shi_csv_find(c, "year");
    assert_true(yi >= 0);
    int got = 1;
    while (shi_csv_next(c, &got, &err) == SHI_OK && got) {
        int y = atoi(shi_csv_field(c, (size_t)yi));
        assert_true(y >= 1816 && y <= 2016);
        count[y - 1816]++;
    }
    shi_csv_free(c);
    int mismatches = 0;
    for (int y = 1816; y <= 2016; y++) {
        int n = 0;
        for (size_t i = 0; i < D.states.n; i++) {
            n += shi_states_member(&D.states, &D.states.v[i], y);
        }
        if (n != count[y - 1816]) {
            print_error("%d: registry %d, system2016 %d\n", y, n, count[y - 1816]);
            mismatches++;
        }
    }
    assert_int_equal(mismatches, 0);
}

static void names_resolve(void **state)
{
    (void)state;
    shi_err err;
    assert_int_equal(resolve("710", 0, &err), 710);
    assert_int_equal(resolve("chn", 0, &err), 710);
    assert_int_equal(resolve("China", 0, &err), 710);
    assert_int_equal(resolve("  CHINA ", 0, &err), 710);
    assert_int_equal(resolve("russia", 0, &err), 365);
    assert_int_equal(resolve("RUS", 0, &err), 365);
    assert_int_equal(resolve("united states", 0, &err), 2);
    assert_int_equal(resolve("USA", 0, &err), 2);
    /* COW abbreviation first: AUS is Austria in COW; Australia is AUL, ISO AUS. */
    assert_int_equal(resolve("AUS", 0, &err), 305);
    assert_int_equal(resolve("aul", 0, &err), 900);
    assert_int_equal(resolve("australia", 0, &err), 900);
    assert_int_equal(resolve("GBR", 0, &err), 200); /* ISO code of the United Kingdom */
    /* ISO DEU belongs to both Germanys; a year picks the member. */
    assert_int_equal(resolve("DEU", 0, &err), -1);
    assert_int_equal(err.code, SHI_EUSAGE);
    assert_string_equal(err.msg, "ambiguous state 'DEU': Germany (255, GMY), German Federal "
                                 "Republic (260, GFR); give a COW code or abbreviation");
    assert_int_equal(resolve("DEU", 1980, &err), 260);
    /* 'korea' is the Korea of 1887-1905 by exact name; in 2000 the two Koreas. */
    assert_int_equal(resolve("korea", 0, &err), 730);
    assert_int_equal(resolve("korea", 1900, &err), 730);
    assert_int_equal(resolve("korea", 2000, &err), -1);
    assert_string_equal(err.msg,
                        "ambiguous state 'korea': North Korea (731, PRK), South Korea (732, "
                        "ROK); give a COW code or abbreviation");
    /* A name with no member match at all still resolves (to the non-member). */
    assert_int_equal(resolve("bavaria", 2000, &err), 245);
    assert_int_equal(resolve("DEU", 2000, &err), 255);
}

/* Issue 13 (2026-12-01): names matched by prefix or substring without notice
 * ('UK' -> Ukraine, 'all' -> Marshall Islands, 'North' -> North Korea), and
 * common names were rejected. Issue 20, defect 9: an exact abbreviation lost
 * to a substring match that was a member ('HAN' and 'AND' in 2000). */
static void names_exact_only(void **state)
{
    (void)state;
    shi_err err;
    assert_int_equal(resolve("UK", 0, &err), 200);
    assert_int_equal(resolve("all", 0, &err), -1);
    assert_non_null(strstr(err.msg, "unknown state 'all'"));
    assert_int_equal(resolve("North", 2000, &err), -1);
    assert_string_equal(err.msg, "unknown state 'North'; did you mean Netherlands (210, NTH), "
                                 "Norway (385, NOR), North Korea (731, PRK)?");
    assert_int_equal(resolve("united", 0, &err), -1);
    assert_int_equal(resolve("HAN", 2000, &err), 240);
    assert_int_equal(resolve("AND", 2000, &err), 232);
    assert_int_equal(resolve("AND", 1900, &err), 232);
    /* ISO KOR is South Korea; COW KOR is the Korea of 1887-1905: the year picks. */
    assert_int_equal(resolve("KOR", 2000, &err), 732);
    assert_int_equal(resolve("KOR", 1900, &err), 730);
    assert_int_equal(resolve("KOR", 0, &err), 730);
}

/* Every entry of the alias table (src/panel/state_aliases.c, docs/states.md)
 * names the state it says, checked by the state's COW name. */
static void names_aliases(void **state)
{
    (void)state;
    static const struct {
        const char *alias;
        int year;
        const char *cow_name;
    } want[] = {
        {"USSR", 0, "Russia"},
        {"Soviet Union", 1970, "Russia"},
        {"Russian Federation", 2000, "Russia"},
        {"Czechia", 0, "Czech Republic"},
        {"Burma", 0, "Myanmar"},
        {"Eswatini", 2020, "Swaziland"},
        {"C\xc3\xb4te d'Ivoire", 0, "Ivory Coast"},
        {"cote d'ivoire", 0, "Ivory Coast"},
        {"Korea, Republic of", 0, "South Korea"},
        {"Korea, Democratic People's Republic of", 0, "North Korea"},
        {"DPRK", 0, "North Korea"},
        {"United States", 0, "United States of America"},
        {"US", 0, "United States of America"},
        {"Great Britain", 0, "United Kingdom"},
        {"West Germany", 0, "German Federal Republic"},
        {"East Germany", 0, "German Democratic Republic"},
        {"PRC", 0, "China"},
        {"Republic of China", 0, "Taiwan"},
        {"Iran, Islamic Republic of", 0, "Iran"},
        {"Syrian Arab Republic", 0, "Syria"},
        {"Viet Nam", 0, "Vietnam"},
        {"South Vietnam", 0, "Republic of Vietnam"},
        {"Turkiye", 0, "Turkey"},
        {"North Macedonia", 0, "Macedonia"},
        {"Holland", 0, "Netherlands"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const shi_state *st = NULL;
        shi_err err = {0};
        if (shi_states_resolve(&D.states, want[i].alias, want[i].year, &st, &err) != SHI_OK) {
            print_error("%s: %s\n", want[i].alias, err.msg);
        }
        assert_non_null(st);
        assert_string_equal(st->name, want[i].cow_name);
    }
}

static void names_unknown(void **state)
{
    (void)state;
    shi_err err;
    assert_int_equal(resolve("chian", 0, &err), -1);
    assert_int_equal(err.code, SHI_EUSAGE);
    assert_string_equal(err.msg, "unknown state 'chian'; did you mean China (710, CHN), "
                                 "Canada (20, CAN), Chile (155, CHL)?");
    assert_int_equal(resolve("999", 0, &err), -1);
    assert_string_equal(err.msg, "unknown COW country code '999'");
    assert_int_equal(resolve("", 0, &err), -1);
    assert_string_equal(err.msg, "empty state name");
    assert_int_equal(resolve("qqqqqqqqqqqq", 0, &err), -1);
    assert_string_equal(err.msg, "unknown state 'qqqqqqqqqqqq'; 'shi states' lists the known ones");
    const shi_state *list[4];
    size_t n;
    assert_int_equal(shi_states_resolve_list(&D.states, "CHN,russia,2", 0, list, 4, &n, &err),
                     SHI_OK);
    assert_int_equal(n, 3);
    assert_int_equal(list[1]->ccode, 365);
    assert_int_equal(shi_states_resolve_list(&D.states, "CHN,,USA", 0, list, 4, &n, &err),
                     SHI_EUSAGE);
    assert_string_equal(err.msg, "empty state name");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spells_and_majors), cmocka_unit_test(members_match_system_file),
        cmocka_unit_test(names_resolve),     cmocka_unit_test(names_exact_only),
        cmocka_unit_test(names_aliases),     cmocka_unit_test(names_unknown),
    };
    return shi_run_group_tests(tests, setup, teardown);
}
