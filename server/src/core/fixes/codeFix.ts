import { fixSafety, type FixSafety } from '../diagnosticCodes';
import type { CoreDiagnostic } from '../model';
import type { TextEdit } from '../edits/textEdit';

/** A fix or refactoring: a title for the menu and the minimal edits it makes. */
export interface CodeFix {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  edits: TextEdit[];
  /** Its id in the catalogue of diagnostic codes (`DIAGNOSTIC_CODES[code].fixes`). */
  fixId?: string;
  /**
   * `fix`: safe and certain, so `check --fix` applies it; `suggestion`: it
   * deletes something or picks one of several candidates, so only a person may.
   */
  safety: FixSafety;
  /** The one fix an editor may apply on its own ("fix all", auto-fix): exactly the `fix`es. */
  isPreferred?: boolean;
  /** The diagnostic it fixes. */
  diagnostic?: CoreDiagnostic;
  /** A command the server runs when it is chosen (with no edits: e.g. dismissing a difference for the session). */
  command?: { command: string; arguments: unknown[] };
  /** Files it creates, with their content (never over an existing file: the editor refuses the edit then). */
  createFiles?: { uri: string; content: string }[];
}

/** A quick fix for a diagnostic, a `fix` or a `suggestion` as the catalogue records for `fixId`. */
export function quickFix(diagnostic: CoreDiagnostic, fixId: string, title: string, edits: TextEdit[]): CodeFix {
  const safety = fixSafety(diagnostic.code, fixId);
  return { title, kind: 'quickfix', edits, fixId, safety, ...(safety === 'fix' ? { isPreferred: true } : {}), diagnostic };
}
