# shi from R: .Call into libshi (src/shi_r.c, shi/bind.h). Each function does
# what the shi command of the same name does with the same arguments and
# returns its table as a data frame; errors are conditions of class
# "shi_error" carrying shi's message.

.shi <- new.env(parent = emptyenv())

#' @export
shi_session <- function(data = NULL, data_file = NULL) {
  structure(list(ptr = .Call(shi_r_session, .opt_string(data, "data"),
                             .opt_string(data_file, "data_file"))),
            class = "shi_session")
}

.default_session <- function() {
  if (is.null(.shi$session)) {
    .shi$session <- shi_session()
  }
  .shi$session
}

.session_ptr <- function(session) {
  if (is.null(session)) {
    session <- .default_session()
  }
  if (!inherits(session, "shi_session")) {
    stop("session: not a shi_session", call. = FALSE)
  }
  session$ptr
}

.opt_string <- function(x, what) {
  if (is.null(x)) {
    return(NULL)
  }
  if (!is.character(x) && !is.numeric(x)) {
    stop(sprintf("%s: a character vector, got %s", what, class(x)[1]), call. = FALSE)
  }
  if (length(x) == 0) {
    return(NULL)
  }
  paste(as.character(x), collapse = ",")
}

.years <- function(years, default) {
  if (is.null(years)) {
    return(default)
  }
  if (!is.numeric(years) || length(years) == 0 || anyNA(years)) {
    stop("years: a numeric vector of years, e.g. 1816:2016", call. = FALSE)
  }
  years <- as.integer(years)
  if (length(years) > 2 && !identical(years, seq(years[1], years[length(years)]))) {
    stop("years: must be a contiguous range, e.g. 1990:2000", call. = FALSE)
  }
  c(years[1], years[length(years)])
}

.flag <- function(x, what) {
  if (!is.logical(x) || length(x) != 1 || is.na(x)) {
    stop(sprintf("%s: TRUE or FALSE", what), call. = FALSE)
  }
}

.check <- function(res, call) {
  if (is.character(res) && isTRUE(attr(res, "shi_error"))) {
    stop(structure(class = c("shi_error", "error", "condition"),
                   list(message = as.vector(res), call = call)))
  }
  res
}

.as_data_frame <- function(cols) {
  n <- if (length(cols)) length(cols[[1]]) else 0L
  structure(cols, class = "data.frame", row.names = .set_row_names(n))
}

#' @export
shi_dyads <- function(years = 1816:2016, directed = FALSE, add = NULL, states = NULL,
                      threads = 0L, session = NULL) {
  y <- .years(years, c(1816L, 2016L))
  .flag(directed, "directed")
  res <- .Call(shi_r_dyads, .session_ptr(session), y[1], y[2], directed,
               .opt_string(add, "add"), .opt_string(states, "states"), as.integer(threads))
  .as_data_frame(.check(res, sys.call()))
}

#' @export
shi_stateyears <- function(years = NULL, states = NULL, add = NULL, names = NULL,
                           session = NULL) {
  y <- .years(years, c(0L, 0L))
  res <- .Call(shi_r_stateyears, .session_ptr(session), y[1], y[2], .opt_string(add, "add"),
               .opt_string(states, "states"), .opt_string(names, "names"))
  .as_data_frame(.check(res, sys.call()))
}

#' @export
shi_power <- function(years = NULL, states = NULL, measure = NULL, majors = FALSE, window = 10L,
                      session = NULL) {
  y <- .years(years, c(0L, 0L))
  .flag(majors, "majors")
  res <- .Call(shi_r_power, .session_ptr(session), y[1], y[2], .opt_string(states, "states"),
               .opt_string(measure, "measure"), majors, as.integer(window))
  .as_data_frame(.check(res, sys.call()))
}

#' @export
shi_threat <- function(a, b, years = NULL, session = NULL) {
  y <- .years(years, c(0L, 0L))
  res <- .Call(shi_r_threat, .session_ptr(session), .opt_string(a, "a"), .opt_string(b, "b"),
               y[1], y[2])
  .as_data_frame(.check(res, sys.call()))
}

#' @export
shi_drivers <- function(a, b, third = NULL, years = NULL, outcome = NULL, spec = NULL,
                        boot = 2000L, seed = 1L, threads = 0L, session = NULL) {
  y <- .years(years, c(0L, 0L))
  if (!is.numeric(boot) || !is.numeric(seed) || !is.numeric(threads)) {
    stop("boot, seed, threads: integers", call. = FALSE)
  }
  nums <- as.integer(c(y[1], y[2], boot, seed, threads))
  res <- .Call(shi_r_drivers, .session_ptr(session), .opt_string(a, "a"), .opt_string(b, "b"),
               .opt_string(third, "third"), .opt_string(outcome, "outcome"),
               .opt_string(spec, "spec"), nums)
  .as_data_frame(.check(res, sys.call()))
}

#' @export
shi_scenarios <- function(a, b, from = NULL, horizon = 20L, paths = 100000L, seed = 1,
                          draws = 100L, shocks = NULL, threads = 0L, session = NULL) {
  if (is.null(from)) {
    from <- 0L
  }
  for (x in list(from, horizon, paths, draws, threads)) {
    if (!is.numeric(x) || length(x) != 1 || is.na(x)) {
      stop("from, horizon, paths, draws, threads: integers", call. = FALSE)
    }
  }
  if (!is.numeric(seed) || length(seed) != 1 || is.na(seed) || seed < 0 ||
      seed != floor(seed) || seed > 2^53) {
    stop("seed: a non-negative whole number", call. = FALSE)
  }
  nums <- as.integer(c(from, horizon, paths, draws, threads))
  res <- .Call(shi_r_scenarios, .session_ptr(session), .opt_string(a, "a"), .opt_string(b, "b"),
               nums, as.double(seed),
               if (is.null(shocks)) NULL else path.expand(as.character(shocks)))
  .as_data_frame(.check(res, sys.call()))
}

#' @export
shi_report <- function(a, b, file = NULL, years = NULL, third = NULL, session = NULL) {
  y <- .years(years, c(0L, 0L))
  res <- .Call(shi_r_report, .session_ptr(session), .opt_string(a, "a"), .opt_string(b, "b"),
               y[1], y[2], .opt_string(third, "third"),
               if (is.null(file)) NULL else path.expand(as.character(file)))
  res <- .check(res, sys.call())
  if (is.null(file)) res else invisible(file)
}
