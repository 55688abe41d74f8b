// No lost work: every kind of edit the product makes — rename, set or insert
// a field, add or remove a list item, append an actor or a claim, merge
// actors, and the quick fixes — applied to every YAML file of the sample
// corpus, as it is and converted to CRLF, touches only the bytes it must:
// each edit replaces exactly its subject or only inserts; every comment
// outside the edits survives; the line endings stay the file's own; the file
// still parses, with every entry the edit did not aim at unchanged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  annotationFileDiagnostics,
  appendListItem,
  appendToNestedList,
  applyEdits,
  DEFAULT_VOCABULARY,
  mergeActor,
  parseAnnotationFile,
  quickFixes,
  removeListItem,
  setField,
  type AnnotationFile,
  type Span,
  type TextEdit,
  type WorkspaceIndex,
} from '../../server/src/core';
import { addAlias, annotateClaim, createActor } from '../../server/src/core/authoring';
import { rename } from '../../server/src/core/features';
import { loadMemoryWorkspace, uriOf } from '../helpers/memoryWorkspace';
import { readCorpus } from './fuzzSupport';

const CORPUS = readCorpus();
const YAML_FILES = Object.keys(CORPUS).filter((file) => file.endsWith('.yaml'));
const TEXT = 'annotations/texts/pakistan-taliban-qa.txt';

type Expectation =
  /** Each edit replaces exactly `oldText` with `newText` (a rename). */
  | { kind: 'replace-each'; oldText: string; newText: string }
  /** One edit, replacing exactly the subject span. */
  | { kind: 'replace'; subject: Span }
  /** Only insertions. */
  | { kind: 'insert' }
  /** One edit, inside the lines of the removed item (block lists) or inside the flow list. */
  | { kind: 'remove'; subject: Span; container: Span }
  /** A quick fix or merge: no edit replaces a whole comment line. */
  | { kind: 'any' };

interface Operation {
  label: string;
  edits: TextEdit[];
  expect: Expectation;
  /** Which entries of the edited file the operation aims at; all others must read the same afterwards. */
  aims?: { list: 'actors' | 'entities' | 'concepts' | 'claims' | 'mentions'; at: number; removed?: boolean; appended?: boolean };
}

const pick = <T>(items: readonly T[]): T[] => [...new Set([items[0], items[Math.floor(items.length / 2)], items[items.length - 1]])].filter((x): x is T => x !== undefined);

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

function lineSpan(content: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && content[start - 1] !== '\n') start--;
  let end = span.end;
  while (end < content.length && content[end - 1] !== '\n') end++;
  return { start, end };
}

function fullLineComments(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => /^\s*#/.test(line));
}

/** The parsed file without source positions: what an edit must leave alone. */
function values(file: AnnotationFile): { actors: unknown[]; entities: unknown[]; concepts: unknown[]; claims: unknown[]; mentions: unknown[]; header: unknown } {
  const strip = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'range' || key === 'keyRange' || key === 'uri' ? undefined : v)));
  const annotation = file.textAnnotation;
  return {
    actors: file.actors.map(strip),
    entities: file.entities.map(strip),
    concepts: file.concepts.map(strip),
    claims: (annotation?.claims ?? []).map(strip),
    mentions: (annotation?.mentions ?? []).map(strip),
    header: strip({ ...annotation, claims: undefined, mentions: undefined }),
  };
}

/** Checks one operation's edits against one file's content. */
function assertMinimal(operation: Operation, uri: string, content: string): void {
  const edits = operation.edits.filter((edit) => edit.uri === uri).sort((a, b) => a.range.start - b.range.start);
  const where = `${operation.label} in ${uri}`;
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].range.end <= edits[i].range.start, `${where}: edits overlap`);
  const expect = operation.expect;
  for (const edit of edits) {
    const replaced = content.slice(edit.range.start, edit.range.end);
    switch (expect.kind) {
      case 'replace-each':
        assert.equal(replaced, expect.oldText, `${where}: replaces only the id`);
        assert.equal(edit.newText, expect.newText);
        break;
      case 'replace':
        assert.equal(edits.length, 1, where);
        // Exactly the value; a block scalar's range also holds the line break after it, which stays.
        assert.equal(edit.range.start, expect.subject.start, `${where}: replaces exactly the value`);
        assert.match(content.slice(edit.range.end, expect.subject.end), /^[\r\n]*$/, `${where}: replaces exactly the value`);
        assert.ok(edit.range.end <= expect.subject.end, `${where}: replaces exactly the value`);
        break;
      case 'insert':
        assert.equal(edit.range.start, edit.range.end, `${where}: only inserts, but replaces ${JSON.stringify(replaced)}`);
        break;
      case 'remove': {
        assert.equal(edits.length, 1, where);
        assert.ok(edit.range.start >= expect.container.start && edit.range.end <= expect.container.end, `${where}: removes ${JSON.stringify(replaced)} beyond the item`);
        assert.ok(edit.range.start <= expect.subject.start && edit.range.end >= expect.subject.end - 1, `${where}: removes the whole item`);
        break;
      }
      case 'any':
        assert.ok(!fullLineComments(replaced).some((line) => !/^\s*-/.test(line)) || edit.newText.includes(replaced.trim()), `${where}: replaces a comment line: ${JSON.stringify(replaced)}`);
        break;
    }
  }
  const after = applyEdits(content, edits);
  // Line endings: a CRLF file stays CRLF, an LF file gets no CR.
  if (!/(^|[^\r])\n/.test(content)) assert.doesNotMatch(after, /(^|[^\r])\n/, `${where}: a bare LF in a CRLF file`);
  if (!content.includes('\r')) assert.ok(!after.includes('\r'), `${where}: a CR in an LF file`);
  // Every full-line comment outside the edits survives.
  const outside = fullLineComments(edits.reduceRight((text, edit) => text.slice(0, edit.range.start) + text.slice(edit.range.end), content));
  const remaining = fullLineComments(after);
  for (const comment of outside) {
    const at = remaining.indexOf(comment);
    assert.ok(at >= 0, `${where}: lost the comment ${JSON.stringify(comment)}`);
    remaining.splice(at, 1);
  }
  // It still parses, and what the edit did not aim at reads the same.
  const before = parseAnnotationFile(uri, content, DEFAULT_VOCABULARY);
  const parsed = parseAnnotationFile(uri, after, DEFAULT_VOCABULARY);
  assert.deepEqual(parsed.diagnostics.filter((d) => d.code === 'yaml-syntax'), before.diagnostics.filter((d) => d.code === 'yaml-syntax'), `${where}: the edit broke the YAML:\n${after}`);
  if (operation.aims && operation.expect.kind !== 'replace-each') {
    const old = values(before);
    const now = values(parsed);
    const { list, at, removed, appended } = operation.aims;
    for (const name of ['actors', 'entities', 'concepts', 'claims', 'mentions'] as const) {
      if (name !== list) {
        assert.deepEqual(now[name], old[name], `${where}: changed ${name}`);
        continue;
      }
      const expected = removed ? old[name].filter((_, i) => i !== at) : appended ? old[name] : old[name].map((entry, i) => (i === at ? now[name][i] : entry));
      assert.deepEqual(appended ? now[name].slice(0, old[name].length) : now[name], expected, `${where}: changed other ${name}`);
      if (appended) assert.equal(now[name].length, old[name].length + 1, `${where}: appended one`);
    }
    assert.deepEqual(now.header, old.header, `${where}: changed the file's own fields`);
  }
}

/** Every edit operation that applies to one file of a workspace. */
function operationsOn(index: WorkspaceIndex, uri: string): Operation[] {
  const file = index.annotationFile(uri)!;
  const content = index.content(uri)!;
  const operations: Operation[] = [];
  const add = (operation: Omit<Operation, 'edits'> & { edits: (TextEdit | undefined)[] | undefined }) => {
    const edits = (operation.edits ?? []).filter((edit): edit is TextEdit => edit !== undefined);
    assert.ok(edits.length > 0, `${operation.label}: no edit`);
    operations.push({ ...operation, edits });
  };
  const renameAt = (label: string, id: { value: string; range: Span }) => {
    const result = rename(index, uri, id.range.start + 1, `${id.value}-renamed`);
    assert.ok(result.ok, `${label}: ${result.ok ? '' : result.reason}`);
    add({ label, edits: result.edits, expect: { kind: 'replace-each', oldText: id.value, newText: `${id.value}-renamed` } });
  };

  for (const actor of pick(file.actors)) {
    const at = file.actors.indexOf(actor);
    const aims = { list: 'actors' as const, at };
    renameAt(`rename actor ${actor.id!.value}`, actor.id!);
    add({ label: `set the name of ${actor.id!.value}`, edits: [setField(uri, content, actor.range.start, 'name', 'A “new” name: with a colon')], expect: { kind: 'replace', subject: actor.name!.range }, aims });
    // A wikidata id where there is none, else a new description (replacing a block scalar where there is one).
    const replacesDescription = actor.wikidata !== undefined && actor.description !== undefined;
    add({ label: `insert a wikidata id into ${actor.id!.value}`, edits: [setField(uri, content, actor.range.start, actor.wikidata ? 'description' : 'wikidata', actor.wikidata ? 'Set' : 'Q42', 'kind')], expect: replacesDescription ? { kind: 'replace', subject: actor.description!.range } : { kind: 'insert' }, aims });
    add({ label: `add an alias to ${actor.id!.value}`, edits: [appendToNestedList(uri, content, actor.range.start, 'aliases', [['A New Alias']])], expect: actor.aliases.length > 0 ? { kind: 'insert' } : { kind: 'any' }, aims });
    add({ label: `add a relation to ${actor.id!.value}`, edits: [appendToNestedList(uri, content, actor.range.start, 'relations', [['type: opposes', `target: ${file.actors[0].id!.value}`]])], expect: actor.relations.length > 0 ? { kind: 'insert' } : { kind: 'any' }, aims });
    const alias = actor.aliases.at(-1);
    if (alias && actor.aliases.length > 1) add({ label: `remove an alias of ${actor.id!.value}`, edits: [removeListItem(uri, content, alias.range)], expect: { kind: 'remove', subject: alias.range, container: lineSpan(content, { start: actor.aliases[0].range.start, end: alias.range.end }) }, aims });
    const relation = actor.relations[0];
    if (relation) add({ label: `remove a relation of ${actor.id!.value}`, edits: [removeListItem(uri, content, relation.range)], expect: { kind: 'remove', subject: relation.range, container: lineSpan(content, relation.range) }, aims });
    const request = addAlias(index, { actorId: actor.id!.value, alias: 'Yet Another Alias' });
    assert.ok(request.ok);
    add({ label: `the add-alias command on ${actor.id!.value}`, edits: request.change.edits, expect: { kind: 'insert' } });
  }
  if (file.actors.length > 1) {
    add({ label: `remove the actor ${file.actors[1].id!.value}`, edits: [removeListItem(uri, content, file.actors[1].range)], expect: { kind: 'remove', subject: file.actors[1].range, container: lineSpan(content, file.actors[1].range) }, aims: { list: 'actors', at: 1, removed: true } });
    const merged = mergeActor(index, file.actors[1].id!.value, file.actors[0].id!.value);
    assert.ok('edits' in merged, 'error' in merged ? merged.error : '');
    add({ label: `merge ${file.actors[1].id!.value} into ${file.actors[0].id!.value}`, edits: merged.edits, expect: { kind: 'any' } });
  }
  if (file.actors.length > 0) {
    add({ label: 'append an actor', edits: [appendListItem(uri, content, 'actors', ['id: appended-actor', 'name: Appended', 'kind: person'])], expect: { kind: 'insert' }, aims: { list: 'actors', at: file.actors.length, appended: true } });
    const created = createActor(index, { name: 'Brand New Actor', kind: 'person' });
    assert.ok(created.ok);
    add({ label: 'the create-actor command', edits: created.change.edits, expect: { kind: 'insert' } });
  }

  for (const entity of pick(file.entities)) {
    const aims = { list: 'entities' as const, at: file.entities.indexOf(entity) };
    renameAt(`rename entity ${entity.id!.value}`, entity.id!);
    add({ label: `set the kind of ${entity.id!.value}`, edits: [setField(uri, content, entity.range.start, 'kind', 'other')], expect: { kind: 'replace', subject: entity.kind!.range }, aims });
    add({ label: `insert a wikidata id into ${entity.id!.value}`, edits: [setField(uri, content, entity.range.start, 'wikidata', 'Q42', 'kind')], expect: entity.wikidata ? { kind: 'replace', subject: entity.wikidata.range } : { kind: 'insert' }, aims });
    add({ label: `add an alias to entity ${entity.id!.value}`, edits: [appendToNestedList(uri, content, entity.range.start, 'aliases', [['A New Alias']])], expect: entity.aliases.length > 0 ? { kind: 'insert' } : { kind: 'any' }, aims });
    add({ label: `remove the entity ${entity.id!.value}`, edits: [removeListItem(uri, content, entity.range)], expect: { kind: 'remove', subject: entity.range, container: lineSpan(content, entity.range) }, aims: { ...aims, removed: true } });
  }
  if (file.entities.length > 0) add({ label: 'append an entity', edits: [appendListItem(uri, content, 'entities', ['id: appended-entity', 'name: Appended', 'kind: place'])], expect: { kind: 'insert' }, aims: { list: 'entities', at: file.entities.length, appended: true } });

  for (const concept of pick(file.concepts)) {
    const at = file.concepts.indexOf(concept);
    renameAt(`rename concept ${concept.id!.value}`, concept.id!);
    add({ label: `set the label of ${concept.id!.value}`, edits: [setField(uri, content, concept.range.start, 'label', "It's a new label")], expect: { kind: 'replace', subject: concept.label!.range }, aims: { list: 'concepts', at } });
    add({ label: `remove the concept ${concept.id!.value}`, edits: [removeListItem(uri, content, concept.range)], expect: { kind: 'remove', subject: concept.range, container: lineSpan(content, concept.range) }, aims: { list: 'concepts', at, removed: true } });
  }
  if (file.concepts.length > 0) add({ label: 'append a concept', edits: [appendListItem(uri, content, 'concepts', ['id: appended-concept', 'label: Appended'])], expect: { kind: 'insert' }, aims: { list: 'concepts', at: file.concepts.length, appended: true } });

  const claims = file.textAnnotation?.claims ?? [];
  for (const claim of pick(claims)) {
    const at = claims.indexOf(claim);
    const aims = { list: 'claims' as const, at };
    renameAt(`rename claim ${claim.id!.value}`, claim.id!);
    add({ label: `set the type of ${claim.id!.value}`, edits: [setField(uri, content, claim.range.start, 'type', 'prediction')], expect: claim.type ? { kind: 'replace', subject: claim.type.range } : { kind: 'insert' }, aims });
    add({ label: `insert a note into ${claim.id!.value}`, edits: [setField(uri, content, claim.range.start, claim.note ? 'evidence' : 'note', claim.note ? 'documented' : 'A note: with "quotes"', 'quote')], expect: claim.note ? (claim.evidence ? { kind: 'replace', subject: claim.evidence.range } : { kind: 'insert' }) : { kind: 'insert' }, aims });
    if (claim.about.length > 1) add({ label: `remove an about of ${claim.id!.value}`, edits: [removeListItem(uri, content, claim.about[0].range)], expect: { kind: 'remove', subject: claim.about[0].range, container: lineSpan(content, claim.about[0].range) }, aims });
    add({ label: `add an about to ${claim.id!.value}`, edits: [appendToNestedList(uri, content, claim.range.start, 'about', [['isi']])], expect: claim.about.length > 0 ? { kind: 'insert' } : { kind: 'any' }, aims });
    add({ label: `remove the claim ${claim.id!.value}`, edits: [removeListItem(uri, content, claim.range)], expect: { kind: 'remove', subject: claim.range, container: lineSpan(content, claim.range) }, aims: { list: 'claims', at, removed: true } });
  }
  const mentions = file.textAnnotation?.mentions ?? [];
  for (const mention of pick(mentions)) {
    const at = mentions.indexOf(mention);
    add({ label: `remove a mention at ${at}`, edits: [removeListItem(uri, content, mention.range)], expect: { kind: 'remove', subject: mention.range, container: lineSpan(content, mention.range) }, aims: { list: 'mentions', at, removed: true } });
  }
  if (file.textAnnotation) {
    add({ label: 'append a claim', edits: [appendListItem(uri, content, 'claims', ['id: appended-claim', 'claimant: isi', 'quote: "the ISI"'])], expect: { kind: 'insert' }, aims: { list: 'claims', at: claims.length, appended: true } });
    const text = index.content(uriOf(TEXT))!;
    const start = text.indexOf('the Taliban’s');
    const annotated = annotateClaim(index, { textUri: uriOf(TEXT), text, selection: { start, end: start + 'the Taliban’s'.length }, claimant: 'isi', about: ['taliban'], type: 'assertion' });
    assert.ok(annotated.ok, annotated.ok ? '' : annotated.message);
    add({ label: 'the annotate-claim command', edits: annotated.change.edits, expect: { kind: 'insert' } });
  }
  return operations;
}

/** Breaks the corpus in ways that have quick fixes: a typo in a claimant and a concept, an unused alias, a quote typed with straight quotes, a copy-edited quote. */
function brokenCorpus(files: Record<string, string>): Record<string, string> {
  const broken = { ...files };
  const qa = 'annotations/pakistan-taliban-qa.yaml';
  broken[qa] = broken[qa]
    .replace(/claimant: imran-khan/, 'claimant: imran-kahn')
    .replace(/concept: (pakistan-supports-taliban)/, 'concept: $1s')
    .replace(/(quote: [^\r\n"]*)’/, "$1'")
    .replace(/quote: The generals in Rawalpindi/, 'quote: The generals of Rawalpindi');
  broken['annotations/actors.yaml'] = broken['annotations/actors.yaml'].replace(/aliases:(\r?\n)(\s+)- /, 'aliases:$1$2- An Alias Nobody Uses$1$2- ');
  return broken;
}

for (const variant of ['as committed', 'converted to CRLF'] as const) {
  describe(`minimal edits on every YAML file of the sample corpus (${variant})`, () => {
    const files = variant === 'as committed' ? CORPUS : Object.fromEntries(Object.entries(CORPUS).map(([file, content]) => [file, file.endsWith('.yaml') ? toCrlf(content) : content]));

    for (const file of YAML_FILES) {
      it(`${file}: rename, set and insert fields, add and remove list items, append entries, merge, authoring commands`, async () => {
        const { index } = await loadMemoryWorkspace(files);
        const operations = operationsOn(index, uriOf(file));
        assert.ok(operations.length >= 5, `${operations.length} operations`);
        for (const operation of operations) {
          for (const uri of new Set(operation.edits.map((edit) => edit.uri))) assertMinimal(operation, uri, index.content(uri)!);
        }
      });
    }

    it('the quick fixes, on each file they edit', async () => {
      const { index } = await loadMemoryWorkspace(brokenCorpus(files));
      const fixed = new Set<string>();
      for (const file of YAML_FILES) {
        for (const diagnostic of annotationFileDiagnostics(index, uriOf(file))) {
          for (const fix of quickFixes(index, diagnostic)) {
            fixed.add(diagnostic.code);
            const operation: Operation = { label: `${fix.title} (${diagnostic.code})`, edits: fix.edits, expect: { kind: 'any' } };
            for (const uri of new Set(fix.edits.map((edit) => edit.uri))) assertMinimal(operation, uri, index.content(uri)!);
          }
        }
      }
      assert.deepEqual([...fixed].sort(), ['alias-unused', 'quote-normalized', 'quote-stale', 'unknown-actor', 'unknown-concept']);
    });
  });
}

describe('replacing a block scalar', () => {
  it('keeps the line break after it: a quote fix on a folded quote leaves the next field on its own line', async () => {
    const claims = 'text: texts/a.txt\nclaims:\n  - id: folded\n    claimant: isi\n    quote: >-\n      the Taliban\'s\n      friends\n    type: assertion\n';
    const { index } = await loadMemoryWorkspace({
      'annotations/actors.yaml': 'actors:\n  - id: isi\n    name: ISI\n    kind: intelligence-agency\n    aliases: [ISI]\n',
      'annotations/claims.yaml': claims,
      'annotations/texts/a.txt': 'The ISI backs the Taliban’s friends.\n',
    });
    const uri = uriOf('annotations/claims.yaml');
    const [diagnostic] = annotationFileDiagnostics(index, uri).filter((d) => d.code === 'quote-normalized');
    assert.ok(diagnostic, 'the straight apostrophe matches only once normalised');
    const [fix] = quickFixes(index, diagnostic);
    const fixed = applyEdits(claims, fix.edits);
    assert.equal(fixed, 'text: texts/a.txt\nclaims:\n  - id: folded\n    claimant: isi\n    quote: the Taliban’s friends\n    type: assertion\n');
  });
});
