import { hasSafeFix } from '../diagnosticCodes';
import type { CoreDiagnostic } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { fixAliasConflict, fixUnusedAlias } from './aliasFixes';
import { fixAmbiguousQuote, fixNormalizedQuote, fixStaleQuote } from './anchorFixes';
import type { CodeFix } from './codeFix';
import { fixUnknownId } from './idFixes';
import { fixDuplicateRelation } from './relationFixes';

export interface QuickFixOptions {
  /** Only the catalogue's `fix`es, without computing suggestions (for `check --fix`). */
  fixesOnly?: boolean;
}

/** The quick fixes for one diagnostic, computed against the files' current contents. */
export function quickFixes(index: WorkspaceView, diagnostic: CoreDiagnostic, options: QuickFixOptions = {}): CodeFix[] {
  if (options.fixesOnly && !hasSafeFix(diagnostic.code)) return [];
  const fixes = fixesFor(index, diagnostic, options);
  return options.fixesOnly ? fixes.filter((fix) => fix.safety === 'fix') : fixes;
}

function fixesFor(index: WorkspaceView, diagnostic: CoreDiagnostic, options: QuickFixOptions): CodeFix[] {
  switch (diagnostic.code) {
    case 'unknown-actor':
      return fixUnknownId(index, diagnostic, 'actors', options.fixesOnly);
    case 'unknown-concept':
      return fixUnknownId(index, diagnostic, 'concepts', options.fixesOnly);
    case 'quote-ambiguous':
      return fixAmbiguousQuote(index, diagnostic);
    case 'quote-stale':
      return fixStaleQuote(index, diagnostic);
    case 'quote-normalized':
      return fixNormalizedQuote(index, diagnostic);
    case 'alias-conflict':
      return fixAliasConflict(index, diagnostic);
    case 'alias-unused':
      return fixUnusedAlias(index, diagnostic);
    case 'relation-duplicate':
      return fixDuplicateRelation(index, diagnostic);
    default:
      return [];
  }
}
