import { isScalar } from './yamlGuards';
import type { ClaimDef, Located } from '../model';
import type { FieldEntry, Fields, YamlFieldReader } from './yamlFields';

/** The claim fields of format v1.1, besides those of v1. */
export const CLAIM_V11_FIELDS = ['on-behalf-of', 'reported-by'] as const;

/** A claim's `on-behalf-of` (the organization the claimant speaks for) and `reported-by` (who relays the claim). */
export function readClaimFields(reader: YamlFieldReader, fields: Fields): Pick<ClaimDef, 'onBehalfOf' | 'reportedBy'> {
  const onBehalfOf = reader.string(fields.get('on-behalf-of'), 'the organization the claimant speaks for (an actor id)');
  return {
    ...(onBehalfOf ? { onBehalfOf } : {}),
    reportedBy: readIdList(reader, fields.get('reported-by'), '`reported-by`', 'actor ids'),
  };
}

/**
 * A list of ids, such as `about`. `about: isi, taliban` is one value in
 * YAML; it is reported (with both list forms) and read as the ids it names,
 * so they are still checked.
 */
export function readIdList(reader: YamlFieldReader, entry: FieldEntry | undefined, label: string, what: string): Located<string>[] {
  const values = reader.stringList(entry, label);
  if (!entry || values.length !== 1 || !isScalar(entry.value) || entry.value.type !== 'PLAIN' || !values[0].value.includes(',')) return values;
  const single = values[0];
  const parts = single.value.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const exact = single.range.end - single.range.start === single.value.length;
  reader.report(single.range, 'invalid-value', `${label} is a list of ${what}, but \`${single.value}\` is one value. Write the list in brackets, \`${entry.key}: [${parts.join(', ')}]\`, or in block form, one \`- ${parts[0] ?? 'id'}\` line per id under \`${entry.key}:\`.`);
  let from = 0;
  return parts.map((part) => {
    const at = single.value.indexOf(part, from);
    from = at + part.length;
    const range = exact ? { start: single.range.start + at, end: single.range.start + at + part.length } : single.range;
    return { value: part, range };
  });
}
