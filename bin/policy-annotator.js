#!/usr/bin/env node
'use strict';
// The `policy-annotator` command: the bundled CLI in dist/, built by `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('policy-annotator: the CLI is not built yet. Run `npm run build` in ' + path.join(__dirname, '..') + '.\n');
  process.exit(2);
}
require(bundle);
