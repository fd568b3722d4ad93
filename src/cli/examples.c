/*
 * examples.c - the EXAMPLES that end every --help (issue 13): real command
 * lines a new user can paste, one table for every command, so no help text
 * is left without them (tests/help_examples.sh checks each).
 */
#include "cli.h"

#include <string.h>

static const struct {
    const char *cmd; /* as passed to cli_parse / cli_usage */
    const char *text;
} EXAMPLES[] = {
    {"shi", "  shi power --states CHN,RUS,USA --year 2022\n"
            "  shi report RUS CHN -o report.html\n"
            "  shi dyads --years 2000-2010 --add cinc,contiguity -o dyads.dta\n"
            "  shi --data ../shared/data data info\n"},
    {"states", "  shi states --year 1816\n"
               "  shi states 'Soviet Union'\n"
               "  shi states --format csv -o states.csv\n"},
    {"power", "  shi power --year 2022 --majors\n"
              "  shi power --states CHN,RUS,USA --years 1992-2022 -o shares.dta\n"
              "  shi power --years 1816-2022 --format jsonl > polarity.jsonl\n"},
    {"power transition", "  shi power transition CHN USA --years 1990-2022\n"
                         "  shi power transition CHN USA --series --format csv\n"},
    {"dyads", "  shi dyads --years 2000 --states CHN,RUS --both --add all\n"
              "  shi dyads --relevant --add cinc,contiguity,distance -o dyads.csv\n"
              "  shi dyads --years 1946-2016 --add alliance,sim -o dyads.sqlite --threads 4\n"},
    {"stateyears", "  shi stateyears --years 1946-2016 --add nmc,major,gdp -o sy.csv\n"
                   "  shi stateyears --states CHN,IND --add all --format json\n"},
    {"eu", "  shi eu --years 1900 --states GMY,FRN --both --wr\n"
           "  shi eu --years 1816-2016 --wr -o eu.csv --threads 2\n"
           "  shi eu --years 1914 --mpd none --util s --format csv\n"},
    {"risk", "  shi risk --years 1900 --states GMY,FRN,UKG\n"
             "  shi risk --years 1816-1830 --threads 2 -o risk.csv\n"},
    {"threat", "  shi threat RUS CHN --years 2010-2022\n"
               "  shi threat --perceiver RUS --year 2014 --top 5\n"
               "  shi threat RUS CHN --sensitivity --format csv\n"},
    {"align", "  shi align RUS CHN --years 1992-2022\n"
              "  shi align RUS CHN --summary\n"
              "  shi align USA GBR --year 2010 --format json\n"},
    {"drivers", "  shi drivers RUS CHN\n"
                "  shi drivers RUS CHN --third USA --outcome sim --reference\n"},
    {"scenarios", "  shi scenarios RUS CHN\n"
                  "  shi scenarios RUS CHN --from 2011 --horizon 11 --format csv\n"
                  "  shi scenarios RUS CHN --shocks examples/scenarios-study.yaml --svg fan.svg\n"
                  "  shi scenarios RUS CHN --third USA --params\n"
                  "  shi scenarios --backtest\n"},
    {"report", "  shi report RUS CHN\n"
               "  shi report RUS CHN --third USA --years 1992-2022 -o report.html\n"},
    {"coop", "  shi coop RUS CHN --year 2014\n"
             "  shi coop tournament --strategies all --noise 0.01\n"
             "  shi coop match 'Tit For Tat' Defector --turns 10 --moves\n"},
    {"coop strategies", "  shi coop strategies\n"
                        "  shi coop strategies --format csv -o strategies.csv\n"},
    {"coop match", "  shi coop match 'Tit For Tat' Defector --turns 10 --moves\n"
                   "  shi coop match Grudger Alternator --delta 0.9 --seed 7\n"},
    {"coop tournament", "  shi coop tournament --strategies all --noise 0.01\n"
                        "  shi coop tournament --matrix --svg matrix.svg\n"},
    {"coop moran", "  shi coop moran --pop 50 --runs 200\n"},
    {"coop replicator", "  shi coop replicator --generations 200 --svg replicator.svg\n"},
    {"coop sweep", "  shi coop sweep --deltas 0.5,0.9,0.99 --noises 0,0.05\n"},
    {"coop threshold", "  shi coop threshold --relative-gains 1\n"
                       "  shi coop threshold --payoffs 5,3,1,0 --format csv\n"},
    {"coop validate", "  shi coop validate --fit-end 1980 --format csv\n"},
    {"data", "  shi data info\n"
             "  shi data build --from ../shared/data -o my.shd\n"},
    {"data info", "  shi data info\n"
                  "  shi data info --format bibtex > shi-sources.bib\n"},
    {"data build", "  shi data build --from ../shared/data -o my.shd --dyadic-output dyadic.shd\n"
                   "  shi --data-file my.shd power --year 2022\n"},
};

const char *cli_examples(const char *cmd)
{
    for (size_t i = 0; cmd && i < sizeof EXAMPLES / sizeof EXAMPLES[0]; i++) {
        if (strcmp(cmd, EXAMPLES[i].cmd) == 0) {
            return EXAMPLES[i].text;
        }
    }
    return NULL;
}

void cli_print_examples(FILE *f, const char *cmd)
{
    const char *text = cli_examples(cmd);
    if (text) {
        fprintf(f, "\nexamples:\n%s", text);
    }
}
