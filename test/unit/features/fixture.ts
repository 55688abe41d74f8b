import { namedFixture, parseFixture } from '../../helpers/fixture';
import { loadMemoryWorkspace, uriOf, withCursor } from '../../helpers/memoryWorkspace';
import type { WorkspaceIndex } from '../../../server/src/core';

/** A small workspace for feature tests: three actors, a concept, a text and its claims (test/fixtures/feature-workspace.txtar). */
export const ARTICLE = 'The ISI backs the Taliban. Imran Khan said the Taliban are “normal civilians.” The ISI denies it. The agency is secretive.';

const WORKSPACE_FILES = parseFixture(namedFixture('feature-workspace'));

export const ACTORS = WORKSPACE_FILES['annotations/actors.yaml'];
export const CONCEPTS = WORKSPACE_FILES['annotations/concepts.yaml'];
export const CLAIMS = WORKSPACE_FILES['annotations/claims.yaml'];

export const FILES: Record<string, string> = {
  'annotations/texts/a.txt': ARTICLE,
  'annotations/actors.yaml': ACTORS,
  'annotations/concepts.yaml': CONCEPTS,
  'annotations/claims.yaml': CLAIMS,
};

export const TEXT_URI = uriOf('annotations/texts/a.txt');
export const ACTORS_URI = uriOf('annotations/actors.yaml');
export const CLAIMS_URI = uriOf('annotations/claims.yaml');
export const CONCEPTS_URI = uriOf('annotations/concepts.yaml');

export async function fixtureIndex(overrides: Record<string, string> = {}): Promise<WorkspaceIndex> {
  return (await loadMemoryWorkspace({ ...FILES, ...overrides })).index;
}

/**
 * The index with one file replaced by a version holding a cursor mark (‸),
 * and the cursor's offset: `cursorIn('annotations/claims.yaml', CLAIMS.replace('claimant: imran', 'claimant: imr‸an'))`.
 */
export async function cursorIn(path: string, marked: string, overrides: Record<string, string> = {}): Promise<{ index: WorkspaceIndex; uri: string; offset: number; text: string }> {
  const { text, offset } = withCursor(marked);
  const index = await fixtureIndex({ ...overrides, [path]: text });
  return { index, uri: uriOf(path), offset, text };
}

/** Marks the n-th (0-based) occurrence of `needle` in `text`, `at` characters into it. */
export function mark(text: string, needle: string, at = 0, occurrence = 0): string {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return `${text.slice(0, index + at)}‸${text.slice(index + at)}`;
}
