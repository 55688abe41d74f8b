/**
 * Curation of mentions: my mentions of a text and theirs, matched into units
 * exactly as `agreement` matches them (units.ts over each side's mentions:
 * explicit mentions and alias matches, each after its own registry), and
 * compared by the actor(s) they name (fieldValues.ts `mentionValue`). What
 * shows: a mention they have where I have none, and one that names another
 * actor than mine. A mention only I have is mine to keep, as a claim only I
 * have is. Linear in the mentions of the text.
 */
import type { WorkspaceView } from '../workspace/workspaceView';
import { hashKey, wordsAt, type CuratedWorkspace, type MentionDifference } from './curationModel';
import { mentionValue } from './fieldValues';
import { buildUnits } from './units';

function mentionsOf(view: WorkspaceView, textUri: string) {
  return (view.analysis(textUri)?.mentions ?? []).map((mention) => ({ span: mention.span, mention }));
}

/** The mention differences of my text `myTextUri` with theirs at the same path (`their`). */
export function mentionDifferences(mine: CuratedWorkspace, theirs: CuratedWorkspace, myTextUri: string, their: { path: string; uri: string }): MentionDifference[] {
  const myMentions = mentionsOf(mine.view, myTextUri);
  const theirMentions = mentionsOf(theirs.view, their.uri);
  const theirText = theirs.view.content(their.uri);
  const differences: MentionDifference[] = [];
  for (const unit of buildUnits([myMentions, theirMentions])) {
    const [m, t] = unit.members;
    if (t === undefined) continue;
    const { mention: theirMention } = theirMentions[t];
    const theirValue = mentionValue(theirMention);
    const words = wordsAt(theirText, theirMention.span);
    const base = { textPath: their.path, myTextUri, theirMention, theirSpan: theirMention.span, words, theirs: theirValue };
    if (m === undefined) {
      differences.push({ kind: 'mention-only', key: hashKey(['mention-only', their.path, words, theirValue]), ...base });
      continue;
    }
    const { mention: myMention } = myMentions[m];
    const myValue = mentionValue(myMention);
    if (myValue === theirValue) continue;
    differences.push({ kind: 'mention-differs', key: hashKey(['mention-differs', their.path, words, myValue, theirValue]), ...base, myMention, mine: myValue });
  }
  return differences;
}
