/**
 * "Take their whole claim" copies the other annotator's claim as they wrote
 * it: its YAML text, comments included, re-indented to my claim's place and
 * with my id put in place of theirs. Where their text cannot stand there (a
 * flow claim of mine replaced by a block one, a claim without an id, text
 * that would not parse in my file) the caller rebuilds it from the model.
 */
import { isMap } from 'yaml';
import type { CuratedWorkspace } from '../agreement/curationModel';
import { doubleQuoted, isPlainSafe } from '../edits/scalarRendering';
import { nodeStartingAt, parseForEdit } from '../edits/yamlEdits';
import { lineEndingOf } from '../edits/textEdit';
import type { ClaimDef } from '../model';

/** A scalar safe both in block and in flow style (`[a, b]`, `{k: v}`): plain where it reads back the same, else double-quoted. */
export function flowScalar(value: string): string {
  return isPlainSafe(value, true) ? value : doubleQuoted(value);
}

function lineStartOf(content: string, at: number): number {
  return Math.max(content.lastIndexOf('\n', at - 1), content.lastIndexOf('\r', at - 1)) + 1;
}

/** Their claim's text: from its start to its end, with a comment that ends its last line. */
function claimSource(content: string, claim: ClaimDef): string {
  let end = claim.range.end;
  while (end > claim.range.start && /\s/.test(content[end - 1])) end--;
  const rest = /^[ \t]*#[^\r\n]*/.exec(content.slice(end));
  return content.slice(claim.range.start, end + (rest ? rest[0].length : 0));
}

/**
 * Their claim's YAML text for my claim's place (`target`: my file's content
 * and my claim's start and end), with `id` for theirs; undefined when it
 * cannot be copied as text.
 */
export function theirClaimText(theirs: CuratedWorkspace, theirAnnotationUri: string, theirClaim: ClaimDef, target: { content: string; start: number; end: number; id: string | undefined }): string | undefined {
  const content = theirs.view.content(theirAnnotationUri);
  if (content === undefined || (target.id !== undefined && !theirClaim.id)) return undefined;
  let source = claimSource(content, theirClaim);
  if (target.id !== undefined && theirClaim.id) {
    const { start, end } = theirClaim.id.range;
    const relative = { start: start - theirClaim.range.start, end: end - theirClaim.range.start };
    if (relative.start < 0 || relative.end > source.length) return undefined;
    source = source.slice(0, relative.start) + flowScalar(target.id) + source.slice(relative.end);
  }
  const flowMine = target.content[target.start] === '{';
  const lines = source.split(/\r\n|\r|\n/);
  if (flowMine && (lines.length > 1 || !source.startsWith('{'))) return undefined;
  const theirIndent = theirClaim.range.start - lineStartOf(content, theirClaim.range.start);
  const myIndent = ' '.repeat(target.start - lineStartOf(target.content, target.start));
  const moved: string[] = [lines[0]];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') moved.push('');
    else if (line.length - line.trimStart().length >= theirIndent && !line.slice(0, theirIndent).includes('\t')) moved.push(myIndent + line.slice(theirIndent));
    else return undefined;
  }
  const text = moved.join(lineEndingOf(target.content));
  // Their text must read back as one claim mapping in my file.
  const after = target.content.slice(0, target.start) + text + target.content.slice(target.end);
  const document = parseForEdit(after);
  if (document.errors.length > 0 || !isMap(nodeStartingAt(document, target.start))) return undefined;
  return text;
}
