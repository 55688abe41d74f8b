import { annotationRoots } from '../workspace/loadWorkspace';
import { basenameUri, dirnameUri, isUnder, joinUri } from '../uris';
import type { WorkspaceView } from '../workspace/workspaceView';
import { URI } from 'vscode-uri';

/** An annotation file to write to: one that exists (with its current content), or one to create. */
export type TargetFile = { uri: string; exists: true; content: string } | { uri: string; exists: false };

/** The path of `to` relative to the folder `fromFolder`, with forward slashes ("../texts/a.txt"). */
export function relativePathBetween(fromFolder: string, to: string): string {
  const from = URI.parse(fromFolder).path.split('/').filter((s) => s !== '');
  const target = URI.parse(to).path.split('/').filter((s) => s !== '');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  return [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

/** The first annotation root of the index's workspace folder. */
function firstRoot(index: WorkspaceView): string | undefined {
  const folder = index.workspaceFolders[0];
  return folder === undefined ? undefined : annotationRoots(folder, index.config)[0];
}

/** A file name under the first annotation root that nothing uses yet: `name.yaml`, `name-2.yaml`, … */
function freshFileUnderRoot(index: WorkspaceView, stem: string): string | undefined {
  const root = firstRoot(index);
  if (!root) return undefined;
  for (let n = 1; ; n++) {
    const uri = joinUri(root, `${stem}${n === 1 ? '' : `-${n}`}.yaml`);
    if (index.content(uri) === undefined && !index.isAnnotationFile(uri)) return uri;
  }
}

function existing(index: WorkspaceView, uri: string): TargetFile | undefined {
  const content = index.content(uri);
  return content === undefined ? undefined : { uri, exists: true, content };
}

/**
 * The annotation file that records claims and mentions of a text: the first
 * (by path) whose `text:` points at it, preferring one that already has
 * claims; or, when there is none, a new file in the first annotation root
 * named after the text, with the `text:` path it needs.
 */
export function annotationFileForText(index: WorkspaceView, textUri: string): { target: TargetFile; textPath?: string } | undefined {
  const annotating = index.annotationsOf(textUri);
  const withClaims = annotating.find((uri) => (index.annotationFile(uri)?.textAnnotation?.claims.length ?? 0) > 0);
  for (const uri of withClaims ? [withClaims, ...annotating] : annotating) {
    const target = existing(index, uri);
    if (target) return { target };
  }
  const stem = basenameUri(textUri).replace(/\.[^.]*$/, '') || 'text';
  const uri = freshFileUnderRoot(index, stem);
  if (!uri) return undefined;
  return { target: { uri, exists: false }, textPath: relativePathBetween(dirnameUri(uri), textUri) };
}

/** The file that holds most actor definitions, or a new `actors.yaml` in the first annotation root. */
export function actorRegistryFile(index: WorkspaceView): TargetFile | undefined {
  let best: { uri: string; count: number } | undefined;
  for (const file of index.annotationFiles()) {
    if (file.actors.length > 0 && (!best || file.actors.length > best.count)) best = { uri: file.uri, count: file.actors.length };
  }
  const found = best && existing(index, best.uri);
  if (found) return found;
  const uri = freshFileUnderRoot(index, 'actors');
  return uri ? { uri, exists: false } : undefined;
}

/** True when a text lies in the index's workspace folder, so an annotation file there may point at it. */
export function isInWorkspace(index: WorkspaceView, uri: string): boolean {
  return index.workspaceFolders.some((folder) => isUnder(uri, folder));
}
