// The bad-input workspace: the committed fixtures of test/fixtures/bad-input,
// plus what is too large, binary or a symbolic link to commit, generated
// into a temporary folder beside an "outside" folder that holds a canary.
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/tempWorkspace';

export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'bad-input');

/** Planted in every file outside the workspace: no output may ever contain it. */
export const CANARY = 'CANARY-0d1f-refused-content-must-never-be-echoed';

export const MB = 1024 * 1024;

export interface BadInputWorkspace {
  /** The workspace folder. */
  dir: string;
  /** The folder beside it, outside the workspace, that holds the canary files. */
  outside: string;
  path(relative: string): string;
  write(relative: string, content: string): void;
  writeBytes(relative: string, content: Uint8Array): void;
  remove(relative: string): void;
  rename(from: string, to: string): void;
  dispose(): void;
}

export interface BadInputOptions {
  /** Also generate the 50 MB text and the 20 MB annotation file (default true). */
  large?: boolean;
}

/** Builds the bad-input workspace in a fresh temporary folder. */
export function createBadInputWorkspace(options: BadInputOptions = {}): BadInputWorkspace {
  const root = mkdtempSync(path.join(tmpdir(), 'policy-annotator-bad-input-'));
  const dir = path.join(root, 'workspace');
  const outside = path.join(root, 'outside');
  cpSync(FIXTURES, dir, { recursive: true });
  mkdirSync(outside);
  const at = (relative: string) => path.join(dir, ...relative.split('/'));
  const write = (relative: string, content: string | Uint8Array) => writeFileSync(at(relative), content);

  writeFileSync(path.join(outside, 'canary.txt'), `The ISI backs the Taliban. ${CANARY}\n`);
  writeFileSync(path.join(outside, 'canary.yaml'), `# ${CANARY}\nactors:\n  - id: canary\n    name: ${CANARY}\n    kind: person\n    aliases: [${CANARY}]\n`);
  mkdirSync(path.join(outside, 'annotations'));
  writeFileSync(path.join(outside, 'annotations', 'canary.yaml'), `# ${CANARY}\nactors: [${CANARY}\n`);

  // Nesting beyond the limits, in every shape the reader knows.
  write('annotations/limits/generated-deep-flow.yaml', `actors: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
  write('annotations/limits/generated-deep-indentation.yaml', `actors:\n${Array.from({ length: 400 }, (_, i) => `${' '.repeat(2 * i + 2)}- a${i}:`).join('\n')}\n`);
  write('annotations/limits/generated-deep-compact.yaml', `actors:\n  ${'- '.repeat(10_000)}x\n`);
  write('annotations/limits/generated-deep-flow-mapping.yaml', `claims: {${'a: '.repeat(20_000)}}\n`);
  write('annotations/limits/generated-many-keys.yaml', `${Array.from({ length: 20_000 }, (_, i) => `key-${i}: value`).join('\n')}\n`);

  // Bytes that are not UTF-8 text.
  write('annotations/encoding/generated-invalid-utf8.yaml', Buffer.concat([Buffer.from('text: ../texts/good.txt\ntitle: caf'), Buffer.from([0xe9, 0x20, 0xc3, 0x28]), Buffer.from('\n')]));
  write('annotations/encoding/generated-binary.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  write('annotations/texts/generated-image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  write('annotations/texts/generated-latin1.txt', Buffer.from('The ISI backs the Taliban, caf\xe9 au lait.\n', 'latin1'));

  // Symbolic links: a loop, and links that lead out of the workspace.
  symlinkSync(at('annotations/texts/generated-loop-b.txt'), at('annotations/texts/generated-loop-a.txt'));
  symlinkSync(at('annotations/texts/generated-loop-a.txt'), at('annotations/texts/generated-loop-b.txt'));
  symlinkSync(path.join(outside, 'canary.txt'), at('annotations/texts/generated-escape.txt'));
  symlinkSync(path.join(outside, 'canary.yaml'), at('annotations/paths/generated-linked-out.yaml'));

  if (options.large !== false) {
    // 50 MB of text (over the 20 MB default) and a 20 MB annotation file (over the 5 MB default).
    const line = 'The ISI backs the Taliban, and Pakistan denies it, again and again and again.\n';
    write('annotations/texts/generated-big.txt', Buffer.from(line.repeat(Math.ceil((50 * MB) / line.length))));
    const actor = (i: number) => `  - id: generated-${i}\n    name: Generated actor ${i}\n    kind: person\n    aliases: [Generated ${i}]\n`;
    const chunk = Array.from({ length: 1000 }, (_, i) => actor(i)).join('');
    write('annotations/limits/generated-big.yaml', `actors:\n${chunk.repeat(Math.ceil((20 * MB) / chunk.length))}`);
  }

  return {
    dir,
    outside,
    path: at,
    write,
    writeBytes: write,
    remove: (relative) => rmSync(at(relative)),
    rename: (from, to) => renameSync(at(from), at(to)),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
