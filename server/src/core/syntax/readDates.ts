import type { Located, RelationDef } from '../model';
import type { FieldEntry, Fields, YamlFieldReader } from './yamlFields';

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether a value is a calendar date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function isPartialDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const month = match[2] ? Number(match[2]) : 1;
  const day = match[3] ? Number(match[3]) : 1;
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
}

/** A date field (`published`, a relation's `from` and `until`); a value that is not a date is reported and kept. */
export function readDate(reader: YamlFieldReader, entry: FieldEntry | undefined, label: string): Located<string> | undefined {
  const located = reader.string(entry, label, { freeText: true });
  if (located && !isPartialDate(located.value)) {
    reader.report(located.range, 'invalid-value', `\`${located.value}\` is not a date: write it as YYYY-MM-DD (or YYYY-MM, or YYYY).`);
  }
  return located;
}

/**
 * Whether a period that begins at `from` ends before it begins. Dates of
 * different precision are compared on the precision they share: `from:
 * 2015-06` and `until: 2015` may be the same year, so they are not reported.
 */
export function beginsAfterEnd(from: string, until: string): boolean {
  const shared = Math.min(from.length, until.length);
  return from.slice(0, shared) > until.slice(0, shared);
}

/** A relation's `from` and `until`: dates, and `from` no later than `until`. */
export function readRelationDates(reader: YamlFieldReader, fields: Fields): Pick<RelationDef, 'from' | 'until'> {
  const from = readDate(reader, fields.get('from'), 'the date the relation began');
  const until = readDate(reader, fields.get('until'), 'the date the relation ended');
  if (from && until && isPartialDate(from.value) && isPartialDate(until.value) && beginsAfterEnd(from.value, until.value)) {
    reader.report(from.range, 'invalid-value', `The relation begins (\`from: ${from.value}\`) after it ends (\`until: ${until.value}\`): swap the two dates or correct one.`);
  }
  return { ...(from ? { from } : {}), ...(until ? { until } : {}) };
}
