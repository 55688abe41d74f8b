// Types of cases.mjs, for the bad-input suite (test/robustness/hostileCases.test.ts).

export interface HostileCase {
  /** The item's number in the security review (issue 13). */
  item: number;
  name: string;
  /** The case's size in the review's terms. */
  size: string;
  /** Writes the workspace into `dir`. */
  build(dir: string): void;
  /** A request the review timed on this case. */
  request?: 'documentSymbol';
  /** Output formats whose size the review measured. */
  formats?: string[];
}

export const CONTROL: {
  textPath: string;
  text: string;
  hoverOffset: number;
  actorId: string;
};

export const HOSTILE_CASES: HostileCase[];
