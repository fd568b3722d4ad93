# The R package against the shi command on the same arguments.

test_that("shi_dyads matches shi dyads, cell by cell", {
  d <- shi_dyads(1900:1905, add = c("cinc", "contiguity", "distance", "alliance", "major"))
  expect_same_as_cli(d, cli_csv(c("dyads", "--years", "1900-1905", "--add",
                                  "cinc,contiguity,distance,alliance,major")))
  expect_type(d$year, "integer")
  expect_type(d$cinc1, "double")
  expect_type(d$major1, "logical")
})

test_that("shi_dyads with every variable, directed, some states", {
  d <- shi_dyads(1998:2001, directed = TRUE, add = "all", states = c("USA", "RUS", "CHN"))
  expect_same_as_cli(d, cli_csv(c("dyads", "--years", "1998-2001", "--directed", "--add", "all",
                                  "--states", "USA,RUS,CHN")))
})

test_that("shi_report is the command's summary", {
  expect_identical(strsplit(shi_report("RUS", "CHN", years = 2012:2022), "\n")[[1]],
                   run_cli(c("report", "RUS", "CHN", "--years", "2012-2022"))$stdout)
})

test_that("errors are shi_error conditions with shi's message", {
  cli <- run_cli(c("dyads", "--years", "2000-2000", "--add", "bogus"), status = NA)
  expect_false(cli$status == 0)
  e <- tryCatch(shi_dyads(2000, add = "bogus"), shi_error = function(e) e)
  expect_s3_class(e, "shi_error")
  expect_true(any(grepl(conditionMessage(e), cli$stderr, fixed = TRUE)))
  cli <- run_cli(c("report", "RUS", "XYZQ"), status = NA)
  e <- tryCatch(shi_report("RUS", "XYZQ"), shi_error = function(e) e)
  expect_true(any(grepl(conditionMessage(e), cli$stderr, fixed = TRUE)))
  # The session goes on after an error.
  expect_gt(nrow(shi_dyads(2000, states = "USA")), 0)
})

test_that("wrong argument types are R errors", {
  expect_error(shi_dyads("abc"), "years")
  expect_error(shi_dyads(2000, directed = "yes"), "directed")
  expect_error(shi_dyads(c(1990, 1995, 2000)), "contiguous")
  expect_error(shi_dyads(1700:1720), class = "shi_error")
  expect_error(shi_dyads(2000, add = list(1)), "add")
})

test_that("shi_power, shi_threat and shi_drivers match their commands", {
  expect_same_as_cli(shi_power(), cli_csv("power"))
  expect_same_as_cli(shi_power(1950:1960, states = c("USA", "RUS", "CHN"), window = 5),
                     cli_csv(c("power", "--years", "1950-1960", "--states", "USA,RUS,CHN",
                               "--window", "5")))
  expect_same_as_cli(shi_threat("IND", "PAK", years = 1990:1995),
                     cli_csv(c("threat", "IND", "PAK", "--years", "1990-1995")))
  d <- shi_drivers("RUS", "CHN", boot = 200)
  expect_same_as_cli(d, cli_csv(c("drivers", "RUS", "CHN", "--boot", "200")))
  expect_type(d$verdict, "character")
  expect_true(is.na(d$lmg_share[1]))
})

test_that("their errors are shi_error conditions", {
  cli <- run_cli(c("power", "--measure", "bogus"), status = NA)
  e <- tryCatch(shi_power(measure = "bogus"), shi_error = function(e) e)
  expect_s3_class(e, "shi_error")
  expect_true(any(grepl(conditionMessage(e), cli$stderr, fixed = TRUE)))
  expect_error(shi_threat("RUS", "RUS"), class = "shi_error")
  expect_error(shi_drivers("RUS", "CHN", boot = "x"), "integers")
})

test_that("shi_stateyears matches shi stateyears, cell by cell", {
  s <- shi_stateyears(1995:2000, add = "all", states = c("USA", "RUS", "CHN", "IND", "PAK"))
  expect_same_as_cli(s, cli_csv(c("stateyears", "--years", "1995-2000", "--add", "all",
                                  "--states", "USA,RUS,CHN,IND,PAK")))
  expect_type(s$year, "integer")
  expect_type(s$cinc, "double")
  expect_type(s$major, "logical")
  expect_type(s$gdp_src, "character")
  expect_same_as_cli(shi_stateyears(1950, add = c("nmc", "major", "democracy"),
                                    names = "peacesciencer"),
                     cli_csv(c("stateyears", "--years", "1950-1950", "--add",
                               "nmc,major,democracy", "--names", "peacesciencer")))
  expect_same_as_cli(shi_stateyears(add = "major"), cli_csv(c("stateyears", "--add", "major")))
})

test_that("shi_stateyears errors are shi_error conditions", {
  cli <- run_cli(c("stateyears", "--add", "bogus"), status = NA)
  expect_false(cli$status == 0)
  e <- tryCatch(shi_stateyears(add = "bogus"), shi_error = function(e) e)
  expect_s3_class(e, "shi_error")
  expect_true(any(grepl(conditionMessage(e), cli$stderr, fixed = TRUE)))
  expect_error(shi_stateyears(names = "bogus"), class = "shi_error")
  expect_error(shi_stateyears(2000, states = "XYZQ"), class = "shi_error")
  expect_error(shi_stateyears("abc"), "years")
})

test_that("shi_scenarios matches shi scenarios, cell by cell", {
  f <- shi_scenarios("RUS", "CHN", paths = 500, draws = 10)
  expect_same_as_cli(f, cli_csv(c("scenarios", "RUS", "CHN", "--paths", "500", "--draws", "10")))
  expect_type(f$horizon, "integer")
  expect_type(f$probability, "double")
  expect_true(all(is.na(f$observed)))
  f <- shi_scenarios("USA", "CHN", from = 2000, horizon = 10, paths = 300, seed = 7, draws = 5)
  expect_same_as_cli(f, cli_csv(c("scenarios", "USA", "CHN", "--from", "2000", "--horizon", "10",
                                  "--paths", "300", "--seed", "7", "--draws", "5")))
  expect_setequal(f$observed, c("yes", "no"))
})

test_that("shi_scenarios errors are shi_error conditions", {
  cli <- run_cli(c("scenarios", "RUS", "RUS"), status = NA)
  expect_false(cli$status == 0)
  e <- tryCatch(shi_scenarios("RUS", "RUS"), shi_error = function(e) e)
  expect_s3_class(e, "shi_error")
  expect_true(any(grepl(conditionMessage(e), cli$stderr, fixed = TRUE)))
  expect_error(shi_scenarios("RUS", "CHN", horizon = 51), class = "shi_error")
  expect_error(shi_scenarios("RUS", "CHN", paths = 0), class = "shi_error")
  expect_error(shi_scenarios("RUS", "CHN", seed = -1), "seed")
  expect_error(shi_scenarios("RUS", "CHN", paths = "x"), "integers")
})
