/*
 * energy_names.c - partner and country names of the energy files -> COW
 * state codes (COW State System Membership v2016): China Customs' partner
 * names (as Wind spells them: "Columbia", "Zaire", "Lao", "Russian
 * Federation") and the Eurostat file's reporter and partner names (CREA's
 * spelling: "Congo - Kinshasa", "Côte d’Ivoire" with a typographic
 * apostrophe, "Trinidad & Tobago").
 *
 * Coding choices (docs/energy.md):
 *  - "World (all partners)" is the importer's own total (SHI_EN_WORLD).
 *  - NS, "not a state": territories COW does not list (Aruba, British Virgin
 *    Islands, Curaçao, Gibraltar, Hong Kong SAR China, New Caledonia) and the
 *    Eurostat rows whose partner is empty (Eurostat's "not specified").
 *  - CREA's "EU" is the sum of its EU members' rows (SHI_EN_EU_AGG; the
 *    panel drops it so that no import is counted twice); CREA's "Greenland"
 *    and "State of Palestine" are NS (COW lists neither).
 *  - "Zaire" and "Congo - Kinshasa" are 490 (DR Congo), "Congo" and "Congo -
 *    Brazzaville" 484; "Serbia" 345; "Germany" 255 (the files start in 1995).
 *
 * The table is sorted in strcmp (byte) order for binary search (test_energy.c
 * looks up both ends and the non-ASCII names). A name not listed is an error in the importers
 * (file:line:col and the name), so a new name fails clearly instead of
 * losing rows.
 */
#include <shi/io_energy.h>

#include <stdlib.h>
#include <string.h>

#define NS SHI_EN_NOT_STATE

typedef struct name_entry {
    const char *name; /* the name as the file spells it, UTF-8 */
    int ccode;        /* COW code, SHI_EN_WORLD or NS */
} name_entry;

static const name_entry names[] = {
    {"", NS},
    {"Albania", 339},
    {"Algeria", 615},
    {"Angola", 540},
    {"Argentina", 160},
    {"Armenia", 371},
    {"Aruba", NS},
    {"Australia", 900},
    {"Austria", 305},
    {"Azerbaijan", 373},
    {"Bahamas", 31},
    {"Bahrain", 692},
    {"Belarus", 370},
    {"Belgium", 211},
    {"Belize", 80},
    {"Benin", 434},
    {"Bolivia", 145},
    {"Bosnia & Herzegovina", 346},
    {"Bosnia Herzegovina", 346},
    {"Brazil", 140},
    {"British Virgin Islands", NS},
    {"Brunei", 835},
    {"Brunei Darussalam", 835},
    {"Bulgaria", 355},
    {"Burkina Faso", 439},
    {"Cambodia", 811},
    {"Cameroon", 471},
    {"Canada", 20},
    {"Cape Verde", 402},
    {"Chad", 483},
    {"Chile", 155},
    {"China", 710},
    {"China, Hong Kong SAR", NS},
    {"Colombia", 100},
    {"Columbia", 100},
    {"Congo", 484},
    {"Congo - Brazzaville", 484},
    {"Congo - Kinshasa", 490},
    {"Costa Rica", 94},
    {"Croatia", 344},
    {"Cuba", 40},
    {"Curaçao", NS},
    {"Cyprus", 352},
    {"Czech Rep.", 316},
    {"Czechia", 316},
    {"Côte d'Ivoire", 437},
    {"Côte d’Ivoire", 437},
    {"Dem.Rep. of the Congo", 490},
    {"Denmark", 390},
    {"Djibouti", 522},
    {"Dominican Rep.", 42},
    {"Dominican Republic", 42},
    {"EU", SHI_EN_EU_AGG},
    {"Ecuador", 130},
    {"Egypt", 651},
    {"Equatorial Guinea", 411},
    {"Estonia", 366},
    {"Ethiopia", 530},
    {"Finland", 375},
    {"France", 220},
    {"Gabon", 481},
    {"Georgia", 372},
    {"Germany", 255},
    {"Ghana", 452},
    {"Gibraltar", NS},
    {"Greece", 350},
    {"Greenland", NS},
    {"Guatemala", 90},
    {"Guinea-Bissau", 404},
    {"Guyana", 110},
    {"Honduras", 91},
    {"Hong Kong SAR China", NS},
    {"Hungary", 310},
    {"Iceland", 395},
    {"India", 750},
    {"Indonesia", 850},
    {"Iran", 630},
    {"Iraq", 645},
    {"Ireland", 205},
    {"Israel", 666},
    {"Italy", 325},
    {"Jamaica", 51},
    {"Japan", 740},
    {"Jordan", 663},
    {"Kazakhstan", 705},
    {"Kenya", 501},
    {"Kuwait", 690},
    {"Kyrgyzstan", 703},
    {"Lao", 812},
    {"Lao People's Dem. Rep.", 812},
    {"Latvia", 367},
    {"Lebanon", 660},
    {"Liberia", 450},
    {"Libya", 620},
    {"Lithuania", 368},
    {"Luxembourg", 212},
    {"Madagascar", 580},
    {"Malaysia", 820},
    {"Malta", 338},
    {"Marshall Islands", 983},
    {"Mauritania", 435},
    {"Mauritius", 590},
    {"Mexico", 70},
    {"Moldova", 359},
    {"Mongolia", 712},
    {"Montenegro", 341},
    {"Morocco", 600},
    {"Mozambique", 541},
    {"Myanmar", 775},
    {"Namibia", 565},
    {"Netherlands", 210},
    {"New Caledonia", NS},
    {"New Zealand", 920},
    {"Nicaragua", 93},
    {"Niger", 436},
    {"Nigeria", 475},
    {"North Korea", 731},
    {"North Macedonia", 343},
    {"Norway", 385},
    {"Oman", 698},
    {"Pakistan", 770},
    {"Panama", 95},
    {"Papua New Guinea", 910},
    {"Paraguay", 150},
    {"Peru", 135},
    {"Philippines", 840},
    {"Poland", 290},
    {"Portugal", 235},
    {"Qatar", 694},
    {"Rep. of Korea", 732},
    {"Rep. of Moldova", 359},
    {"Romania", 360},
    {"Russia", 365},
    {"Russian Federation", 365},
    {"Rwanda", 517},
    {"Saint Vincent and the Grenadines", 57},
    {"Saudi Arabia", 670},
    {"Senegal", 433},
    {"Serbia", 345},
    {"Seychelles", 591},
    {"Sierra Leone", 451},
    {"Singapore", 830},
    {"Slovakia", 317},
    {"Slovenia", 349},
    {"South Africa", 560},
    {"South Korea", 732},
    {"South Sudan", 626},
    {"Spain", 230},
    {"Sri Lanka", 780},
    {"State of Palestine", NS},
    {"Sudan", 625},
    {"Sweden", 380},
    {"Switzerland", 225},
    {"Syria", 652},
    {"TFYR of Macedonia", 343},
    {"Taiwan", 713},
    {"Tajikistan", 702},
    {"Thailand", 800},
    {"Togo", 461},
    {"Trinidad & Tobago", 52},
    {"Trinidad and Tobago", 52},
    {"Tunisia", 616},
    {"Turkey", 640},
    {"Turkmenistan", 701},
    {"UAE", 696},
    {"US", 2},
    {"USA", 2},
    {"Uganda", 500},
    {"Ukraine", 369},
    {"United Arab Emirates", 696},
    {"United Kingdom", 200},
    {"United Rep. of Tanzania", 510},
    {"United States", 2},
    {"United States of America", 2},
    {"Uruguay", 165},
    {"Uzbekistan", 704},
    {"Venezuela", 101},
    {"Viet Nam", 816},
    {"Vietnam", 816},
    {"World (all partners)", SHI_EN_WORLD},
    {"Yemen", 679},
    {"Zaire", 490},
    {"Zambia", 551},
};

static int cmp_name(const void *key, const void *e)
{
    return strcmp((const char *)key, ((const name_entry *)e)->name);
}

int shi_energy_name_code(const char *name)
{
    const name_entry *e =
        bsearch(name, names, sizeof names / sizeof names[0], sizeof names[0], cmp_name);
    return e ? e->ccode : -100;
}

/* The Energy Institute's regions (its trade matrices, 2022): never states.
 * Sorted in strcmp order; region k is SHI_EN_REGION0 - k. A name of the EI
 * file is looked up here first ("EU", "Europe" are regions there), then in
 * the state table. */
static const char *const regions[] = {
    "Africa",
    "Asia Pacific",
    "Australasia",
    "CIS",
    "EU",
    "East & S. Africa",
    "Europe",
    "Middle East",
    "Middle East & Africa",
    "North Africa",
    "North America",
    "Other Africa",
    "Other Americas*",
    "Other Asia Pacific",
    "Other Asia Pacific*",
    "Other CIS",
    "Other EU",
    "Other Europe",
    "Other Europe*",
    "Other Middle East",
    "Other Middle East & Africa",
    "Other S. & Cent. America",
    "Rest of Europe",
    "Rest of World",
    "S. & Cent. America",
    "West Africa",
};
enum { NREGIONS = sizeof regions / sizeof regions[0] };

static int cmp_region(const void *key, const void *e)
{
    return strcmp((const char *)key, *(const char *const *)e);
}

int shi_energy_region_code(const char *name)
{
    const char *const *e = bsearch(name, regions, NREGIONS, sizeof regions[0], cmp_region);
    return e ? SHI_EN_REGION0 - (int)(e - regions) : -100;
}

const char *shi_energy_region_name(int c)
{
    int k = SHI_EN_REGION0 - c;
    return k >= 0 && k < NREGIONS ? regions[k] : NULL;
}
