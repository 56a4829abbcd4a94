# A second evaluation, for the test that the site is a generator (issue 15): a small synthetic
# trial of another programme, supervision of schools' designated safeguarding leads (DSLs) by
# social workers, in 160 secondary schools of the 10 Greater Manchester authorities, randomised
# within authority; trial only (no pilot, no published or context tables). Its own outcomes:
# contacts from the school to children's social care (count), contacts that led to no further
# action (count) and the DSLs' confidence score from a survey (score). The numbers are invented,
# with a small effect on no-further-action contacts and none on the others; they are not the
# findings of the real evaluation.
#
# Regenerate (from the repository root, needs R):
#   Rscript scripts/reference/make-second-study-data.R && Rscript scripts/reference/fit-trial-folder.R \
#     tests/fixtures/second-study/data tests/fixtures/second-study/expected-estimates.json
set.seed(20231)
dir <- file.path("tests", "fixtures", "second-study", "data")
dir.create(file.path(dir, "trial"), recursive = TRUE, showWarnings = FALSE)
wr <- function(x, name) write.csv(x, file.path(dir, name), row.names = FALSE, quote = FALSE, na = "")

writeLines(c(
  "name,synthetic,description,extracted_month",
  '"dsl-supervision-fixture",true,"Synthetic test data for a second evaluation (supervision of designated safeguarding leads); invented numbers, not school records.",2022-12'
), file.path(dir, "dataset.csv"))

writeLines(c(
  "outcome,label,description,direction,no_difference_band,kind",
  '"contact","Contacts to children\'s social care","Contacts a school made to children\'s social care about a pupil.",neutral,,',
  '"contact_nfa","Contacts with no further action","Contacts after which children\'s social care took no further action: a measure of contacts that were not needed.",lower_is_better,10,',
  '"dsl_confidence","DSL confidence score","The mean score of the school\'s safeguarding staff, from 0 to 10, on a survey of confidence in deciding when to contact children\'s social care.",neutral,,score'
), file.path(dir, "outcomes.csv"))

writeLines(c(
  "period,start_month,end_month",
  "baseline,2020-09,2021-08",
  "followup,2021-09,2022-08"
), file.path(dir, "trial", "periods.csv"))

las <- sprintf("E080000%02d", 1:10)
schools <- do.call(rbind, lapply(seq_along(las), function(i) {
  n <- 16
  data.frame(school_id = sprintf("G%03d", (i - 1) * n + seq_len(n)), la_code = las[i],
             arm = sample(rep(c("swis", "control"), n / 2)),
             pupils = round(runif(n, 550, 1750)), fsm_percent = round(runif(n, 8, 48), 1))
}))
schools$status <- "analysed"
schools$status[c(23, 97)] <- "withdrawn"
schools$status[141] <- "lost_to_follow_up"
wr(schools, "trial/schools.csv")

la_effect <- setNames(rnorm(length(las), 0, 0.15), las)
rows <- list()
for (k in seq_len(nrow(schools))) {
  s <- schools[k, ]
  if (s$status != "analysed") next
  swis <- s$arm == "swis"
  school_effect <- rnorm(1, 0, 0.25)
  base_rate <- exp(log(28) + la_effect[[s$la_code]] + school_effect + 0.012 * (s$fsm_percent - 25))
  confidence0 <- rnorm(1, 6.2 + 0.01 * (s$fsm_percent - 25), 0.7)
  for (p in c("baseline", "followup")) {
    mu_contact <- base_rate * s$pupils / 1000 * (if (p == "followup") 1.03 else 1)
    contact <- rnbinom(1, size = 8, mu = mu_contact)
    nfa_share <- 0.42 * (if (p == "followup" && swis) 0.88 else 1)
    contact_nfa <- rbinom(1, contact, nfa_share)
    confidence <- if (p == "baseline") confidence0 else confidence0 + 0.1 + (if (swis) 0.25 else 0) + rnorm(1, 0, 0.45)
    rows[[length(rows) + 1]] <- data.frame(
      school_id = s$school_id, period = p, outcome = c("contact", "contact_nfa", "dsl_confidence"),
      count = c(contact, contact_nfa, NA), exposure = NA,
      value = c(NA, NA, round(min(10, max(0, confidence)), 2)))
  }
}
wr(do.call(rbind, rows), "trial/outcomes.csv")
