import type { CoreDiagnostic } from '../model';
import type { WorkspaceIndex } from '../workspaceIndex';
import { fixAliasConflict, fixUnusedAlias } from './aliasFixes';
import { fixAmbiguousQuote, fixNormalizedQuote, fixStaleQuote } from './anchorFixes';
import type { CodeFix } from './codeFix';
import { fixUnknownId } from './idFixes';
import { fixDuplicateRelation } from './relationFixes';

/** The quick fixes for one diagnostic, computed against the files' current contents. */
export function quickFixes(index: WorkspaceIndex, diagnostic: CoreDiagnostic): CodeFix[] {
  switch (diagnostic.code) {
    case 'unknown-actor':
      return fixUnknownId(index, diagnostic, 'actors');
    case 'unknown-concept':
      return fixUnknownId(index, diagnostic, 'concepts');
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
