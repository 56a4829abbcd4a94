import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScript } from './runScript.ts';

/** A script that starts a grandchild which sleeps (sharing its output), says its process id, and then `end`s. */
const startsSleeper = (end: string) => `import { spawn } from 'node:child_process';
const sleeper = spawn('sleep', ['300'], { stdio: 'inherit' });
console.log('grandchild ' + sleeper.pid);
${end}
`;

/** What `ps` says of process `pid`: '' when there is none, 'Z…' when it has ended and awaits its parent. */
function processState(pid: number): string {
  return spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
}

/** The grandchild a run said it started, and whether it has ended (a sleeper left running is ended here). */
function grandchild(run: SpawnSyncReturns<string>): { pid: number; ended: boolean } {
  const pid = Number(/grandchild (\d+)/.exec(run.stdout)![1]);
  const ended = /^(Z.*)?$/.test(processState(pid));
  if (!ended) process.kill(pid, 'SIGKILL');
  return { pid, ended };
}

describe('runScript', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'run-script-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('ends a script still running at its hang guard together with every process it started', () => {
    const script = join(dir, 'hangs.mjs');
    writeFileSync(script, startsSleeper('setInterval(() => {}, 1 << 30);'));
    // The guard is tiny. Should it end the script before the script has started its grandchild
    // (a slow start on a busy machine), the run is repeated with twice the guard, until it has.
    let guardMs = 250;
    let run = runScript(script, [], { hangGuardMs: guardMs });
    while (!/grandchild/.test(run.stdout)) {
      guardMs *= 2;
      run = runScript(script, [], { hangGuardMs: guardMs });
    }
    const { pid, ended } = grandchild(run);
    expect(ended, `the grandchild ${pid} still runs`).toBe(true);
    expect(run.status, 'the script exited by itself').toBeNull();
    expect(run.stderr).toContain(`still running after ${guardMs} ms (the hang guard)`);
  });

  it('ends what a script that has exited left running', () => {
    const script = join(dir, 'exits.mjs');
    writeFileSync(script, startsSleeper('process.exit(0);'));
    // A guard shorter than the sleep, so that without the ending the run returns (at the guard).
    const run = runScript(script, [], { hangGuardMs: 60_000 });
    const { pid, ended } = grandchild(run);
    expect(ended, `the grandchild ${pid} still runs`).toBe(true);
    expect(run.status).toBe(0);
  });
});
