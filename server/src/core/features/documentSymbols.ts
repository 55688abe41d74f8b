import type { ClaimDef, Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { Anchored } from '../workspace/workspaceView';
import { oneLine } from './markdown';
import { textSections } from './textSections';

export type SymbolCategory = 'actor' | 'entity' | 'concept' | 'claim' | 'heading' | 'question';

/** A symbol of a document's outline. `selection` lies within `range`. */
export interface DocumentSymbolEntry {
  name: string;
  detail?: string;
  category: SymbolCategory;
  range: Span;
  selection: Span;
  children: DocumentSymbolEntry[];
}

/** The outline of a file: actors, entities, concepts and claims in YAML; sections and the claims in them in a text. */
export function documentSymbols(index: WorkspaceView, uri: string): DocumentSymbolEntry[] {
  const file = index.annotationFile(uri);
  if (file) {
    const symbols: DocumentSymbolEntry[] = [];
    for (const actor of file.actors) {
      const detail = [actor.name?.value, actor.kind?.value].filter((part) => part !== undefined).join(' · ');
      symbols.push(symbol(actor.id?.value ?? actor.name?.value ?? '(actor without id)', 'actor', actor.range, actor.id?.range, detail));
    }
    for (const entity of file.entities) {
      const detail = [entity.name?.value, entity.kind?.value].filter((part) => part !== undefined).join(' · ');
      symbols.push(symbol(entity.id?.value ?? entity.name?.value ?? '(entity without id)', 'entity', entity.range, entity.id?.range, detail));
    }
    for (const concept of file.concepts) {
      symbols.push(symbol(concept.id?.value ?? '(concept without id)', 'concept', concept.range, concept.id?.range, concept.label?.value));
    }
    for (const claim of file.textAnnotation?.claims ?? []) {
      symbols.push(symbol(claim.id?.value ?? '(claim without id)', 'claim', claim.range, claim.id?.range, claimDetail(claim)));
    }
    return symbols;
  }
  const analysis = index.analysis(uri);
  if (!analysis) return [];
  const claims = analysis.claims.filter((claim) => claim.result.span).sort((a, b) => a.result.span!.start - b.result.span!.start);
  const sections = textSections(analysis.text.text);
  const topLevel: DocumentSymbolEntry[] = [];
  const sectionSymbols = sections.map((section) => symbol(oneLine(section.title, 120), section.kind, section.range, section.headingRange));
  let next = 0;
  for (const claim of claims) {
    const span = claim.result.span!;
    while (next < sections.length && sections[next].range.start <= span.start) {
      topLevel.push(sectionSymbols[next]);
      next++;
    }
    const section = next > 0 ? sections[next - 1] : undefined;
    const entry = claimInText(claim);
    if (section && span.end <= section.range.end) sectionSymbols[next - 1].children.push(entry);
    else topLevel.push(entry);
  }
  topLevel.push(...sectionSymbols.slice(next));
  return topLevel;
}

function claimInText(claim: Anchored<ClaimDef>): DocumentSymbolEntry {
  const span = claim.result.span!;
  return symbol(claim.def.id?.value ?? oneLine(claim.def.quote?.value ?? '', 40), 'claim', span, span, claimDetail(claim.def));
}

function claimDetail(claim: ClaimDef): string {
  return [claim.claimant?.value, claim.type?.value, claim.stance && claim.concept ? `${claim.stance.value} ${claim.concept.value}` : undefined]
    .filter((part) => part !== undefined)
    .join(' · ');
}

function symbol(name: string, category: SymbolCategory, range: Span, selection: Span | undefined, detail?: string): DocumentSymbolEntry {
  return { name, category, range, selection: selection ?? range, children: [], ...(detail ? { detail } : {}) };
}
