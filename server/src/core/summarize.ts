import type { WorkspaceView } from './workspace/workspaceView';

export interface TextSummary {
  uri: string;
  title?: string;
  claims: number;
  /** Claims whose quote resolved to one place. */
  anchoredClaims: number;
  mentions: number;
  explicitMentions: number;
  /** Distinct actors mentioned. */
  actors: number;
}

export interface WorkspaceSummary {
  actors: number;
  concepts: number;
  annotationFiles: number;
  texts: TextSummary[];
}

/** Counts of what the workspace holds, per text: for `policy-annotator check --summary`. */
export function summarizeWorkspace(index: WorkspaceView): WorkspaceSummary {
  const texts: TextSummary[] = [];
  for (const uri of index.referencedTexts()) {
    const analysis = index.analysis(uri);
    const title = index.annotationsOf(uri).map((a) => index.annotationFile(a)?.textAnnotation?.title?.value).find((t) => t);
    texts.push({
      uri,
      ...(title ? { title } : {}),
      claims: analysis?.claims.length ?? 0,
      anchoredClaims: analysis?.claims.filter((c) => c.result.span).length ?? 0,
      mentions: analysis?.mentions.length ?? 0,
      explicitMentions: analysis?.mentions.filter((m) => m.source === 'explicit').length ?? 0,
      actors: new Set(analysis?.mentions.map((m) => m.actorId)).size,
    });
  }
  return {
    actors: index.actorIds().length,
    concepts: index.conceptIds().length,
    annotationFiles: index.annotationFiles().length,
    texts,
  };
}
