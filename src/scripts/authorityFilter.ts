/**
 * Enhances the authorities list's filter form (src/pages/authorities/index.astro). Without
 * JavaScript its region and taking-part choices filter through the build's stylesheet
 * (/authorities/filter.css, src/site/listFilter.ts) and the name field stays hidden. With it, the
 * name field appears and the list narrows as the reader types; the choices are read from the
 * address on load (?q=…&region=…&took-part=…) and kept in it (history.replaceState, so a filtered
 * list can be linked to and going back leaves the page rather than undoing keystrokes); a polite
 * live region says how many authorities are shown, and when none are, offers to clear the filters.
 * A region with nothing shown is hidden with its heading and its entry in the list of regions.
 */
import { slugText } from '../lib/format/slug.ts';
import { ALL, filterAttribute, filterSummary, queryPhrase } from '../site/listFilter.ts';

const finder = document.getElementById('authority-finder');
const form = document.getElementById('authority-filter') as HTMLFormElement | null;
const input = document.getElementById('filter-q') as HTMLInputElement | null;
const status = document.getElementById('filter-js-status');
const count = document.getElementById('filter-js-count');
const clear = document.getElementById('filter-js-clear');

/** The checked value of the select or radio group `name`, and its phrase for the status line. */
function choice(f: HTMLFormElement, name: string): { value: string; phrase: string | null } {
  const checked = f.querySelector<HTMLOptionElement | HTMLInputElement>(
    `select[name="${name}"] option:checked, input[name="${name}"]:checked`,
  );
  return { value: checked?.value ?? ALL, phrase: checked?.dataset['phrase'] ?? null };
}

/** Sets the select or radio group `name` to `value` when it offers that value; otherwise leaves it. */
function choose(f: HTMLFormElement, name: string, value: string): void {
  const select = f.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  if (select && [...select.options].some((o) => o.value === value)) select.value = value;
  for (const radio of f.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${name}"]`))
    if (radio.value === value) radio.checked = true;
}

/** The names of the form's controls that CSS also answers (a select or radio group), in form order. */
function choiceNames(f: HTMLFormElement): string[] {
  const names = [
    ...f.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select[name], input[type="radio"][name]'),
  ];
  return [...new Set(names.map((c) => c.name))];
}

const carries = (el: HTMLElement, name: string, value: string): boolean =>
  value === ALL || (el.getAttribute(filterAttribute(name)) ?? '').split(' ').includes(value);

if (finder && form && input && status && count && clear) {
  form.dataset['enhanced'] = '';
  for (const el of finder.querySelectorAll<HTMLElement>('[data-needs-js]')) {
    el.hidden = false;
    if (el instanceof HTMLButtonElement) el.disabled = false;
  }
  for (const el of finder.querySelectorAll<HTMLElement>('[data-without-js]')) el.hidden = true;
  status.hidden = false;

  const names = choiceNames(form);
  const items = [...finder.querySelectorAll<HTMLElement>('#authority-list li[data-key]')];
  const sections = [...finder.querySelectorAll<HTMLElement>('#authority-list section[data-region]')];
  const index = new Map(
    [...finder.querySelectorAll<HTMLElement>('[data-region-index]')].map((li) => [
      li.dataset['regionIndex'],
      li,
    ]),
  );

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const name of names) choose(form, name, params.get(name) ?? ALL);

  const update = (): void => {
    const q = input.value.trim();
    const key = slugText(q);
    const chosen = names.map((name) => ({ name, ...choice(form, name) }));
    let shown = 0;
    for (const li of items) {
      const hit =
        (li.dataset['key'] ?? '').includes(key) && chosen.every((c) => carries(li, c.name, c.value));
      li.hidden = !hit;
      if (hit) shown++;
    }
    for (const section of sections) {
      const empty = [...section.querySelectorAll<HTMLElement>('li[data-key]')].every((li) => li.hidden);
      section.hidden = empty;
      const entry = index.get(section.dataset['region']);
      if (entry) entry.hidden = empty;
    }
    const criteria = [
      ...chosen.flatMap((c) => (c.value !== ALL && c.phrase ? [c.phrase] : [])),
      ...(key ? [queryPhrase(q)] : []),
    ];
    const text = filterSummary(shown, items.length, criteria);
    if (count.textContent !== text) count.textContent = text;
    clear.hidden = shown > 0;
    // A printout shows the list as filtered, so it says how; the unfiltered list needs no words.
    status.classList.toggle('no-print', criteria.length === 0);

    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    for (const c of chosen)
      if (c.value === ALL) url.searchParams.delete(c.name);
      else url.searchParams.set(c.name, c.value);
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  };

  input.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  form.addEventListener('reset', () => {
    // The reset event comes before the controls are reset.
    setTimeout(() => {
      update();
      if (document.activeElement === document.body || document.activeElement === clear) input.focus();
    });
  });
  update();
}
