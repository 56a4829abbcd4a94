# Expected estimates for src/lib/stats/analyses.ts, computed from the contract's formulas
# (data-contract.md, "out/estimates.json") with MASS::glm.nb / glm(poisson), on the small study
# written by make-fixture-data.R (tests/fixtures/glm/analyses-*.csv).
#
# Regenerate (from the repository root, needs R with MASS):
#   Rscript scripts/reference/make-fixture-data.R && Rscript scripts/reference/fit-analyses.R
# Writes tests/fixtures/glm/analyses-expected.json: estimates (as out/estimates.json) and the
# keys R could not estimate (an arm or group × period cell without events).
suppressPackageStartupMessages(library(MASS))
source(file.path("scripts", "reference", "fit-count.R"))  # fit_count, quiet, THETA_MAX
dir <- file.path("tests", "fixtures", "glm")
rd <- function(name) read.csv(file.path(dir, paste0("analyses-", name, ".csv")), colClasses = "character")
z <- qnorm(0.975)
months <- function(a, b) {
  p <- function(s) as.integer(strsplit(s, "-")[[1]])
  x <- p(a); y <- p(b); (y[1] - x[1]) * 12 + (y[2] - x[2]) + 1
}
results <- list(); skipped <- character(0)
add <- function(study, outcome, scope, analysis, formula, data, term, cells) {
  key <- paste(study, outcome, scope, analysis)
  tot <- tapply(data$y, cells, sum)
  if (length(tot) < length(unique(unlist(lapply(list(cells), levels)))) || any(tot == 0)) {
    skipped <<- c(skipped, key); return()
  }
  r <- fit_count(formula, data)
  s <- summary(r$fit)$coefficients
  b <- s[term, "Estimate"]; se <- s[term, "Std. Error"]
  f <- function(x) formatC(x, digits = 17, format = "g")
  results[[key]] <<- sprintf(
    '{"study": "%s", "outcome": "%s", "scope": "%s", "analysis": "%s", "model": "%s", "estimate": %s, "ciLow": %s, "ciHigh": %s, "pValue": %s, "schools": %d%s}',
    study, outcome, scope, analysis, r$model, f(exp(b)), f(exp(b - z * se)), f(exp(b + z * se)),
    f(2 * pnorm(-abs(b / se))), length(unique(data$school_id)),
    if (r$model == "negative_binomial") paste0(', "theta": ', f(r$theta)) else "")
}

# Trial
sch <- rd("trial-schools"); sch <- sch[sch$status == "analysed", ]
sch$pupils <- as.numeric(sch$pupils); sch$fsm_percent <- as.numeric(sch$fsm_percent)
per <- rd("trial-periods"); out <- rd("trial-outcomes"); out$count <- as.numeric(out$count)
bm <- months(per$start_month[per$period == "baseline"], per$end_month[per$period == "baseline"])
fm <- months(per$start_month[per$period == "followup"], per$end_month[per$period == "followup"])
for (o in sort(unique(out$outcome))) {
  cnt <- function(p) out$count[match(paste(sch$school_id, p, o), paste(out$school_id, out$period, out$outcome))]
  d <- data.frame(school_id = sch$school_id, y = cnt("followup"), arm = as.numeric(sch$arm == "swis"),
                  baseline_rate = cnt("baseline") / sch$pupils * 1000 * 12 / bm, fsm_percent = sch$fsm_percent,
                  pupils = sch$pupils, la_code = sch$la_code, off = log(sch$pupils * fm / 12))
  arms <- factor(d$arm, levels = c(0, 1))
  add("trial", o, "overall", "adjusted", y ~ arm + baseline_rate + fsm_percent + log(pupils) + factor(la_code) + offset(off), d, "arm", arms)
  add("trial", o, "overall", "unadjusted", y ~ arm + offset(off), d, "arm", arms)
  for (la in sort(unique(d$la_code))) {
    dl <- d[d$la_code == la, ]
    add("trial", o, la, "unadjusted", y ~ arm + offset(off), dl, "arm", factor(dl$arm, levels = c(0, 1)))
  }
}

# Pilot
sites <- rd("pilot-sites"); ps <- rd("pilot-schools"); ps$pupils <- as.numeric(ps$pupils)
po <- rd("pilot-outcomes"); po$count <- as.numeric(po$count)
po <- merge(po, merge(ps, sites, by = "la_code"), by = "school_id")
po$post <- as.numeric(po$month >= po$start_month)
for (o in sort(unique(po$outcome))) {
  a <- aggregate(count ~ school_id + post, data = po[po$outcome == o, ], FUN = sum)
  d <- merge(a, merge(ps, sites, by = "la_code"), by = "school_id")
  d$months <- ifelse(d$post == 1, mapply(months, d$start_month, d$end_month),
                     mapply(months, d$baseline_start, d$start_month) - 1)
  d$y <- d$count; d$group <- as.numeric(d$group == "swis"); d$group_post <- d$group * d$post
  d$off <- log(d$pupils * d$months / 12)
  cells <- function(x) factor(paste(x$group, x$post), levels = c("0 0", "0 1", "1 0", "1 1"))
  add("pilot", o, "overall", "did", y ~ group + post + group:post + factor(la_code) + offset(off), d, "group:post", cells(d))
  for (la in sort(unique(d$la_code))) {
    dl <- d[d$la_code == la, ]
    add("pilot", o, la, "did", y ~ group + post + group:post + offset(off), dl, "group:post", cells(dl))
  }
}
keys <- sort(names(results), method = "radix")
json <- paste0('{"estimates": [\n', paste(unlist(results[keys]), collapse = ",\n"), '\n],\n"notEstimable": [',
               paste0('"', sort(skipped, method = "radix"), '"', collapse = ", "), "]}")
writeLines(json, file.path(dir, "analyses-expected.json"))
cat(json, "\n")
