/** Escapes for the text formats exports write: XML (GraphML) and CSV (RFC 4180). */

export function escapeXml(text: string): string {
  // XML 1.0 cannot hold most control characters, even escaped: drop them.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A CSV field's text, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as spreadsheets and R read it: `-1`, `+2.5`, `-1e-7`. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell spreadsheet programs will not run as a formula (CSV injection):
 * text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets
 * a leading `'`, as OWASP recommends. A number (the score `-1`) is no
 * formula and stays as it is.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** One CSV field: safe from spreadsheets, then quoted as RFC 4180 wants. */
export function csvCell(text: string): string {
  return quoteCsv(spreadsheetSafe(text));
}

/** CSV rows of texts, LF line ends, a final line end. */
export function csvText(rows: string[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
