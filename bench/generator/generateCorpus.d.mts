// Types of generateCorpus.mjs, for the TypeScript test that runs the
// generator through the core (test/unit/benchGenerator.test.ts).

export interface CorpusSpec {
  scale: number;
  texts: number;
  actors: number;
  concepts: number;
  claimsPerText: number;
  mentionsPerText: number;
  actorsPerFile: number;
  textLength: number;
}

export interface CorpusCounts {
  texts: number;
  actors: number;
  aliases: number;
  concepts: number;
  claims: number;
  explicitMentions: number;
  normalisedQuotes: number;
  selectorsWithContext: number;
  annotationFiles: number;
  bytes: number;
}

export interface ManifestText {
  id: string;
  /** Workspace-relative paths. */
  textPath: string;
  annotationPath: string;
  /** Alias occurrences (text offsets) to hover over, with the actor they mention. */
  hoverTargets: { start: number; end: number; actorId: string }[];
  /** Where each claim's quote is in the text. */
  claims: { id: string; start: number; end: number }[];
}

/** Renaming `alias` makes `actorId` unmentioned in these annotation files' texts, where it is a claimant. */
export interface AliasEdit {
  actorId: string;
  alias: string;
  actorsFile: string;
  affectedAnnotationFiles: string[];
}

export interface CorpusManifest {
  generatorVersion: number;
  seed: string;
  spec: CorpusSpec;
  counts: CorpusCounts;
  actorsFiles: string[];
  conceptsFile: string;
  texts: ManifestText[];
  aliasEdits: AliasEdit[];
  actorNames: Record<string, string>;
}

export const GENERATOR_VERSION: number;
export const DEFAULT_SEED: string;
export const BASE_SPEC: Omit<CorpusSpec, 'scale'>;
export function corpusSpec(scale: number): CorpusSpec;
export function generateCorpus(spec: CorpusSpec, emit: (path: string, content: string) => void, options?: { seed?: string }): CorpusManifest;
export function generateCorpusInMemory(spec: CorpusSpec, options?: { seed?: string }): { files: Record<string, string>; manifest: CorpusManifest };
