/**
 * Filters the authorities index by name or region as the reader types. Progressive enhancement:
 * without JavaScript the filter stays hidden and the full list by region is the index.
 */
import { formatNumber } from '../lib/format/formatNumber.ts';

const box = document.getElementById('authority-filter');
const input = document.getElementById('q') as HTMLInputElement | null;
const count = document.getElementById('q-count');
const list = document.getElementById('authority-list');
const part = document.getElementById('part') as HTMLSelectElement | null;

if (box && input && part && count && list) {
  box.hidden = false;
  const sections = [...list.querySelectorAll<HTMLElement>('section')];
  const update = (): void => {
    const q = input.value.trim().toLowerCase();
    const p = part.value;
    let shown = 0;
    for (const s of sections) {
      let any = false;
      for (const li of s.querySelectorAll<HTMLElement>('li')) {
        const hit =
          (li.dataset['name'] ?? '').includes(q) &&
          (p === '' || (li.dataset['part'] ?? '').split(' ').includes(p));
        li.hidden = !hit;
        if (hit) {
          any = true;
          shown++;
        }
      }
      s.hidden = !any;
    }
    count.textContent =
      q || p
        ? shown === 0
          ? 'No authority matches.'
          : `${formatNumber(shown)} ${shown === 1 ? 'authority' : 'authorities'} shown`
        : '';
  };
  input.addEventListener('input', update);
  part.addEventListener('change', update);
  update();
}
