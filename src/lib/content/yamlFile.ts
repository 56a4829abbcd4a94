/**
 * Reads a YAML settings file of content/ (site.yaml, glossary.yaml) with the core schema (so
 * `2026-12-01` stays text), or one problem at the line and column where the YAML broke.
 */
import yaml from 'js-yaml';
import { contentProblem, type ContentProblem } from './frontmatter.ts';

/**
 * The parsed value of `text` (`empty` for an empty file), or the problem: `what` names the file's
 * role in the message, `expected` what valid text looks like, and `hint` how to fix the usual mistake.
 */
export function loadYamlFile(
  file: string,
  text: string,
  options: { what: string; expected: string; hint: string; empty: unknown },
): { ok: true; data: unknown } | { ok: false; problems: ContentProblem[] } {
  try {
    return {
      ok: true,
      data: yaml.load(text.replace(/^\uFEFF/, ''), { schema: yaml.CORE_SCHEMA }) ?? options.empty,
    };
  } catch (e) {
    const err = e as yaml.YAMLException;
    return {
      ok: false,
      problems: [
        contentProblem(
          file,
          (err.mark?.line ?? 0) + 1,
          (err.mark?.column ?? 0) + 1,
          options.what,
          options.expected,
          err.reason ?? 'text it could not read',
          options.hint,
        ),
      ],
    };
  }
}
