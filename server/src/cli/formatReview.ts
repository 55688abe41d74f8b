import type { ActorChange, ClaimChange, ClaimView, WorkspaceDiff } from '../core';

/** A marker that lets a workflow find and update its own comment. */
export const REVIEW_MARKER = '<!-- policy-annotator-review -->';

const STATUS_ICON = { added: '➕', removed: '➖', changed: '✏️' } as const;
const SEVERITY_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️', hint: '💡' } as const;

function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value}${fence}`;
}

function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function quoteBlock(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
  // Escape what Markdown would read as markup at the start of the quoted line.
  return `> ${short.replace(/^([#>*+-]|\d+\.)/, '\\$1').replace(/</g, '&lt;')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function actorLine(change: ActorChange): string {
  const parts: string[] = [];
  if (change.status === 'added') parts.push('new actor');
  if (change.status === 'removed') parts.push('removed');
  if (change.fields.length) parts.push(`changed ${change.fields.join(', ')}`);
  if (change.aliasesAdded.length) parts.push(`aliases added: ${change.aliasesAdded.map(code).join(', ')}`);
  if (change.aliasesRemoved.length) parts.push(`aliases removed: ${change.aliasesRemoved.map(code).join(', ')}`);
  if (change.relationsAdded.length) parts.push(`relations added: ${change.relationsAdded.map(code).join(', ')}`);
  if (change.relationsRemoved.length) parts.push(`relations removed: ${change.relationsRemoved.map(code).join(', ')}`);
  return `| ${STATUS_ICON[change.status]} | ${code(change.id)} ${cell(change.name ?? '')} | ${cell(change.kind ?? '')} | ${cell(parts.join('; '))} |`;
}

function claimHeadline(view: ClaimView): string {
  const stance = view.stance && view.concept ? ` *${view.stance}* ${code(view.concept)}` : view.concept ? ` on ${code(view.concept)}` : '';
  const type = view.type ? ` (${view.type})` : '';
  return `${code(view.claimant ?? '?')}${stance}${type}`;
}

function claimQuote(view: ClaimView): string {
  if (view.quotedText !== undefined) {
    const where = view.text && view.line ? ` — ${view.text}:${view.line}` : '';
    const stale = view.anchor === 'stale' ? ' (where the stale quote would go)' : '';
    return `${quoteBlock(view.quotedText)}\n\n<sub>${cell(view.file)}${where}${stale}</sub>`;
  }
  const why = view.anchor === 'no-text' ? 'its text is missing' : `the quote does not anchor (${view.anchor})`;
  return `${quoteBlock(view.quote ?? '')}\n\n<sub>${cell(view.file)} — ${why}</sub>`;
}

function claimSection(change: ClaimChange): string {
  const view = (change.after ?? change.before)!;
  const lines = [`#### ${STATUS_ICON[change.status]} ${code(change.id)}: ${claimHeadline(view)}`, ''];
  if (change.status === 'changed') {
    lines.push(`Changed: ${change.fields.map(code).join(', ')}${change.fields.includes('claimant') || change.fields.includes('stance') ? ` (was ${claimHeadline(change.before!)})` : ''}`, '');
  }
  lines.push(claimQuote(view));
  if (change.status === 'changed' && change.fields.includes('quote') && change.before?.quotedText !== undefined) {
    lines.push('', 'Before:', '', quoteBlock(change.before.quotedText));
  }
  return lines.join('\n');
}

/** The review summary as Markdown, fit to post as a pull-request comment. */
export function formatReviewMarkdown(diff: WorkspaceDiff, base: string, head: string): string {
  const out: string[] = [REVIEW_MARKER, `## Policy Annotator: annotations changed between ${code(base)} and ${code(head)}`, ''];
  const errors = diff.newDiagnostics.filter((d) => d.severity === 'error').length;
  const broke = diff.anchors.filter((a) => a.kind === 'broke').length;
  out.push(
    [
      plural(diff.actors.length, 'actor'),
      plural(diff.concepts.length, 'concept'),
      plural(diff.claims.length, 'claim'),
      `${plural(diff.anchors.length, 'anchor')} moved or broke${broke ? ` (**${broke} broke**)` : ''}`,
      `${plural(diff.newDiagnostics.length, 'new problem')}${errors ? ` (**${plural(errors, 'error')}**)` : ''}`,
    ].join(' · '),
    '',
  );
  if (diff.actors.length + diff.concepts.length + diff.claims.length + diff.anchors.length + diff.newDiagnostics.length === 0) {
    out.push('No annotation changes.', '');
    return out.join('\n');
  }
  if (diff.actors.length) {
    out.push('### Actors', '', '| | actor | kind | what changed |', '|---|---|---|---|', ...diff.actors.map(actorLine), '');
  }
  if (diff.concepts.length) {
    out.push('### Concepts', '', '| | concept | label | what changed |', '|---|---|---|---|');
    for (const c of diff.concepts) out.push(`| ${STATUS_ICON[c.status]} | ${code(c.id)} | ${cell(c.label ?? '')} | ${cell(c.status === 'changed' ? `changed ${c.fields.join(', ')}` : c.status)} |`);
    out.push('');
  }
  if (diff.claims.length) {
    out.push('### Claims', '');
    for (const change of diff.claims) out.push(claimSection(change), '');
  }
  if (diff.anchors.length) {
    out.push('### Anchors', '', '| claim | change | before | after |', '|---|---|---|---|');
    for (const a of diff.anchors) {
      const where = (v: ClaimView) => (v.line ? `${v.anchor} at line ${v.line}` : v.anchor);
      out.push(`| ${code(a.id)} | ${a.kind === 'broke' ? '**broke**' : a.kind} | ${cell(where(a.before))} | ${cell(where(a.after))} |`);
    }
    out.push('');
  }
  if (diff.newDiagnostics.length) {
    out.push('### New problems', '');
    for (const d of diff.newDiagnostics) out.push(`- ${SEVERITY_ICON[d.severity]} ${code(`${d.file}:${d.line}`)} ${code(d.code)}: ${d.message.replace(/\r?\n/g, ' ')}`);
    out.push('');
  }
  if (diff.fixedDiagnostics) out.push(`${plural(diff.fixedDiagnostics, 'problem')} of the base ${diff.fixedDiagnostics === 1 ? 'is' : 'are'} fixed.`, '');
  return out.join('\n');
}
