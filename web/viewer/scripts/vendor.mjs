// Copies the browser builds of the viewer's npm dependencies into
// web/viewer/vendor/ (git-ignored), so `policykg serve` serves them from its
// one fixed asset directory: no CDN, no mapping into node_modules.
// Run by `npm ci` (postinstall) or `npm run vendor`. Fails loudly when a file
// is missing, naming the package to reinstall.
import { copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const modules = join(here, 'node_modules');
const vendor = join(here, 'vendor');

// [source inside node_modules, name under vendor/]
const files = [
  ['cytoscape/dist/cytoscape.min.js', 'cytoscape.min.js'],
  ['layout-base/layout-base.js', 'layout-base.js'],
  ['cose-base/cose-base.js', 'cose-base.js'],
  ['cytoscape-fcose/cytoscape-fcose.js', 'cytoscape-fcose.js'],
];

mkdirSync(vendor, { recursive: true });
let failed = false;
for (const [src, dst] of files) {
  const from = join(modules, src);
  if (!existsSync(from)) {
    console.error(`vendor: missing ${from}; run "npm ci" in ${here}`);
    failed = true;
    continue;
  }
  copyFileSync(from, join(vendor, dst));
}
if (failed) process.exit(1);
console.log(`vendor: ${files.length} files copied to ${vendor}`);
