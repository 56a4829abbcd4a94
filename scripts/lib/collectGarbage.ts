import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now. The results command calls it between phases whose garbage is
 * large and no longer reachable (the data files' bytes once they are decoded and hashed; the data
 * files' texts and the parse's leftovers after the read; the model rows after the fits are
 * planned), so that the next phase starts from what is live.
 *
 * Why: V8 collects the old generation when it judges it worthwhile, and its concurrent marking
 * runs on spare cores. On a loaded machine it falls behind, and the heap grows towards its limit
 * before it is collected: at three times national scale the same run peaked anywhere from 534 to
 * 848 MB. A collection at each boundary costs a fraction of a second and makes the peak that of
 * the live data.
 *
 * `--expose-gc` set at run time, as Node's documentation of v8.setFlagsFromString shows for other
 * flags: it makes `gc` a global of contexts created afterwards, such as the one made here.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
