# Generates the synthetic datasets that the GLM reference fixtures are fitted to.
#
# Regenerate (from the repository root, needs R with MASS: apt-get install r-base-core r-cran-mass):
#   Rscript scripts/reference/make-fixture-data.R   # writes tests/fixtures/glm/<name>.csv
#   Rscript scripts/reference/fit-glm.R             # writes tests/fixtures/glm/<name>.json
#
# Each dataset is one CSV with a count column `y`, an `offset` column (log exposure) and
# covariates. Shapes: few and many schools, heavy and no overdispersion, many zeros, a factor
# level with a single school, and a difference-in-differences layout. Seeds are fixed, so the
# files are reproducible; they are committed so the TypeScript tests need no R.
suppressPackageStartupMessages(library(MASS))
out <- file.path("tests", "fixtures", "glm")
dir.create(out, recursive = TRUE, showWarnings = FALSE)

la_codes <- c("E06000010", "E08000025", "E09000022", "E09000030", "E10000016", "E06000002")

trial_like <- function(seed, n, n_la, theta, rate = 0.02, effect = 0.85, singleton = FALSE) {
  set.seed(seed)
  la <- sample(la_codes[seq_len(n_la)], n, replace = TRUE)
  if (singleton) la[1] <- la_codes[n_la + 1]          # a level with exactly one school
  arm <- rep(c(0, 1), length.out = n)
  pupils <- round(runif(n, 150, 1600))
  fsm <- round(runif(n, 3, 60), 1)
  baseline_rate <- round(rgamma(n, shape = 4, rate = 4 / (1000 * rate)), 3)
  exposure <- pupils * 18 / 12
  mu <- exposure * rate * effect^arm * exp(0.01 * (fsm - 25) + 0.004 * (baseline_rate - 1000 * rate))
  y <- if (is.finite(theta)) rnbinom(n, size = theta, mu = mu) else rpois(n, mu)
  data.frame(y = y, offset = log(exposure), arm = arm, baseline_rate = baseline_rate,
             fsm_percent = fsm, log_pupils = log(pupils), la_code = la)
}

did_like <- function(seed, per_group, theta, rate = 0.03) {
  set.seed(seed)
  n <- 2 * per_group
  group <- rep(c(0, 1), each = per_group)
  pupils <- round(runif(n, 150, 1400))
  la <- sample(la_codes[1:3], n, replace = TRUE)
  rows <- rbind(
    data.frame(school = seq_len(n), group = group, post = 0, months = 12, pupils = pupils, la_code = la),
    data.frame(school = seq_len(n), group = group, post = 1, months = 10, pupils = pupils, la_code = la))
  exposure <- rows$pupils * rows$months / 12
  mu <- exposure * rate * exp(0.3 * rows$group + 0.1 * rows$post - 0.25 * rows$group * rows$post)
  y <- rnbinom(nrow(rows), size = theta, mu = mu)
  data.frame(y = y, offset = log(exposure), group = rows$group, post = rows$post,
             group_post = rows$group * rows$post, la_code = rows$la_code)
}

write_fixture <- function(df, name) write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)

write_fixture(trial_like(101, 12, 2, theta = 4), "few-schools")
write_fixture(trial_like(202, 300, 5, theta = 0.8, singleton = TRUE), "many-schools-heavy")
write_fixture(trial_like(303, 120, 4, theta = Inf), "no-overdispersion")
write_fixture(trial_like(404, 80, 3, theta = 1.5, rate = 0.002), "many-zeros")
write_fixture(trial_like(505, 60, 3, theta = 6, rate = 0.05), "moderate")
write_fixture(did_like(606, 25, theta = 3), "did")

# A small study in the contract's own CSV layout, for src/lib/stats/analyses.ts
# (expected estimates by scripts/reference/fit-analyses.R).
set.seed(707)
months_seq <- function(start, n) format(seq(as.Date(paste0(start, "-01")), by = "month", length.out = n), "%Y-%m")
n <- 66
ts <- data.frame(school_id = sprintf("t%03d", seq_len(n)), la_code = rep(la_codes[1:3], length.out = n),
                 arm = rep(c("swis", "swis", "control", "control"), length.out = n),
                 pupils = round(runif(n, 150, 1500)), fsm_percent = round(runif(n, 3, 60), 1),
                 status = "analysed")
ts$status[c(5, 17, 40)] <- c("withdrawn", "lost_to_follow_up", "withdrawn")
write_fixture(ts, "analyses-trial-schools")
write_fixture(data.frame(period = c("baseline", "followup"), start_month = c("2021-09", "2022-09"),
                         end_month = c("2022-08", "2024-02")), "analyses-trial-periods")
rate <- c(referral = 0.04, s47 = 0.004)
to <- do.call(rbind, lapply(names(rate), function(o) {
  base <- rnbinom(n, size = 2, mu = ts$pupils * rate[[o]])
  fu <- rnbinom(n, size = 2, mu = ts$pupils * 1.5 * rate[[o]] * ifelse(ts$arm == "swis", 0.85, 1) * (base + 1) / (ts$pupils * rate[[o]] + 1))
  # s47 in the third authority: no events in the swis arm at follow-up, so that one is not estimable
  if (o == "s47") fu[ts$la_code == la_codes[3] & ts$arm == "swis"] <- 0
  rbind(data.frame(school_id = ts$school_id, period = "baseline", outcome = o, count = base),
        data.frame(school_id = ts$school_id, period = "followup", outcome = o, count = fu))
}))
write_fixture(to[to$school_id %in% ts$school_id[ts$status == "analysed"], ], "analyses-trial-outcomes")

sites <- data.frame(la_code = la_codes[1:3], baseline_start = c("2019-09", "2019-09", "2020-01"),
                    start_month = c("2020-09", "2020-09", "2020-11"), end_month = c("2021-07", "2021-03", "2021-07"))
write_fixture(sites, "analyses-pilot-sites")
ps <- data.frame(school_id = sprintf("p%03d", 1:36), la_code = rep(la_codes[1:3], each = 12),
                 group = rep(c("swis", "comparison"), length.out = 36),
                 phase = rep(c("primary", "secondary", "primary", "special"), length.out = 36),
                 pupils = round(runif(36, 150, 1400)))
write_fixture(ps, "analyses-pilot-schools")
po <- do.call(rbind, lapply(seq_len(nrow(ps)), function(i) {
  s <- sites[sites$la_code == ps$la_code[i], ]
  m <- months_seq(s$baseline_start, length(seq(as.Date(paste0(s$baseline_start, "-01")), as.Date(paste0(s$end_month, "-01")), by = "month")))
  do.call(rbind, lapply(c("referral", "s47"), function(o) {
    mu <- ps$pupils[i] / 12 * c(referral = 0.05, s47 = 0.006)[[o]] * ifelse(ps$group[i] == "swis" & m >= s$start_month, 0.8, 1)
    data.frame(school_id = ps$school_id[i], month = m, outcome = o, count = rnbinom(length(m), size = 3, mu = mu))
  }))
}))
write_fixture(po, "analyses-pilot-outcomes")
