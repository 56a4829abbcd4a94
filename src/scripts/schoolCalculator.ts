/**
 * The schools calculator of <SchoolFrequencies> (src/components/SchoolFrequencies.astro): shows the
 * hidden #calculator and works out, for the number of pupils typed, the events a year expected and
 * the change the published interval allows, from the figures the build put in its data attributes.
 * Does nothing on a page without a calculator; without JavaScript the table serves instead.
 */
import { formatFewerMore, formatNumber } from '../lib/format/formatNumber.ts';
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
    const e = (n * rate!) / 1000;
    out.textContent = `For ${formatNumber(n)} pupils: about ${formatNumber(e, 1)} ${short} a year expected; with ${programme}, most likely ${formatFewerMore(e * (est! - 1))}, and anything from ${formatFewerMore(e * (low! - 1))} to ${formatFewerMore(e * (high! - 1))}.`;
  };
  input.addEventListener('input', update);
  update();
}
