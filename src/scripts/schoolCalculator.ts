/**
 * The schools calculator of <SchoolFrequencies> (src/components/SchoolFrequencies.astro): shows the
 * hidden #calculator and works out, for the number of pupils typed, the events a year expected and
 * the change the published interval allows, from the figures the build put in its data attributes.
 * Does nothing on a page without a calculator; without JavaScript the table serves instead. The
 * arithmetic is the table's own (schoolFrequencies), so the two always agree.
 */
import { formatFewerMore, formatNumber } from '../lib/format/formatNumber.ts';
import { schoolFrequencies } from '../site/schoolFrequencies.ts';
const box = document.getElementById('calculator');
const input = document.getElementById('pupils') as HTMLInputElement | null;
const out = document.getElementById('calc-result');
if (box && input && out) {
  box.hidden = false;
  const [rate, est, low, high] = ['rate', 'estimate', 'low', 'high'].map((k) => Number(box.dataset[k]));
  const { short, programme } = box.dataset;
  const update = () => {
    const n = Number(input.value);
    if (!(n > 0)) {
      out.textContent = 'Enter a number of pupils above zero.';
      return;
    }
    const f = schoolFrequencies(n, rate!, { estimate: est!, ciLow: low!, ciHigh: high! });
    out.textContent = `For ${formatNumber(n)} pupils: about ${formatNumber(f.expected, 1)} ${short} a year expected; with ${programme}, most likely ${formatFewerMore(f.change)}, and anything from ${formatFewerMore(f.changeLow)} to ${formatFewerMore(f.changeHigh)}.`;
  };
  input.addEventListener('input', update);
  update();
}
