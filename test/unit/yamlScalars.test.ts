// The block reader types a plain scalar as parseDocument does, by the core
// schema's tags; `mayBeTyped` lets most text skip those tests. It must never
// skip one that a tag would match.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Document } from 'yaml';
import { mayBeTyped } from '../../server/src/core/syntax/yamlScalars';
import { fuzzParameters } from '../robustness/fuzzSupport';

const TAGS = new Document().schema.tags.filter((tag) => (tag.default === true || tag.default === 'key') && tag.test);
const matchesATag = (source: string) => TAGS.some((tag) => tag.test!.test(source));

describe('mayBeTyped', () => {
  it('holds every spelling of null, true and false, numbers and ~, and lets other text through', () => {
    for (const typed of ['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '~', '12', '-3', '+4', '.5', '.inf', '.NaN', '0x1f', '0o17', '1e5']) {
      assert.ok(matchesATag(typed), `a tag matches ${typed}`);
      assert.ok(mayBeTyped(typed), typed);
    }
    // Text that starts with a letter and is not four or five letters long takes no test of the tags.
    for (const text of ['the directorate', 'further talks', 'truest', 'Tru', 'support', 'belief', 'assertion']) assert.equal(mayBeTyped(text), false, text);
  });

  it('never lets through a scalar that a tag of the core schema matches', () => {
    const pieces = ['n', 'N', 'u', 'U', 'l', 'L', 't', 'T', 'r', 'R', 'e', 'E', 'f', 'F', 'a', 'A', 's', 'S', 'o', 'x', '0', '1', '7', '9', '.', '+', '-', '~', ' ', 'i', 'I', 'nan', 'inf', 'null', 'true', 'false', 'e5'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), (parts) => {
        const source = parts.join('');
        if (matchesATag(source)) assert.ok(mayBeTyped(source), source);
      }),
      fuzzParameters(2000),
    );
  });
});
