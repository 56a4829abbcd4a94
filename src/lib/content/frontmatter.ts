/**
 * Frontmatter of an MDX file, split off and parsed with line numbers, and checked against a
 * collection's zod schema, so that every problem names the file, the line of the field, what
 * was expected and what was found.
 */
import yaml from 'js-yaml';
import { z } from 'zod';
import { readIsoDate } from '../format/isoDate.ts';
import { frontmatterDateSchema } from './schemas.ts';

/** A problem found in a content file; `message` is the sentence shown to the researcher. */
export interface ContentProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Builds a problem with its sentence: `FILE:LINE:COLUMN: what: expected …, found ….` */
export function contentProblem(
  file: string,
  line: number,
  column: number,
  what: string,
  expected: string,
  found: string,
  hint = '',
): ContentProblem {
  const tail = hint === '' ? '' : ` ${hint}`;
  return {
    file,
    line,
    column,
    message: `${file}:${line}:${column}: ${what}: expected ${expected}, found ${found}.${tail}`,
  };
}

/** Orders problems by file, then line, then column. */
export function compareProblems(a: ContentProblem, b: ContentProblem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

/** An MDX file split into frontmatter and body, with the line the body starts on (1-based). */
export interface SplitMdx {
  data: Record<string, unknown>;
  /** 1-based line of each top-level key in the file. */
  keyLines: Map<string, number>;
  /** 1-based column where each top-level key's value starts on its line. */
  valueColumns: Map<string, number>;
  body: string;
  bodyStartLine: number;
}

/** Splits and parses frontmatter; returns problems instead when there is none or it is not YAML. */
export function splitMdx(
  file: string,
  text: string,
): { ok: true; mdx: SplitMdx } | { ok: false; problem: ContentProblem } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---')
    return {
      ok: false,
      problem: contentProblem(
        file,
        1,
        1,
        'frontmatter',
        'the file to start with a line "---"',
        JSON.stringify(lines[0] ?? ''),
      ),
    };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0)
    return {
      ok: false,
      problem: contentProblem(file, 1, 1, 'frontmatter', 'a closing line "---" after the fields', 'none'),
    };
  const source = lines.slice(1, end).join('\n');
  let data: unknown;
  try {
    // CORE_SCHEMA keeps dates as text, so 2020-13-01 is reported rather than rolled over to 2021.
    data = yaml.load(source, { schema: yaml.CORE_SCHEMA }) ?? {};
  } catch (e) {
    const err = e as yaml.YAMLException;
    const line = (err.mark?.line ?? 0) + 2;
    return {
      ok: false,
      problem: contentProblem(
        file,
        line,
        (err.mark?.column ?? 0) + 1,
        'frontmatter',
        'valid YAML (field: value)',
        `${err.reason ?? 'text it could not read'}`,
        'Quote a value that contains a colon, e.g. title: "Results: the trial".',
      ),
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return {
      ok: false,
      problem: contentProblem(file, 2, 1, 'frontmatter', 'fields written as name: value', 'something else'),
    };
  const keyLines = new Map<string, number>();
  const valueColumns = new Map<string, number>();
  lines.slice(1, end).forEach((l, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*/.exec(l);
    if (m?.[1] && !keyLines.has(m[1])) {
      keyLines.set(m[1], i + 2);
      valueColumns.set(m[1], m[0].length + 1);
    }
  });
  return {
    ok: true,
    mdx: {
      data: data as Record<string, unknown>,
      keyLines,
      valueColumns,
      body: lines.slice(end + 1).join('\n'),
      bodyStartLine: end + 2,
    },
  };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function describeFound(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  if (v === null) return 'nothing';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'an invalid date' : v.toISOString().slice(0, 10);
  if (typeof v === 'string') return v === '' ? 'an empty value' : JSON.stringify(v);
  return JSON.stringify(v) ?? String(v);
}

/** What a zod issue expected, in words a researcher reads. */
export function describeExpected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'date'
        ? 'a date written YYYY-MM-DD'
        : issue.expected === 'array'
          ? 'a list, such as [trial, pilot]'
          : `a ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string'
        ? 'some text'
        : issue.origin === 'array'
          ? `at least ${String(issue.minimum)} item(s)`
          : `at least ${String(issue.minimum)}`;
    case 'unrecognized_keys':
      return 'only the fields the schema names';
    default:
      return issue.message;
  }
}

/**
 * Checks parsed frontmatter against a schema, one problem per zod issue, at the field's line.
 * Fields the schema does not know are reported too (they are usually a misspelling) unless
 * `unknownFields` is false: the build ignores them.
 */
export function checkFrontmatter(
  file: string,
  mdx: SplitMdx,
  schema: z.ZodType,
  options: { unknownFields?: boolean } = {},
): ContentProblem[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  const unknown: ContentProblem[] =
    shape && options.unknownFields !== false
      ? Object.keys(mdx.data)
          .filter((k) => !(k in shape))
          .map((k) =>
            contentProblem(
              file,
              mdx.keyLines.get(k) ?? 1,
              1,
              `frontmatter field "${k}"`,
              `only the fields ${Object.keys(shape).join(', ')}`,
              'an unknown field',
              'Check the spelling, or remove the field.',
            ),
          )
      : [];
  unknown.push(...frontmatterDateProblems(file, mdx, schema));
  const flagged = new Set(unknown.map((p) => p.message.match(/field "([^"]+)"/)?.[1]));
  const result = schema.safeParse(mdx.data);
  if (result.success) return unknown;
  return [
    ...unknown,
    ...result.error.issues
      .filter((i) => !flagged.has(String(i.path[0])))
      .map((issue) => {
        const top = String(issue.path[0] ?? '');
        const line = mdx.keyLines.get(top) ?? 1;
        const field = issue.path.length > 0 ? issue.path.join('.') : '(frontmatter)';
        const found =
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((k) => JSON.stringify(k)).join(', ')
            : describeFound(valueAt(mdx.data, issue.path));
        return contentProblem(file, line, 1, `frontmatter field "${field}"`, describeExpected(issue), found);
      }),
  ];
}

/**
 * Every date field of a schema ({@link frontmatterDateSchema}) whose value is not an ISO
 * `YYYY-MM-DD` date, at the value's line and column, with the ISO form of what was probably
 * meant. Read from frontmatter parsed with the YAML core schema, so a date is still the text the
 * researcher wrote (YAML's own reading would roll 2023-02-30 over to 2 March). The build runs
 * this too (src/content.config.ts), so both say the same.
 */
export function frontmatterDateProblems(file: string, mdx: SplitMdx, schema: z.ZodType): ContentProblem[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const problems: ContentProblem[] = [];
  for (const [key, field] of Object.entries(shape)) {
    // An optional date (such as `embargo`) is checked when it is given.
    const optional = field instanceof z.ZodOptional;
    if ((optional ? field.unwrap() : field) !== frontmatterDateSchema) continue;
    if (optional && mdx.data[key] === undefined) continue;
    const read = readIsoDate(mdx.data[key]);
    if (read.ok) continue;
    const { expected, found, hint } = read.refusal;
    problems.push(
      contentProblem(
        file,
        mdx.keyLines.get(key) ?? 1,
        mdx.valueColumns.get(key) ?? 1,
        `frontmatter field "${key}"`,
        expected,
        found,
        hint,
      ),
    );
  }
  return problems;
}
