import { round1 } from './round1.ts';

/**
 * A d3-geo path context that writes SVG path data with relative coordinates ("l3,2" rather than
 * "L256.8,89.3"), rounded to 0.1 px. Map outlines are long runs of short steps, so relative steps
 * are about a third shorter and the page carries less markup. d3-path has no relative mode, hence
 * this small writer. Steps are rounded from the rounded absolute positions, so errors never add up.
 */
export class RelativePath {
  #parts: string[] = [];
  #x = 0;
  #y = 0;

  /** Part of d3-geo's context interface; nothing to do, as each ring starts with moveTo. */
  beginPath(): void {}

  moveTo(x: number, y: number): void {
    const [rx, ry] = [round1(x), round1(y)];
    this.#parts.push(`M${rx},${ry}`);
    [this.#x, this.#y] = [rx, ry];
  }

  lineTo(x: number, y: number): void {
    const [rx, ry] = [round1(x), round1(y)];
    const dx = round1(rx - this.#x);
    const dy = round1(ry - this.#y);
    this.#parts.push(`l${short(dx)}${dy < 0 ? '' : ','}${short(dy)}`);
    [this.#x, this.#y] = [rx, ry];
  }

  closePath(): void {
    this.#parts.push('z');
  }

  arc(): void {
    throw new RangeError('RelativePath: arcs are not supported (maps have no point features)');
  }

  /** The path data written so far, and a fresh start for the next feature. */
  result(): string {
    const d = this.#parts.join('');
    this.#parts = [];
    return d;
  }
}

// "0.5" → ".5", "-0.5" → "-.5": valid SVG number syntax, and shorter.
function short(v: number): string {
  return String(v).replace(/^(-?)0\./, '$1.');
}
