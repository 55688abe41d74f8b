// Types of hostileAnchoring.mjs, for the TypeScript tests that run its cases.

export type HostileCaseName = 'ambiguous-a' | 'approximate-aax' | 'lost-quotes' | 'many-claims';

export const HOSTILE_CASES: HostileCaseName[];

export interface HostileCase {
  /** File contents by workspace-relative path. */
  files: Record<string, string>;
  /** What a correct check reports: the code of every diagnostic (none when undefined), how many, and for an ambiguous quote its count. */
  expect: { code: string | undefined; diagnostics: number; occurrences?: number };
}

export function hostileAnchoringCase(name: HostileCaseName, scale?: number): HostileCase;
