import { describe, expect, test } from 'vitest';
import { isAstroHeadInjectWarning, onRolldownWarning, type RolldownWarning } from './rolldownWarnings.ts';

const ESC = String.fromCharCode(27);
// As Rolldown words it for an MDX entry (colour codes and all), in a build of this site.
const headInject: RolldownWarning = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message: `${ESC}[33m[MODULE_LEVEL_DIRECTIVE] ${ESC}[0mThe semantics of the module level directive "use astro:head-inject" in "content/findings/trial.mdx?astroPropagatedAssets" may not be preserved when bundling.`,
};
const otherDirective: RolldownWarning = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message: `${ESC}[33m[MODULE_LEVEL_DIRECTIVE] ${ESC}[0mThe semantics of the module level directive "use client" in "src/lib/x.ts" may not be preserved when bundling.`,
};

function passedOn(warning: RolldownWarning, terminal: boolean): RolldownWarning[] {
  const seen: RolldownWarning[] = [];
  onRolldownWarning(warning, (w) => seen.push(w), terminal);
  return seen;
}

describe('onRolldownWarning', () => {
  test("drops only Astro's head-inject directive warning for a content entry", () => {
    expect(isAstroHeadInjectWarning(headInject)).toBe(true);
    expect(passedOn(headInject, false)).toEqual([]);
    expect(isAstroHeadInjectWarning(otherDirective)).toBe(false);
    expect(isAstroHeadInjectWarning({ code: 'EVAL', message: headInject.message })).toBe(false);
  });

  test('passes every other warning on, without colour codes when the log is not a terminal', () => {
    expect(passedOn(otherDirective, false)).toEqual([
      {
        code: 'MODULE_LEVEL_DIRECTIVE',
        message:
          '[MODULE_LEVEL_DIRECTIVE] The semantics of the module level directive "use client" in "src/lib/x.ts" may not be preserved when bundling.',
      },
    ]);
    expect(passedOn(otherDirective, true)).toEqual([otherDirective]);
  });
});
