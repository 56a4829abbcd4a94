import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Whether the module at `moduleUrl` (its `import.meta.url`) is the script Node was started with,
 * rather than imported: a command runs its main only then, so tests can import main and run it
 * in-process. (`import.meta.main` says the same from Node 24; this project runs on Node 22.)
 */
export function invokedAsScript(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && realpathSync(script) === fileURLToPath(moduleUrl);
}
