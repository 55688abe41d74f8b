/** Reads git blobs by object id, many through one process; supplied by the Node entry point. */
export interface GitBlobReader {
  /** The blob's bytes, or undefined when git has no such object (or could not run). */
  read(oid: string): Promise<Buffer | undefined>;
  /** Ends the process; reads after this start a new one. */
  close(): void;
}
