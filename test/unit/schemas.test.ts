import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ACTOR_FIELDS, CLAIM_FIELDS, CONCEPT_FIELDS, CONTRIBUTOR_FIELDS, DEFAULT_VOCABULARY, ENTITY_FIELDS, extendVocabulary, MENTION_FIELDS, RELATION_FIELDS, SUPPRESS_FIELDS, TEXT_ANNOTATION_FIELDS, TOP_LEVEL_FIELDS, type VocabularyAdditions } from '../../server/src/core';
import { type SchemaNode, REPO_ROOT, annotationSchema, configSchema, makeAjv, validate, at, propertyNames, walk, annotationFiles, coreProblems, lines } from './schemaSupport';

describe('JSON schemas', () => {
  describe('compile', () => {
    it('both schemas are draft-07 and compile under ajv strict mode', () => {
      for (const schema of [annotationSchema, configSchema]) {
        assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
        assert.equal(typeof makeAjv().compile(schema), 'function');
      }
    });

    it('strict mode would reject an unknown keyword, so no editor keyword is misspelt', () => {
      assert.throws(() => makeAjv().compile({ type: 'string', markdownDescripton: 'typo' }), /unknown keyword/);
    });

    for (const [name, schema] of [['annotation', annotationSchema], ['config', configSchema]] as const) {
      it(`every ${name} property has a description and a markdownDescription for hovers`, () => {
        for (const [path, node] of walk(schema, '#')) {
          const properties = node.properties as SchemaNode | undefined;
          if (!properties || typeof properties !== 'object') continue;
          for (const [key, property] of Object.entries(properties) as [string, SchemaNode][]) {
            assert.equal(typeof property.description, 'string', `${path}/properties/${key} has no description`);
            assert.equal(typeof property.markdownDescription, 'string', `${path}/properties/${key} has no markdownDescription`);
            assert.ok((property.description as string).length > 20, `${path}/properties/${key}: the description is too thin to help`);
          }
        }
      });

      it(`every ${name} enum has one description per value`, () => {
        for (const [path, node] of walk(schema, '#')) {
          if (!Array.isArray(node.enum)) continue;
          for (const key of ['enumDescriptions', 'markdownEnumDescriptions']) {
            const descriptions = node[key];
            assert.ok(Array.isArray(descriptions), `${path} has no ${key}`);
            assert.equal(descriptions.length, node.enum.length, `${path}/${key} does not match its enum`);
          }
        }
      });
    }
  });

  describe('the sample corpus', () => {
    const dir = join(REPO_ROOT, 'annotations');
    const files = annotationFiles(dir);

    it('has annotation files to check', () => {
      assert.ok(files.length > 0, `no YAML files under ${dir}`);
    });

    for (const file of files) {
      it(`${relative(REPO_ROOT, file)} validates against the annotation schema`, () => {
        const { valid, errors } = validate('annotation', parse(readFileSync(file, 'utf8')));
        assert.ok(valid, `${relative(REPO_ROOT, file)}:\n  ${errors}`);
      });
    }
  });

  describe('annotation snippets', () => {
    interface Snippet {
      name: string;
      yaml: string;
      valid: boolean;
      /** Vocabulary additions the core needs to accept the snippet (as policy-annotator.yaml would add). */
      vocabulary?: VocabularyAdditions;
      /** Why the core parser judges this snippet differently, when it knowingly does. */
      coreDiffers?: string;
    }

    const actor = (...extra: string[]) => lines('actors:', '  - id: isi', '    name: Inter-Services Intelligence', '    kind: intelligence-agency', ...extra);
    const claim = (...extra: string[]) => lines('text: texts/a.txt', 'claims:', '  - id: isi-denies', '    claimant: isi', '    quote: The ISI denies it', ...extra);

    const snippets: Snippet[] = [
      // accepted
      { name: 'a minimal actor', yaml: actor(), valid: true },
      { name: 'an actor with every field', yaml: actor('    aliases: [ISI]', '    description: Pakistan’s *premier* intelligence agency.', '    wikidata: Q843', '    relations:', '      - type: part-of', '        target: pakistan-military', '        note: Staffed by army officers.'), valid: true },
      { name: 'a single alias written without a list', yaml: actor('    aliases: ISI'), valid: true },
      { name: 'attributes on a text and a claim, with text, number and boolean values', yaml: claim('    attributes:', '      coder: Admin', '      pages: 3', '      checked: true'), valid: true },
      { name: 'an empty aliases key', yaml: actor('    aliases:'), valid: true },
      { name: 'a number as free text', yaml: lines('actors:', '  - id: group-1984', '    name: 1984', '    kind: organization'), valid: true },
      { name: 'an actor kind added in policy-annotator.yaml', yaml: lines('actors:', '  - id: brookings', '    name: Brookings', '    kind: think-tank'), valid: true, vocabulary: { actorKinds: ['think-tank'] } },
      { name: 'a relation type added in policy-annotator.yaml', yaml: actor('    relations:', '      - type: advises', '        target: pakistan-military'), valid: true, vocabulary: { relationTypes: [{ id: 'advises' }] } },
      { name: 'a claim type added in policy-annotator.yaml', yaml: claim('    type: threat'), valid: true, vocabulary: { claimTypes: ['threat'] } },
      { name: 'a stance added in policy-annotator.yaml', yaml: claim('    concept: c', '    stance: ambivalent'), valid: true, vocabulary: { stances: [{ id: 'ambivalent', score: 0 }] } },
      { name: 'a contributor role added in policy-annotator.yaml', yaml: lines('text: a.txt', 'contributors:', '  - actor: jane-doe', '    role: photographer'), valid: true, vocabulary: { contributorRoles: ['photographer'] } },
      { name: 'several authors', yaml: lines('text: a.txt', 'author: [aqil-shah, jane-doe]'), valid: true },
      { name: 'reported-by as a single id', yaml: claim('    reported-by: gulf-monitor'), valid: true },
      { name: 'a relation that ended', yaml: actor('    relations:', '      - type: allied-with', '        target: taliban', '        from: 2001-09', '        until: 2021-08-31'), valid: true },
      { name: 'the neutral stance and the preference claim type', yaml: claim('    concept: c', '    stance: neutral', '    type: preference'), valid: true },
      { name: 'an empty actors list', yaml: lines('actors:'), valid: true },
      { name: 'a concept without description', yaml: lines('concepts:', '  - id: ptm-legitimate', '    label: The PTM is legitimate'), valid: true },
      { name: 'actors and concepts in one file', yaml: actor() + lines('concepts:', '  - id: c', '    label: A proposition'), valid: true },
      { name: 'a text annotation with every top-level field', yaml: lines('text: texts/a.txt', 'title: "Pakistan and the Taliban: a Q&A"', 'author: aqil-shah', 'published: 2021-08-15', 'url: https://example.org/a', 'mentions:', '  - actor: pakistan', '    quote: Pakistani', '    prefix: "buys "', '    suffix: " denials"'), valid: true },
      { name: 'a year as the publication date', yaml: lines('text: a.txt', 'published: 2021'), valid: true },
      { name: 'a month as the publication date', yaml: lines('text: a.txt', 'published: 2021-08'), valid: true },
      { name: 'a claim with every field', yaml: claim('    prefix: "Ha. "', '    suffix: " again"', '    about: [isi, taliban]', '    concept: pakistan-supports-taliban', '    stance: rejects', '    type: denial', '    evidence: documented', '    note: Official denial.'), valid: true },
      { name: 'about as a single id', yaml: claim('    about: isi'), valid: true },
      { name: 'a concept without a stance', yaml: claim('    concept: pakistan-supports-taliban'), valid: true },
      // rejected
      { name: 'an unknown top-level field', yaml: actor() + lines('authors: []'), valid: false },
      { name: 'an unknown actor field', yaml: actor('    alias: ISI'), valid: false },
      { name: 'an unknown claim field', yaml: claim('    stanse: supports'), valid: false },
      { name: 'an unknown relation field', yaml: actor('    relations:', '      - type: part-of', '        target: pakistan', '        since: 1948'), valid: false },
      { name: 'an id that is not kebab-case', yaml: lines('actors:', '  - id: Pakistan_Military', '    name: Pakistan Army', '    kind: military'), valid: false },
      { name: 'an id with a double hyphen', yaml: lines('concepts:', '  - id: a--b', '    label: A'), valid: false },
      { name: 'a number as an id', yaml: lines('concepts:', '  - id: 42', '    label: A'), valid: false },
      { name: 'an actor without a name', yaml: lines('actors:', '  - id: isi', '    kind: intelligence-agency'), valid: false },
      { name: 'an actor without a kind', yaml: lines('actors:', '  - id: isi', '    name: ISI'), valid: false },
      { name: 'an empty name', yaml: lines('actors:', '  - id: isi', '    name: ""', '    kind: intelligence-agency'), valid: false },
      { name: 'a name key without a value', yaml: lines('actors:', '  - id: isi', '    name:', '    kind: intelligence-agency'), valid: false },
      { name: 'a kind that is not kebab-case', yaml: lines('actors:', '  - id: isi', '    name: ISI', '    kind: Intelligence Agency'), valid: false },
      { name: 'a bad wikidata id', yaml: actor('    wikidata: "843"'), valid: false },
      { name: 'a wikidata id with a leading zero', yaml: actor('    wikidata: Q0843'), valid: false },
      { name: 'a wikidata URL', yaml: actor('    wikidata: https://www.wikidata.org/wiki/Q843'), valid: false },
      { name: 'a number in aliases', yaml: actor('    aliases: [ISI, 1948]'), valid: false },
      { name: 'relations as a single mapping', yaml: actor('    relations:', '      type: part-of', '      target: pakistan'), valid: false },
      { name: 'a relation without a target', yaml: actor('    relations:', '      - type: part-of'), valid: false },
      { name: 'a stance that is not kebab-case', yaml: claim('    concept: c', '    stance: Agrees'), valid: false },
      { name: 'a contributor without a role', yaml: lines('text: a.txt', 'contributors:', '  - actor: jane-doe'), valid: false },
      { name: 'a relation date with a slash', yaml: actor('    relations:', '      - type: allied-with', '        target: taliban', '        from: 2001/09'), valid: false },
      { name: 'a list of lists as reported-by', yaml: claim('    reported-by: [[a]]'), valid: false },
      { name: 'a stance without a concept', yaml: claim('    stance: supports'), valid: false },
      { name: 'a bad evidence value', yaml: claim('    evidence: strong'), valid: false },
      { name: 'a claim without a quote', yaml: lines('text: a.txt', 'claims:', '  - id: c', '    claimant: isi'), valid: false },
      { name: 'a claim without a claimant', yaml: lines('text: a.txt', 'claims:', '  - id: c', '    quote: q'), valid: false },
      { name: 'a mention without a quote', yaml: lines('text: a.txt', 'mentions:', '  - actor: isi'), valid: false },
      { name: 'claims without text', yaml: lines('claims:', '  - id: c', '    claimant: isi', '    quote: q'), valid: false },
      { name: 'a title without text', yaml: lines('title: An article'), valid: false },
      { name: 'a date with a slash', yaml: lines('text: a.txt', 'published: 2021/08/15'), valid: false },
      { name: 'a thirteenth month', yaml: lines('text: a.txt', 'published: 2021-13'), valid: false },
      { name: 'a url without a scheme', yaml: lines('text: a.txt', 'url: www.example.org/a'), valid: false },
      { name: 'a text path that is a list', yaml: lines('text: [a.txt]'), valid: false },
      { name: 'a number in about', yaml: claim('    about: [1]'), valid: false },
      { name: 'a list item that is not a mapping', yaml: lines('concepts:', '  - ptm-legitimate'), valid: false },
      { name: 'an attribute whose value is a list', yaml: lines('text: a.txt', 'attributes:', '  source: [a, b]'), valid: false },
      { name: 'attributes that are a list', yaml: claim('    attributes: [coder]'), valid: false },
      // knowingly different from the core parser
      {
        name: 'an actor reference that is not kebab-case',
        yaml: claim('    about: [ISI]'),
        valid: false,
        coreDiffers: 'the parser leaves references to the unknown-actor check, which needs the whole workspace; no kebab-case-less id can resolve, so the schema flags it at once',
      },
      {
        name: 'a day that the month does not have',
        yaml: lines('text: a.txt', 'published: 2021-02-30'),
        valid: true,
        coreDiffers: 'a pattern cannot know month lengths; the parser reports it',
      },
    ];

    for (const snippet of snippets) {
      it(`${snippet.valid ? 'accepts' : 'rejects'} ${snippet.name}`, () => {
        const { valid, errors } = validate('annotation', parse(snippet.yaml));
        assert.equal(valid, snippet.valid, valid ? `the schema accepted:\n${snippet.yaml}` : `the schema rejected:\n${snippet.yaml}\n  ${errors}`);

        const vocabulary = extendVocabulary(DEFAULT_VOCABULARY, snippet.vocabulary ?? {});
        const problems = coreProblems(snippet.yaml, vocabulary);
        const coreValid = problems.length === 0;
        if (snippet.coreDiffers) {
          assert.notEqual(coreValid, snippet.valid, `the parser now agrees with the schema; drop coreDiffers (${snippet.coreDiffers})`);
        } else {
          assert.equal(coreValid, snippet.valid, `the parser ${coreValid ? 'accepts' : 'rejects'} what the schema ${snippet.valid ? 'accepts' : 'rejects'}:\n${snippet.yaml}\n${problems.join('\n')}`);
        }
      });
    }
  });

  describe('agreement with the parser, field by field', () => {
    // One complete example of each construct. Dropping any one field, or adding
    // an unknown one, must get the same verdict from the schema and the parser,
    // so required fields and dependencies cannot drift apart.
    const relation = { type: 'patron-of', target: 'taliban', note: 'Long-standing ties.', from: '1994', until: '2021-08' };
    const actor = { id: 'isi', name: 'Inter-Services Intelligence (ISI)', kind: 'intelligence-agency', aliases: ['ISI'], description: 'Pakistan’s premier intelligence agency.', wikidata: 'Q1146146', relations: [relation] };
    const entity = { id: 'durand-line', name: 'Durand Line', kind: 'place', aliases: ['Durand Line'], description: 'The colonial-era boundary.', wikidata: 'Q42' };
    const concept = { id: 'pakistan-supports-taliban', label: 'Pakistan provides support to the Afghan Taliban', description: 'Sanctuary, funding and training.' };
    const contributor = { actor: 'jane-doe', role: 'interviewer' };
    const mention = { actor: 'pakistan-military', quote: 'The generals in Rawalpindi', prefix: 'the ', suffix: ' believe', note: 'The army command.' };
    const suppression = { quote: 'Indian Ocean', prefix: 'the ', suffix: ' rim', note: 'A sea, not the Indian state.' };
    const claim = { id: 'author-isi-patron', claimant: 'aqil-shah', quote: 'the ISI has been the militant group’s principal external patron', prefix: 'and ', suffix: ',', about: ['isi', 'taliban'], concept: 'pakistan-supports-taliban', stance: 'supports', type: 'assertion', evidence: 'reported', note: 'Reported, not proven.', 'on-behalf-of': 'pakistan', 'reported-by': ['gulf-monitor'], attributes: { coder: 'Second coder' } };
    const textAnnotation = { text: 'texts/a.txt', title: 'Pakistan and the Taliban', author: 'aqil-shah', published: '2021-08-15', url: 'https://example.org/a', mentions: [mention], claims: [claim], suppress: [suppression], contributors: [contributor], note: 'Opening excerpt only.', attributes: { source: 'Dawn', pages: 2 } };

    type Doc = Record<string, unknown>;
    const without = (object: Doc, key: string): Doc => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));
    const cases: { construct: string; fields: readonly string[]; schemaPath: string[]; example: Doc; wrap: (item: Doc) => Doc }[] = [
      { construct: 'the top level', fields: TOP_LEVEL_FIELDS, schemaPath: [], example: { actors: [actor], entities: [entity], concepts: [concept], ...textAnnotation }, wrap: (item) => item },
      { construct: 'an actor', fields: ACTOR_FIELDS, schemaPath: ['properties', 'actors', 'items'], example: actor, wrap: (item) => ({ actors: [item] }) },
      { construct: 'an entity', fields: ENTITY_FIELDS, schemaPath: ['properties', 'entities', 'items'], example: entity, wrap: (item) => ({ entities: [item] }) },
      { construct: 'a relation', fields: RELATION_FIELDS, schemaPath: ['definitions', 'relation'], example: relation, wrap: (item) => ({ actors: [{ ...actor, relations: [item] }] }) },
      { construct: 'a concept', fields: CONCEPT_FIELDS, schemaPath: ['properties', 'concepts', 'items'], example: concept, wrap: (item) => ({ concepts: [item] }) },
      { construct: 'a mention', fields: MENTION_FIELDS, schemaPath: ['properties', 'mentions', 'items'], example: mention, wrap: (item) => ({ text: 'a.txt', mentions: [item] }) },
      { construct: 'a list-valued mention', fields: MENTION_FIELDS, schemaPath: ['properties', 'mentions', 'items'], example: { ...mention, actor: ['india', 'china'] }, wrap: (item) => ({ text: 'a.txt', mentions: [item] }) },
      { construct: 'a suppression', fields: SUPPRESS_FIELDS, schemaPath: ['properties', 'suppress', 'items'], example: suppression, wrap: (item) => ({ text: 'a.txt', suppress: [item] }) },
      { construct: 'a contributor', fields: CONTRIBUTOR_FIELDS, schemaPath: ['definitions', 'contributor'], example: contributor, wrap: (item) => ({ text: 'a.txt', contributors: [item] }) },
      { construct: 'a claim', fields: CLAIM_FIELDS, schemaPath: ['properties', 'claims', 'items'], example: claim, wrap: (item) => ({ text: 'a.txt', claims: [item] }) },
    ];

    for (const { construct, fields, schemaPath, example, wrap } of cases) {
      it(`${construct}: the schema lists exactly the parser's fields, in its order`, () => {
        assert.deepEqual(propertyNames(annotationSchema, ...schemaPath), [...fields]);
        assert.deepEqual(Object.keys(example), [...fields], 'the example uses every field');
        assert.equal(at(annotationSchema, ...schemaPath).additionalProperties, false);
      });

      const variants: [string, Doc][] = [
        ['complete', example],
        ['with an unknown field', { ...example, extra: 'x' }],
        ...fields.map((field): [string, Doc] => [`without \`${field}\``, without(example, field)]),
      ];
      for (const [label, variant] of variants) {
        it(`${construct} ${label}: the schema and the parser agree`, () => {
          const document = wrap(variant);
          const text = stringify(document);
          const problems = coreProblems(text);
          const { valid, errors } = validate('annotation', document);
          assert.equal(valid, problems.length === 0, `${text}\nschema: ${errors || 'valid'}\nparser: ${problems.join('\n') || 'valid'}`);
          if (label === 'complete') assert.ok(valid, 'the complete example is valid');
          if (label === 'with an unknown field') assert.equal(valid, false, 'unknown fields are rejected');
        });
      }
    }

    it('text annotation keys other than `text` each require `text`', () => {
      const dependencies = annotationSchema.dependencies as SchemaNode;
      assert.deepEqual(Object.keys(dependencies), TEXT_ANNOTATION_FIELDS.filter((f) => f !== 'text'));
      for (const required of Object.values(dependencies)) assert.deepEqual(required, ['text']);
    });
  });
});
