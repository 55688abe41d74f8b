import type { CoreDiagnostic } from '../model';
import type { TextEdit } from '../edits/textEdit';

/** A fix or refactoring: a title for the menu and the minimal edits it makes. */
export interface CodeFix {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  edits: TextEdit[];
  /** The one fix an editor may apply on its own ("fix all", auto-fix). */
  isPreferred?: boolean;
  /** The diagnostic it fixes. */
  diagnostic?: CoreDiagnostic;
}
