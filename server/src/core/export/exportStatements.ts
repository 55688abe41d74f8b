import { sourceOf } from '../network/networkStatements';
import { stanceScore } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';
import { workspacePath } from './exportNaming';
import type { ExportOptions, ExportResult } from './exportTypes';
import { csvText } from './textEscapes';

/*
 * The claims as one CSV table, one row per claim, for R and Python users
 * (read.csv, pandas.read_csv): `statements.csv`.
 *
 * Columns: the claim (id, annotation file, text, and the text's title,
 * author, published date, url and source host), who makes it (claimant,
 * its name and kind, on-behalf-of, reported-by), the rows the network
 * command resolves (`organization`: on-behalf-of, else the claimant;
 * `person`: the claimant when it is a person), and what it says (concept,
 * its label, stance, score, type, about, evidence, quote, note).
 * Lists (about, reported-by) are joined with ";". Empty cells for fields not
 * written. RFC 4180 quoting, LF line ends; files sorted by path, claims in
 * file order.
 */

export const STATEMENT_COLUMNS = [
  'claim',
  'file',
  'text',
  'title',
  'author',
  'published',
  'url',
  'source',
  'claimant',
  'claimant_name',
  'claimant_kind',
  'on_behalf_of',
  'reported_by',
  'organization',
  'person',
  'concept',
  'concept_label',
  'stance',
  'score',
  'type',
  'about',
  'evidence',
  'quote',
  'note',
] as const;

export function exportStatements(index: WorkspaceView, options: ExportOptions): ExportResult {
  const vocabulary = index.config.vocabulary;
  const rows: string[][] = [[...STATEMENT_COLUMNS]];
  let texts = 0;
  for (const file of index.annotationFiles()) {
    const annotation = file.textAnnotation;
    if (!annotation || annotation.claims.length === 0) continue;
    texts++;
    const reference = index.textReferenceOf(file.uri);
    const text = reference?.kind === 'ok' ? workspacePath(options, reference.uri) : (annotation.text?.value ?? '');
    const metadata = {
      file: workspacePath(options, file.uri),
      text,
      title: annotation.title?.value ?? '',
      author: annotation.author?.value ?? '',
      published: annotation.published?.value ?? '',
      url: annotation.url?.value ?? '',
      source: sourceOf(annotation) ?? '',
    };
    for (const claim of annotation.claims) {
      const claimant = claim.claimant?.value ?? '';
      const actor = claimant ? index.actor(claimant) : undefined;
      const onBehalfOf = claim.onBehalfOf?.value ?? '';
      const stance = claim.stance?.value ?? '';
      const concept = claim.concept?.value ?? '';
      const values: Record<(typeof STATEMENT_COLUMNS)[number], string> = {
        claim: claim.id?.value ?? '',
        ...metadata,
        claimant,
        claimant_name: actor?.name?.value ?? '',
        claimant_kind: actor?.kind?.value ?? '',
        on_behalf_of: onBehalfOf,
        reported_by: claim.reportedBy.map((r) => r.value).join(';'),
        organization: onBehalfOf || claimant,
        person: actor?.kind?.value === 'person' ? claimant : '',
        concept,
        concept_label: concept ? (index.concept(concept)?.label?.value ?? '') : '',
        stance,
        score: stance ? String(stanceScore(vocabulary, stance)) : '',
        type: claim.type?.value ?? '',
        about: claim.about.map((a) => a.value).join(';'),
        evidence: claim.evidence?.value ?? '',
        quote: claim.quote?.value ?? '',
        note: claim.note?.value ?? '',
      };
      rows.push(STATEMENT_COLUMNS.map((column) => values[column]));
    }
  }
  return { files: [{ path: 'statements.csv', content: csvText(rows) }], warnings: [], counts: { claims: rows.length - 1, texts } };
}
