// The parse floor of issue 7: read every file under the workspace's
// annotation root and parse every YAML file with `yaml.parseDocument`,
// nothing else. A `check` can hardly be faster than this without a cache
// (or a faster parser), so the benchmark reports check time as a multiple
// of it.
//
//   node bench/floor.mjs <workspace folder> [annotation root, default: annotations]
//
// Prints one line of JSON: files read, YAML files parsed, bytes, parse errors.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const workspace = process.argv[2] ?? '.';
const root = join(workspace, process.argv[3] ?? 'annotations');

function listFiles(folder, found) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) listFiles(full, found);
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

let bytes = 0;
let yamlFiles = 0;
let parseErrors = 0;
const files = listFiles(root, []);
for (const file of files) {
  const content = readFileSync(file, 'utf8');
  bytes += content.length;
  if (/\.ya?ml$/i.test(file)) {
    yamlFiles++;
    parseErrors += parseDocument(content).errors.length;
  }
}
console.log(JSON.stringify({ files: files.length, yamlFiles, chars: bytes, parseErrors }));
