import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import MiniSearch from 'minisearch';
import { describe, expect, test } from 'vitest';
import { parseResultsFile, type Context } from '../src/lib/contracts/resultsSchemas.ts';
import { describeRatio } from '../src/lib/format/effectInWords.ts';
import { formatFact, formatNumber, formatRateRatio } from '../src/lib/format/formatNumber.ts';
import { INDEX_OPTIONS, SEARCH_INDEX_FILE, type SearchDocument } from '../src/lib/search/searchOptions.ts';
import { glossary } from '../src/site/glossary.ts';
import { schoolFrequencies } from '../src/site/schoolFrequencies.ts';
import { findingResultsDir } from './helpers/findingRelease.ts';

// scripts/test.mjs runs `npm run build` first, so dist/ and out/ are the site built from data/.
// These tests check each page type's content on the built HTML, with numbers computed from out/.
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const page = (path: string) =>
  readFileSync(join(dist, path, 'index.html'), 'utf8').replace(/ data-astro-cid-\w+/g, '');
const json = (name: string) => JSON.parse(readFileSync(join(root, 'out', name), 'utf8'));
/** A results file as the findings pages show it: from the release they are pinned to. */
const pinnedJson = (name: string) =>
  JSON.parse(readFileSync(join(findingResultsDir(root).dir, name), 'utf8'));
/** The text of the HTML with tags removed and whitespace collapsed, for prose assertions. */
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
/** Position of `needle` in `hay`, failing the test if it is absent. */
const at = (hay: string, needle: string) => {
  const i = hay.indexOf(needle);
  expect(i, `expected to find ${needle}`).toBeGreaterThanOrEqual(0);
  return i;
};
interface FactRow {
  fact: string;
  value: number;
  unit: 'count' | 'percent' | 'gbp' | 'months';
  sourceTitle: string;
  sourceUrl: string | null;
}
const fact = (id: string): FactRow => {
  const f = (json('facts.json') as FactRow[]).find((r) => r.fact === id);
  expect(f, `facts.json has ${id}`).toBeDefined();
  return f!;
};
/** The HTML <Fact> renders for a fact, with or without its source. */
const factHtml = (f: FactRow, source: boolean, words = '') => {
  const value = formatFact(f.value, f.unit) + (words ? ` ${words}` : '');
  const cite =
    f.sourceUrl === null
      ? `<cite>${f.sourceTitle}</cite>`
      : `<a href="${f.sourceUrl}" rel="noopener">${f.sourceTitle}</a>`;
  return source
    ? `<span class="fact" data-fact="${f.fact}">${value} <small class="fact-source">(source: ${cite})</small></span>`
    : `<span class="fact" data-fact="${f.fact}">${value}</span>`;
};
const primary = () =>
  json('comparisons.json').find(
    (c: { study: string; outcome: string; analysis: string }) =>
      c.study === 'trial' && c.outcome === 's47' && c.analysis === 'adjusted',
  );

describe('home page', () => {
  const html = page('');
  const t = text(html);

  test('says what SWIS is and leads with the published primary result, its interval, meaning and source', () => {
    expect(t).toMatch(
      /Social Workers in Schools \(SWIS\) based a qualified children’s social worker inside a school/,
    );
    const p = primary().published;
    expect(t).toContain(formatNumber(p.estimate, 3));
    expect(t).toContain(`95% CI ${formatNumber(p.ciLow, 3)} to ${formatNumber(p.ciHigh, 3)}`);
    // The direction is worded from the published interval and the outcome's band, not typed.
    const band = json('dataset.json').outcomes.find((o: { outcome: string }) => o.outcome === 's47')
      .no_difference_band as number;
    const words = describeRatio({
      subject: 'SWIS',
      outcome: 'child protection enquiries',
      interval: p,
      bandPercent: band,
    });
    expect(t).toContain(words.text);
    expect(html).toContain(`href="${p.sourceUrl}"`);
  });

  test('has tiles for schools and pupils (as published, with their source) and for the programme status', () => {
    const schools = fact('trial-schools-randomised');
    expect(t).toContain(`${formatFact(schools.value, schools.unit)} schools`);
    const pupils = fact('trial-pupils');
    expect(t).toContain(`${formatFact(pupils.value, pupils.unit)} pupils`);
    const tiles = html.slice(at(html, 'class="tiles"'), at(html, 'Not continued'));
    expect(tiles).toContain(`Source: <a href="${schools.sourceUrl}" rel="noopener">`);
    expect(t).toContain('Not continued');
  });

  test('offers three ways in, the latest updates and a timeline from the pilot to the follow-up', () => {
    for (const href of ['/findings/trial/', '/for-schools/', '/methodology/'])
      expect(html).toContain(`href="${href}"`);
    const latest = html.slice(at(html, 'id="latest"'), at(html, 'id="timeline"'));
    expect(latest.match(/href="\/updates\/[^"]+\/"/g)?.length).toBe(3);
    const timeline = html.slice(at(html, 'class="timeline"'));
    const years = [...timeline.matchAll(/<time datetime="(\d{4})/g)].map((m) => Number(m[1]));
    expect(years[0]).toBe(2019);
    expect(years).toContain(2023);
    expect(years.at(-1)).toBe(2024);
  });
});

describe('findings pages', () => {
  test('the trial page runs summary, result, estimates, chart, caveats, method, sources in that order', () => {
    const html = page('findings/trial');
    const order = [
      'In plain English',
      'The main result',
      '<svg',
      '<caption>Trial estimates computed in this build',
      '>Caveats<',
      '>How it was done<',
      '>Sources<',
    ].map((s) => at(html, s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test('the trial page shows the absence and attainment summaries of the release it is pinned to, labelled as that release’s', () => {
    const { release } = findingResultsDir(root);
    expect(release, 'the trial page is pinned to a release').not.toBeNull();
    const html = page('findings/trial');
    const summaries = parseResultsFile(
      'summaries.json',
      readFileSync(join(findingResultsDir(root).dir, 'summaries.json'), 'utf8'),
    ).filter((r) => r.study === 'trial' && r.scope === 'overall');
    const outcomes = [...new Set(summaries.map((r) => r.outcome))];
    expect(outcomes.length).toBe(2);
    const arms: Record<string, string> = { control: 'Control schools', swis: 'SWIS schools' };
    const periods: Record<string, string> = { baseline: 'Baseline', followup: 'Follow-up' };
    for (const kind of ['sessions', 'score'] as const) {
      const caption =
        kind === 'sessions'
          ? `(All authorities): % of sessions missed, by arm and period, release ${release!.version}</caption>`
          : `(All authorities): mean score with its 95% confidence interval, by arm and period, release ${release!.version}</caption>`;
      const table = text(html.slice(at(html, caption), html.indexOf('</table>', at(html, caption))));
      const rows = summaries.filter((r) => r.kind === kind);
      expect(rows.length).toBe(4);
      for (const r of rows) {
        const figures =
          r.kind === 'sessions'
            ? `${formatNumber(r.percentMissed, 1)}% ${formatNumber(r.sessionsMissed)} ${formatNumber(r.sessionsPossible)}`
            : `${formatNumber(r.mean, 1)} ${formatNumber(r.ciLow ?? '–', 1)} to ${formatNumber(r.ciHigh ?? '–', 1)}`;
        expect(table).toContain(
          `${arms[r.group]} ${periods[r.period]} ${figures} ${formatNumber(r.schools)}`,
        );
      }
    }
  });

  test('the trial page puts the computed estimate beside the published one and explains the difference', () => {
    const html = page('findings/trial');
    const c = {
      published: primary().published,
      computed: pinnedJson('estimates.json').find(
        (e: { study: string; outcome: string; analysis: string; scope: string }) =>
          e.study === 'trial' && e.outcome === 's47' && e.analysis === 'adjusted' && e.scope === 'overall',
      ),
    };
    const side = html.slice(at(html, 'class="side-by-side"'));
    expect(side).toContain(`<strong>${formatRateRatio(c.published)}</strong>`);
    expect(side).toContain(`<strong>${formatRateRatio(c.computed)}</strong>`);
    expect(text(side)).toMatch(
      json('dataset.json').synthetic
        ? /The two differ because the computed figure comes from synthetic demonstration data/
        : /Small differences can come from data corrections/,
    );
  });

  test('the pilot page explains promising but tentative and why the pilot and the trial can disagree', () => {
    const html = page('findings/pilot');
    const t = text(html);
    expect(t).toContain('promising but tentative');
    expect(t).toContain('Why the pilot and the trial can disagree');
    expect(t).toMatch(/In the randomised trial , chance decided/);
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<caption>Pilot estimates computed in this build');
  });

  test('<Fact> shows published figures from facts.json with their source, and no page types them by hand', () => {
    const pilot = page('findings/pilot');
    expect(pilot).toContain(factHtml(fact('scale-up-funding'), true));
    expect(pilot).toContain(factHtml(fact('trial-schools-randomised'), true, 'schools'));
    expect(text(pilot)).toContain(
      'The trial had 21 authorities and 268 schools (source: Westlake et al. (2025)',
    );
    expect(pilot).toContain(
      '<span class="fact" data-fact="trial-schools-randomised">268 schools <small class="fact-source">',
    );
    expect(page('findings/dsl-supervision')).toContain(factHtml(fact('dsl-bolton-schools'), true, 'schools'));
    const dslSchools = factHtml(fact('dsl-gm-schools'), false);
    expect(page('findings/dsl-supervision')).toContain(dslSchools);
    // Every fact on a page links to a source somewhere on that page.
    for (const p of [
      '',
      'findings/trial',
      'findings/pilot',
      'findings/dsl-supervision',
      'for-schools',
      'updates/2021-09-trial-extended',
    ]) {
      const html = page(p);
      const ids = [...html.matchAll(/<span class="fact" data-fact="([^"]+)"/g)].map((m) => m[1]!);
      expect(ids.length, p).toBeGreaterThan(0);
      for (const id of new Set(ids)) {
        const f = fact(id);
        expect(html, `${p}: source of ${id}`).toContain(
          f.sourceUrl === null ? `<cite>${f.sourceTitle}</cite>` : `href="${f.sourceUrl}"`,
        );
      }
    }
  });

  test('<Term> links glossary words in prose to entries that exist', () => {
    const glossaryPage = page('glossary');
    const ids = new Set(glossary().map((g) => g.id));
    for (const p of ['findings/trial', 'findings/pilot', 'findings/dsl-supervision', 'for-schools', '']) {
      const links = [...page(p).matchAll(/<a class="term" href="\/glossary\/#([^"]+)"/g)].map((m) => m[1]!);
      expect(links.length, p).toBeGreaterThan(0);
      for (const id of links) {
        expect(ids.has(id)).toBe(true);
        expect(glossaryPage).toContain(`<dt id="${id}">`);
      }
    }
  });

  test('<Rate> prints the rate from rates.json with its interval', () => {
    const r = pinnedJson('rates.json').find(
      (x: { study: string; scope: string; outcome: string; group: string; period: string }) =>
        x.study === 'trial' &&
        x.scope === 'overall' &&
        x.outcome === 's47' &&
        x.group === 'control' &&
        x.period === 'followup',
    );
    expect(page('findings/trial')).toContain(
      `<span class="rate">${formatNumber(r.ratePer1000, 1)} per 1,000 pupils a year (95% CI ${formatNumber(r.ciLow, 1)} to ${formatNumber(r.ciHigh, 1)})</span>`,
    );
  });
});

describe('for schools', () => {
  const html = page('for-schools');
  // The page reckons from real published rates: England's latest official rate of Section 47
  // enquiries per 10,000 children (context.json), per 1,000 pupils a tenth of it.
  const englandRows = json('context.json').filter(
    (r: { laCode: string; measure: string; ratePer10k: number | null }) =>
      r.laCode === 'E92000001' && r.measure === 's47_enquiries' && r.ratePer10k !== null,
  ) as { year: number; ratePer10k: number }[];
  const england = englandRows.sort((a, b) => b.year - a.year)[0]!;
  const rate = england.ratePer10k / 10;
  const control = json('rates.json').find(
    (x: { study: string; scope: string; outcome: string; group: string; period: string }) =>
      x.study === 'trial' &&
      x.scope === 'overall' &&
      x.outcome === 's47' &&
      x.group === 'control' &&
      x.period === 'followup',
  ).ratePer1000;
  const f = schoolFrequencies(1000, rate, primary().published);
  const words = (v: number) => (v < 0 ? `${formatNumber(-v, 1)} fewer` : `${formatNumber(v, 1)} more`);
  const year = `${england.year - 1}–${String(england.year % 100).padStart(2, '0')}`;
  const opening = text(html.slice(0, at(html, 'id="attendance-and-attainment"')));

  test("puts the result as natural frequencies for a school of 1,000 pupils at England's real rate", () => {
    expect(opening).toContain(
      `at England's rate of Section 47 (child protection) enquiries in ${year} (${formatNumber(england.ratePer10k, 1)} per 10,000 children aged 0 to 17, from official statistics) , a school of 1,000 pupils would expect about ${formatNumber(f.expected, 0)} enquiries a year. With a social worker in school, the trial’s best estimate is ${words(f.change)} a year, and the result is consistent with anything between about ${words(f.changeLow)} and ${words(f.changeHigh)} enquiries a year`,
    );
  });

  test("no longer reckons from the demonstration data's control schools before its attendance section", () => {
    expect(opening).not.toContain('control schools');
    expect(opening).not.toContain('synthetic');
    expect(opening).not.toContain(`${formatNumber(control, 1)} per 1,000 pupils`);
    expect(opening).not.toContain(
      `about ${formatNumber((1000 * control) / 1000, 0)} enquiries a year would be expected`,
    );
  });

  test('has a table for several school sizes that needs no JavaScript', () => {
    const table = html.slice(at(html, '<caption>Section 47 enquiries a year for schools of different sizes'));
    for (const n of [500, 1000, 2000]) {
      const g = schoolFrequencies(n, rate, primary().published);
      // A row header carries its column's label for the stacked layout on phones (DataTable).
      expect(table).toContain(`<th scope="row" data-label="Pupils in school">${formatNumber(n)}</th>`);
      expect(table).toContain(
        `<td class="num" data-label="Expected enquiries a year without SWIS">${formatNumber(g.expected, 1)}</td>`,
      );
      expect(table).toContain(`${words(g.changeLow)} to ${words(g.changeHigh)}`);
    }
  });

  test('ships the calculator hidden, with its inputs as data attributes and its script as a module file', () => {
    expect(html).toContain(`<div id="calculator" class="no-print" hidden data-rate="${rate}"`);
    expect(html).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
  });

  test('covers cost-effectiveness, what people said and the current status', () => {
    const t = text(html);
    expect(t).toContain('cost-effective');
    // Words and figures keep their spaces in the HTML itself (text() below would hide a missing one).
    for (const words of [
      'Southampton’s <span',
      'announced <span',
      'pay <span',
      'and <span',
      '</span>, <span',
    ])
      expect(html).toContain(words);
    // text() puts a space where a tag ended, so a comma after a figure reads " ,".
    // The costs and probabilities are published facts, rendered from facts.json with their source.
    for (const id of [
      'cost-effective-probability-at-1000',
      'cost-effective-probability-at-10000',
      'pilot-grant-lambeth',
    ])
      expect(html).toContain(factHtml(fact(id), false));
    for (const id of ['cost-threshold-20000', 'pilot-grant-southampton', 'scale-up-funding'])
      expect(html).toContain(factHtml(fact(id), true));
    expect(t).toMatch(
      /1\.3% , 1\.1% and 6\.1% if a council were willing to pay £1,000 , £10,000 or £20,000 \(source: Economic evaluation/,
    );
    expect(t).toContain('What people said');
    expect(t).toContain('Where the programme stands');
  });
});

interface Share {
  laCode: string;
  year: number;
  measure: string;
  percent: number | null;
}

describe('authority pages', () => {
  const { authorities } = json('dataset.json');
  const slugs = readdirSync(join(dist, 'authorities'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  test('every authority page has a chart with a title, captioned tables, the change table and its sources', () => {
    expect(slugs.length).toBe(authorities.length);
    for (const s of slugs) {
      const html = page(`authorities/${s}`);
      expect(html, s).toMatch(/<svg[^>]*role="img"[^>]*>\s*<title id="[^"]+">[^<]+<\/title>/);
      expect(html, s).toMatch(/<table>\s*<caption>[^<]+<\/caption>/);
      expect(html, s).toContain('<caption>Percentage of referrals made by schools:');
      expect(html, s).toMatch(/<caption>[^<]+: change over the (pilot|trial) years/);
      expect(html, s).toContain(
        'href="https://explore-education-statistics.service.gov.uk/find-statistics/characteristics-of-children-in-need"',
      );
      expect(html, s).toContain('<nav class="breadcrumbs" aria-label="Breadcrumb">');
    }
  });

  test('a pilot-and-trial authority shows both windows, local estimates and the small-numbers warning', () => {
    const html = page('authorities/lambeth');
    expect(html).toContain('Pilot (2019) and trial (2020–22)');
    expect(html).toContain('<caption>Lambeth: change over the pilot years, 2017–18 to 2019–20');
    expect(html).toContain('<caption>Lambeth: change over the trial years, 2019–20 to 2021–22');
    expect(html).toContain('Small numbers.');
    expect(html).toContain('<caption>Trial estimates for Lambeth');
    expect(html).toContain('<caption>Pilot estimates for Lambeth');
  });

  test('the school referral share is the published percentage for the authority and England', () => {
    const shares = (json('context-shares.json') as Share[]).filter(
      (r) => r.measure === 'school_referral_percent',
    );
    const lambeth2019 = shares.find((r) => r.laCode === 'E09000022' && r.year === 2019)!;
    const england2019 = shares.find((r) => r.laCode === 'E92000001' && r.year === 2019)!;
    const html = page('authorities/lambeth');
    const table = html.slice(at(html, '<caption>Percentage of referrals made by schools'));
    expect(table).toMatch(
      new RegExp(
        `<th scope="row">2018–19</th>\\s*<td class="num">${formatNumber(lambeth2019.percent!, 1)}%</td>\\s*<td class="num">${formatNumber(england2019.percent!, 1)}%</td>`,
      ),
    );
  });

  test('school absence is shown by academic year for the authority and England, with its source', () => {
    const absence = (json('context-shares.json') as Share[]).filter(
      (r) => r.measure === 'overall_absence_percent',
    );
    const years = [...new Set(absence.map((r) => r.year))].sort();
    expect(years.length).toBeGreaterThan(3);
    const html = page('authorities/lambeth');
    const table = html.slice(
      at(html, '<caption>Overall absence, % of sessions missed: Lambeth and England, by academic year'),
    );
    const cell = (laCode: string, year: number) =>
      `${formatNumber(absence.find((r) => r.laCode === laCode && r.year === year)!.percent!, 1)}%`;
    for (const y of years)
      expect(table).toMatch(
        new RegExp(
          `<th scope="row">${y - 1}/${String(y % 100).padStart(2, '0')}</th>\\s*<td class="num">${cell('E09000022', y)}</td>\\s*<td class="num">${cell('E92000001', y)}</td>`,
        ),
      );
    expect(html).toContain(
      'href="https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england"',
    );
  });

  describe('what this means for a school here', () => {
    // Expected Section 47 enquiries for a school, from each authority's real rate (context.json) in
    // England's latest year, times the trial's published rate ratio and interval (comparisons.json).
    const s47 = (json('context.json') as Context[]).filter((r) => r.measure === 's47_enquiries');
    const year = Math.max(
      ...s47.filter((r) => r.laCode === 'E92000001' && r.ratePer10k !== null).map((r) => r.year),
    );
    const rateOf = (laCode: string) => s47.find((r) => r.laCode === laCode && r.year === year);
    const published = primary().published;
    const code = (name: string) =>
      (authorities as { laCode: string; name: string }[]).find((a) => a.name === name)!.laCode;
    const one = (n: number) => formatNumber(n, 1);
    const yearText = `${year - 1}–${String(year % 100).padStart(2, '0')}`;

    test.each(['Stockport', 'Croydon', 'Barnsley'])(
      '%s: its latest rate × pupils × the published ratio and its interval, in words and in a table',
      (name) => {
        const html = page(`authorities/${name.toLowerCase()}`);
        const start = at(html, 'id="school-here"');
        const section = html.slice(start, html.indexOf('<h2', start));
        const rate = rateOf(code(name))!.ratePer10k!;
        const england = rateOf('E92000001')!.ratePer10k!;
        const e = (pupils: number) => (pupils * rate) / 10000;
        expect(text(section)).toContain(
          `In ${yearText}, ${name} had ${one(rate)} Section 47 (child protection) enquiries per 10,000 children aged 0 to 17 (England: ${one(england)}). At that rate a school of 1,000 pupils would expect about ${one(e(1000))} Section 47 (child protection) enquiries a year. Applying the trial's published rate ratio, ${formatNumber(published.estimate, 3)} (95% confidence interval ${formatNumber(published.ciLow, 3)} to ${formatNumber(published.ciHigh, 3)}), with SWIS that becomes about ${one(e(1000) * published.estimate)}, and anything from ${one(e(1000) * published.ciLow)} to ${one(e(1000) * published.ciHigh)} is consistent with the trial.`,
        );
        for (const pupils of [500, 1000, 1500])
          expect(text(section)).toContain(
            `${formatNumber(pupils)} ${one(e(pupils))} ${one(e(pupils) * published.estimate)} ${one(e(pupils) * published.ciLow)} to ${one(e(pupils) * published.ciHigh)}`,
          );
        // The caveats: an average over the trial's authorities, and an interval that includes no difference.
        expect(text(section)).toContain(
          `not an estimate for ${name}; its interval includes no difference (a ratio of 1)`,
        );
        expect(section).toContain(`href="${published.sourceUrl}"`);
        expect(text(section)).toContain(
          `The expected number assumes a school's pupils meet Section 47 (child protection) enquiries at the rate for all children aged 0 to 17 in ${name}`,
        );
      },
    );

    test('a suppressed rate and a replaced authority are said, with no expected number guessed', () => {
      expect(rateOf(code('City of London'))!.symbol).toBe('c');
      const city = text(page('authorities/city-of-london'));
      expect(city).toContain(
        `No rate to work from. City of London's rate of Section 47 (child protection) enquiries for ${yearText} is not published (suppressed to protect confidentiality, shown as the symbol c), so no expected number is worked out`,
      );
      expect(rateOf(code('Cumbria'))).toBeUndefined();
      expect(text(page('authorities/cumbria'))).toContain(
        `Cumbria's rate of Section 47 (child protection) enquiries for ${yearText} is not available`,
      );
      for (const slug of ['city-of-london', 'cumbria']) {
        expect(page(`authorities/${slug}`)).not.toContain('a year for a school in');
        expect(page(`authorities/${slug}`)).not.toContain('The expected number assumes');
      }
    });
  });

  test('the index is filtered by a plain GET form: region and taking part without JavaScript, name with it', () => {
    const html = page('authorities');
    // A real form that submits to this page, not a script-only widget.
    expect(html).toMatch(
      /<form class="filter no-print" id="authority-filter" method="get" action="\/authorities\/"/,
    );
    expect(html).toMatch(/<select id="filter-region" name="region">/);
    expect(html).toMatch(/<input type="radio" name="took-part" value="trial"/);
    // The name field is shown only when the script runs; without it the page says what to use instead.
    expect(html).toMatch(/<div class="filter-field" data-needs-js hidden>\s*<label for="filter-q">/);
    expect(text(html)).toContain('Finding an authority by name needs JavaScript');
    // Each authority carries the values the stylesheet filters on.
    expect(html).toMatch(
      /<li data-key="[^"]+" data-filter-region="inner-london\b[^"]*" data-filter-took-part="[^"]*\bpilot\b[^"]*\btrial\b[^"]*">\s*<a href="\/authorities\/lambeth\/">/,
    );
    expect(html).toContain('href="/authorities/filter.css"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>[^<]*document/);
  });
});

describe('search, feeds and breadcrumbs', () => {
  test('the search page has a no-JavaScript message and a search form the script reveals', () => {
    const html = page('search');
    expect(text(html)).toContain('Search needs JavaScript.');
    expect(html).toMatch(/<form role="search"[^>]* action="\/search\/" method="get" hidden>/);
    expect(html).toMatch(/<label for="search-q">[^<]+<\/label>/);
    expect(html).toMatch(/<input id="search-q" name="q" type="search"/);
    expect(html).toMatch(/<p class="search-status" id="search-status" role="status"><\/p>/);
  });

  test('the build wrote a search index of every searchable page, and only those', () => {
    const index = MiniSearch.loadJSON<SearchDocument>(
      readFileSync(join(dist, SEARCH_INDEX_FILE), 'utf8'),
      INDEX_OPTIONS,
    );
    const marked = (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((f) => f.endsWith('.html'))
      .filter((f) =>
        readFileSync(join(dist, f), 'utf8').includes('<main id="main" tabindex="-1" data-search-body'),
      );
    expect(index.documentCount).toBe(marked.length);
    expect(index.documentCount).toBeGreaterThan(json('dataset.json').authorities.length);
    const stored = (url: string) =>
      index.getStoredFields(url) as Pick<SearchDocument, 'title' | 'text'> | undefined;
    expect(stored('/search/')).toBeUndefined();
    expect(stored('/404.html')).toBeUndefined();
    // A page's title in the results is its h1.
    expect(stored('/findings/trial/')?.title).toBe(
      /<h1[^>]*>([^<]+)<\/h1>/.exec(page('findings/trial'))?.[1],
    );
    // Block boundaries are kept: a glossary term and its definition stay apart.
    const glossary = stored('/glossary/')!.text;
    expect(glossary).toMatch(/\(child in need\) An assessment/);
    expect(glossary).not.toMatch(/\)An /);
    // Regions marked data-search-ignore (data tables, an authority's official figures) are left out.
    const lambeth = stored('/authorities/lambeth/')!;
    expect(lambeth.title).toBe('Lambeth');
    expect(lambeth.text).toContain('Inner London');
    expect(lambeth.text).not.toContain('Official figures, 2012–13 to 2024–25');
    expect(page('authorities/lambeth')).toContain('Official figures, 2012–13 to 2024–25');
    if (page('findings/trial').includes('Demonstration data.'))
      expect(stored('/findings/trial/')!.text).not.toContain('Demonstration data.');
  });

  test('the search page and the 404 page are left out of the index', () => {
    expect(page('search')).not.toContain('data-search-body');
    expect(readFileSync(join(dist, '404.html'), 'utf8')).not.toContain('data-search-body');
    expect(page('findings/trial')).toContain('data-search-body');
  });

  test('the RSS feed is well-formed XML with one item per update, each with a link and date', () => {
    const xml = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser().parse(xml);
    const items = [feed.rss.channel.item].flat();
    const updates = readdirSync(join(dist, 'updates'), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    );
    expect(items.length).toBe(updates.length);
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(/\/updates\/[^/]+\/$/);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
  });

  test('every page but the home page has breadcrumbs ending at itself', () => {
    for (const p of [
      'findings/trial',
      'for-schools',
      'authorities',
      'authorities/lambeth',
      'updates',
      'methodology',
      'data',
      'glossary',
      'accessibility',
      'search',
    ]) {
      const html = page(p);
      const from = at(html, '<nav class="breadcrumbs"');
      const crumbs = html.slice(from, html.indexOf('</nav>', from));
      expect(crumbs, p).toContain('<a href="/">Home</a>');
      expect(html, p).toMatch(/<span aria-current="page">[^<]+<\/span>/);
    }
  });
});

test('no page formats dates or numbers outside the formatting module', () => {
  const files = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
    );
  const offenders = ['src/pages', 'src/components', 'src/layouts', 'src/scripts', 'src/charts']
    .flatMap(files)
    .filter((f) => !f.endsWith('.test.ts'))
    .filter((f) =>
      /toLocale(Date)?String|toFixed\(|new Intl\.|formatLocale/.test(readFileSync(join(root, f), 'utf8')),
    );
  expect(offenders).toEqual([]);
});

test('no word runs into the link or term after it (Astro drops a line break before an element)', () => {
  const pages = [
    '',
    'findings/trial',
    'findings/pilot',
    'for-schools',
    'authorities',
    'authorities/lambeth',
    'methodology',
    'data',
    'accessibility',
    'glossary',
    'search',
  ];
  for (const p of pages) {
    const runs = [...page(p).matchAll(/[a-z]<a (?:class="term" )?href="[^"]*"[^>]*>[^<]{0,30}/g)].map(
      (m) => m[0],
    );
    expect(runs, p).toEqual([]);
  }
});

test('no MDX paragraph starts with an inline component mid-sentence (MDX and Prettier would split the sentence)', () => {
  const inline = /^<(Rate|Term|Estimate|Published)\b/;
  const problems: string[] = [];
  for (const dir of ['content/findings', 'content/updates']) {
    for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.mdx'))) {
      const paragraphs = readFileSync(join(root, dir, f), 'utf8').split(/\n\s*\n/);
      paragraphs.forEach((p, i) => {
        const before = paragraphs[i - 1]?.trimEnd() ?? '';
        if (inline.test(p.trimStart()) && /[A-Za-z,;]$/.test(before))
          problems.push(`${dir}/${f}: ${p.slice(0, 60)}`);
      });
    }
  }
  expect(problems).toEqual([]);
});

describe('prose pages from content/pages', () => {
  test('the accessibility statement keeps its address and says what it meets, how it is tested and how to report', () => {
    const t = text(page('accessibility'));
    expect(t).toContain('Accessibility statement');
    expect(t).toContain('(WCAG) 2.2 at level AA');
    expect(t).toContain('How we test');
    expect(t).toContain('Reporting a problem');
    expect(t).toMatch(/Last updated \d+ \w+ \d{4}/);
  });
});
