import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFileDiagnostics, diffWorkspaces, quickFixes, listMentions, ListingScope, parseAnnotationFile, DEFAULT_VOCABULARY, type WorkspaceIndex } from '../../server/src/core';
import { completionsAt, findDefinition, findReferences, hover, rename, renderMarkdown, textDiagnostics } from '../../server/src/core/features';
import { exportWorkspace } from '../../server/src/core/export';
import { loadMemoryWorkspace, uriOf, withCursor, yaml } from '../helpers/memoryWorkspace';

const TEXT = 'The Indian Army and the Chinese army clashed. Both sides withdrew to the Indian Ocean coast. India protested.';

const ACTORS = yaml(
  'actors:',
  '  - id: india',
  '    name: India',
  '    kind: state',
  '    aliases: [India, Indian]',
  '  - id: china',
  '    name: China',
  '    kind: state',
  '    aliases: [Chinese]',
  '  - id: indian-army',
  '    name: Indian Army',
  '    kind: military',
  '    aliases: [Indian Army]',
);

function annotation(...lines: string[]): string {
  return yaml('text: texts/a.txt', ...lines);
}

async function load(annotationFile: string, text = TEXT): Promise<WorkspaceIndex> {
  const { index } = await loadMemoryWorkspace({ 'annotations/actors.yaml': ACTORS, 'annotations/texts/a.txt': text, 'annotations/a.yaml': annotationFile });
  return index;
}

/** The mentions of the text as `quote=ids` strings, in text order. */
function mentionsOf(index: WorkspaceIndex): string[] {
  return listMentions(index, new ListingScope(index, [])).map((m) => `${m.quote}=${m.ids.join('+')}${m.explicit ? '!' : ''}`);
}

function codesOf(index: WorkspaceIndex, path = 'annotations/a.yaml'): string[] {
  return annotationFileDiagnostics(index, uriOf(path)).map((d) => d.code);
}

describe('suppress:', () => {
  it('parses quote, prefix, suffix and note, and reports unknown fields and a missing quote', () => {
    const file = parseAnnotationFile(uriOf('a.yaml'), annotation('suppress:', '  - quote: Indian Ocean', '    prefix: "the "', '    note: a sea', '  - note: no quote', '    colour: red'), DEFAULT_VOCABULARY);
    const suppress = file.textAnnotation!.suppress;
    assert.equal(suppress.length, 2);
    assert.deepEqual([suppress[0].quote?.value, suppress[0].prefix?.value, suppress[0].suffix, suppress[0].note?.value], ['Indian Ocean', 'the ', undefined, 'a sea']);
    assert.deepEqual(file.diagnostics.map((d) => d.code).sort(), ['missing-field', 'unknown-field']);
  });

  it('keeps alias matches inside an anchored suppressed span from being mentions, and only those', async () => {
    const before = await load(annotation('claims: []'));
    assert.ok(mentionsOf(before).includes('Indian=india'), 'without suppression, "Indian" of "Indian Ocean" is a mention of india');
    const index = await load(annotation('suppress:', '  - quote: Indian Ocean', '    note: a sea, not the state'));
    assert.deepEqual(mentionsOf(index), ['Indian Army=indian-army', 'Chinese=china', 'India=india']);
    assert.deepEqual(codesOf(index), [], 'a suppression that blocks a match is fine');
    assert.deepEqual(index.analysis(uriOf('annotations/texts/a.txt'))!.suppressedMatches, [1]);
  });

  it('does not suppress explicit mentions inside the span', async () => {
    const index = await load(annotation('suppress:', '  - quote: Both sides withdrew to the Indian Ocean', 'mentions:', '  - actor: [india, china]', '    quote: Both sides'));
    assert.deepEqual(mentionsOf(index), ['Indian Army=indian-army', 'Chinese=china', 'Both sides=india+china!', 'India=india']);
  });

  it('reports a suppression that anchors nowhere as quote-not-found, and one that suppresses nothing as a hint', async () => {
    const index = await load(annotation('suppress:', '  - quote: Pacific Ocean', '  - quote: the Chinese army clashed', '  - quote: coast'));
    const diagnostics = annotationFileDiagnostics(index, uriOf('annotations/a.yaml'));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['quote-not-found', 'error'], ['suppress-unused', 'hint']]);
    assert.match(diagnostics[0].message, /"Pacific Ocean" does not occur/);
    assert.match(diagnostics[1].message, /no alias lies entirely within "coast"/);
    assert.deepEqual(mentionsOf(index), ['Indian Army=indian-army', 'Indian=india', 'India=india'], 'the anchored one still suppresses "Chinese"');
    const inText = textDiagnostics(index, uriOf('annotations/texts/a.txt'));
    assert.deepEqual(inText.map((d) => d.code), ['quote-not-found'], 'the text shows the lost suppression too');
    assert.match(inText[0].message, /^A suppression \(annotations\/a\.yaml:3\) quotes "Pacific Ocean"/);
  });

  it('offers the anchoring quick fixes on a suppression\'s quote, as on a claim\'s', async () => {
    const file = annotation('suppress:', '  - quote: Indian  Ocean');
    const index = await load(file, TEXT.replace('Indian Ocean', 'Indian\u00a0Ocean'));
    const diagnostic = annotationFileDiagnostics(index, uriOf('annotations/a.yaml')).find((d) => d.code === 'quote-normalized');
    assert.ok(diagnostic, 'the quote matches once spacing is normalised');
    const [fix] = quickFixes(index, diagnostic);
    assert.equal(fix?.fixId, 'copy-exact-characters');
    assert.equal(file.slice(fix.edits[0].range.start, fix.edits[0].range.end), 'Indian  Ocean');
  });

  it('blocks only matches that lie entirely inside the span', async () => {
    const index = await load(annotation('suppress:', '  - quote: Army and the Chinese'));
    assert.deepEqual(mentionsOf(index), ['Indian Army=indian-army', 'Indian=india', 'India=india']);
  });

  it('re-analyses the text when suppress: changes, as a fresh load would', async () => {
    const index = await load(annotation('claims: []'));
    const uri = uriOf('annotations/a.yaml');
    const suppressed = annotation('suppress:', '  - quote: Indian Ocean');
    index.setAnnotationFile(uri, suppressed);
    assert.deepEqual(mentionsOf(index), mentionsOf(await load(suppressed)));
    index.setAnnotationFile(uri, annotation('claims: []'));
    assert.ok(mentionsOf(index).includes('Indian=india'), 'removing the suppression brings the mention back');
  });

  it('says on hover that a span is suppressed, and why', async () => {
    const index = await load(annotation('suppress:', '  - quote: Indian Ocean', '    note: a sea, not the state'));
    const offset = TEXT.indexOf('Ocean');
    const card = hover(index, uriOf('annotations/texts/a.txt'), offset);
    assert.ok(card);
    const markdown = renderMarkdown(card.card);
    assert.match(markdown, /Suppressed \(annotations\/a\.yaml:3\): aliases inside this span are not mentions/);
    assert.match(markdown, /Note: a sea, not the state/);
    assert.equal(TEXT.slice(card.range.start, card.range.end), 'Indian Ocean');
  });
});

describe('mentions naming several actors', () => {
  const both = annotation('mentions:', '  - actor: [india, china]', '    quote: Both sides', '    note: the two armies');

  it('reads a scalar or a list, and reports an empty list and a comma-separated scalar', () => {
    const parse = (...lines: string[]) => parseAnnotationFile(uriOf('a.yaml'), annotation('mentions:', ...lines), DEFAULT_VOCABULARY);
    assert.deepEqual(parse('  - actor: india', '    quote: India').textAnnotation!.mentions[0].actors.map((a) => a.value), ['india']);
    const listed = parse('  - actor: [india, china]', '    quote: Both sides', '    note: two armies').textAnnotation!.mentions[0];
    assert.deepEqual(listed.actors.map((a) => a.value), ['india', 'china']);
    assert.equal(listed.note?.value, 'two armies');
    assert.deepEqual(parse('  - actor: []', '    quote: Both sides').diagnostics.map((d) => d.code), ['missing-field']);
    const commas = parse('  - actor: india, china', '    quote: Both sides');
    assert.deepEqual(commas.diagnostics.map((d) => d.code), ['invalid-value']);
    assert.deepEqual(commas.textAnnotation!.mentions[0].actors.map((a) => a.value), ['india', 'china']);
  });

  it('names every actor in the mention, in hover, definition and list', async () => {
    const index = await load(both);
    assert.ok(mentionsOf(index).includes('Both sides=india+china!'));
    const textUri = uriOf('annotations/texts/a.txt');
    const offset = TEXT.indexOf('Both sides') + 2;
    const markdown = renderMarkdown(hover(index, textUri, offset)!.card);
    assert.match(markdown, /\*\*India\*\* · state · `india`/);
    assert.match(markdown, /\*\*China\*\* · state · `china`/);
    assert.match(markdown, /Explicit mention of `india`, `china`/);
    assert.match(markdown, /Note: the two armies/);
    assert.doesNotMatch(markdown, /ambiguous/);
    assert.deepEqual(findDefinition(index, textUri, offset).map((d) => d.uri), [uriOf('annotations/actors.yaml'), uriOf('annotations/actors.yaml')]);
  });

  it('goes to the definition of the list item under the cursor, and finds and renames ids inside the list', async () => {
    const index = await load(both);
    const uri = uriOf('annotations/a.yaml');
    const offset = both.indexOf('china]') + 1;
    const [definition] = findDefinition(index, uri, offset);
    assert.equal(ACTORS.slice(definition.selection.start, definition.selection.end), 'china');
    const references = findReferences(index, uri, offset, { includeDeclaration: false });
    assert.ok(references.some((r) => r.uri === uri && both.slice(r.range.start, r.range.end) === 'china'), 'the id inside the list');
    assert.ok(references.some((r) => r.uri === uriOf('annotations/texts/a.txt') && TEXT.slice(r.range.start, r.range.end) === 'Both sides'), 'the span that names it among others');
    const renamed = rename(index, uri, offset, 'prc');
    assert.ok(renamed.ok);
    const inFile = renamed.edits.filter((e) => e.uri === uri).map((e) => both.slice(e.range.start, e.range.end));
    assert.deepEqual(inFile, ['china']);
    assert.equal(renamed.edits.length, 2, 'the definition and the list item');
  });

  it('checks each id, with did-you-mean', async () => {
    const index = await load(annotation('mentions:', '  - actor: [india, chna]', '    quote: Both sides'));
    const diagnostics = annotationFileDiagnostics(index, uriOf('annotations/a.yaml')).filter((d) => d.code === 'unknown-actor');
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /`chna`/);
    assert.deepEqual(diagnostics[0].data?.suggestions, ['china']);
  });

  it('completes actor ids inside the list', async () => {
    const { text, offset } = withCursor(annotation('mentions:', '  - actor: [india, ch‸]', '    quote: Both sides'));
    const index = await load(text);
    const labels = completionsAt(index, uriOf('annotations/a.yaml'), offset).entries.map((e) => e.label);
    assert.ok(labels.includes('china'), labels.join(', '));
  });

  it('exports one W3C body per id with the note, and one brat entity per id', async () => {
    const index = await load(both);
    const w3c = exportWorkspace(index, 'w3c', { workspaceFolder: 'file:///ws' });
    const page = JSON.parse(w3c.files.find((f) => f.path.endsWith('.jsonld'))!.content) as { first: { items: { id: string; body: { purpose: string; source?: string; value?: string }[] }[] } };
    const mention = page.first.items.find((item) => item.id.endsWith('#mention/1'));
    assert.ok(mention, 'the explicit mention is exported');
    assert.deepEqual(mention.body.filter((b) => b.source).map((b) => b.source), ['urn:policy-annotator:annotations/actors.yaml#india', 'urn:policy-annotator:annotations/actors.yaml#china']);
    assert.deepEqual(mention.body.filter((b) => b.purpose === 'commenting').map((b) => b.value), ['the two armies']);
    const brat = exportWorkspace(index, 'brat', { workspaceFolder: 'file:///ws' });
    const ann = brat.files.find((f) => f.path.endsWith('.ann'))!.content;
    const spans = ann.split('\n').filter((line) => /^T\d+\tstate \d+ \d+\tBoth sides$/.test(line));
    assert.equal(spans.length, 2, ann);
    assert.deepEqual(w3c.warnings, []);
    assert.deepEqual(brat.warnings, []);
  });
});

describe('the diff summary of mentions', () => {
  it('lists the mentions a suppression removed and a list-valued mention added, not those that only moved', async () => {
    const base = await load(annotation('claims: []'));
    const head = await load(annotation('suppress:', '  - quote: Indian Ocean', 'mentions:', '  - actor: [india, china]', '    quote: Both sides'), `Preface.\n${TEXT}`);
    const changes = diffWorkspaces(base, head).mentions.map((m) => `${m.status} ${m.text}:${m.line} ${m.quote}=${m.ids.join('+')}${m.explicit ? '!' : ''}`);
    assert.deepEqual(changes, ['removed annotations/texts/a.txt:1 Indian=india', 'added annotations/texts/a.txt:2 Both sides=india+china!']);
  });
});
