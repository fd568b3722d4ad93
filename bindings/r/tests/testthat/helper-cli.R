# The shi command the package is compared with: SHI_CLI (set by CTest,
# tests/bindings_r.sh), else shi on the PATH.
shi_cli <- function() {
  cli <- Sys.getenv("SHI_CLI", Sys.which("shi"))
  if (!nzchar(cli)) {
    skip("no shi command to compare with (set SHI_CLI)")
  }
  cli
}

run_cli <- function(args, status = 0L) {
  err <- tempfile()
  on.exit(unlink(err))
  out <- suppressWarnings(system2(shi_cli(), args, stdout = TRUE, stderr = err))
  st <- attr(out, "status")
  st <- if (is.null(st)) 0L else st
  if (!is.na(status)) {
    expect_equal(st, status, info = paste(args, collapse = " "))
  }
  list(stdout = out, stderr = readLines(err), status = st)
}

# The command's CSV, every cell as text ("" for missing).
cli_csv <- function(args) {
  out <- run_cli(c(args, "--format", "csv"))$stdout
  utils::read.csv(text = out, colClasses = "character", na.strings = character(0),
                  check.names = FALSE)
}

# Each column of the data frame against the command's text, by its R type:
# integers and logicals (1/0) exactly, "" as NA, reals to 1e-12 relative.
# Not bit for bit (the Python tests are) for two reasons: R's parser
# (as.numeric) is not correctly rounded beyond 15 digits (?NumericConstants),
# and in an R process GSL's CBLAS calls bind to R's libblas.so.3, which libR
# loads first and which exports the same cblas_* symbols, so the drivers'
# regressions sum in another order (differences of about 1e-15 relative;
# docs/bindings.md).
expect_same_as_cli <- function(df, csv) {
  expect_identical(names(df), names(csv))
  expect_identical(nrow(df), nrow(csv))
  for (name in names(csv)) {
    text <- csv[[name]]
    col <- df[[name]]
    na <- text == ""
    expect_identical(is.na(col), na, info = name)
    want <- switch(class(col)[1],
      integer = as.integer(text),
      logical = text == "1",
      numeric = as.numeric(text),
      text)
    want[na] <- NA
    if (is.double(col)) {
      ok <- na | col == want | abs(col - want) <= 1e-12 * abs(want)
      expect_true(all(ok), info = paste(name, "rows", paste(head(which(!ok)), collapse = ",")))
    } else {
      expect_identical(col, want, info = name)
    }
  }
}
