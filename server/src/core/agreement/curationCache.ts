/**
 * The differences of each of my texts with theirs, computed once per
 * version of my text's analysis. The analysis (WorkspaceView.analysis) is a
 * new object whenever the text, an annotation file of it, or the aliases
 * that reach it change; their workspace never changes during a comparison.
 * So a cached entry is current exactly while my view, its configuration
 * and the text's analysis are the same objects: every diagnostics request
 * and code action after the first reads the cache.
 */
import type { WorkspaceConfig } from '../config';
import type { TextAnalysis, WorkspaceView } from '../workspace/workspaceView';
import { textDifferences } from './curation';
import type { CuratedWorkspace, CurationDifference } from './curationModel';

interface Entry {
  view: WorkspaceView;
  config: WorkspaceConfig;
  analysis: TextAnalysis;
  differences: CurationDifference[];
}

export class CurationCache {
  private readonly byText = new Map<string, Entry>();
  /** How many times differences were computed (not read from the cache): for tests. */
  computations = 0;

  constructor(readonly theirs: CuratedWorkspace) {}

  /** My text's differences with theirs, from the cache while my text, its annotations and the registry are unchanged. */
  differences(mine: CuratedWorkspace, textUri: string): CurationDifference[] {
    const analysis = mine.view.analysis(textUri);
    if (!analysis) {
      this.byText.delete(textUri);
      return [];
    }
    const cached = this.byText.get(textUri);
    if (cached && cached.analysis === analysis && cached.view === mine.view && cached.config === mine.view.config) return cached.differences;
    const differences = textDifferences(mine, this.theirs, textUri);
    this.computations++;
    this.byText.set(textUri, { view: mine.view, config: mine.view.config, analysis, differences });
    return differences;
  }
}
