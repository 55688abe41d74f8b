/**
 * The agreement report for people: Markdown for a pull-request comment and
 * plain text for a terminal. Everything from the workspace or the command
 * line (coder names, which may be branch names; text paths; quotes; values)
 * is escaped for where it stands, as in the review comment (formatReview.ts).
 */
import type { AgreementReport, Disagreement, DisagreementValue, FieldAgreement } from '../core/agreement';
import { markdownCode, markdownText, plainText } from '../core/markdownEscape';

/** A marker that lets a workflow find and update its own comment. */
export const AGREEMENT_MARKER = '<!-- policy-annotator-agreement -->';
/** GitHub refuses comments over 65,536 characters: the disagreements stop before this many. */
export const MARKDOWN_LIMIT = 60_000;
/** At most this many disagreements are shown in a comment. */
export const MARKDOWN_DISAGREEMENTS = 200;

function figure(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

function percent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}

function valueText(value: DisagreementValue): string | undefined {
  if (value === null) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function fieldRows(report: AgreementReport): [string, FieldAgreement][] {
  return Object.entries(report.fields) as [string, FieldAgreement][];
}

function markdownDisagreement(d: Disagreement): string {
  const flat = d.quote.replace(/\s+/g, ' ').trim();
  const lines = [`#### ${markdownCode(d.field)} — ${markdownText(d.text)}:${d.line}`, '', `> ${markdownText(flat)}`, ''];
  for (const [coder, value] of Object.entries(d.values)) {
    const shown = valueText(value);
    lines.push(`- ${markdownCode(coder)}: ${shown === undefined ? '*none*' : markdownCode(shown)}`);
  }
  return lines.join('\n');
}

/** The report as Markdown, fit to post as a pull-request comment (at most MARKDOWN_LIMIT characters). */
export function formatAgreementMarkdown(report: AgreementReport): string {
  const coders = report.coders.map((c) => markdownCode(c)).join(', ');
  const out: string[] = [AGREEMENT_MARKER, `## Policy Annotator: agreement between ${coders}`, ''];
  const claims = report.coders.map((c) => `${markdownCode(c)} ${report.spans.claims[c]}`).join(', ');
  out.push(`${plural(report.texts, 'text')} · claims: ${claims} · unitizing α (|uα) ${figure(report.spans.alphaU)}`, '');
  const withKappa = fieldRows(report).some(([, f]) => f.kappa !== undefined);
  out.push(`| field | α | ${withKappa ? 'κ | ' : ''}units | pairable | agreement |`, `|---|---|${withKappa ? '---|' : ''}---|---|---|`);
  for (const [field, f] of fieldRows(report)) {
    out.push(`| ${field} (${f.metric}) | ${figure(f.alpha)} | ${withKappa ? `${figure(f.kappa)} | ` : ''}${f.units} | ${f.pairable} | ${percent(f.percent)} |`);
  }
  out.push('', '### Where the claims are', '', '| coder | against | exact P / R / F1 | overlapping P / R / F1 |', '|---|---|---|---|');
  for (const pair of report.spans.pairs) {
    const scores = (s: typeof pair.exact) => `${figure(s.precision, 2)} / ${figure(s.recall, 2)} / ${figure(s.f1, 2)}`;
    out.push(`| ${markdownCode(pair.coders[0], { inTable: true })} | ${markdownCode(pair.coders[1], { inTable: true })} | ${scores(pair.exact)} | ${scores(pair.overlap)} |`);
  }
  const unanchored = report.coders.filter((c) => report.spans.unanchored[c] > 0);
  if (unanchored.length) out.push('', `Not compared, as their quotes do not anchor: ${unanchored.map((c) => `${markdownCode(c)} ${plural(report.spans.unanchored[c], 'claim')}`).join(', ')}.`);
  if (report.differingTexts.length) out.push('', `${plural(report.differingTexts.length, 'text')} differ between the coders (spans compared by position all the same): ${report.differingTexts.slice(0, 20).map((t) => markdownCode(t)).join(', ')}${report.differingTexts.length > 20 ? ', …' : ''}.`);
  out.push('', `### Disagreements (${report.disagreements.length})`, '');
  if (report.disagreements.length === 0) out.push('None.');
  let size = out.join('\n').length;
  let shown = 0;
  for (const d of report.disagreements) {
    const section = markdownDisagreement(d);
    if (shown >= MARKDOWN_DISAGREEMENTS || size + section.length + 400 > MARKDOWN_LIMIT) break;
    out.push(section, '');
    size += section.length + 2;
    shown++;
  }
  const left = report.disagreements.length - shown;
  if (left > 0) out.push(`*${plural(left, 'more disagreement')} not shown: run \`policy-annotator agreement --format json\` for all of them.*`, '');
  return out.join('\n');
}

/** The report as plain text for a terminal; workspace strings are kept on one line, control characters made visible. */
export function formatAgreementStylish(report: AgreementReport): string {
  const out: string[] = [`Agreement between ${report.coders.map(plainText).join(', ')} over ${plural(report.texts, 'text')}`, ''];
  const rows = fieldRows(report).map(([field, f]) => [field, f.metric, figure(f.alpha), f.kappa === undefined ? '' : figure(f.kappa), String(f.units), String(f.pairable), percent(f.percent)]);
  const header = ['field', 'metric', 'alpha', report.coders.length === 2 ? 'kappa' : '', 'units', 'pairable', 'agreement'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, ...rows]) out.push(`  ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()}`);
  out.push('', `Spans: unitizing alpha ${figure(report.spans.alphaU)}; claims ${report.coders.map((c) => `${plainText(c)} ${report.spans.claims[c]}${report.spans.unanchored[c] ? ` (+${report.spans.unanchored[c]} not anchored)` : ''}`).join(', ')}`);
  for (const pair of report.spans.pairs) {
    const scores = (s: typeof pair.exact) => `P ${figure(s.precision, 2)} R ${figure(s.recall, 2)} F1 ${figure(s.f1, 2)}`;
    out.push(`  ${plainText(pair.coders[0])} against ${plainText(pair.coders[1])}: exact ${scores(pair.exact)}; overlapping ${scores(pair.overlap)}`);
  }
  for (const text of report.differingTexts) out.push(`  warning: ${plainText(text)} differs between the coders; its spans are compared by position all the same`);
  out.push('', `Disagreements: ${report.disagreements.length}`);
  for (const d of report.disagreements) {
    const quote = plainText(d.quote.replace(/\s+/g, ' ').trim());
    out.push(`  ${plainText(d.text)}:${d.line}  ${d.field}  “${quote.length > 80 ? `${quote.slice(0, 79)}…` : quote}”`);
    for (const [coder, value] of Object.entries(d.values)) out.push(`    ${plainText(coder)}: ${plainText(valueText(value) ?? '(none)')}`);
  }
  return out.join('\n');
}
