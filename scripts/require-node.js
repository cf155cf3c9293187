// Stops `npm run new` and `npm test` at once on a Node older than the monorepo needs,
// in one line, instead of failing minutes later inside the build or Verdaccio.
// Plain old JavaScript on purpose: it must parse on any Node.
'use strict';
var want = 22;
var have = Number(process.versions.node.split('.')[0]);
if (have < want) {
  process.stderr.write('ecs-batch needs Node ' + want + ' or later, and this is Node ' + process.versions.node
    + ': run `nvm use ' + want + '` (or install Node ' + want + '), or run `.ci/run`, which brings Node ' + want + ' itself.\n');
  process.exit(1);
}
