# Expected trial estimates for any trial-only data folder, as `npm run results` computes them
# (data-contract.md, "out/estimates.json" and "Extension: outcome kinds"), for the test that a
# second evaluation's estimates equal R's (tests/second-study.test.ts):
#   count:    MASS::glm.nb (Poisson fallback as fit-analyses.R), adjusted
#             count ~ arm + baseline_rate + fsm_percent + log(pupils) + la_code + offset(log(pupils × followup_months / 12)),
#             unadjusted count ~ arm + offset(…), overall and per authority; an arm without events is not estimable;
#   sessions: the same with offset(log(exposure)) and baseline_rate = baseline missed / possible × 100;
#   score:    lm, adjusted value ~ arm + baseline_value + fsm_percent + log(pupils) + la_code,
#             unadjusted value ~ arm; mean difference with its t interval on df.residual and t p-value.
#
# Usage (from the repository root, needs R with MASS):
#   Rscript scripts/reference/fit-trial-folder.R DATA_DIR OUT.json
suppressPackageStartupMessages(library(MASS))
source(file.path("scripts", "reference", "fit-count.R"))  # fit_count, quiet, THETA_MAX
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: Rscript fit-trial-folder.R DATA_DIR OUT.json")
dir <- args[1]
rd <- function(name) read.csv(file.path(dir, name), colClasses = "character")
z <- qnorm(0.975)
months <- function(a, b) {
  p <- function(s) as.integer(strsplit(s, "-")[[1]])
  x <- p(a); y <- p(b); (y[1] - x[1]) * 12 + (y[2] - x[2]) + 1
}
f <- function(x) formatC(x, digits = 17, format = "g")
results <- list(); skipped <- character(0)
key <- function(outcome, scope, analysis) paste("trial", outcome, scope, analysis)
add_rate_ratio <- function(outcome, scope, analysis, formula, data) {
  tot <- tapply(data$y, factor(data$arm, levels = c(0, 1)), sum)
  if (any(is.na(tot)) || any(tot == 0)) { skipped <<- c(skipped, key(outcome, scope, analysis)); return() }
  r <- fit_count(formula, data)
  s <- summary(r$fit)$coefficients
  b <- s["arm", "Estimate"]; se <- s["arm", "Std. Error"]
  results[[key(outcome, scope, analysis)]] <<- sprintf(
    '{"study": "trial", "outcome": "%s", "scope": "%s", "analysis": "%s", "effect": "rate_ratio", "model": "%s", "estimate": %s, "ciLow": %s, "ciHigh": %s, "pValue": %s, "schools": %d%s}',
    outcome, scope, analysis, r$model, f(exp(b)), f(exp(b - z * se)), f(exp(b + z * se)),
    f(2 * pnorm(-abs(b / se))), nrow(data),
    if (r$model == "negative_binomial") paste0(', "theta": ', f(r$theta)) else "")
}
add_mean_difference <- function(outcome, scope, analysis, formula, data) {
  fit <- lm(formula, data = data)
  s <- summary(fit)$coefficients
  b <- s["arm", "Estimate"]; se <- s["arm", "Std. Error"]; df <- fit$df.residual
  t <- qt(0.975, df)
  results[[key(outcome, scope, analysis)]] <<- sprintf(
    '{"study": "trial", "outcome": "%s", "scope": "%s", "analysis": "%s", "effect": "mean_difference", "model": "linear", "estimate": %s, "ciLow": %s, "ciHigh": %s, "pValue": %s, "schools": %d}',
    outcome, scope, analysis, f(b), f(b - t * se), f(b + t * se), f(s["arm", "Pr(>|t|)"]), nrow(data))
}

sch <- rd("trial/schools.csv"); sch <- sch[sch$status == "analysed", ]
sch$pupils <- as.numeric(sch$pupils); sch$fsm_percent <- as.numeric(sch$fsm_percent)
per <- rd("trial/periods.csv"); out <- rd("trial/outcomes.csv"); kinds <- rd("outcomes.csv")
if (!"kind" %in% names(kinds)) kinds$kind <- ""
bm <- months(per$start_month[per$period == "baseline"], per$end_month[per$period == "baseline"])
fm <- months(per$start_month[per$period == "followup"], per$end_month[per$period == "followup"])
cell <- function(p, o, column) as.numeric(out[[column]][match(paste(sch$school_id, p, o), paste(out$school_id, out$period, out$outcome))])
for (o in sort(unique(out$outcome))) {
  kind <- kinds$kind[kinds$outcome == o]
  d <- data.frame(school_id = sch$school_id, arm = as.numeric(sch$arm == "swis"), fsm_percent = sch$fsm_percent,
                  pupils = sch$pupils, la_code = sch$la_code)
  if (kind == "score") {
    d$y <- cell("followup", o, "value"); d$baseline_value <- cell("baseline", o, "value")
    add_mean_difference(o, "overall", "adjusted", y ~ arm + baseline_value + fsm_percent + log(pupils) + factor(la_code), d)
    add_mean_difference(o, "overall", "unadjusted", y ~ arm, d)
    for (la in sort(unique(d$la_code))) add_mean_difference(o, la, "unadjusted", y ~ arm, d[d$la_code == la, ])
    next
  }
  d$y <- cell("followup", o, "count")
  if (kind == "sessions") {
    d$off <- log(cell("followup", o, "exposure"))
    d$baseline_rate <- cell("baseline", o, "count") / cell("baseline", o, "exposure") * 100
  } else {
    d$off <- log(d$pupils * fm / 12)
    d$baseline_rate <- cell("baseline", o, "count") / d$pupils * 1000 * 12 / bm
  }
  add_rate_ratio(o, "overall", "adjusted", y ~ arm + baseline_rate + fsm_percent + log(pupils) + factor(la_code) + offset(off), d)
  add_rate_ratio(o, "overall", "unadjusted", y ~ arm + offset(off), d)
  for (la in sort(unique(d$la_code))) add_rate_ratio(o, la, "unadjusted", y ~ arm + offset(off), d[d$la_code == la, ])
}
keys <- sort(names(results), method = "radix")
json <- paste0('{"estimates": [\n', paste(unlist(results[keys]), collapse = ",\n"), '\n],\n"notEstimable": [',
               if (length(skipped)) paste0('"', sort(skipped, method = "radix"), '"', collapse = ", ") else "", "]}")
writeLines(json, args[2])
