/**
 * The site build's handler for Rolldown's warnings (astro.config.mjs, `vite.build.rolldownOptions.onwarn`).
 *
 * It drops exactly one warning, which says nothing about this project: Astro marks the modules it
 * generates for each content entry (`*.mdx?astroPropagatedAssets`) with the directive
 * `"use astro:head-inject"`, which Astro reads before bundling, and Rolldown warns
 * MODULE_LEVEL_DIRECTIVE for each of them, once per MDX file
 * (https://github.com/withastro/astro/issues/18087). Every other warning is passed on, with
 * Rolldown's colour codes removed when the log is not a terminal, so a build log kept in a file
 * or CI reads as plain text.
 */
import { stripVTControlCharacters } from 'node:util';

/** The part of a Rolldown log this handler reads. */
export interface RolldownWarning {
  code?: string;
  message: string;
}

/** Whether `warning` is Astro's own head-inject directive warning, which is expected and harmless. */
export function isAstroHeadInjectWarning(warning: RolldownWarning): boolean {
  return (
    warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
    warning.message.includes('"use astro:head-inject"') &&
    warning.message.includes('?astroPropagatedAssets')
  );
}

/** Rolldown's `onwarn`: drops Astro's head-inject warning and passes on every other one. */
export function onRolldownWarning(
  warning: RolldownWarning,
  warn: (warning: RolldownWarning) => void,
  terminal: boolean = process.stdout.isTTY === true,
): void {
  if (isAstroHeadInjectWarning(warning)) return;
  warn(terminal ? warning : { ...warning, message: stripVTControlCharacters(warning.message) });
}
