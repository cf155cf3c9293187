// Writes lib/versions.json for the package in the current directory: the
// versions of the given sibling packages, and the exact third-party pins they
// build against. The project type stamps these into generated repos, so a
// team repo gets exactly the versions this release was tested with.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const read = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const self = read('.');
const siblings = process.argv.slice(2).map(read);
const exact = /^\d+\.\d+\.\d+$/;

const packages = { [self.name]: self.version };
const thirdParty = {};
for (const pkg of [self, ...siblings]) {
  packages[pkg.name] = pkg.version;
  for (const [name, range] of Object.entries(pkg.devDependencies ?? {})) {
    if (exact.test(range) && !name.startsWith('@ecs-batch/')) thirdParty[name] = range;
  }
}
mkdirSync('lib', { recursive: true });
writeFileSync(join('lib', 'versions.json'), JSON.stringify({ packages, thirdParty }, null, 2) + '\n');
