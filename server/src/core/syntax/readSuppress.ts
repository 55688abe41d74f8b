import type { SuppressionDef } from '../model';
import { type FieldEntry, type YamlFieldReader } from './yamlFields';

export const SUPPRESS_FIELDS = ['quote', 'prefix', 'suffix', 'note'] as const;

/**
 * Format v1.1: a text annotation's `suppress:` list, spans of the text in
 * which alias matches are not mentions. Each item anchors like a quote
 * (`quote`, optional `prefix`/`suffix`) and may carry a `note` saying why.
 */
export function readSuppressions(reader: YamlFieldReader, entry: FieldEntry | undefined): SuppressionDef[] {
  const suppressions: SuppressionDef[] = [];
  for (const { range, fields } of reader.mappingItems(entry, 'suppress', 'suppression', SUPPRESS_FIELDS, ['quote'])) {
    suppressions.push({
      range,
      quote: reader.string(fields.get('quote'), 'the suppressed quote', { freeText: true }),
      prefix: reader.string(fields.get('prefix'), 'the prefix', { freeText: true }),
      suffix: reader.string(fields.get('suffix'), 'the suffix', { freeText: true }),
      note: reader.string(fields.get('note'), 'the note', { freeText: true }),
    });
  }
  return suppressions;
}
