/**
 * The picker of <AuthorityFrequencies> (src/components/AuthorityFrequencies.astro): shows the
 * hidden #authority-calculator and works out, for the authority chosen and the number of pupils
 * typed, the events a year expected at that authority's rate and the range the published interval
 * gives, from the figures the build put in data attributes. Does nothing on a page without it;
 * without JavaScript the table of every authority serves instead. The arithmetic is the table's
 * own (frequenciesAtRate), so the two always agree.
 */
import { formatNumber } from '../lib/format/formatNumber.ts';
import { frequenciesAtRate } from '../site/authorityFrequencies.ts';

const box = document.getElementById('authority-calculator');
const select = document.getElementById('calc-authority') as HTMLSelectElement | null;
const input = document.getElementById('calc-school-pupils') as HTMLInputElement | null;
const out = document.getElementById('calc-authority-result');
if (box && select && input && out) {
  box.hidden = false;
  const [estimate, low, high] = ['estimate', 'low', 'high'].map((k) => Number(box.dataset[k]));
  const { short, events, programme, year } = box.dataset;
  const update = () => {
    const option = select.selectedOptions[0];
    const rate = Number(option?.dataset['rate']);
    const n = Number(input.value);
    if (!option || !(rate > 0)) {
      out.textContent = 'Choose an authority to see its figures.';
      return;
    }
    if (!(n > 0)) {
      out.textContent = 'Enter a number of pupils above zero.';
      return;
    }
    const f = frequenciesAtRate(n, rate, { estimate: estimate!, ciLow: low!, ciHigh: high! });
    out.textContent = `${option.text} had ${formatNumber(rate, 1)} ${events} per 10,000 children in ${year}. A school of ${formatNumber(n)} pupils there would expect about ${formatNumber(f.expected, 1)} ${short} a year; with ${programme}, the trial is consistent with anything from ${formatNumber(f.withLow, 1)} to ${formatNumber(f.withHigh, 1)}.`;
  };
  select.addEventListener('change', update);
  input.addEventListener('input', update);
  update();
}
