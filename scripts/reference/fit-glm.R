# Reference fits for the TypeScript GLM engine (src/lib/stats): MASS::glm.nb, glm(poisson) and
# poisson.test, written as JSON fixtures next to the datasets in tests/fixtures/glm/.
#
# Regenerate (from the repository root, needs R with MASS: apt-get install r-base-core r-cran-mass):
#   Rscript scripts/reference/make-fixture-data.R   # datasets <name>.csv
#   Rscript scripts/reference/fit-glm.R             # fits <name>.json and poisson-exact.json
#
# Model choice, the same rule as src/lib/stats/fitNegativeBinomial.ts: the negative binomial
# unless glm.nb fails, warns about θ (theta.ml's iteration limit or truncation, or the
# alternation limit while θ still moves by > 1e-6 relative), does not converge, or θ > 1e4 —
# then the Poisson glm.
suppressPackageStartupMessages(library(MASS))
source(file.path("scripts", "reference", "fit-count.R"))  # fit_count, quiet, THETA_MAX
dir <- file.path("tests", "fixtures", "glm")

num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- ifelse(is.finite(x), formatC(x, digits = 17, format = "g"), "null")
  s <- gsub(" ", "", s)
  if (length(x) == 1) s else paste0("[", paste(s, collapse = ", "), "]")
}
str <- function(x) paste0("[", paste0('"', x, '"', collapse = ", "), "]")
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste0('"', names(kv), '": ', unlist(kv), collapse = ", "), "}")
}


specs <- list(
  list(name = "few-schools", numeric = c("arm", "baseline_rate", "fsm_percent", "log_pupils"), factor = "la_code", term = "arm"),
  list(name = "many-schools-heavy", numeric = c("arm", "baseline_rate", "fsm_percent", "log_pupils"), factor = "la_code", term = "arm"),
  list(name = "no-overdispersion", numeric = c("arm", "baseline_rate", "fsm_percent", "log_pupils"), factor = "la_code", term = "arm"),
  list(name = "many-zeros", numeric = c("arm", "baseline_rate", "fsm_percent", "log_pupils"), factor = "la_code", term = "arm"),
  list(name = "moderate", numeric = c("arm", "baseline_rate", "fsm_percent", "log_pupils"), factor = "la_code", term = "arm"),
  list(name = "moderate-unadjusted", data = "moderate", numeric = "arm", factor = character(0), term = "arm"),
  list(name = "did", numeric = c("group", "post", "group_post"), factor = character(0), term = "group_post"),
  list(name = "did-overall", data = "did", numeric = c("group", "post", "group_post"), factor = "la_code", term = "group_post")
)

z <- qnorm(0.975)
for (spec in specs) {
  data_name <- if (is.null(spec$data)) spec$name else spec$data
  d <- read.csv(file.path(dir, paste0(data_name, ".csv")), colClasses = c(la_code = "character"))
  rhs <- paste(c(spec$numeric, if (length(spec$factor)) paste0("factor(", spec$factor, ")")), collapse = " + ")
  formula <- as.formula(paste("y ~", rhs, "+ offset(offset)"))
  r <- fit_count(formula, d)
  s <- summary(r$fit)$coefficients
  b <- s[spec$term, "Estimate"]
  se <- s[spec$term, "Std. Error"]
  pois <- glm(formula, family = poisson, data = d)
  json <- obj(
    data = paste0('"', data_name, '.csv"'),
    numeric = str(spec$numeric),
    factor = if (length(spec$factor)) str(spec$factor) else "[]",
    term = paste0('"', spec$term, '"'),
    model = paste0('"', r$model, '"'),
    theta = num(r$theta),
    coefficients = num(unname(s[, "Estimate"])),
    se = num(unname(s[, "Std. Error"])),
    estimate = num(exp(b)), ciLow = num(exp(b - z * se)), ciHigh = num(exp(b + z * se)),
    pValue = num(2 * pnorm(-abs(b / se))),
    poissonCoefficients = num(unname(coef(pois))),
    poissonSe = num(unname(summary(pois)$coefficients[, "Std. Error"])))
  writeLines(json, file.path(dir, paste0(spec$name, ".json")))
  cat(spec$name, r$model, r$theta, exp(b), "\n")
}

# Exact Poisson intervals, as poisson.test(x, T)$conf.int
cases <- data.frame(x = c(0, 1, 2, 5, 9, 10, 37, 100, 1234, 3, 0, 250),
                    t = c(1, 1, 1, 1, 1, 1, 1, 1, 1, 2.5, 40, 1234.5))
rows <- vapply(seq_len(nrow(cases)), function(i) {
  ci <- poisson.test(cases$x[i], cases$t[i])$conf.int
  obj(x = num(cases$x[i]), exposure = num(cases$t[i]), lower = num(ci[1]), upper = num(ci[2]))
}, "")
writeLines(paste0("[\n", paste(rows, collapse = ",\n"), "\n]"), file.path(dir, "poisson-exact.json"))
