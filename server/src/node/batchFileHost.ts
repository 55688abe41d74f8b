import { decodeText } from '../core/workspace/decodeText';
import type { FileRead } from '../core';
import { NodeFileHost, type SyncBytesReader } from './nodeFileHost';

/**
 * A `NodeFileHost` that reads each file synchronously (`SyncBytesReader`:
 * for a regular file one open, fstat, read and close, its folder's real
 * path resolved once), with the same answers. For a command with nothing
 * else to do while it reads thousands of small files (agreement): the
 * promise-based reads cost a realpath, a stat and a file handle per file,
 * and each of their completions a turn of the event loop. Never for the
 * language server, whose event loop must stay free.
 */
export class BatchReadingFileHost extends NodeFileHost {
  private reader: Promise<SyncBytesReader> | undefined;

  override async read(uri: string, limit: number): Promise<FileRead> {
    const reader = await (this.reader ??= this.syncReader());
    const read = reader.read(uri, limit);
    return 'bytes' in read ? decodeText(read.bytes) : read;
  }
}
