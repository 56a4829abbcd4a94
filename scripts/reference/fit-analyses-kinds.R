# Expected trial estimates for the contract's outcome kinds ("Extension: outcome kinds"), as
# src/lib/stats/analyses.ts computes them, on the small trial of make-fixture-data.R with the
# absence and attainment rows of make-kinds-fixture-data.R:
#   sessions: MASS::glm.nb (Poisson fallback as fit-analyses.R) with offset(log(exposure)),
#             adjusted baseline_rate = baseline sessions missed / possible * 100; rate ratio
#             exp(b) with its 95% Wald interval and Wald p;
#   score:    lm: adjusted value ~ arm + baseline_value + fsm_percent + log(pupils) + la_code,
#             unadjusted value ~ arm; mean difference b, 95% CI b -/+ qt(0.975, df.residual) * se,
#             two-sided t p-value.
#
# Regenerate (from the repository root, needs R with MASS):
#   Rscript scripts/reference/make-kinds-fixture-data.R && Rscript scripts/reference/fit-analyses-kinds.R
# Writes tests/fixtures/glm/analyses-kinds-expected.json.
suppressPackageStartupMessages(library(MASS))
source(file.path("scripts", "reference", "fit-count.R"))  # fit_count, quiet, THETA_MAX
dir <- file.path("tests", "fixtures", "glm")
rd <- function(name) read.csv(file.path(dir, paste0("analyses-", name, ".csv")), colClasses = "character")
z <- qnorm(0.975)
f <- function(x) formatC(x, digits = 17, format = "g")
results <- list()
key <- function(outcome, scope, analysis) paste("trial", outcome, scope, analysis)
add_rate_ratio <- function(outcome, scope, analysis, formula, data) {
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
    '{"study": "trial", "outcome": "%s", "scope": "%s", "analysis": "%s", "effect": "mean_difference", "model": "linear", "estimate": %s, "ciLow": %s, "ciHigh": %s, "pValue": %s, "schools": %d, "se": %s, "dfResidual": %d}',
    outcome, scope, analysis, f(b), f(b - t * se), f(b + t * se), f(s["arm", "Pr(>|t|)"]), nrow(data), f(se), df)
}

sch <- rd("trial-schools"); sch <- sch[sch$status == "analysed", ]
sch$pupils <- as.numeric(sch$pupils); sch$fsm_percent <- as.numeric(sch$fsm_percent)
kinds <- rd("kinds-outcomes"); out <- rd("kinds-trial-outcomes")
cell <- function(p, o, column) as.numeric(out[[column]][match(paste(sch$school_id, p, o), paste(out$school_id, out$period, out$outcome))])
for (o in sort(kinds$outcome)) {
  kind <- kinds$kind[kinds$outcome == o]
  d <- data.frame(school_id = sch$school_id, arm = as.numeric(sch$arm == "swis"), fsm_percent = sch$fsm_percent,
                  pupils = sch$pupils, la_code = sch$la_code)
  if (kind == "sessions") {
    d$y <- cell("followup", o, "count"); d$off <- log(cell("followup", o, "exposure"))
    d$baseline_rate <- cell("baseline", o, "count") / cell("baseline", o, "exposure") * 100
    add_rate_ratio(o, "overall", "adjusted", y ~ arm + baseline_rate + fsm_percent + log(pupils) + factor(la_code) + offset(off), d)
    add_rate_ratio(o, "overall", "unadjusted", y ~ arm + offset(off), d)
    for (la in sort(unique(d$la_code))) add_rate_ratio(o, la, "unadjusted", y ~ arm + offset(off), d[d$la_code == la, ])
  } else {
    d$y <- cell("followup", o, "value"); d$baseline_value <- cell("baseline", o, "value")
    add_mean_difference(o, "overall", "adjusted", y ~ arm + baseline_value + fsm_percent + log(pupils) + factor(la_code), d)
    add_mean_difference(o, "overall", "unadjusted", y ~ arm, d)
    for (la in sort(unique(d$la_code))) add_mean_difference(o, la, "unadjusted", y ~ arm, d[d$la_code == la, ])
  }
}
keys <- sort(names(results), method = "radix")
json <- paste0('{"estimates": [\n', paste(unlist(results[keys]), collapse = ",\n"), "\n]}")
writeLines(json, file.path(dir, "analyses-kinds-expected.json"))
cat(json, "\n")
