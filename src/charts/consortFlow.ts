import { formatNumber } from '../lib/format/formatNumber.ts';
import { chartFrame } from './chartFrame.ts';
import { chartWidths, type ChartResult } from './chartTypes.ts';
import { withPhoneLayout } from './phoneLayout.ts';
import { round1 } from './round1.ts';
import { wrapLabel, wrappedText } from './wrapLabel.ts';

/** One arm of a trial: schools allocated, leaving the trial, and analysed. */
export type ConsortArm = {
  label: string;
  allocated: number;
  withdrawn: number;
  lost: number;
  analysed: number;
};

/** The school flow of a trial, as counts (school counts, not pupil counts). */
export type ConsortData = {
  randomised: number;
  unit: string;
  clusters?: string;
  arms: readonly ConsortArm[];
};

/** Options for {@link consortFlow}; `id` must be unique on the page. */
export type ConsortOptions = {
  id: string;
  title: string;
  /** The width to lay out for, in px; default the text column, with a phone layout as `narrow`. */
  width?: number;
};

/**
 * Stated defaults for {@link consortFlow}: boxes side by side per arm, or, below `stackBelow` px,
 * one arm under the other.
 */
export const consortFlowDefaults = {
  boxWidth: 190,
  gap: 24,
  fontSize: 13,
  boxHeight: 52,
  stackBelow: 480,
} as const;

/**
 * A CONSORT-style flow diagram: randomised, allocated to each arm, withdrawn or lost to follow-up,
 * analysed. Boxes hold their counts as text, arrows show the order, and boxes for schools that left
 * are dashed, so nothing depends on colour. The arms stand side by side, or, on a phone, one under
 * the other, each branching off a line down the left edge. Throws RangeError if an arm's numbers do
 * not add up (allocated = withdrawn + lost + analysed) or the arms do not sum to the number randomised.
 */
export function consortFlow(data: ConsortData, options: ConsortOptions): ChartResult {
  return withPhoneLayout((o) => drawConsortFlow(data, o), options);
}

function drawConsortFlow(data: ConsortData, options: ConsortOptions): ChartResult {
  const { id, title } = options;
  const { gap, fontSize, boxHeight, stackBelow } = consortFlowDefaults;
  for (const a of data.arms) {
    for (const v of [a.allocated, a.withdrawn, a.lost, a.analysed])
      if (!Number.isInteger(v) || v < 0)
        throw new RangeError(
          `consortFlow: arm "${a.label}" has a count that is not a whole number ≥ 0: ${v}`,
        );
    if (a.withdrawn + a.lost + a.analysed !== a.allocated)
      throw new RangeError(
        `consortFlow: arm "${a.label}": withdrawn (${a.withdrawn}) + lost (${a.lost}) + analysed (${a.analysed}) ≠ allocated (${a.allocated})`,
      );
  }
  const total = data.arms.reduce((n, a) => n + a.allocated, 0);
  if (total !== data.randomised)
    throw new RangeError(`consortFlow: arms sum to ${total} but ${data.randomised} were randomised`);

  const n = data.arms.length;
  const stacked = (options.width ?? chartWidths.column) < stackBelow;
  // Stacked, each arm's boxes stand right of a line down the left edge that branches into them.
  const spine = 14;
  const boxWidth = stacked
    ? (options.width ?? chartWidths.phone) - 2 * spine - 4
    : consortFlowDefaults.boxWidth;
  const width = stacked ? boxWidth + 2 * spine + 4 : n * boxWidth + (n - 1) * gap + 8;
  const mid = width / 2;
  const unit = data.unit;
  const parts: string[] = [
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="fill" d="M0,0L10,5L0,10Z" fill="currentColor"/></marker></defs>`,
  ];
  const box = (x: number, y: number, w: number, h: number, lines: string[], dashed = false, bold = false) => {
    parts.push(
      `<rect class="mark hollow" x="${round1(x)}" y="${round1(y)}" width="${round1(w)}" height="${round1(h)}" rx="4" fill="#fff" stroke="currentColor" stroke-width="${bold ? 2 : 1.2}"${dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
    parts.push(wrappedText(lines, x + 10, y + h / 2, fontSize));
  };
  const arrow = (d: string) =>
    parts.push(
      `<path class="mark" d="${d}" stroke="currentColor" stroke-width="1.5" fill="none" marker-end="url(#${id}-arrow)"/>`,
    );
  const wrap = (text: string) => wrapLabel(text, boxWidth - 20, fontSize, 3);
  const stageLabels = ['Randomised', 'Allocated', 'Left the trial', 'Analysed'];

  const topW = stacked ? width - 8 : Math.min(width - 8, boxWidth * 1.6);
  const randomisedLines = wrapLabel(
    `Randomised: ${formatNumber(data.randomised, 0)} ${unit}${data.clusters ? ` in ${data.clusters}` : ''}`,
    topW - 20,
    fontSize,
    3,
  );
  box(mid - topW / 2, 4, topW, boxHeight, randomisedLines, false, true);
  const step = boxHeight + (stacked ? 28 : 40);
  // An arm's three boxes, top to bottom from y at x, each reached by an arrow from the one above.
  const arm = (a: ConsortArm, x: number, y: number) => {
    const cx = round1(x + boxWidth / 2);
    box(x, y, boxWidth, boxHeight, wrap(`${a.label}: ${formatNumber(a.allocated, 0)} ${unit}`), false, true);
    arrow(`M${cx},${round1(y + boxHeight)}L${cx},${round1(y + step - 2)}`);
    box(
      x,
      y + step,
      boxWidth,
      boxHeight,
      [`Withdrawn: ${formatNumber(a.withdrawn, 0)}`, `Lost to follow-up: ${formatNumber(a.lost, 0)}`],
      true,
    );
    arrow(`M${cx},${round1(y + step + boxHeight)}L${cx},${round1(y + 2 * step - 2)}`);
    box(
      x,
      y + 2 * step,
      boxWidth,
      boxHeight,
      wrap(`Analysed: ${formatNumber(a.analysed, 0)} ${unit}`),
      false,
      true,
    );
  };
  let height: number;
  if (stacked) {
    const armTop = (i: number) => 4 + step + i * (3 * step + 8);
    data.arms.forEach((a, i) => {
      // From the randomised box down the left edge, then right into the arm's first box.
      const y = round1(armTop(i) + boxHeight / 2);
      arrow(`M${spine},${4 + boxHeight}V${y}H${spine * 2 - 2}`);
      arm(a, spine * 2, armTop(i));
    });
    height = armTop(n - 1) + 2 * step + boxHeight + 6;
  } else {
    const cx = (i: number) => 4 + i * (boxWidth + gap) + boxWidth / 2;
    const armY = 4 + step;
    data.arms.forEach((a, i) => {
      // Elbow from the randomised box down to each arm.
      arrow(`M${round1(mid)},${4 + boxHeight}V${round1(armY - 20)}H${round1(cx(i))}V${round1(armY - 2)}`);
      arm(a, cx(i) - boxWidth / 2, armY);
    });
    height = armY + 2 * step + boxHeight + 6;
  }

  const analysed = data.arms.reduce((s, a) => s + a.analysed, 0);
  const left = data.randomised - analysed;
  const desc = [
    `Flow diagram of ${unit} through the trial. ${formatNumber(data.randomised, 0)} ${unit} were randomised${data.clusters ? ` in ${data.clusters}` : ''}: ${data.arms.map((a) => `${formatNumber(a.allocated, 0)} to ${a.label.toLowerCase()}`).join(' and ')}.`,
    ...data.arms.map(
      (a) =>
        `${a.label}: ${formatNumber(a.withdrawn, 0)} withdrawn, ${formatNumber(a.lost, 0)} lost to follow-up, ${formatNumber(a.analysed, 0)} analysed.`,
    ),
    `In all, ${formatNumber(analysed, 0)} ${unit} were analysed and ${formatNumber(left, 0)} left the trial.`,
    `Stages from top to bottom: ${stageLabels.join(', ')}.`,
  ].join(' ');
  const body = parts.join('');
  const table = {
    caption: `${title}: number of ${unit}`,
    columns: [
      { label: 'Stage', numeric: false },
      ...data.arms.map((a) => ({ label: a.label, numeric: true })),
      { label: 'Total', numeric: true },
    ],
    rows: (
      [
        ['Allocated', (a: ConsortArm) => a.allocated],
        ['Withdrawn', (a: ConsortArm) => a.withdrawn],
        ['Lost to follow-up', (a: ConsortArm) => a.lost],
        ['Analysed', (a: ConsortArm) => a.analysed],
      ] as const
    ).map(([label, get]) => [
      label,
      ...data.arms.map((a) => formatNumber(get(a), 0)),
      formatNumber(
        data.arms.reduce((s, a) => s + get(a), 0),
        0,
      ),
    ]),
  };
  return chartFrame({ id, width, height, title, desc, body, table });
}
