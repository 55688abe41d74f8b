// The JSON schemas against the core's vocabulary and the config schema; schemas.test.ts has the rest.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { DEFAULT_CONFIG, DEFAULT_VOCABULARY, DIAGNOSTIC_CODES, SEVERITY_ORDER } from '../../server/src/core';
import { ID_PATTERN } from '../../server/src/core/syntax/yamlFields';
import { type SchemaNode, annotationSchema, configSchema, validate, at, propertyNames, walk, suggestedValues, coreConfigProblems, lines } from './schemaSupport';

describe('JSON schemas', () => {
  describe('consistency with the core vocabulary', () => {
    it('ids use the parser’s id pattern everywhere', () => {
      assert.equal(at(annotationSchema, 'definitions', 'id').pattern, ID_PATTERN.source);
      assert.equal(at(configSchema, 'definitions', 'id').pattern, ID_PATTERN.source);
      const kebabLike = /a-z0-9/;
      for (const schema of [annotationSchema, configSchema]) {
        for (const [path, node] of walk(schema, '#')) {
          if (typeof node.pattern === 'string' && kebabLike.test(node.pattern)) assert.equal(node.pattern, ID_PATTERN.source, path);
        }
      }
    });

    it('actor kinds suggest exactly the default kinds', () => {
      assert.deepEqual(suggestedValues(at(annotationSchema, 'definitions', 'actorKind')), DEFAULT_VOCABULARY.actorKinds);
      assert.deepEqual(at(configSchema, 'definitions', 'actorKind').anyOf, at(annotationSchema, 'definitions', 'actorKind').anyOf, 'both schemas suggest kinds alike');
    });

    it('entity kinds suggest exactly the default kinds', () => {
      assert.deepEqual(suggestedValues(at(annotationSchema, 'definitions', 'entityKind')), DEFAULT_VOCABULARY.entityKinds);
    });

    it('relation types suggest exactly the default relation types', () => {
      assert.deepEqual(suggestedValues(at(annotationSchema, 'definitions', 'relationType')), DEFAULT_VOCABULARY.relationTypes.map((r) => r.id));
    });

    it('relation type descriptions state each default’s symmetry, transitivity, inverse and excluded kinds', () => {
      const branch = (at(annotationSchema, 'definitions', 'relationType').anyOf as SchemaNode[]).find((b) => Array.isArray(b.enum))!;
      const descriptions = branch.enumDescriptions as string[];
      DEFAULT_VOCABULARY.relationTypes.forEach((info, i) => {
        const text = descriptions[i];
        assert.equal(/\bsymmetric\b/.test(text), Boolean(info.symmetric), `${info.id}: symmetric`);
        assert.equal(/\btransitive\b/.test(text), Boolean(info.transitive), `${info.id}: transitive`);
        if (info.inverse) assert.ok(text.includes(info.inverse), `${info.id}: names its inverse ${info.inverse}`);
        for (const kind of [...(info.excludedSubjectKinds ?? []), ...(info.excludedTargetKinds ?? [])]) {
          assert.match(text, new RegExp(`\\b${kind}\\b`), `${info.id}: says that ${kind} is ruled out`);
        }
      });
    });

    it('claim types suggest exactly the default claim types', () => {
      assert.deepEqual(suggestedValues(at(annotationSchema, 'definitions', 'claimType')), DEFAULT_VOCABULARY.claimTypes);
    });

    it('stances suggest exactly the default stances (extensible); evidence is a closed enum equal to the core’s', () => {
      const claim = at(annotationSchema, 'definitions', 'claim', 'properties');
      assert.deepEqual(suggestedValues(claim.stance as SchemaNode), DEFAULT_VOCABULARY.stances);
      assert.deepEqual((claim.evidence as SchemaNode).enum, DEFAULT_VOCABULARY.evidence);
      assert.equal((claim.evidence as SchemaNode).anyOf, undefined);
    });

    it('contributor roles suggest exactly the default roles', () => {
      assert.deepEqual(suggestedValues(at(annotationSchema, 'definitions', 'contributor', 'properties', 'role')), DEFAULT_VOCABULARY.contributorRoles);
    });

    it('the stance descriptions give each default stance its score', () => {
      const { description } = at(annotationSchema, 'definitions', 'claim', 'properties', 'stance');
      for (const stance of DEFAULT_VOCABULARY.stances) {
        assert.ok((description as string).includes(`${stance} (score ${DEFAULT_VOCABULARY.stanceScores[stance]})`), `the stance description scores ${stance}`);
      }
    });

    it('the config schema’s vocabulary descriptions list every default', () => {
      const vocabulary = at(configSchema, 'properties', 'vocabulary', 'properties');
      const lists: [string, string[]][] = [
        ['actor-kinds', DEFAULT_VOCABULARY.actorKinds],
        ['relation-types', DEFAULT_VOCABULARY.relationTypes.map((r) => r.id)],
        ['claim-types', DEFAULT_VOCABULARY.claimTypes],
        ['entity-kinds', DEFAULT_VOCABULARY.entityKinds],
        ['stances', DEFAULT_VOCABULARY.stances],
        ['contributor-roles', DEFAULT_VOCABULARY.contributorRoles],
      ];
      for (const [key, defaults] of lists) {
        const { description, markdownDescription } = vocabulary[key] as SchemaNode;
        for (const value of defaults) {
          assert.match(description as string, new RegExp(`\\b${value}\\b`), `${key} description lists ${value}`);
          assert.ok((markdownDescription as string).includes(`\`${value}\``), `${key} markdownDescription lists ${value}`);
        }
      }
    });
  });

  describe('the config schema', () => {
    it('lists exactly the configuration keys', () => {
      assert.deepEqual(propertyNames(configSchema), Object.keys(DEFAULT_CONFIG));
    });

    it('lists every diagnostic code, in catalogue order, with its summary and default severity', () => {
      const severity = at(configSchema, 'properties', 'severity');
      const properties = severity.properties as SchemaNode;
      const listed = Object.keys(properties);
      const catalogue = Object.keys(DIAGNOSTIC_CODES);
      const missing = catalogue.filter((code) => !listed.includes(code));
      const stale = listed.filter((code) => !catalogue.includes(code));
      assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, 'add each new code to severity.properties in schemas/policy-annotator.schema.json (and drop removed ones)');
      assert.deepEqual(listed, catalogue, 'same order as the catalogue');
      for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
        const property = properties[code] as SchemaNode;
        assert.ok((property.description as string).startsWith(info.summary), `${code}: the description starts with the catalogue summary`);
        assert.ok((property.description as string).includes(`Default: ${info.defaultSeverity}.`), `${code}: the description gives the default severity`);
        assert.ok((property.markdownDescription as string).startsWith(info.summary), `${code}: the markdownDescription starts with the catalogue summary`);
      }
    });

    it('offers the core’s severities plus off', () => {
      assert.deepEqual(at(configSchema, 'definitions', 'severitySetting').enum, [...SEVERITY_ORDER, 'off']);
    });

    it('every vocabulary and relation-type key it lists is one the parser reads', () => {
      const uses: string[] = [
        ...propertyNames(configSchema, 'properties', 'vocabulary').map((key) => lines('vocabulary:', `  ${key}: []`)),
        ...propertyNames(configSchema, 'definitions', 'relationType')
          .filter((key) => key !== 'id')
          .map((key) => lines('vocabulary:', '  relation-types:', '    - id: advises', `      ${key}: ${key.endsWith('kinds') ? '[person]' : key === 'inverse' ? 'advised-by' : 'true'}`)),
      ];
      for (const text of uses) {
        assert.deepEqual(coreConfigProblems(text), [], text);
        const { valid, errors } = validate('config', parse(text));
        assert.ok(valid, `${text}\n${errors}`);
      }
    });

    const snippets: { name: string; yaml: string; valid: boolean; coreDiffers?: string }[] = [
      { name: 'an empty configuration', yaml: '{}\n', valid: true },
      { name: 'roots as a list', yaml: lines('roots: [annotations, more/annotations]'), valid: true },
      { name: 'a single root', yaml: lines('roots: annotations'), valid: true },
      { name: 'the workspace root itself', yaml: lines('roots: [.]'), valid: true },
      { name: 'a full vocabulary', yaml: lines('vocabulary:', '  actor-kinds: [think-tank]', '  relation-types:', '    - rivals', '    - id: advises', '      symmetric: false', '      transitive: false', '      inverse: advised-by', '      subject-kinds: [person, think-tank]', '      target-kinds: government', '  claim-types: threat'), valid: true },
      { name: 'stances with scores, a bare stance and contributor roles', yaml: lines('vocabulary:', '  stances:', '    - id: ambivalent', '      score: 0', '      label: neither for nor against', '    - strongly-supports-not', '    - id: rejects', '      score: -2', '  contributor-roles: [photographer]'), valid: true },
      { name: 'changing a default relation type', yaml: lines('vocabulary:', '  relation-types:', '    - id: part-of', '      transitive: false'), valid: true },
      { name: 'severity overrides', yaml: lines('severity:', '  quote-ambiguous: warning', '  unknown-concept: off', '  duplicate-id: hint'), valid: true },
      { name: 'an unknown top-level key', yaml: lines('root: [annotations]'), valid: false },
      { name: 'an absolute root', yaml: lines('roots: [/home/me/annotations]'), valid: false },
      { name: 'a root with a drive letter', yaml: lines('roots: ["C:/annotations"]'), valid: false },
      { name: 'a root outside the workspace', yaml: lines('roots: [../annotations]'), valid: false },
      { name: 'a root that climbs out midway', yaml: lines('roots: [annotations/../../x]'), valid: false },
      { name: 'an unknown vocabulary key', yaml: lines('vocabulary:', '  evidence: [rumour]'), valid: false },
      { name: 'a stance score that is not a whole number', yaml: lines('vocabulary:', '  stances:', '    - id: leaning', '      score: 0.5'), valid: false },
      { name: 'a stance without a score', yaml: lines('vocabulary:', '  stances:', '    - id: leaning'), valid: false },
      { name: 'an actor kind that is not kebab-case', yaml: lines('vocabulary:', '  actor-kinds: [Think Tank]'), valid: false },
      { name: 'relation types as a single string', yaml: lines('vocabulary:', '  relation-types: advises'), valid: false },
      { name: 'a relation type without id', yaml: lines('vocabulary:', '  relation-types:', '    - inverse: advised-by'), valid: false },
      { name: 'an unknown relation type key', yaml: lines('vocabulary:', '  relation-types:', '    - id: advises', '      reflexive: true'), valid: false },
      { name: 'symmetric as text', yaml: lines('vocabulary:', '  relation-types:', '    - id: advises', '      symmetric: "yes"'), valid: false },
      { name: 'a bad severity', yaml: lines('severity:', '  quote-ambiguous: warn'), valid: false },
      { name: 'severity as a list', yaml: lines('severity: [quote-ambiguous]'), valid: false },
      { name: 'an empty vocabulary key', yaml: lines('vocabulary:'), valid: false },
      {
        name: 'a diagnostic code from a newer release',
        yaml: lines('severity:', '  some-future-check: warning'),
        valid: true,
        coreDiffers: 'the schema lets unknown kebab-case codes through so that it does not go stale as the catalogue grows; the parser reports codes it does not know',
      },
      { name: 'a severity key that is not kebab-case', yaml: lines('severity:', '  Quote Ambiguous: warning'), valid: false },
    ];

    for (const snippet of snippets) {
      it(`${snippet.valid ? 'accepts' : 'rejects'} ${snippet.name}`, () => {
        const { valid, errors } = validate('config', parse(snippet.yaml));
        assert.equal(valid, snippet.valid, valid ? `the schema accepted:\n${snippet.yaml}` : `the schema rejected:\n${snippet.yaml}\n  ${errors}`);
        const problems = coreConfigProblems(snippet.yaml);
        const coreValid = problems.length === 0;
        if (snippet.coreDiffers) {
          assert.notEqual(coreValid, snippet.valid, `the parser now agrees with the schema; drop coreDiffers (${snippet.coreDiffers})`);
        } else {
          assert.equal(coreValid, snippet.valid, `the parser ${coreValid ? 'accepts' : 'rejects'} what the schema ${snippet.valid ? 'accepts' : 'rejects'}:\n${snippet.yaml}\n${problems.join('\n')}`);
        }
      });
    }
  });
});
