import type { ActorDef, RelationDef } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { relationPeriod } from './actorCard';
import { code, emphasis, joined, link, paragraph, strong, type Block, type CardDocument, type InlineInput } from './card';
import { actorName } from './claimCard';
import { locationLink, oneLine } from './markdown';

const WEB_ADDRESS = /^https:\/\/\S+$/;

/**
 * The hover card of an annotation file's `text:`: the text's own metadata —
 * title, authors, contributors with their roles, publication date, address
 * and the file's note.
 */
export function textCard(index: WorkspaceView, annotationUri: string): CardDocument | undefined {
  const annotation = index.annotationFile(annotationUri)?.textAnnotation;
  if (!annotation?.text) return undefined;
  const blocks: Block[] = [paragraph(strong(annotation.title ? oneLine(annotation.title.value, 200) : 'Untitled text'), ' · ', code(oneLine(annotation.text.value, 200)))];
  if (annotation.authors.length > 0) {
    blocks.push(paragraph(emphasis(annotation.authors.length === 1 ? 'Author:' : 'Authors:'), ' ', ...joined(annotation.authors.map((author) => actorName(index, author.value)))));
  }
  if (annotation.contributors.length > 0) {
    const contributors = annotation.contributors.map((contributor): InlineInput[] => [
      ...(contributor.actor ? actorName(index, contributor.actor.value) : ['(no actor given)']),
      contributor.role && ` (${contributor.role.value})`,
    ]);
    blocks.push(paragraph(emphasis('Contributors:'), ' ', ...joined(contributors)));
  }
  if (annotation.published) blocks.push(paragraph(emphasis('Published:'), ` ${oneLine(annotation.published.value, 40)}`));
  const url = annotation.url?.value;
  if (url && WEB_ADDRESS.test(url)) blocks.push(paragraph(emphasis('Article:'), ' ', link(oneLine(url, 100), url)));
  if (annotation.note) blocks.push(paragraph(emphasis('Note:'), ` ${oneLine(annotation.note.value, 400)}`));
  const claims = annotation.claims.length;
  blocks.push(paragraph(`${claims} claim${claims === 1 ? '' : 's'} and ${annotation.mentions.length} explicit mention${annotation.mentions.length === 1 ? '' : 's'} in this file.`));
  return { blocks };
}

/** The hover card of a relation's type: who relates to whom, when (`from`/`until`), and its note. */
export function relationCard(index: WorkspaceView, actor: ActorDef, relation: RelationDef): CardDocument {
  const subject = actor.id ? actorName(index, actor.id.value) : ['(an actor without an id)'];
  const target = relation.target ? actorName(index, relation.target.value) : ['(no target given)'];
  const blocks: Block[] = [paragraph(strong('Relation'), ' ', ...subject, ` ${relation.type?.value ?? ''} `, ...target, relationPeriod(relation))];
  if (relation.note) blocks.push(paragraph(emphasis('Note:'), ` ${oneLine(relation.note.value, 400)}`));
  blocks.push(paragraph('Stated at ', locationLink(index, actor.uri, relation.range)));
  return { blocks };
}
