# Generates the absence (sessions) and attainment (score) rows of the small trial that
# fit-analyses-kinds.R fits, for the same schools as make-fixture-data.R's trial
# (tests/fixtures/glm/analyses-trial-schools.csv): the contract's "outcome kinds".
#
# Regenerate (from the repository root, needs R):
#   Rscript scripts/reference/make-kinds-fixture-data.R && Rscript scripts/reference/fit-analyses-kinds.R
# Writes tests/fixtures/glm/analyses-kinds-outcomes.csv (outcome and kind) and
# tests/fixtures/glm/analyses-kinds-trial-outcomes.csv (school_id, period, outcome, count,
# exposure, value). The seed is fixed, so the files are reproducible; they are committed so the
# TypeScript tests need no R.
options(scipen = 100)  # whole numbers written in full, never as 3e+05
dir <- file.path("tests", "fixtures", "glm")
sch <- read.csv(file.path(dir, "analyses-trial-schools.csv"), colClasses = "character")
set.seed(20240917)
n <- nrow(sch)
pupils <- as.numeric(sch$pupils)
fsm <- as.numeric(sch$fsm_percent)
swis <- as.numeric(sch$arm == "swis")
# Two sessions a day, about 190 days a year: 12 baseline months, 18 follow-up months.
possible_b <- round(pupils * 380)
possible_f <- round(pupils * 570)
school_rate <- 0.085 * exp(0.006 * (fsm - 25) + rnorm(n, 0, 0.15))
missed_b <- rnbinom(n, size = 25, mu = possible_b * school_rate)
missed_f <- rnbinom(n, size = 25, mu = possible_f * school_rate * 0.97^swis)
score_b <- round(46 - 0.12 * (fsm - 25) + rnorm(n, 0, 4), 1)
score_f <- round(14 + 0.7 * score_b + 0.4 * swis - 0.03 * (fsm - 25) + rnorm(n, 0, 2.5), 1)
rows <- rbind(
  data.frame(school_id = sch$school_id, period = "baseline", outcome = "absence", count = missed_b, exposure = possible_b, value = ""),
  data.frame(school_id = sch$school_id, period = "followup", outcome = "absence", count = missed_f, exposure = possible_f, value = ""),
  data.frame(school_id = sch$school_id, period = "baseline", outcome = "attainment8", count = "", exposure = "", value = sprintf("%.1f", score_b)),
  data.frame(school_id = sch$school_id, period = "followup", outcome = "attainment8", count = "", exposure = "", value = sprintf("%.1f", score_f))
)
rows <- rows[order(rows$school_id, rows$period, rows$outcome, method = "radix"), ]
write.csv(rows, file.path(dir, "analyses-kinds-trial-outcomes.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(outcome = c("absence", "attainment8"), kind = c("sessions", "score")),
          file.path(dir, "analyses-kinds-outcomes.csv"), row.names = FALSE, quote = FALSE)
