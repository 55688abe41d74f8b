import { basenameUri, canonicalUri, relativePath } from '../uris';
import type { WorkspaceView } from '../workspace/workspaceView';
import { DEFAULT_BASE_IRI, type ExportOptions } from './exportTypes';

/** A file's path relative to the workspace folder, with forward slashes (its base name when outside). */
export function workspacePath(options: ExportOptions, uri: string): string {
  return relativePath(canonicalUri(options.workspaceFolder), canonicalUri(uri)) ?? basenameUri(uri);
}

/**
 * Output base names (without extension) for texts, mirroring their
 * workspace-relative paths: `annotations/texts/a.txt` becomes
 * `annotations/texts/a`; another extension is kept (`report.md` becomes
 * `report.md`), so `a.txt` and `a.md` never collide. Should two texts still
 * map to one name, the later ones get `-2`, `-3`, ….
 */
export function outputBaseNames(textPaths: string[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const textPath of [...textPaths].sort()) {
    const base = textPath.replace(/\.txt$/i, '');
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    names.set(textPath, name);
  }
  return names;
}

/** Percent-encodes a workspace-relative path segment by segment, keeping the slashes. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Names workspace files and what they define as absolute IRIs under a base. */
export class IriMinter {
  readonly base: string;

  constructor(
    private readonly index: WorkspaceView,
    private readonly options: ExportOptions,
  ) {
    this.base = options.baseIri ?? DEFAULT_BASE_IRI;
  }

  /** The IRI of a workspace file, optionally with a fragment. */
  file(uri: string, fragment?: string): string {
    const iri = this.base + encodePath(workspacePath(this.options, uri));
    return fragment === undefined ? iri : `${iri}#${encodeURIComponent(fragment).replace(/%2F/g, '/')}`;
  }

  /** An actor's IRI: the place that defines it in the registry; undefined when no file does. */
  actor(id: string): string | undefined {
    const def = this.index.actor(id);
    return def ? this.file(def.uri, id) : undefined;
  }

  /** An entity's IRI (format v1.1), where a file defines it. */
  entity(id: string): string | undefined {
    const def = this.index.entity(id);
    return def ? this.file(def.uri, id) : undefined;
  }

  /** The IRI of an id of the actors' namespace: the actor's, else the entity's. */
  named(id: string): string | undefined {
    return this.actor(id) ?? this.entity(id);
  }

  /** A concept's IRI, where a file defines it. */
  concept(id: string): string | undefined {
    const def = this.index.concept(id);
    return def ? this.file(def.uri, id) : undefined;
  }
}

/** The Wikidata entity IRI for an item id such as Q843. */
export function wikidataIri(qid: string): string {
  return `http://www.wikidata.org/entity/${qid}`;
}

/** Whether a string is an absolute IRI (it has a scheme), as `--base-iri` must be. */
export function isAbsoluteIri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(value);
}
