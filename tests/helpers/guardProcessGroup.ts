/**
 * `node guardProcessGroup.ts <ms> <command> [args…]`: runs the command in a process group of its
 * own and, if it is still running after <ms> milliseconds, ends that whole group with SIGKILL:
 * the command and every process it started (build.ts, the `astro build` it starts, and Astro's
 * own children). runScript runs every script through it.
 *
 * Why a process in between: spawnSync's own timeout ends only the process it started, so a
 * build.ts ended by it left its `astro build` running; and the test that waits in spawnSync can
 * neither keep a timer nor pass a signal on meanwhile, which this asynchronous parent can. Why
 * SIGKILL: a run that reached its guard has failed, and nothing it started may outlive it (a
 * script waiting in a spawnSync of its own could not pass a gentler signal on either).
 *
 * Once the command has exited, by itself or ended, whatever is left of its group is ended too,
 * so a run leaves nothing running. Every process of the group keeps the run's output pipes open
 * until it ends, so the spawnSync reading them returns only once they have all gone. The group
 * is not the terminal's foreground group, so Ctrl-C (SIGINT), SIGTERM and SIGHUP sent to this
 * process are passed on to it. Exits as the command did: with its code, or by its signal.
 */
import { spawn } from 'node:child_process';

const [guardMs, command, ...args] = process.argv.slice(2);
if (guardMs === undefined || command === undefined || !(Number(guardMs) > 0))
  throw new RangeError(
    `guardProcessGroup: expected <ms> <command> [args…], found ${JSON.stringify(process.argv.slice(2))}`,
  );

// detached: a session, and so a process group, of its own, whose id is the command's pid.
const child = spawn(command, args, { stdio: 'inherit', detached: true });
const endGroup = (signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // ESRCH: nothing of the group is left.
  }
};

child.on('error', (error) => {
  console.error(`guardProcessGroup: could not start ${command}: ${error.message}`);
  process.exit(1);
});

const PASSED_ON = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
for (const signal of PASSED_ON) process.on(signal, () => endGroup(signal));

const guard = setTimeout(() => {
  console.error(
    `guardProcessGroup: ${[command, ...args].join(' ')} still running after ${guardMs} ms (the hang guard); ended it and every process it started`,
  );
  endGroup('SIGKILL');
}, Number(guardMs));

child.on('exit', (code, signal) => {
  clearTimeout(guard);
  endGroup('SIGKILL');
  if (signal === null) process.exit(code ?? 1);
  for (const passed of PASSED_ON) process.removeAllListeners(passed);
  process.kill(process.pid, signal);
});
