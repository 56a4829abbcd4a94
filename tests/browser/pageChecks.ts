import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core's minified build: the same rules as `axe.source` (its unminified build) in half the bytes to compile on every page. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.2 AA rule tags axe runs. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the loaded page; returns one line per violation (none means clean). */
export async function axeViolations(page: Page): Promise<{ violations: string[]; passes: number }> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
      }),
    WCAG_TAGS,
  );
  return {
    violations: result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('; ')}`,
    ),
    passes: result.passes.length,
  };
}

/**
 * Presses Tab through the loaded page. Every visible, enabled control that belongs in the tab
 * order is numbered first; a focusin listener records which of them receives focus and whether
 * it shows an outline or a box-shadow at that moment. A group of radio buttons is one stop, as
 * browsers make it (its checked button; the arrow keys move within it). Returns the controls (as
 * the start of their markup) that Tab never reached and those that had no visible focus indicator.
 */
export async function tabThrough(
  page: Page,
): Promise<{ controls: number; missed: string[]; invisible: string[] }> {
  const controls = await page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const list = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      // checkVisibility: rendered, and not inside a closed <details> (whose summary is the control).
      (el) =>
        el.checkVisibility({ visibilityProperty: true }) &&
        !(el as HTMLInputElement).disabled &&
        !el.closest('[inert]') &&
        !(el instanceof HTMLInputElement && el.type === 'radio' && el.name !== '' && !el.checked),
    );
    list.forEach((el, i) => el.setAttribute('data-tab-check', String(i)));
    const seen: [number, boolean][] = [];
    (window as unknown as { tabSeen: typeof seen }).tabSeen = seen;
    document.addEventListener('focusin', (e) => {
      const el = e.target as HTMLElement;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      seen.push([Number(el.getAttribute('data-tab-check') ?? -1), visible]);
    });
    return list.map((el) => el.outerHTML.slice(0, 100));
  });
  // A few presses to spare for stops outside the list (Chrome makes scrollable regions focusable).
  // The key events Playwright's keyboard.press('Tab') sends, sent all at once rather than each
  // after the last one's answer: Chromium dispatches a page's input events one after another, in
  // the order they were sent, and answers each once the page has handled it.
  const devtools = await page.context().newCDPSession(page);
  try {
    const tab = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, modifiers: 0, location: 0 };
    const sent: Promise<unknown>[] = [];
    for (let i = 0; i < controls.length + 10; i++)
      for (const type of ['rawKeyDown', 'keyUp'] as const)
        sent.push(devtools.send('Input.dispatchKeyEvent', { ...tab, type }));
    await Promise.all(sent);
  } finally {
    await devtools.detach();
  }
  const seen = new Map(
    await page.evaluate(() => (window as unknown as { tabSeen: [number, boolean][] }).tabSeen),
  );
  return {
    controls: controls.length,
    missed: controls.filter((_, i) => !seen.has(i)),
    invisible: controls.filter((_, i) => seen.get(i) === false),
  };
}
