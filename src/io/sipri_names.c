/*
 * sipri_names.c - SIPRI country and actor names -> COW state codes.
 *
 * Every supplier and recipient name of the SIPRI trade register
 * (trade-register_2025-03-13.csv) and of SIPRI's totals files
 * (tiv_*_1950-2024.csv) is listed here, either with its COW code
 * (COW State System Membership v2016) or as NS, "not a state": non-state
 * armed groups (SIPRI marks them '*'), international organisations ('**'),
 * territories and entities that COW does not list as states (Aruba, Biafra,
 * Katanga, Northern Cyprus, Palestine, Western Sahara, Libya GNC) and SIPRI's
 * "unknown supplier(s)" / "unknown recipient(s)".
 *
 * Coding choices (docs/arms.md):
 *  - "Soviet Union" and "Russia" are both 365: COW treats Russia as the
 *    continuation of the USSR.
 *  - "Germany" is 260 (German Federal Republic) for years before 1990 and 255
 *    from 1990 (COW: GFR 1955-1990-10-02, Germany from 1990-10-03; a year
 *    counts by its state on 31 December); "East Germany (GDR)" is 265.
 *  - "Yugoslavia" and "Serbia" are both 345; "North Yemen" and "Yemen Arab
 *    Republic (North Yemen)" 678, "South Yemen" 680, "Yemen" 679;
 *    "Viet Nam" 816 (North Vietnam before 1976), "South Vietnam" 817.
 *
 * The table is sorted in strcmp (byte) order for binary search; the unit test
 * checks the order. A name not listed is an error in the importers, so a new
 * SIPRI file with a new name fails clearly instead of losing deliveries.
 */
#include <shi/io_sipri.h>

#include <stdlib.h>
#include <string.h>

#define NS SHI_SIPRI_NOT_STATE

typedef struct name_entry {
    const char *name; /* SIPRI name, UTF-8 */
    int ccode;        /* COW code, or NS */
} name_entry;

static const name_entry names[] = {
    {"ANC (South Africa)*", NS},
    {"Afghanistan", 700},
    {"African Union**", NS},
    {"Albania", 339},
    {"Algeria", 615},
    {"Amal (Lebanon)*", NS},
    {"Angola", 540},
    {"Anti-Castro rebels (Cuba)*", NS},
    {"Antigua and Barbuda", 58},
    {"Argentina", 160},
    {"Armas (Guatemala)*", NS},
    {"Armenia", 371},
    {"Aruba", NS},
    {"Australia", 900},
    {"Austria", 305},
    {"Azerbaijan", 373},
    {"Bahamas", 31},
    {"Bahrain", 692},
    {"Bangladesh", 771},
    {"Barbados", 53},
    {"Belarus", 370},
    {"Belgium", 211},
    {"Belize", 80},
    {"Benin", 434},
    {"Bhutan", 760},
    {"Biafra", NS},
    {"Bolivia", 145},
    {"Bosnia-Herzegovina", 346},
    {"Botswana", 571},
    {"Brazil", 140},
    {"Brunei", 835},
    {"Bulgaria", 355},
    {"Burkina Faso", 439},
    {"Burundi", 516},
    {"Cabo Verde", 402},
    {"Cambodia", 811},
    {"Cameroon", 471},
    {"Canada", 20},
    {"Central African Republic", 482},
    {"Chad", 483},
    {"Chile", 155},
    {"China", 710},
    {"Colombia", 100},
    {"Comoros", 581},
    {"Congo", 484},
    {"Contras (Nicaragua)*", NS},
    {"Costa Rica", 94},
    {"Cote d'Ivoire", 437},
    {"Croatia", 344},
    {"Cuba", 40},
    {"Cyprus", 352},
    {"Czechia", 316},
    {"Czechoslovakia", 315},
    {"C\xc3\xb4"
     "te d'Ivoire",
     437}, /* spelling of other SIPRI exports */
    {"DR Congo", 490},
    {"Darfur rebels (Sudan)*", NS},
    {"Denmark", 390},
    {"Djibouti", 522},
    {"Dominican Republic", 42},
    {"ELF (Ethiopia)*", NS},
    {"EPLF (Ethiopia)*", NS},
    {"East Germany (GDR)", 265},
    {"Ecuador", 130},
    {"Egypt", 651},
    {"El Salvador", 92},
    {"Equatorial Guinea", 411},
    {"Eritrea", 531},
    {"Estonia", 366},
    {"Ethiopia", 530},
    {"European Union**", NS},
    {"FAN (Chad)*", NS},
    {"FMLN (El Salvador)*", NS},
    {"FNLA (Angola)*", NS},
    {"FRELIMO (Portugal)*", NS},
    {"Fiji", 950},
    {"Finland", 375},
    {"France", 220},
    {"GUNT (Chad)*", NS},
    {"Gabon", 481},
    {"Gambia", 420},
    {"Georgia", 372},
    {"Germany", 255}, /* 260 before 1990: see shi_sipri_name_lookup */
    {"Ghana", 452},
    {"Greece", 350},
    {"Grenada", 55},
    {"Guatemala", 90},
    {"Guinea", 438},
    {"Guinea-Bissau", 404},
    {"Guyana", 110},
    {"Haiti", 41},
    {"Haiti rebels*", NS},
    {"Hamas (Palestine)*", NS},
    {"Hezbollah (Lebanon)*", NS},
    {"Honduras", 91},
    {"Houthi rebels (Yemen)*", NS},
    {"Hungary", 310},
    {"Iceland", 395},
    {"India", 750},
    {"Indonesia", 850},
    {"Indonesia rebels*", NS},
    {"Iran", 630},
    {"Iraq", 645},
    {"Ireland", 205},
    {"Israel", 666},
    {"Italy", 325},
    {"Jamaica", 51},
    {"Japan", 740},
    {"Jordan", 663},
    {"Katanga", NS},
    {"Kazakhstan", 705},
    {"Kenya", 501},
    {"Khmer Rouge (Cambodia)*", NS},
    {"Kiribati", 946},
    {"Kosovo", 347},
    {"Kurdistan Regional Government (Iraq)*", NS},
    {"Kuwait", 690},
    {"Kyrgyzstan", 703},
    {"LF (Lebanon)*", NS},
    {"LRA (Uganda)*", NS},
    {"LTTE (Sri Lanka)*", NS},
    {"Laos", 812},
    {"Latvia", 367},
    {"Lebanon", 660},
    {"Lebanon Palestinian rebels*", NS},
    {"Lesotho", 570},
    {"Liberia", 450},
    {"Libya", 620},
    {"Libya GNC", NS},
    {"Libya HoR*", NS},
    {"Lithuania", 368},
    {"Luxembourg", 212},
    {"MNLF (Philippines)*", NS},
    {"MPLA (Portugal)*", NS},
    {"MTA (Myanmar)*", NS},
    {"Madagascar", 580},
    {"Malawi", 553},
    {"Malaysia", 820},
    {"Maldives", 781},
    {"Mali", 432},
    {"Malta", 338},
    {"Marshall Islands", 983},
    {"Mauritania", 435},
    {"Mauritius", 590},
    {"Mexico", 70},
    {"Micronesia", 987},
    {"Moldova", 359},
    {"Mongolia", 712},
    {"Montenegro", 341},
    {"Morocco", 600},
    {"Mozambique", 541},
    {"Mujahedin (Afghanistan)*", NS},
    {"Myanmar", 775},
    {"NATO**", NS},
    {"NLA (Macedonia)*", NS},
    {"NTC (Libya)*", NS},
    {"Namibia", 565},
    {"Nepal", 790},
    {"Netherlands", 210},
    {"New Zealand", 920},
    {"Nicaragua", 93},
    {"Niger", 436},
    {"Nigeria", 475},
    {"North Korea", 731},
    {"North Macedonia", 343},
    {"North Yemen", 678},
    {"Northern Alliance (Afghanistan)*", NS},
    {"Northern Cyprus", NS},
    {"Norway", 385},
    {"OSCE**", NS},
    {"Oman", 698},
    {"PAIGC (Portugal)*", NS},
    {"PIJ (Israel/Palestine)*", NS},
    {"PKK (Turkiye)*", NS},
    {"PLO (Israel)*", NS},
    {"PRC (Israel/Palestine)*", NS},
    {"Pakistan", 770},
    {"Palau", 986},
    {"Palestine", NS},
    {"Panama", 95},
    {"Papua New Guinea", 910},
    {"Paraguay", 150},
    {"Pathet Lao (Laos)*", NS},
    {"Peru", 135},
    {"Philippines", 840},
    {"Poland", 290},
    {"Portugal", 235},
    {"Provisional IRA (UK)*", NS},
    {"Qatar", 694},
    {"RPF (Rwanda)*", NS},
    {"RUF (Sierra Leone)*", NS},
    {"Regional Security System**", NS},
    {"Romania", 360},
    {"Russia", 365}, /* COW: Russia continues the USSR */
    {"Rwanda", 517},
    {"SLA (Lebanon)*", NS},
    {"SNA (Somalia)*", NS},
    {"SPLA (Sudan)*", NS},
    {"Saint Kitts and Nevis", 60},
    {"Saint Vincent", 57},
    {"Samoa", 990},
    {"Saudi Arabia", 670},
    {"Senegal", 433},
    {"Serbia", 345},
    {"Seychelles", 591},
    {"Sierra Leone", 451},
    {"Singapore", 830},
    {"Slovakia", 317},
    {"Slovenia", 349},
    {"Solomon Islands", 940},
    {"Somalia", 520},
    {"South Africa", 560},
    {"South Korea", 732},
    {"South Sudan", 626},
    {"South Vietnam", 817},
    {"South Yemen", 680},
    {"Southern rebels (Yemen)*", NS},
    {"Soviet Union", 365}, /* COW: Russia continues the USSR */
    {"Spain", 230},
    {"Sri Lanka", 780},
    {"Sudan", 625},
    {"Suriname", 115},
    {"Sweden", 380},
    {"Switzerland", 225},
    {"Syria", 652},
    {"Syria rebels*", NS},
    {"Taiwan", 713},
    {"Tajikistan", 702},
    {"Tanzania", 510},
    {"Thailand", 800},
    {"Timor-Leste", 860},
    {"Togo", 461},
    {"Tonga", 955},
    {"Trinidad and Tobago", 52},
    {"Tunisia", 616},
    {"Turkiye", 640},
    {"Turkmenistan", 701},
    {"Tuvalu", 947},
    {"UAE", 696},
    {"UIC (Somalia)*", NS},
    {"UNITA (Angola)*", NS},
    {"Uganda", 500},
    {"Ukraine", 369},
    {"Ukraine Rebels*", NS},
    {"United Kingdom", 200},
    {"United Nations**", NS},
    {"United States", 2},
    {"United Wa State (Myanmar)*", NS},
    {"Uruguay", 165},
    {"Uzbekistan", 704},
    {"Vanuatu", 935},
    {"Venezuela", 101},
    {"Viet Cong (South Vietnam)*", NS},
    {"Viet Minh (France)*", NS},
    {"Viet Nam", 816},
    {"Western Sahara", NS},
    {"Yemen", 679},
    {"Yemen Arab Republic (North Yemen)", 678},
    {"Yugoslavia", 345},
    {"ZAPU (Zimbabwe)*", NS},
    {"Zambia", 551},
    {"Zimbabwe", 552},
    {"eSwatini", 572},
    {"unknown rebel group*", NS},
    {"unknown recipient(s)", NS},
    {"unknown supplier(s)", NS},
};

#define NNAMES (sizeof names / sizeof names[0])

static int cmp_name(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const name_entry *)elem)->name);
}

int shi_sipri_name_lookup(const char *name, int year, int *ccode)
{
    const name_entry *e = bsearch(name, names, NNAMES, sizeof names[0], cmp_name);
    if (!e) {
        return 0;
    }
    /* The one name whose code depends on the year: FRG before unification. */
    *ccode = (year < 1990 && strcmp(e->name, "Germany") == 0) ? 260 : e->ccode;
    return 1;
}

size_t shi_sipri_name_count(void)
{
    return NNAMES;
}

const char *shi_sipri_name_at(size_t i, int *ccode)
{
    if (i >= NNAMES) {
        return NULL;
    }
    if (ccode) {
        *ccode = names[i].ccode;
    }
    return names[i].name;
}
