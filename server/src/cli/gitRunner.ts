/** The outcome of running git. */
export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs git with these arguments in a folder; supplied by the Node entry point. */
export type GitRunner = (args: string[], cwd: string) => Promise<GitResult>;
