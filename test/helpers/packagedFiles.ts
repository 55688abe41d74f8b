/** What the packages (the .vsix and the npm tarball) must ship, read from the repository. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { linksOf } from './markdownDocs';
import { REPO_ROOT } from './tempWorkspace';

/** The files of a repository folder whose names end with `suffix`, as repository-relative paths. */
export function filesIn(folder: string, suffix: string): string[] {
  return readdirSync(path.join(REPO_ROOT, folder), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => `${folder}/${entry.name}`);
}

/** What both packages ship besides code: the documents (the README links to each), the schemas and the screenshots. */
export function sharedPackageFiles(): string[] {
  return [
    'CHANGELOG.md',
    'CONTRIBUTING.md',
    'LICENSE',
    'README.md',
    ...filesIn('docs', '.md'),
    ...filesIn('docs/images', '.png'),
    ...filesIn('examples', ''),
    'dist/parseWorker.js',
    'dist/server.js',
    'package.json',
    'schemas/annotation-file.schema.json',
    'schemas/policy-annotator.schema.json',
  ];
}

/** Every relative link and image in the README points at a file the package ships, so none is dead where the package is read. */
export function assertReadmeLinksShipped(shipped: string[], where: string): void {
  const targets = linksOf(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'))
    .map((link) => link.target.split('#')[0])
    .filter((target) => target !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(target));
  assert.ok(targets.length >= 5, 'the README links to its reference pages');
  const missing = targets.filter((target) => !shipped.includes(path.posix.normalize(target)));
  assert.deepEqual(missing, [], `links in README.md to files that ${where} does not ship`);
}
