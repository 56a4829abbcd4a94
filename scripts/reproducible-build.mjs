// Builds the site twice from clean and compares every file in dist/ byte for byte.
//
// The second build runs with the clock moved to 2099 (scripts/lib/shiftedClock.mjs) and in
// UTC−11, where a date taken at midnight UTC falls on the previous day, so output that depends
// on when or where it was built shows up as a difference. The site prints no build date; one that is ever added must come from the data,
// the content or SOURCE_DATE_EPOCH. Leaves dist/ from the second build in place.
//
// Exit status: 0 identical, 1 a build failed, 3 the builds differ (the differing files are listed).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'swis-repro-'));
const clean = () => {
  for (const dir of [
    'dist',
    'out',
    '.astro',
    'node_modules/.astro',
    'node_modules/.astro-content',
    'node_modules/.vite',
  ])
    rmSync(join(root, dir), { recursive: true, force: true });
};
const build = (env) =>
  spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  }).status === 0;
const files = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();

clean();
if (!build({})) process.exit(1);
renameSync(join(root, 'dist'), join(scratch, 'dist'));
clean();
const shifted = `--import=${pathToFileURL(join(root, 'scripts/lib/shiftedClock.mjs')).href}`;
if (!build({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${shifted}`.trim(), TZ: 'Pacific/Pago_Pago' }))
  process.exit(1);

const first = files(join(scratch, 'dist'));
const second = files(join(root, 'dist'));
const differ = [
  ...first.filter((f) => !second.includes(f)).map((f) => `only in the first build: ${f}`),
  ...second.filter((f) => !first.includes(f)).map((f) => `only in the second build: ${f}`),
  ...first
    .filter((f) => second.includes(f))
    .filter((f) => !readFileSync(join(scratch, 'dist', f)).equals(readFileSync(join(root, 'dist', f))))
    .map((f) => `differs: ${f}`),
];
rmSync(scratch, { recursive: true, force: true });
if (differ.length > 0) {
  console.error(
    `reproducible-build: ${differ.length} of ${first.length} files differ between two clean builds`,
  );
  for (const d of differ.slice(0, 50)) console.error(`  ${d}`);
  process.exit(3);
}
console.log(
  `reproducible-build: all ${first.length} files in dist/ are byte-identical across two clean builds (the second with the clock at 2099, in UTC−11)`,
);
