import { URI, Utils } from 'vscode-uri';

/** The last canonical spellings, by what was asked: every request canonicalises its document's URI, often more than once. */
const canonicalCache = new Map<string, string>();
const CANONICAL_CACHE_SIZE = 4096;
/** Longer URIs are not kept, so the cache stays small whatever it is asked. */
const CANONICAL_CACHE_MAX_LENGTH = 2048;

/** One canonical spelling of a URI, so that URIs from different sources compare equal. */
export function canonicalUri(uri: string): string {
  const cached = canonicalCache.get(uri);
  if (cached !== undefined) return cached;
  const canonical = URI.parse(uri).toString();
  if (uri.length <= CANONICAL_CACHE_MAX_LENGTH) {
    if (canonicalCache.size >= CANONICAL_CACHE_SIZE) canonicalCache.clear();
    canonicalCache.set(uri, canonical);
  }
  return canonical;
}

export function dirnameUri(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

/** Lone surrogates, which cannot be written in a URI. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Joins path segments to a URI. A lone surrogate in a segment (a damaged
 * `text:` path or root) stands for U+FFFD, which names no file that exists,
 * instead of making the URI unprintable.
 */
export function joinUri(base: string, ...segments: string[]): string {
  return Utils.joinPath(URI.parse(base), ...segments.map((segment) => segment.replace(LONE_SURROGATE, '\ufffd'))).toString();
}

export function basenameUri(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

/** True when `uri` is `folder` or lies inside it. */
export function isUnder(uri: string, folder: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return uri === folder || uri.startsWith(prefix);
}

/** The path of `uri` relative to `folder`, with forward slashes, or undefined when it is outside. */
export function relativePath(folder: string, uri: string): string | undefined {
  if (!isUnder(uri, folder)) return undefined;
  const folderPath = URI.parse(folder).path.replace(/\/$/, '');
  return URI.parse(uri).path.slice(folderPath.length + 1);
}

export type TextReference =
  | { kind: 'ok'; uri: string }
  | { kind: 'absolute' | 'outside-workspace' | 'empty'; uri?: undefined };

/**
 * Resolves a `text:` path, written relative to the annotation file, to a URI.
 * Absolute paths and paths that leave every workspace folder are refused, so
 * that an annotation file can never make us read outside the workspace.
 */
export function resolveTextReference(annotationUri: string, path: string, workspaceFolders: readonly string[]): TextReference {
  const trimmed = path.trim().replace(/\\/g, '/');
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('/') || /^[a-zA-Z]:\//.test(trimmed) || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(trimmed)) return { kind: 'absolute' };
  const uri = joinUri(dirnameUri(annotationUri), ...trimmed.split('/').filter((s) => s !== ''));
  if (workspaceFolders.length > 0 && !workspaceFolders.some((folder) => isUnder(uri, folder))) return { kind: 'outside-workspace' };
  return { kind: 'ok', uri };
}
