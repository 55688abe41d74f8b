/**
 * The code actions of mention and whole-text curation differences:
 * "take their mention" (my explicit mention takes their actor, or their
 * mention is added to my annotation file of the text as an explicit one,
 * which outweighs an alias match of mine on the same words) and "take their
 * annotation file" (created at the same path in my folder, never over a file).
 */
import { wordsAt, type CuratedWorkspace, type MentionDifference } from '../agreement/curationModel';
import type { TheirOnlyText } from '../agreement/curationTexts';
import { quoteSelectorFor } from '../authoring/annotateClaim';
import { appendListItem } from '../edits/yamlEdits';
import type { TextEdit } from '../edits/textEdit';
import { flowScalar } from './curationClaimText';

/** The ids their mention names, when taking them is well defined (not an alias several of their actors share). */
function theirIds(difference: MentionDifference): string[] | undefined {
  const mention = difference.theirMention;
  if (mention.source === 'explicit') return mention.actorIds ?? [mention.actorId];
  return mention.actorIds && mention.actorIds.length > 1 ? undefined : [mention.actorId];
}

function actorValue(ids: readonly string[]): string {
  return ids.length === 1 ? flowScalar(ids[0]) : `[${ids.map(flowScalar).join(', ')}]`;
}

/** My explicit mention's `actor:` replaced by their ids. */
function replaceActorEdit(mine: CuratedWorkspace, difference: MentionDifference, ids: string[]): TextEdit | undefined {
  const explicit = difference.myMention?.explicit;
  const content = explicit && mine.view.content(explicit.annotationUri);
  if (!explicit || content === undefined || explicit.def.actors.length === 0) return undefined;
  const actors = explicit.def.actors;
  const range = { start: actors[0].range.start, end: actors[actors.length - 1].range.end };
  if (/[\r\n]/.test(content.slice(range.start, range.end))) return undefined;
  // Inside a flow list (`[a, b]`) the items are replaced; a single plain value becomes theirs, or a list of theirs.
  const inList = /\[\s*$/.test(content.slice(0, range.start));
  return { uri: explicit.annotationUri, range, newText: inList ? ids.map(flowScalar).join(', ') : actorValue(ids) };
}

/** Their mention added to my annotation file of the text, as an explicit mention with the quote (and context) that finds those words in my text. */
function appendMentionEdit(mine: CuratedWorkspace, difference: MentionDifference, ids: string[]): TextEdit | undefined {
  const myText = mine.view.content(difference.myTextUri);
  const target = mine.view.annotationsOf(difference.myTextUri)[0];
  const content = target === undefined ? undefined : mine.view.content(target);
  if (myText === undefined || target === undefined || content === undefined) return undefined;
  const selector = quoteSelectorFor(myText, difference.theirSpan);
  if (!selector) return undefined;
  const lines = [`actor: ${actorValue(ids)}`, `quote: ${flowScalar(selector.quote)}`];
  if (selector.prefix !== undefined) lines.push(`prefix: ${flowScalar(selector.prefix)}`);
  if (selector.suffix !== undefined) lines.push(`suffix: ${flowScalar(selector.suffix)}`);
  return appendListItem(target, content, 'mentions', lines);
}

/** "Take their mention": undefined when their words are not in my text at the same place, or their mention names no one for certain. */
export function takeMentionEdit(mine: CuratedWorkspace, difference: MentionDifference): { edit: TextEdit } | undefined {
  const ids = theirIds(difference);
  if (!ids || wordsAt(mine.view.content(difference.myTextUri), difference.theirSpan) !== difference.words) return undefined;
  const edit = difference.myMention?.explicit ? replaceActorEdit(mine, difference, ids) : appendMentionEdit(mine, difference, ids);
  return edit && { edit };
}

/** Their annotation files of a text only they annotated, to create at the same paths in my folder: those where I have no file. */
export function takeTextFiles(mine: CuratedWorkspace, theirs: CuratedWorkspace, only: TheirOnlyText): { uri: string; content: string }[] {
  return only.files.flatMap(({ theirUri, myUri }) => {
    const content = theirs.view.content(theirUri);
    return content === undefined || mine.view.content(myUri) !== undefined || mine.view.isAnnotationFile(myUri) ? [] : [{ uri: myUri, content }];
  });
}
