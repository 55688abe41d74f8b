/**
 * The code actions of curation differences (see agreement/curation.ts):
 * take their value for one field, take their whole claim, or keep mine.
 * Each edit is minimal: one field replaced or inserted, or one claim item
 * replaced or appended; comments elsewhere survive byte for byte.
 */
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import type { CurationCache } from '../agreement/curationCache';
import { differenceOf, showValue } from '../agreement/curationDiagnostics';
import type { CuratedWorkspace, FieldDifference, TheirOnlyClaim } from '../agreement/curationModel';
import type { FieldValue } from '../agreement/fieldValues';
import { flowScalar, theirClaimText } from './curationClaimText';
import { takeMentionEdit, takeTextFiles } from './curationMentionFixes';
import { uniqueId } from '../authoring/ids';
import { appendListItem, appendToNestedList, nodeStartingAt, parseForEdit, removeListItem, setField } from '../edits/yamlEdits';
import { lineEndingOf, type TextEdit } from '../edits/textEdit';
import { outputMessage } from '../diagnosticOutput';
import type { ClaimDef, CoreDiagnostic } from '../model';
import { quickFix, type CodeFix } from './codeFix';

/** The command "Keep mine" runs, with the difference's key: the server hides that difference for the session. */
export const DISMISS_DIFFERENCE_COMMAND = 'policyAnnotator.dismissDifference';

/** A claim's fields as YAML lines (no indentation), in the format's usual order; `id` as given. */
export function claimLines(claim: ClaimDef, id: string | undefined): string[] {
  const lines: string[] = [];
  const scalar = (key: string, value: { value: string } | undefined) => {
    if (value !== undefined && value.value.trim() !== '') lines.push(`${key}: ${flowScalar(value.value)}`);
  };
  const list = (key: string, values: readonly { value: string }[]) => {
    if (values.length > 0) lines.push(`${key}: [${values.map((v) => flowScalar(v.value)).join(', ')}]`);
  };
  if (id !== undefined) lines.push(`id: ${flowScalar(id)}`);
  const keys = ['claimant', 'on-behalf-of', 'reported-by', 'quote', 'prefix', 'suffix', 'about', 'concept', 'stance', 'type', 'evidence', 'note'] as const;
  const fields = keys.map((key): [string, { value: string } | readonly { value: string }[] | undefined] => [key, claim[key.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof ClaimDef] as { value: string } | readonly { value: string }[] | undefined]);
  for (const [key, value] of fields) {
    if (Array.isArray(value)) list(key, value);
    else scalar(key, value as { value: string } | undefined);
  }
  return lines;
}

/** Sets `about` on the claim mapping at `mapStart`: the whole list replaced by theirs, or added when absent. */
function setAbout(uri: string, content: string, mapStart: number, ids: string[]): TextEdit | undefined {
  const map = nodeStartingAt(parseForEdit(content), mapStart);
  if (!map || !isMap(map)) return undefined;
  const pair = (map.items as Pair<Node | null, Node | null>[]).find((p) => isScalar(p.key) && p.key.value === 'about');
  const flow = `[${ids.map((id) => flowScalar(id)).join(', ')}]`;
  if (!pair?.value?.range || !isScalar(pair.key) || !pair.key.range) return appendToNestedList(uri, content, mapStart, 'about', ids.map((id) => [flowScalar(id)]));
  // From just after the key to the end of the list's last item (not its trailing line break or comments).
  let end = pair.value.range[1];
  while (end > pair.value.range[0] && /[\s]/.test(content[end - 1])) end--;
  return { uri, range: { start: pair.key.range[1], end }, newText: `: ${flow}` };
}

function takeValueEdit(difference: FieldDifference, content: string): TextEdit | undefined {
  const theirs = difference.theirs as FieldValue;
  const uri = difference.myAnnotationUri;
  const mapStart = difference.myClaim.range.start;
  if (difference.field === 'about') return setAbout(uri, content, mapStart, theirs as string[]);
  return setField(uri, content, mapStart, difference.field, String(theirs));
}

/**
 * My claim item replaced by theirs, keeping my id (references to it still
 * hold): their claim's own YAML text, comments included, where it can stand
 * in my file (curationClaimText.ts); else their fields, in my claim's style.
 */
function replaceClaimEdit(theirs: CuratedWorkspace, difference: FieldDifference, content: string): TextEdit | undefined {
  const claim = difference.myClaim;
  const id = claim.id?.value ?? difference.theirClaim.id?.value;
  const start = claim.range.start;
  let end = claim.range.end;
  while (end > start && /\s/.test(content[end - 1])) end--;
  const uri = difference.myAnnotationUri;
  const copied = theirClaimText(theirs, difference.theirAnnotationUri, difference.theirClaim, { content, start, end, id });
  if (copied !== undefined) return { uri, range: { start, end }, newText: copied };
  const lines = claimLines(difference.theirClaim, id);
  if (content[start] === '{') return { uri, range: { start, end }, newText: `{${lines.join(', ')}}` };
  const lineStart = Math.max(content.lastIndexOf('\n', start - 1), content.lastIndexOf('\r', start - 1)) + 1;
  const indent = ' '.repeat(start - lineStart);
  return { uri, range: { start, end }, newText: lines.join(`${lineEndingOf(content)}${indent}`) };
}

/** Their claim appended to my annotation file of the text: their id unless my workspace uses it, else a fresh one. */
function appendClaimEdit(mine: CuratedWorkspace, difference: TheirOnlyClaim): { edit: TextEdit; id: string } | undefined {
  const target = mine.view.annotationsOf(difference.myTextUri)[0];
  const content = target === undefined ? undefined : mine.view.content(target);
  if (target === undefined || content === undefined) return undefined;
  const theirId = difference.theirClaim.id?.value.trim() || 'claim';
  const id = uniqueId(theirId, (candidate) => mine.view.claimDefinitions(candidate).length > 0);
  return { edit: appendListItem(target, content, 'claims', claimLines(difference.theirClaim, id)), id };
}

export function keepMine(diagnostic: CoreDiagnostic, key: string): CodeFix {
  return { ...quickFix(diagnostic, 'keep-mine', 'Keep mine (hide this difference while comparing)', []), command: { command: DISMISS_DIFFERENCE_COMMAND, arguments: [key] } };
}

/** The code actions of a curation diagnostic (`annotator-differs`, `-only`, `-mention`, `-text`), against my files' current contents. */
export function curationFixes(mine: CuratedWorkspace, theirs: CuratedWorkspace, diagnostic: CoreDiagnostic, cache?: CurationCache): CodeFix[] {
  const difference = differenceOf(mine, theirs, diagnostic, cache);
  if (!difference) return [];
  const fixes: CodeFix[] = [];
  const who = theirs.name;
  if (difference.kind === 'mention-only' || difference.kind === 'mention-differs') {
    const take = takeMentionEdit(mine, difference);
    if (take) fixes.push(quickFix(diagnostic, 'take-their-mention', outputMessage(`Take ${who}'s mention: ${difference.theirs}`), [take.edit]));
  } else if (difference.kind === 'text-only') {
    const files = takeTextFiles(mine, theirs, difference);
    if (files.length > 0) fixes.push({ ...quickFix(diagnostic, 'take-their-annotation', outputMessage(`Take ${who}'s annotation file${files.length === 1 ? '' : 's'} of this text (${difference.claims} claims, ${difference.mentions} mentions)`), []), createFiles: files });
  } else if (difference.kind === 'differs') {
    const content = mine.view.content(difference.myAnnotationUri);
    if (content === undefined) return [];
    if (difference.theirs !== undefined) {
      const edit = takeValueEdit(difference, content);
      if (edit) fixes.push(quickFix(diagnostic, 'take-their-value', outputMessage(`Take ${who}'s ${difference.field}: ${showValue(difference.theirs)}`), [edit]));
    }
    const replace = replaceClaimEdit(theirs, difference, content);
    if (replace) fixes.push(quickFix(diagnostic, 'take-their-claim', outputMessage(`Take ${who}'s whole claim (keeping your id)`), [replace]));
  } else if (difference.kind === 'mine-only') {
    const content = mine.view.content(difference.myAnnotationUri);
    const removal = content === undefined ? undefined : removeListItem(difference.myAnnotationUri, content, difference.myClaim.range);
    const id = difference.myClaim.id?.value;
    if (removal) fixes.push(quickFix(diagnostic, 'remove-mine', outputMessage(`Remove your claim${id === undefined ? '' : ` \`${id}\``} (${who} has none here)`), [removal]));
  } else {
    const appended = appendClaimEdit(mine, difference);
    if (appended) fixes.push(quickFix(diagnostic, 'take-their-claim', outputMessage(`Take ${who}'s claim as \`${appended.id}\``), [appended.edit]));
  }
  fixes.push(keepMine(diagnostic, difference.key));
  return fixes;
}
