import { hasSafeFix } from '../diagnosticCodes';
import type { CoreDiagnostic } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { CurationCache } from '../agreement/curationCache';
import type { CuratedWorkspace } from '../agreement/curationModel';
import { fixAliasConflict, fixUnusedAlias } from './aliasFixes';
import { fixAmbiguousQuote, fixNormalizedQuote, fixStaleQuote } from './anchorFixes';
import type { CodeFix } from './codeFix';
import { curationFixes } from './curationFixes';
import { fixUnknownId } from './idFixes';
import { fixDuplicateRelation } from './relationFixes';

export interface QuickFixOptions {
  /** Only the catalogue's `fix`es, without computing suggestions (for `check --fix`). */
  fixesOnly?: boolean;
  /** While comparing with another annotator: my workspace and theirs, for the curation codes' actions. */
  curation?: { mine: CuratedWorkspace; theirs: CuratedWorkspace; cache?: CurationCache };
}

/** The quick fixes for one diagnostic, computed against the files' current contents. */
export function quickFixes(index: WorkspaceView, diagnostic: CoreDiagnostic, options: QuickFixOptions = {}): CodeFix[] {
  if (options.fixesOnly && !hasSafeFix(diagnostic.code)) return [];
  const fixes = fixesFor(index, diagnostic, options);
  return options.fixesOnly ? fixes.filter((fix) => fix.safety === 'fix') : fixes;
}

/** The curation codes' actions, while comparing with another annotator. */
function curationFixesOf(diagnostic: CoreDiagnostic, options: QuickFixOptions): CodeFix[] {
  return options.curation ? curationFixes(options.curation.mine, options.curation.theirs, diagnostic, options.curation.cache) : [];
}

type FixProvider = (index: WorkspaceView, diagnostic: CoreDiagnostic, options: QuickFixOptions) => CodeFix[];

/** Who computes the fixes of each code that has any. */
const FIX_PROVIDERS: Partial<Record<string, FixProvider>> = {
  'unknown-actor': (index, diagnostic, options) => fixUnknownId(index, diagnostic, 'actors', options.fixesOnly),
  'unknown-concept': (index, diagnostic, options) => fixUnknownId(index, diagnostic, 'concepts', options.fixesOnly),
  'quote-ambiguous': fixAmbiguousQuote,
  'quote-stale': fixStaleQuote,
  'quote-normalized': fixNormalizedQuote,
  'alias-conflict': fixAliasConflict,
  'alias-unused': fixUnusedAlias,
  'relation-duplicate': fixDuplicateRelation,
  'annotator-differs': (_index, diagnostic, options) => curationFixesOf(diagnostic, options),
  'annotator-only': (_index, diagnostic, options) => curationFixesOf(diagnostic, options),
  'annotator-missing': (_index, diagnostic, options) => curationFixesOf(diagnostic, options),
  'annotator-mention': (_index, diagnostic, options) => curationFixesOf(diagnostic, options),
  'annotator-text': (_index, diagnostic, options) => curationFixesOf(diagnostic, options),
};

function fixesFor(index: WorkspaceView, diagnostic: CoreDiagnostic, options: QuickFixOptions): CodeFix[] {
  const provider = Object.hasOwn(FIX_PROVIDERS, diagnostic.code) ? FIX_PROVIDERS[diagnostic.code] : undefined;
  return provider ? provider(index, diagnostic, options) : [];
}
