# The model choice every R reference script uses for counts, the same rule as
# src/lib/stats/fitNegativeBinomial.ts: the negative binomial unless glm.nb fails, warns about θ
# (theta.ml's iteration limit or truncation, or the alternation limit while θ still moves by
# > 1e-6 relative), does not converge, or θ > 1e4 — then the Poisson glm.
# Sourced from the repository root: source(file.path("scripts", "reference", "fit-count.R")).
suppressPackageStartupMessages(library(MASS))
THETA_MAX <- 1e4
quiet <- function(expr) withCallingHandlers(expr, warning = function(w) invokeRestart("muffleWarning"))
fit_count <- function(formula, data) {
  nb <- tryCatch(quiet(glm.nb(formula, data = data)), error = function(e) NULL)
  # glm.nb's absolute |dtheta| < 1e-8 test can fail on rounding noise alone when theta is large,
  # so its alternation limit counts as non-convergence only if one more theta.ml step still
  # moves theta by more than 1e-6 relative.
  settled <- function(nb) {
    if (is.null(nb$th.warn)) return(TRUE)
    if (nb$th.warn != "alternation limit reached") return(FALSE)
    again <- quiet(theta.ml(nb$y, fitted(nb), limit = 25))
    is.null(attr(again, "warn")) && abs(as.vector(again) - nb$theta) / nb$theta < 1e-6
  }
  if (!is.null(nb) && settled(nb) && nb$converged && is.finite(nb$theta) && nb$theta <= THETA_MAX) {
    return(list(fit = nb, model = "negative_binomial", theta = nb$theta))
  }
  list(fit = quiet(glm(formula, family = poisson, data = data)), model = "poisson", theta = NA)
}
