import type { Severity } from '../core';
import type { LocatedDiagnostic } from './diagnosticRows';
import { displayWidth } from './sourceExcerpt';

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

export function makeColors(enabled: boolean): Colors {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22), green: wrap(32, 39) };
}

/**
 * Human-readable output: `file:line:col  severity  code  message`, then an
 * excerpt of the source line with the range underlined. The underline is
 * measured in terminal columns (wide characters take two, combining marks
 * none), so it sits under the range in Chinese or Arabic lines too.
 */
export function formatStylish(diagnostics: LocatedDiagnostic[], colors: Colors): string {
  const severityColor: Record<Severity, (s: string) => string> = { error: colors.red, warning: colors.yellow, info: colors.blue, hint: colors.dim };
  const out: string[] = [];
  for (const { row, excerpt } of diagnostics) {
    out.push(`${colors.bold(`${row.file}:${row.line}:${row.column}`)}  ${severityColor[row.severity](row.severity)}  ${colors.dim(row.code)}  ${row.message}`);
    const gutter = String(row.line);
    out.push(`  ${colors.dim(`${gutter} |`)} ${excerpt.text}`);
    const before = displayWidth(excerpt.text.slice(0, excerpt.start));
    const underlined = displayWidth(excerpt.text.slice(excerpt.start, excerpt.end));
    out.push(`  ${' '.repeat(gutter.length)} ${colors.dim('|')} ${' '.repeat(before)}${severityColor[row.severity]('^'.repeat(Math.max(1, underlined)))}`);
    out.push('');
  }
  return out.join('\n');
}

export function countBySeverity(diagnostics: { row: { severity: Severity } }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) counts[d.row.severity]++;
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The closing line. Only errors and warnings make it a ✖ (red for errors,
 * yellow for warnings); infos and hints alone are a ✔ that counts them.
 */
export function formatTotals(diagnostics: LocatedDiagnostic[], fileCount: number, colors: Colors): string {
  const counts = countBySeverity(diagnostics);
  if (diagnostics.length === 0) return colors.green(`✔ No problems in ${plural(fileCount, 'annotation file')}.`);
  if (counts.error === 0 && counts.warning === 0) {
    return colors.green(`✔ No errors or warnings in ${plural(fileCount, 'annotation file')} (${counts.info} info, ${plural(counts.hint, 'hint')}).`);
  }
  const parts = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info, ${plural(counts.hint, 'hint')}`;
  const line = `✖ ${plural(diagnostics.length, 'problem')} (${parts}) in ${plural(fileCount, 'annotation file')}.`;
  return counts.error > 0 ? colors.red(line) : colors.yellow(line);
}
