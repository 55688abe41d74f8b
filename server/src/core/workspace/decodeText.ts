/** Bytes read from a file or a git blob, as the text the core reads. */
import type { FileRead } from './loadWorkspace';

const BINARY_SAMPLE = 8192;

/** UTF-8 text without its byte-order mark, or why the bytes are not text. */
export function decodeText(bytes: Uint8Array): FileRead {
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  if (sample.includes(0)) return { problem: { kind: 'binary' } };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { content: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { problem: { kind: 'invalid-encoding' } };
  }
}
