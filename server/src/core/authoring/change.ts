import type { Span } from '../model';
import type { TextEdit } from '../edits/textEdit';

/**
 * An authoring command's result: minimal edits to one annotation file (or
 * the content of a file to create), and where the new entry lies once the
 * edits are applied, so the editor can reveal it.
 */
export interface AuthoringChange {
  /** The annotation file that is written to. */
  uri: string;
  /** True when the file does not exist yet: the change creates it with `edits` inserted into it. */
  create: boolean;
  /** Edits against the file's current content ('' for a file to create). Never overlapping. */
  edits: TextEdit[];
  /** The file's content after the edits. */
  newContent: string;
  /** The new entry in `newContent`. */
  reveal: Span;
  /** What was written, for messages: "claim `isi-creation-group` in pakistan-taliban-qa.yaml". */
  summary: string;
  /** Things the analyst should know, such as an alias that another actor already has. */
  warnings: string[];
}

/** A change, or the reason there is none, phrased for the analyst. */
export type AuthoringResult = { ok: true; change: AuthoringChange } | { ok: false; message: string };

export function refuse(message: string): AuthoringResult {
  return { ok: false, message };
}
