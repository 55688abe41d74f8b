import type { ActorChange, ClaimChange, ClaimView, WorkspaceDiff } from '../core';
import { markdownCode, markdownText } from '../core/markdownEscape';

/**
 * The review comment of a pull request. Everything in it that comes from the
 * workspace or the command line (ids, names, kinds, quotes, file names,
 * messages, revisions) is escaped for where it stands, so a pull request
 * cannot put HTML, images, links, @mentions or hidden comments into the
 * comment the bot posts.
 */

/** A marker that lets a workflow find and update its own comment. */
export const REVIEW_MARKER = '<!-- policy-annotator-review -->';

const STATUS_ICON = { added: '➕', removed: '➖', changed: '✏️' } as const;
const SEVERITY_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️', hint: '💡' } as const;
/** At most this many mentions gained or lost are listed; a new alias can change hundreds. */
const MAX_MENTION_ROWS = 50;

/** Inline code outside tables. */
const code = (value: string) => markdownCode(value);
/** Inline code in a table cell, where `|` is escaped too. */
const cellCode = (value: string) => markdownCode(value, { inTable: true });
/** Running text (also safe in a table cell). */
const text = markdownText;

/**
 * A diagnostic message, whose `backticked` parts (ids, values) become inline
 * code and the rest text, each escaped. Messages quote workspace values, so
 * whatever the pairing of backticks, every part is escaped for where it ends up.
 */
function message(value: string): string {
  const parts = value.split('`');
  // Unpaired backticks, or two code parts with nothing between (their fences would run together): all text.
  if (parts.length % 2 === 0 || parts.some((part, i) => i % 2 === 0 && i > 0 && i < parts.length - 1 && part === '')) return text(value);
  return parts.map((part, i) => (i % 2 === 1 && part !== '' ? code(part) : text(part))).join('');
}

function quoteBlock(quoted: string): string {
  const flat = quoted.replace(/\s+/g, ' ').trim();
  const short = flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
  return `> ${text(short)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function actorLine(change: ActorChange, noun = 'actor'): string {
  const parts: string[] = [];
  if (change.status === 'added') parts.push(`new ${noun}`);
  if (change.status === 'removed') parts.push('removed');
  if (change.fields.length) parts.push(`changed ${text(change.fields.join(', '))}`);
  if (change.aliasesAdded.length) parts.push(`aliases added: ${change.aliasesAdded.map(cellCode).join(', ')}`);
  if (change.aliasesRemoved.length) parts.push(`aliases removed: ${change.aliasesRemoved.map(cellCode).join(', ')}`);
  if (change.relationsAdded.length) parts.push(`relations added: ${change.relationsAdded.map(cellCode).join(', ')}`);
  if (change.relationsRemoved.length) parts.push(`relations removed: ${change.relationsRemoved.map(cellCode).join(', ')}`);
  return `| ${STATUS_ICON[change.status]} | ${cellCode(change.id)} ${text(change.name ?? '')} | ${text(change.kind ?? '')} | ${parts.join('; ')} |`;
}

function claimHeadline(view: ClaimView): string {
  const stance = view.stance && view.concept ? ` *${text(view.stance)}* ${code(view.concept)}` : view.concept ? ` on ${code(view.concept)}` : '';
  const type = view.type ? ` (${text(view.type)})` : '';
  return `${code(view.claimant ?? '?')}${stance}${type}`;
}

function claimQuote(view: ClaimView): string {
  if (view.quotedText !== undefined) {
    const where = view.text && view.line ? ` — ${text(view.text)}:${view.line}` : '';
    const stale = view.anchor === 'stale' ? ' (where the stale quote would go)' : '';
    return `${quoteBlock(view.quotedText)}\n\n<sub>${text(view.file)}${where}${stale}</sub>`;
  }
  const why = view.anchor === 'no-text' ? 'its text is missing' : `the quote does not anchor (${text(view.anchor)})`;
  return `${quoteBlock(view.quote ?? '')}\n\n<sub>${text(view.file)} — ${why}</sub>`;
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
      ...(diff.entities.length ? [`${diff.entities.length} ${diff.entities.length === 1 ? 'entity' : 'entities'}`] : []),
      plural(diff.concepts.length, 'concept'),
      plural(diff.claims.length, 'claim'),
      ...(diff.texts.length ? [plural(diff.texts.length, 'text annotation file')] : []),
      `${plural(diff.anchors.length, 'anchor')} moved or broke${broke ? ` (**${broke} broke**)` : ''}`,
      `${plural(diff.mentions.filter((m) => m.status === 'added').length, 'mention')} gained, ${diff.mentions.filter((m) => m.status === 'removed').length} lost`,
      `${plural(diff.newDiagnostics.length, 'new problem')}${errors ? ` (**${plural(errors, 'error')}**)` : ''}`,
    ].join(' · '),
    '',
  );
  if (diff.actors.length + diff.entities.length + diff.concepts.length + diff.claims.length + diff.texts.length + diff.anchors.length + diff.mentions.length + diff.newDiagnostics.length === 0) {
    out.push('No annotation changes.', '');
    return out.join('\n');
  }
  if (diff.actors.length) {
    out.push('### Actors', '', '| | actor | kind | what changed |', '|---|---|---|---|', ...diff.actors.map((change) => actorLine(change)), '');
  }
  if (diff.entities.length) {
    out.push('### Entities', '', '| | entity | kind | what changed |', '|---|---|---|---|', ...diff.entities.map((change) => actorLine(change, 'entity')), '');
  }
  if (diff.concepts.length) {
    out.push('### Concepts', '', '| | concept | label | what changed |', '|---|---|---|---|');
    for (const c of diff.concepts) out.push(`| ${STATUS_ICON[c.status]} | ${cellCode(c.id)} | ${text(c.label ?? '')} | ${text(c.status === 'changed' ? `changed ${c.fields.join(', ')}` : c.status)} |`);
    out.push('');
  }
  if (diff.claims.length) {
    out.push('### Claims', '');
    for (const change of diff.claims) out.push(claimSection(change), '');
  }
  if (diff.texts.length) {
    out.push('### Texts', '', '| | annotation file | title | what changed |', '|---|---|---|---|');
    for (const t of diff.texts) out.push(`| ${STATUS_ICON[t.status]} | ${cellCode(t.file)} | ${text(t.title ?? '')} | ${text(t.status === 'changed' ? `changed ${t.fields.join(', ')}` : t.status)} |`);
    out.push('');
  }
  if (diff.anchors.length) {
    out.push('### Anchors', '', '| claim | change | before | after |', '|---|---|---|---|');
    for (const a of diff.anchors) {
      const where = (v: ClaimView) => (v.line ? `${v.anchor} at line ${v.line}` : v.anchor);
      out.push(`| ${cellCode(a.id)} | ${a.kind === 'broke' ? '**broke**' : a.kind} | ${text(where(a.before))} | ${text(where(a.after))} |`);
    }
    out.push('');
  }
  if (diff.mentions.length) {
    out.push('### Mentions', '', '| | text | words | ids | how |', '|---|---|---|---|---|');
    for (const m of diff.mentions.slice(0, MAX_MENTION_ROWS)) out.push(`| ${STATUS_ICON[m.status]} | ${cellCode(`${m.text}:${m.line}`)} | ${text(m.quote)} | ${text(m.ids.join(', '))} | ${m.explicit ? 'explicit' : 'alias'} |`);
    if (diff.mentions.length > MAX_MENTION_ROWS) out.push('', `…and ${diff.mentions.length - MAX_MENTION_ROWS} more (\`policy-annotator list mentions\` shows them all).`);
    out.push('');
  }
  if (diff.newDiagnostics.length) {
    out.push('### New problems', '');
    for (const d of diff.newDiagnostics) out.push(`- ${SEVERITY_ICON[d.severity]} ${code(`${d.file}:${d.line}`)} ${code(d.code)}: ${message(d.message)}`);
    out.push('');
  }
  if (diff.fixedDiagnostics) out.push(`${plural(diff.fixedDiagnostics, 'problem')} of the base ${diff.fixedDiagnostics === 1 ? 'is' : 'are'} fixed.`, '');
  return out.join('\n');
}
