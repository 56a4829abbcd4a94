# Reference for src/lib/stats/compareWithBenchmark.ts: each authority's rate per 10,000 children
# against England's, by the exact Poisson limits of its count (poisson.test(x, T)$conf.int) at
# 95% and 99.8%, as the public health profiles (Fingertips) compare areas with England.
#
# Regenerate (from the repository root; R with jsonlite):
#   Rscript scripts/reference/england-benchmark.R
# writes tests/fixtures/benchmark/england-benchmark.json: every count measure of every authority in
# the latest year of data/context/la-statistics.csv, and a few small and large made-up counts.
# It also prints how Byar's approximation (PHEindicatormethods' byars_lower/byars_upper, which
# Fingertips uses for counts of 10 or more) compares with the exact limits over every year.
suppressPackageStartupMessages(library(jsonlite))

ENGLAND <- "E92000001"
MEASURES <- c("referrals", "s47_enquiries", "icpc", "cpp_starts", "cin_starts", "cla_starts")
LEVELS <- c(0.95, 0.998)

stats <- read.csv(file.path("data", "context", "la-statistics.csv"), colClasses = "character")
pop <- stats[stats$measure == "children_0_17", c("la_code", "year", "value")]
names(pop)[3] <- "population"
counts <- merge(stats[stats$measure %in% MEASURES, ], pop, by = c("la_code", "year"))
counts <- counts[grepl("^[0-9]+$", counts$value) & grepl("^[0-9]+$", counts$population), ]
counts$count <- as.numeric(counts$value)
counts$population <- as.numeric(counts$population)
counts$rate <- counts$count * 10000 / counts$population
england <- counts[counts$la_code == ENGLAND, c("year", "measure", "rate")]
names(england)[3] <- "benchmark"
areas <- merge(counts[counts$la_code != ENGLAND, ], england, by = c("year", "measure"))

exact <- function(x, exposure, level) poisson.test(x, exposure, conf.level = level)$conf.int[1:2]
byar <- function(x, exposure, level) {
  z <- qnorm(1 - (1 - level) / 2)
  c(x * (1 - 1 / (9 * x) - z / (3 * sqrt(x)))^3,
    (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * sqrt(x + 1)))^3) / exposure
}
compare <- function(limits, benchmark) {
  if (benchmark < limits[1]) "higher" else if (benchmark > limits[2]) "lower" else "similar"
}

# Byar against exact over every authority, year and measure with a count of 10 or more.
for (level in LEVELS) {
  big <- areas[areas$count >= 10, ]
  rel <- 0
  disagree <- 0
  for (i in seq_len(nrow(big))) {
    e <- exact(big$count[i], big$population[i] / 10000, level)
    b <- byar(big$count[i], big$population[i] / 10000, level)
    rel <- max(rel, abs(b / e - 1))
    if (compare(e, big$benchmark[i]) != compare(b, big$benchmark[i])) disagree <- disagree + 1
  }
  cat(sprintf("level %.3f: %d rows with a count >= 10; Byar vs exact max relative difference %.3g; labels differing %d\n",
              level, nrow(big), rel, disagree))
}

latest <- max(as.integer(areas$year[areas$measure == "s47_enquiries"]))
rows <- areas[areas$year == as.character(latest), ]
rows <- rows[order(rows$la_code, rows$measure), ]
made_up <- data.frame(
  la_code = "made-up", year = "0", measure = "made-up",
  count = c(0, 1, 2, 5, 9, 10, 11, 40, 1000, 250000),
  population = c(5000, 5000, 5000, 2000, 5000, 5000, 1000, 100000, 1e6, 1.1e7),
  benchmark = c(0, 1, 2, 15, 48, 20, 40, 4, 10, 227.3)
)
rows <- rbind(rows[, names(made_up)], made_up)

cases <- lapply(seq_len(nrow(rows)), function(i) {
  r <- rows[i, ]
  exposure <- r$population / 10000
  out <- list(la_code = r$la_code, year = as.integer(r$year), measure = r$measure,
              count = r$count, population = r$population, benchmark = r$benchmark)
  for (level in LEVELS) {
    limits <- exact(r$count, exposure, level)
    key <- if (level == 0.95) "95" else "998"
    out[[paste0("lower", key)]] <- limits[1]
    out[[paste0("upper", key)]] <- limits[2]
    out[[paste0("comparison", key)]] <- compare(limits, r$benchmark)
  }
  out
})
path <- file.path("tests", "fixtures", "benchmark", "england-benchmark.json")
writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, pretty = FALSE), path)
cat(sprintf("wrote %d cases (year %d and %d made up) to %s\n", length(cases), latest, nrow(made_up), path))
