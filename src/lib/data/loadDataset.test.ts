import { describe, expect, it } from 'vitest';
import { loadDataset } from './loadDataset.ts';
import { formatProblem } from './problems.ts';

const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const OUTCOMES = ['referral', 's47'];

function trialOutcomes(): string[] {
  const lines = ['school_id,period,outcome,count'];
  for (const school of ['T1', 'T2']) {
    for (const period of ['baseline', 'followup'])
      for (const o of OUTCOMES) lines.push(`${school},${period},${o},3`);
  }
  return lines;
}

function pilotOutcomes(): string[] {
  const lines = ['school_id,month,outcome,count'];
  for (const school of ['P1', 'P2']) {
    for (const month of ['2021-01', '2021-02', '2021-03', '2021-04'])
      for (const o of OUTCOMES) lines.push(`${school},${month},${o},1`);
  }
  return lines;
}

/** A small valid dataset with every file; tests replace or remove files to make one defect. */
function validFiles(): Map<string, string> {
  return new Map([
    ['dataset.csv', csv('name,synthetic,description', 'Demo,true,"Made-up data, for testing."')],
    [
      'authorities.csv',
      csv(
        'la_code,la_name,region',
        'E06000010,"Kingston upon Hull, City of",Yorkshire and The Humber',
        'E09000033,Westminster,Inner London',
      ),
    ],
    [
      'outcomes.csv',
      csv(
        'outcome,label,description,direction',
        'referral,Referrals,Referrals to children’s social care.,lower_is_better',
        's47,Section 47 enquiries,Child protection enquiries.,neutral',
      ),
    ],
    [
      'trial/periods.csv',
      csv('period,start_month,end_month', 'baseline,2021-09,2022-08', 'followup,2022-09,2023-08'),
    ],
    [
      'trial/schools.csv',
      csv(
        'school_id,la_code,arm,pupils,fsm_percent,status',
        'T1,E06000010,swis,300,20,analysed',
        'T2,E09000033,control,250,35.5,analysed',
        'T3,E09000033,control,120,10,withdrawn',
      ),
    ],
    ['trial/outcomes.csv', csv(...trialOutcomes())],
    [
      'pilot/sites.csv',
      csv('la_code,baseline_start,start_month,end_month', 'E06000010,2021-01,2021-03,2021-04'),
    ],
    [
      'pilot/schools.csv',
      csv(
        'school_id,la_code,group,phase,pupils',
        'P1,E06000010,swis,primary,200',
        'P2,E06000010,comparison,secondary,900',
      ),
    ],
    ['pilot/outcomes.csv', csv(...pilotOutcomes())],
    [
      'context/la-statistics.csv',
      csv(
        'la_code,year,measure,value',
        'E92000001,2022,referrals,650270',
        'E09000033,2022,referrals,c',
        'E09000033,2022,children_0_17,40000',
      ),
    ],
    [
      'published/estimates.csv',
      csv(
        'study,outcome,scope,analysis,follow_up_months,estimate,ci_low,ci_high,source_title,source_url',
        'trial,s47,overall,adjusted,,0.91,0.8,1.04,SWIS trial report,https://example.org/report',
      ),
    ],
    [
      'published/facts.csv',
      csv(
        'fact,value,unit,label,source_title,source_url',
        'trial-schools-randomised,268,count,Schools randomised,SWIS trial report,https://example.org/report',
        'scale-up-funding,6500000,gbp,Funding announced,"Announcement, May 2020",',
      ),
    ],
  ]);
}

/** The problem messages for the valid dataset with some files replaced (undefined removes). */
function messages(changes: Record<string, string | undefined>): string[] {
  const files = validFiles();
  for (const [path, text] of Object.entries(changes)) {
    if (text === undefined) files.delete(path);
    else files.set(path, text);
  }
  const result = loadDataset(files);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** The valid file with line `line` (1-based) replaced by `text`. */
function replaceLine(path: string, line: number, text: string): Record<string, string> {
  const lines = (validFiles().get(path) ?? '').split('\n');
  lines[line - 1] = text;
  return { [path]: lines.join('\n') };
}

describe('loadDataset', () => {
  it('loads a valid dataset with every study and counts rows', () => {
    const result = loadDataset(validFiles());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.synthetic).toBe(true);
    expect(result.data.trial?.schools).toHaveLength(3);
    // The 16 monthly rows summed while read: a cell per school × outcome × period, 2 months each.
    expect(result.data.pilot?.cells).toHaveLength(2 * OUTCOMES.length * 2);
    expect(result.data.pilot?.cells.map((c) => [c.count, c.years])).toEqual(
      ['P1', 'P2'].flatMap((_, s) => Array(OUTCOMES.length * 2).fill([2, ((s === 0 ? 200 : 900) / 12) * 2])),
    );
    expect(result.data.context?.laStatistics.map((r) => r.value)).toEqual([650270, 'c', 40000]);
    expect(result.rowCounts).toMatchObject({
      'authorities.csv': 2,
      'trial/outcomes.csv': 8,
      'pilot/outcomes.csv': 16,
    });
  });

  it('treats absent study folders as absent studies and a missing dataset.csv as not synthetic', () => {
    const files = new Map([...validFiles()].filter(([k]) => !k.includes('/') && k !== 'dataset.csv'));
    const result = loadDataset(files);
    expect(result.ok && result.data).toMatchObject({
      pilot: null,
      trial: null,
      context: null,
      published: null,
      info: null,
      synthetic: false,
    });
  });

  it('accepts a BOM and CRLF line endings in every file', () => {
    const files = validFiles();
    for (const [k, v] of files) files.set(k, `\uFEFF${v.replaceAll('\n', '\r\n')}`);
    expect(loadDataset(files).ok).toBe(true);
  });

  it('reports a study folder that is incomplete and a required file that is missing', () => {
    expect(messages({ 'pilot/sites.csv': undefined, 'outcomes.csv': undefined })).toMatchInlineSnapshot(`
      [
        "data/outcomes.csv: expected this file in every dataset, found no file.",
        "data/pilot/sites.csv: expected this file because the folder data/pilot/ exists (a study folder must be complete), found no file.",
      ]
    `);
  });

  it('reports an unknown file', () => {
    expect(messages({ 'trial/school.csv': 'x\n' })).toMatchInlineSnapshot(`
      [
        "data/trial/school.csv: expected only the files dataset.csv, authorities.csv, outcomes.csv, pilot/sites.csv, pilot/schools.csv, pilot/outcomes.csv, trial/periods.csv, trial/schools.csv, trial/outcomes.csv, context/la-statistics.csv, context/measures.csv, published/estimates.csv, published/facts.csv, found an unknown file. Check the name and folder, or move the file out of the data folder.",
      ]
    `);
  });

  it('reports an empty file', () => {
    expect(messages({ 'trial/periods.csv': '' })).toMatchInlineSnapshot(`
      [
        "data/trial/periods.csv: expected a header row naming the columns period, start_month, end_month, found an empty file.",
      ]
    `);
  });

  it('reports a count that is not a whole number', () => {
    expect(messages(replaceLine('trial/outcomes.csv', 2, 'T1,baseline,referral,2.5'))).toMatchInlineSnapshot(`
      [
        "data/trial/outcomes.csv:2: column "count": expected a whole number, 0 or more, found "2.5".",
      ]
    `);
  });

  it('reports a negative count', () => {
    expect(messages(replaceLine('pilot/outcomes.csv', 3, 'P1,2021-01,s47,-1'))).toMatchInlineSnapshot(`
      [
        "data/pilot/outcomes.csv:3: column "count": expected a whole number, 0 or more, found "-1".",
      ]
    `);
  });

  it('reports a badly formed la_code', () => {
    expect(messages(replaceLine('authorities.csv', 3, 'E9000033,Westminster,Inner London')))
      .toMatchInlineSnapshot(`
      [
        "data/authorities.csv:3: column "la_code": expected an ONS local-authority code: E06, E08, E09 or E10 then 6 digits, e.g. "E09000033", found "E9000033".",
      ]
    `);
  });

  it('reports a month not written YYYY-MM and a month 13', () => {
    expect(messages(replaceLine('trial/periods.csv', 2, 'baseline,2021/09,2021-13'))).toMatchInlineSnapshot(`
      [
        "data/trial/periods.csv:2: column "start_month": expected a month as YYYY-MM with the month 01 to 12, e.g. "2023-09", found "2021/09".",
        "data/trial/periods.csv:2: column "end_month": expected a month as YYYY-MM with the month 01 to 12, e.g. "2023-09", found "2021-13".",
      ]
    `);
  });

  it('reports a misspelt arm', () => {
    expect(messages(replaceLine('trial/schools.csv', 2, 'T1,E06000010,SWIS,300,20,analysed')))
      .toMatchInlineSnapshot(`
      [
        "data/trial/schools.csv:2: column "arm": expected one of "swis" or "control", found "SWIS".",
      ]
    `);
  });

  it('reports an fsm_percent over 100 and pupils of 0', () => {
    expect(messages(replaceLine('trial/schools.csv', 3, 'T2,E09000033,control,0,101,analysed')))
      .toMatchInlineSnapshot(`
      [
        "data/trial/schools.csv:3: column "pupils": expected a whole number greater than 0, found "0".",
        "data/trial/schools.csv:3: column "fsm_percent": expected a percentage from 0 to 100, e.g. "23.5", found "101".",
      ]
    `);
  });

  it('reports a misspelt direction', () => {
    expect(messages(replaceLine('outcomes.csv', 3, 's47,Section 47 enquiries,Enquiries.,higher_is_better')))
      .toMatchInlineSnapshot(`
      [
        "data/outcomes.csv:3: column "direction": expected one of "lower_is_better" or "neutral", found "higher_is_better".",
      ]
    `);
  });

  it('accepts a DfE symbol as a context value but reports other text', () => {
    expect(messages(replaceLine('context/la-statistics.csv', 3, 'E09000033,2022,referrals,low'))).toEqual([]);
    expect(messages(replaceLine('context/la-statistics.csv', 3, 'E09000033,2022,referrals,abc')))
      .toMatchInlineSnapshot(`
      [
        "data/context/la-statistics.csv:3: column "value": expected a number, or a DfE symbol ("c", "x", "z", "low", "u", "k", ":" or "-"), found "abc".",
      ]
    `);
  });

  it('reports a dataset.csv whose synthetic flag is not true or false, or that has two rows', () => {
    expect(messages({ 'dataset.csv': csv('name,synthetic,description', 'Demo,yes,Made up.') }))
      .toMatchInlineSnapshot(`
      [
        "data/dataset.csv:2: column "synthetic": expected "true" or "false", found "yes".",
      ]
    `);
    expect(messages({ 'dataset.csv': csv('name,synthetic,description', 'A,true,x', 'B,false,y') }))
      .toMatchInlineSnapshot(`
      [
        "data/dataset.csv:3: expected exactly 1 row of data, found 2.",
      ]
    `);
  });

  it('reports a duplicate school id', () => {
    expect(messages(replaceLine('trial/schools.csv', 4, 'T1,E09000033,control,120,10,withdrawn')))
      .toMatchInlineSnapshot(`
      [
        "data/trial/schools.csv:4: column "school_id": expected each school_id to appear once, found "T1" again (first on line 2).",
      ]
    `);
  });

  it('reports duplicate authority, outcome and period keys', () => {
    const authorities = csv(
      'la_code,la_name,region',
      'E06000010,Hull,North',
      'E09000033,Westminster,Inner London',
      'E09000033,Westminster again,Inner London',
    );
    const periods = csv(
      'period,start_month,end_month',
      'baseline,2021-09,2022-08',
      'baseline,2022-09,2023-08',
    );
    expect(messages({ 'authorities.csv': authorities, 'trial/periods.csv': periods })).toMatchInlineSnapshot(`
      [
        "data/authorities.csv:4: column "la_code": expected each la_code to appear once, found "E09000033" again (first on line 3).",
        "data/trial/periods.csv: expected a row for period "followup", found none.",
        "data/trial/periods.csv:3: column "period": expected each period to appear once, found "baseline" again (first on line 2).",
      ]
    `);
  });

  it('reports a duplicate outcome row for a school and period, and a duplicate context row', () => {
    const trial = `${validFiles().get('trial/outcomes.csv')}T1,followup,s47,4\n`;
    const context = `${validFiles().get('context/la-statistics.csv')}E09000033,2022,referrals,12\n`;
    expect(messages({ 'trial/outcomes.csv': trial, 'context/la-statistics.csv': context }))
      .toMatchInlineSnapshot(`
      [
        "data/context/la-statistics.csv:5: column "la_code": expected each la_code × year × measure to appear once, found "E09000033", 2022, "referrals" again (first on line 3).",
        "data/trial/outcomes.csv:10: column "school_id": expected each school × period × outcome to appear once, found "T1", "followup", "s47" again (first on line 5).",
      ]
    `);
  });

  it('reads the optional context/measures.csv, and reports a duplicate or unknown measure in it', () => {
    const measures = csv(
      'measure,label,direction,direction_note',
      'referrals,Referrals,neutral,"Neither higher nor lower is simply better."',
    );
    const files = validFiles();
    files.set('context/measures.csv', measures);
    const result = loadDataset(files);
    expect(result.ok && result.data.context?.measures).toEqual([
      {
        measure: 'referrals',
        label: 'Referrals',
        direction: 'neutral',
        direction_note: 'Neither higher nor lower is simply better.',
        outcome: null,
      },
    ]);
    expect(
      messages({
        'context/measures.csv': `${measures}referrals,Again,neutral,x\npupils,Pupils,neutral,x\n`,
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/context/measures.csv:3: column "measure": expected each measure to appear once, found "referrals" again (first on line 2).",
        "data/context/measures.csv:4: column "measure": expected one of "referrals", "s47_enquiries", "icpc", "cpp_starts", "cin_starts" or "cla_starts", found "pupils".",
      ]
    `);
  });

  it("reads context/measures.csv's optional outcome column, and reports an outcome not in outcomes.csv", () => {
    const header = 'measure,label,direction,direction_note,outcome';
    const files = validFiles();
    files.set(
      'context/measures.csv',
      csv(header, 's47_enquiries,Enquiries,neutral,Why.,s47', 'icpc,Conferences,neutral,Why.,'),
    );
    const result = loadDataset(files);
    expect(result.ok && result.data.context?.measures.map((m) => m.outcome)).toEqual(['s47', null]);
    expect(messages({ 'context/measures.csv': csv(header, 's47_enquiries,Enquiries,neutral,Why.,s48') }))
      .toMatchInlineSnapshot(`
        [
          "data/context/measures.csv:2: column "outcome": expected an outcome listed in data/outcomes.csv, or a blank cell, found "s48", which is not there.",
        ]
      `);
  });

  it('reports an outcome row for an unknown school and an unknown outcome', () => {
    const trial = `${validFiles().get('trial/outcomes.csv')}T9,followup,s47,4\nT1,followup,s17,4\n`;
    expect(messages({ 'trial/outcomes.csv': trial })).toMatchInlineSnapshot(`
      [
        "data/trial/outcomes.csv:10: column "school_id": expected a school listed in data/trial/schools.csv, found "T9", which is not there.",
        "data/trial/outcomes.csv:11: column "outcome": expected an outcome listed in data/outcomes.csv, found "s17", which is not there.",
      ]
    `);
  });

  it('reports an unknown authority in schools, context and published estimates', () => {
    expect(
      messages({
        ...replaceLine('trial/schools.csv', 4, 'T3,E08000003,control,120,10,withdrawn'),
        ...replaceLine('context/la-statistics.csv', 4, 'E08000003,2022,children_0_17,40000'),
        ...replaceLine(
          'published/estimates.csv',
          2,
          'trial,s47,E08000003,unadjusted,24,0.91,0.8,1.04,Report,https://example.org/r',
        ),
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/context/la-statistics.csv:4: column "la_code": expected an la_code listed in data/authorities.csv, or E92000001 for England, found "E08000003", which is not there.",
        "data/published/estimates.csv:2: column "scope": expected "overall" or an la_code listed in data/authorities.csv, found "E08000003", which is not there.",
        "data/trial/schools.csv:4: column "la_code": expected an la_code listed in data/authorities.csv, found "E08000003", which is not there.",
      ]
    `);
  });

  it("refuses a context value out of its measure's range: a negative population is never divided by", () => {
    const found = messages(
      replaceLine('context/la-statistics.csv', 4, 'E09000033,2022,children_0_17,-40000'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^data\/context\/la-statistics\.csv:4: column "value": expected a whole number of children, 1 or more for children_0_17, found -40000\./,
    );
  });

  it('reports a missing period × outcome row for an analysed school but not for a withdrawn one', () => {
    const lines = trialOutcomes().filter((l) => l !== 'T2,followup,s47,3');
    expect(messages({ 'trial/outcomes.csv': csv(...lines) })).toMatchInlineSnapshot(`
      [
        "data/trial/schools.csv:3: expected a row in data/trial/outcomes.csv for every period × outcome of analysed school "T2", found none for followup × s47.",
      ]
    `);
  });

  it('reports missing month × outcome rows for a pilot school', () => {
    const lines = pilotOutcomes().filter((l) => !l.startsWith('P2,2021-04') && l !== 'P1,2021-02,s47,1');
    expect(messages({ 'pilot/outcomes.csv': csv(...lines) })).toMatchInlineSnapshot(`
      [
        "data/pilot/schools.csv:2: expected a row in data/pilot/outcomes.csv for every month × outcome of school "P1" (2021-01 to 2021-04), found none for 2021-02 × s47.",
        "data/pilot/schools.csv:3: expected a row in data/pilot/outcomes.csv for every month × outcome of school "P2" (2021-01 to 2021-04), found none for 2021-04 × referral, 2021-04 × s47.",
      ]
    `);
  });

  it('reports a missing pilot row even when a repeated or out-of-window row makes up the number', () => {
    // Completeness is first judged by counting a school's rows; a repeat or a month outside the
    // window must not stand in for the row that is missing.
    const lines = pilotOutcomes().filter((l) => l !== 'P1,2021-02,s47,1' && l !== 'P2,2021-03,s47,1');
    const extra = ['P1,2021-01,s47,1', 'P2,2021-05,s47,1'];
    expect(messages({ 'pilot/outcomes.csv': csv(...lines, ...extra) })).toMatchInlineSnapshot(`
      [
        "data/pilot/outcomes.csv:16: column "school_id": expected each school × month × outcome to appear once, found "P1", "2021-01", "s47" again (first on line 3).",
        "data/pilot/outcomes.csv:17: column "month": expected a month within E06000010's window 2021-01 to 2021-04, found "2021-05".",
        "data/pilot/schools.csv:2: expected a row in data/pilot/outcomes.csv for every month × outcome of school "P1" (2021-01 to 2021-04), found none for 2021-02 × s47.",
        "data/pilot/schools.csv:3: expected a row in data/pilot/outcomes.csv for every month × outcome of school "P2" (2021-01 to 2021-04), found none for 2021-03 × s47.",
      ]
    `);
  });

  it("reports a pilot month outside its site's window", () => {
    const lines = [...pilotOutcomes(), 'P1,2021-05,s47,1'];
    expect(messages({ 'pilot/outcomes.csv': csv(...lines) })).toMatchInlineSnapshot(`
      [
        "data/pilot/outcomes.csv:18: column "month": expected a month within E06000010's window 2021-01 to 2021-04, found "2021-05".",
      ]
    `);
  });

  it('reports a reversed trial period and a site window out of order', () => {
    expect(
      messages({
        ...replaceLine('trial/periods.csv', 3, 'followup,2023-08,2022-09'),
        ...replaceLine('pilot/sites.csv', 2, 'E06000010,2021-03,2021-03,2021-02'),
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/pilot/sites.csv:2: column "start_month": expected a month after baseline_start (2021-03), found "2021-03".",
        "data/pilot/sites.csv:2: column "end_month": expected a month on or after start_month (2021-03), found "2021-02".",
        "data/trial/periods.csv:3: column "end_month": expected a month on or after start_month (2023-08), found "2022-09".",
      ]
    `);
  });

  it('reports a trial without a follow-up period', () => {
    expect(messages({ 'trial/periods.csv': csv('period,start_month,end_month', 'baseline,2021-09,2022-08') }))
      .toMatchInlineSnapshot(`
      [
        "data/trial/periods.csv: expected a row for period "followup", found none.",
      ]
    `);
  });

  it('reports a pilot school in an authority that is not a pilot site', () => {
    expect(messages(replaceLine('pilot/schools.csv', 3, 'P2,E09000033,comparison,secondary,900')))
      .toMatchInlineSnapshot(`
      [
        "data/pilot/schools.csv:3: column "la_code": expected an la_code listed in data/pilot/sites.csv, found "E09000033", which is not there.",
      ]
    `);
  });

  it('loads published facts, and either published file without the other', () => {
    const result = loadDataset(validFiles());
    expect(result.ok && result.data.published?.facts).toEqual([
      {
        fact: 'trial-schools-randomised',
        value: 268,
        unit: 'count',
        label: 'Schools randomised',
        source_title: 'SWIS trial report',
        source_url: 'https://example.org/report',
      },
      {
        fact: 'scale-up-funding',
        value: 6500000,
        unit: 'gbp',
        label: 'Funding announced',
        source_title: 'Announcement, May 2020',
        source_url: '',
      },
    ]);
    expect(messages({ 'published/estimates.csv': undefined })).toEqual([]);
    expect(messages({ 'published/facts.csv': undefined })).toEqual([]);
  });

  it('reports a duplicate fact key, a bad unit and a value typed with its symbols, with file, line and column', () => {
    expect(
      messages({
        'published/facts.csv': csv(
          'fact,value,unit,label,source_title,source_url',
          'trial-schools-randomised,268,count,Schools randomised,Report,https://example.org/r',
          'trial-schools-randomised,136,count,SWIS schools,Report,https://example.org/r',
          'scale-up-funding,£6.5m,pounds,Funding,Report,www.example.org',
          'Trial_Pupils,278858,count,Pupils,Report,',
        ),
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/published/facts.csv:3: column "fact": expected each fact to appear once, found "trial-schools-randomised" again (first on line 2).",
        "data/published/facts.csv:4: column "value": expected a number 0 or more, written as published, e.g. "268" or "1.3", found "£6.5m".",
        "data/published/facts.csv:4: column "unit": expected one of "count", "percent", "gbp" or "months", found "pounds".",
        "data/published/facts.csv:4: column "source_url": expected a web address starting http:// or https://, or a blank cell, found "www.example.org".",
        "data/published/facts.csv:5: column "fact": expected a key in lower-case kebab form, e.g. "trial-schools-randomised", found "Trial_Pupils".",
      ]
    `);
  });

  it('reports a published interval that does not contain its estimate', () => {
    expect(
      messages(
        replaceLine(
          'published/estimates.csv',
          2,
          'trial,s47,overall,adjusted,,1.2,0.8,1.04,Report,https://example.org/r',
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "data/published/estimates.csv:2: column "estimate": expected ci_low ≤ estimate ≤ ci_high, found ci_low 0.8, estimate 1.2, ci_high 1.04.",
      ]
    `);
  });

  it('reports every problem across files in one run, sorted by file and line', () => {
    expect(
      messages({
        ...replaceLine('authorities.csv', 2, 'E06000010,,Yorkshire'),
        ...replaceLine('trial/schools.csv', 3, 'T2,E09000033,control,250,35.5'),
        ...replaceLine('pilot/outcomes.csv', 2, 'P1,2021-1,referral,x'),
        'trial/periods.csv': csv(
          'start_month,end_month,period,notes',
          '2021-09,2022-08,baseline,',
          '2022-09,2023-08,followup,',
        ),
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/authorities.csv:2: column "la_name": expected some text, found an empty cell.",
        "data/pilot/outcomes.csv:2: column "month": expected a month as YYYY-MM with the month 01 to 12, e.g. "2023-09", found "2021-1".",
        "data/pilot/outcomes.csv:2: column "count": expected a whole number, 0 or more, found "x".",
        "data/trial/periods.csv:1: column "notes": expected only the columns period, start_month, end_month, found an unknown column "notes". Check the spelling, or remove the column.",
        "data/trial/schools.csv:3: expected 6 values, one per column, found 5 values. Check for a missing or extra comma, or a cell containing a comma that is not in double quotes.",
      ]
    `);
  });

  it('does not echo a mistake in a referenced file into the files that refer to it', () => {
    expect(
      messages(replaceLine('trial/schools.csv', 2, 'T1,E06000010,swis,three hundred,20,analysed')),
    ).toHaveLength(1);
  });

  it('throws a RangeError naming itself when not given a Map', () => {
    expect(() => loadDataset({} as Map<string, string>)).toThrow(/loadDataset/);
  });
});

describe('loadDataset with outcome kinds', () => {
  // Two trial-only outcomes beside the count ones: absence (sessions) and attainment (score).
  const OUTCOMES_WITH_KINDS = csv(
    'outcome,label,description,direction,kind',
    'referral,Referrals,Referrals to children’s social care.,lower_is_better,',
    's47,Section 47 enquiries,Child protection enquiries.,neutral,count',
    'absence,Absence,Sessions missed.,lower_is_better,sessions',
    'attainment8,Attainment 8,Mean Attainment 8 score.,neutral,score',
  );
  const trialRows = (): string[] => {
    const lines = ['school_id,period,outcome,count,exposure,value'];
    for (const school of ['T1', 'T2'])
      for (const period of ['baseline', 'followup']) {
        for (const o of OUTCOMES) lines.push(`${school},${period},${o},3,,`);
        lines.push(`${school},${period},absence,120,1500,`);
        lines.push(`${school},${period},attainment8,,,46.2`);
      }
    return lines;
  };
  /** The kinds dataset with trial/outcomes.csv line `line` (1-based) replaced by `text`. */
  const withTrialLine = (line: number, text: string): Record<string, string> => {
    const lines = trialRows();
    lines[line - 1] = text;
    return { 'outcomes.csv': OUTCOMES_WITH_KINDS, 'trial/outcomes.csv': csv(...lines) };
  };
  const valid = { 'outcomes.csv': OUTCOMES_WITH_KINDS, 'trial/outcomes.csv': csv(...trialRows()) };

  it('loads sessions and score outcomes, a blank kind meaning count, and the columns a kind leaves blank as null', () => {
    const files = validFiles();
    for (const [path, text] of Object.entries(valid)) files.set(path, text);
    const result = loadDataset(files);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.data.outcomes.map((o) => o.kind)).toEqual(['count', 'count', 'sessions', 'score']);
    expect(result.data.trial?.outcomes.slice(2, 4)).toEqual([
      { school_id: 'T1', period: 'baseline', outcome: 'absence', count: 120, exposure: 1500, value: null },
      {
        school_id: 'T1',
        period: 'baseline',
        outcome: 'attainment8',
        count: null,
        exposure: null,
        value: 46.2,
      },
    ]);
  });

  it('reads files without the kind, exposure and value columns as count outcomes', () => {
    const result = loadDataset(validFiles());
    if (!result.ok) throw new Error('expected the dataset without kinds to load');
    expect(result.data.outcomes.every((o) => o.kind === 'count')).toBe(true);
    expect(result.data.trial?.outcomes[0]).toEqual({
      school_id: 'T1',
      period: 'baseline',
      outcome: 'referral',
      count: 3,
      exposure: null,
      value: null,
    });
  });

  it('reports an unknown kind', () => {
    expect(
      messages({
        'outcomes.csv': OUTCOMES_WITH_KINDS.replace(',sessions', ',attendance'),
        'trial/outcomes.csv': csv(...trialRows()),
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/outcomes.csv:4: column "kind": expected one of "count", "sessions" or "score", or a blank cell (meaning "count"), found "attendance".",
      ]
    `);
  });

  it('reports a count outcome row without its count, or with an exposure or a value', () => {
    expect(messages(withTrialLine(2, 'T1,baseline,referral,,,'))).toMatchInlineSnapshot(`
      [
        "data/trial/outcomes.csv:2: column "count": expected a whole number, 0 or more (events) for outcome "referral", a count outcome, found an empty cell. Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".",
      ]
    `);
    expect(messages(withTrialLine(2, 'T1,baseline,referral,3,300,0.5'))).toMatchInlineSnapshot(`
      [
        "data/trial/outcomes.csv:2: column "exposure": expected a blank cell for outcome "referral", a count outcome, found "300". Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".",
        "data/trial/outcomes.csv:2: column "value": expected a blank cell for outcome "referral", a count outcome, found "0.5". Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".",
      ]
    `);
  });

  it('reports a score row with a count or an exposure, and a score row without its value', () => {
    expect(messages(withTrialLine(5, 'T1,baseline,attainment8,46,,'))).toMatchInlineSnapshot(`
      [
        "data/trial/outcomes.csv:5: column "count": expected a blank cell for outcome "attainment8", a score outcome, found "46". Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".",
        "data/trial/outcomes.csv:5: column "value": expected a number (the school’s mean score) for outcome "attainment8", a score outcome, found an empty cell. Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".",
      ]
    `);
    expect(messages(withTrialLine(5, 'T1,baseline,attainment8,,180,46.2'))).toMatchInlineSnapshot(`
      [
        "data/trial/outcomes.csv:5: column "exposure": expected a blank cell for outcome "attainment8", a score outcome, found "180". Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".",
      ]
    `);
  });

  it('reports a sessions row without its exposure or its count, with a value, or with fewer sessions possible than missed', () => {
    expect(messages(withTrialLine(4, 'T1,baseline,absence,120,,'))).toMatchInlineSnapshot(`
      [
        "data/trial/outcomes.csv:4: column "exposure": expected a whole number greater than 0 (sessions possible) for outcome "absence", a sessions outcome, found an empty cell. Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".",
      ]
    `);
    expect(messages(withTrialLine(4, 'T1,baseline,absence,,1500,8.0'))).toMatchInlineSnapshot(`
      [
        "data/trial/outcomes.csv:4: column "count": expected a whole number, 0 or more (sessions missed) for outcome "absence", a sessions outcome, found an empty cell. Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".",
        "data/trial/outcomes.csv:4: column "value": expected a blank cell for outcome "absence", a sessions outcome, found "8". Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".",
      ]
    `);
    expect(messages(withTrialLine(4, 'T1,baseline,absence,1600,1500,'))).toMatchInlineSnapshot(`
      [
        "data/trial/outcomes.csv:4: column "exposure": expected sessions possible at least the sessions missed (count 1600) for outcome "absence", a sessions outcome, found "1500". Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".",
      ]
    `);
  });

  it('reports an exposure of 0 and a value that is not a number', () => {
    expect(messages(withTrialLine(4, 'T1,baseline,absence,0,0,'))).toMatchInlineSnapshot(`
      [
        "data/trial/outcomes.csv:4: column "exposure": expected a whole number greater than 0, found "0".",
      ]
    `);
    expect(messages(withTrialLine(5, 'T1,baseline,attainment8,,,46,2'))).toHaveLength(1);
    expect(messages(withTrialLine(5, 'T1,baseline,attainment8,,,n/a'))).toMatchInlineSnapshot(`
      [
        "data/trial/outcomes.csv:5: column "value": expected a number, e.g. "46.2", found "n/a".",
      ]
    `);
  });

  it('reports pilot rows for a sessions outcome, and an outcome measured in no study', () => {
    const pilot = `${validFiles().get('pilot/outcomes.csv')}P1,2021-01,absence,4\n`;
    const trialWithoutScore = trialRows().filter((l) => !l.includes('attainment8'));
    expect(
      messages({
        'outcomes.csv': OUTCOMES_WITH_KINDS,
        'trial/outcomes.csv': csv(...trialWithoutScore),
        'pilot/outcomes.csv': pilot,
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/outcomes.csv:5: column "outcome": expected rows for outcome "attainment8" in data/trial/outcomes.csv or data/pilot/outcomes.csv, found none. Add its rows, or remove the outcome.",
        "data/pilot/outcomes.csv:18: column "outcome": expected a count outcome (pilot data holds counts only), found "absence", a sessions outcome. Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".",
      ]
    `);
  });

  it('needs no pilot rows for a trial-only outcome, but every analysed school’s rows for an outcome the trial measures', () => {
    expect(messages(valid)).toEqual([]);
    const lines = trialRows().filter((l) => l !== 'T2,followup,absence,120,1500,');
    expect(messages({ ...valid, 'trial/outcomes.csv': csv(...lines) })).toMatchInlineSnapshot(`
      [
        "data/trial/schools.csv:3: expected a row in data/trial/outcomes.csv for every period × outcome of analysed school "T2", found none for followup × absence.",
      ]
    `);
  });
});

describe('loadDataset: study windows', () => {
  const dataset = (extracted: string) =>
    csv('name,synthetic,description,extracted_month', `Demo,true,Made-up data.,${extracted}`);

  it('reports a trial follow-up that starts inside the baseline', () => {
    expect(
      messages({
        'trial/periods.csv': csv(
          'period,start_month,end_month',
          'baseline,2021-09,2022-08',
          'followup,2022-03,2023-08',
        ),
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/trial/periods.csv:3: column "start_month": expected a month after the baseline's end_month (2022-08): the baseline comes before the follow-up and the two do not overlap, found "2022-03". Check both periods: the follow-up starts after the baseline ends.",
      ]
    `);
  });

  it('reports a follow-up that comes before the baseline, whichever row comes first', () => {
    expect(
      messages({
        'trial/periods.csv': csv(
          'period,start_month,end_month',
          'followup,2019-09,2020-08',
          'baseline,2021-09,2022-08',
        ),
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/trial/periods.csv:2: column "start_month": expected a month after the baseline's end_month (2022-08): the baseline comes before the follow-up and the two do not overlap, found "2019-09". Check both periods: the follow-up starts after the baseline ends.",
      ]
    `);
  });

  it('reports months out of order within a window', () => {
    expect(
      messages({
        'trial/periods.csv': csv(
          'period,start_month,end_month',
          'baseline,2021-09,2022-08',
          'followup,2023-08,2022-09',
        ),
        'pilot/sites.csv': csv(
          'la_code,baseline_start,start_month,end_month',
          'E06000010,2021-03,2021-01,2021-04',
        ),
      }),
    ).toMatchInlineSnapshot(`
      [
        "data/pilot/sites.csv:2: column "start_month": expected a month after baseline_start (2021-03), found "2021-01".",
        "data/trial/periods.csv:3: column "end_month": expected a month on or after start_month (2023-08), found "2022-09".",
      ]
    `);
  });

  it('reports trial and pilot windows that end after the month the data were extracted', () => {
    expect(
      messages({
        'dataset.csv': dataset('2023-06'),
        'trial/periods.csv': csv(
          'period,start_month,end_month',
          'baseline,2021-09,2022-08',
          'followup,2022-09,2042-07',
        ),
        'pilot/sites.csv': csv(
          'la_code,baseline_start,start_month,end_month',
          'E06000010,2021-01,2021-03,2024-04',
        ),
      }),
    ).toEqual([
      'data/pilot/sites.csv:2: column "end_month": expected a month no later than 2023-06, when the data were extracted (extracted_month in data/dataset.csv), found "2024-04". Data cannot cover months after they were extracted: check the month, or extracted_month.',
      'data/trial/periods.csv:3: column "end_month": expected a month no later than 2023-06, when the data were extracted (extracted_month in data/dataset.csv), found "2042-07". Data cannot cover months after they were extracted: check the month, or extracted_month.',
    ]);
  });

  it('accepts windows that end in the extraction month, a blank extracted_month, and none at all', () => {
    expect(messages({ 'dataset.csv': dataset('2023-08') })).toEqual([]);
    expect(messages({ 'dataset.csv': dataset('') })).toEqual([]);
    expect(messages({})).toEqual([]);
  });

  it('reports an extracted_month that is not a month', () => {
    expect(messages({ 'dataset.csv': dataset('08/2023') })).toMatchInlineSnapshot(`
      [
        "data/dataset.csv:2: column "extracted_month": expected a month as YYYY-MM with the month 01 to 12, e.g. "2023-09", or a blank cell, found "08/2023".",
      ]
    `);
  });
});
