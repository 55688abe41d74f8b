// Property-based fuzzing of the parser and of everything that reads its
// output: arbitrary strings and random mutations of the sample corpus never
// make anything throw, every diagnostic is well formed, and diagnostics are
// deterministic (the same input twice, and a fresh index, give the same).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  annotationFileDiagnostics,
  DEFAULT_VOCABULARY,
  DIAGNOSTIC_CODES,
  loadPendingTexts,
  MAX_DIAGNOSTICS_PER_FILE,
  parseAnnotationFile,
  parseConfig,
  quickFixes,
  type CoreDiagnostic,
  type WorkspaceIndex,
} from '../../server/src/core';
import { completeInAnnotationFile, documentLinks, documentSymbols, findDefinition, findHighlights, findReferences, hover, prepareRename, textDiagnostics, textSemanticTokens } from '../../server/src/core/features';
import { InMemoryHost, loadMemoryWorkspace, uriOf } from '../helpers/memoryWorkspace';
import { fuzzParameters, mutateAll, mutationArbitrary, readCorpus, YAML_PUNCTUATION } from '../robustness/fuzzSupport';
import { freshDiagnostics } from './features/indexSnapshot';

const CORPUS = readCorpus();
const YAML_FILES = Object.keys(CORPUS).filter((file) => file.endsWith('.yaml'));

function assertWellFormed(diagnostics: readonly CoreDiagnostic[], text: string, uri: string): void {
  assert.ok(diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE + 1, `${diagnostics.length} diagnostics`);
  for (const d of diagnostics) {
    assert.ok(d.code in DIAGNOSTIC_CODES, `a catalogued code: ${d.code}`);
    assert.ok(d.message.length > 0, 'a message');
    if (d.uri !== uri) continue;
    assert.ok(Number.isInteger(d.range.start) && Number.isInteger(d.range.end), JSON.stringify(d.range));
    assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length, `range ${JSON.stringify(d.range)} within 0..${text.length}: ${d.message}`);
  }
}

/** YAML-looking text: words, indentation and punctuation in any order. */
const yamlish = fc.string({ maxLength: 400, unit: fc.oneof(fc.constantFrom(...YAML_PUNCTUATION), fc.constantFrom('actors', 'claims', 'text', 'id', 'quote', 'isi', ' ', '  ', '    ', 'x', 'Taliban', '1', 'true', 'null', '~')) });

describe('fuzzing the parser', () => {
  it('parseAnnotationFile and parseConfig never throw on arbitrary strings, and report well-formed diagnostics', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300, unit: 'binary' }), fc.string({ maxLength: 300, unit: 'grapheme' }), yamlish), (text) => {
        const file = parseAnnotationFile('file:///ws/annotations/a.yaml', text, DEFAULT_VOCABULARY);
        assertWellFormed(file.diagnostics, text, 'file:///ws/annotations/a.yaml');
        assertWellFormed(parseConfig('file:///ws/policy-annotator.yaml', text).diagnostics, text, 'file:///ws/policy-annotator.yaml');
      }),
      fuzzParameters(300),
    );
  });

  it('never throws on random mutations of the sample corpus files (byte flips, line deletions and duplications, indentation, YAML punctuation)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...YAML_FILES), fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }), (file, mutations) => {
        const text = mutateAll(CORPUS[file], mutations);
        const parsed = parseAnnotationFile(uriOf(file), text, DEFAULT_VOCABULARY);
        assertWellFormed(parsed.diagnostics, text, uriOf(file));
        assert.deepEqual(parseAnnotationFile(uriOf(file), text, DEFAULT_VOCABULARY), parsed, 'parsing is deterministic');
      }),
      fuzzParameters(150),
    );
  });
});

/** Every feature at an offset of a file, as the server calls them; none may throw. */
function everyFeatureAt(index: WorkspaceIndex, uri: string, offset: number): void {
  hover(index, uri, offset);
  findDefinition(index, uri, offset);
  findHighlights(index, uri, offset);
  findReferences(index, uri, offset, { includeDeclaration: true });
  prepareRename(index, uri, offset);
  if (uri.endsWith('.yaml')) completeInAnnotationFile(index, uri, offset);
}

describe('fuzzing the workspace with a damaged file', () => {
  it('checks, quick fixes and every editor feature never throw, and give the same diagnostics as a fresh index', async () => {
    const live = (await loadMemoryWorkspace(CORPUS)).index;
    const host = new InMemoryHost(CORPUS);
    const textUri = uriOf('annotations/texts/pakistan-taliban-qa.txt');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...YAML_FILES), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), async (file, mutations, offsets) => {
        const uri = uriOf(file);
        const text = mutateAll(CORPUS[file], mutations);
        live.setAnnotationFile(uri, text);
        // As the live workspace does: a `text:` the edit changed is read before diagnostics are computed.
        await loadPendingTexts(host, live);
        try {
          const diagnostics = annotationFileDiagnostics(live, uri);
          assertWellFormed(diagnostics, text, uri);
          for (const diagnostic of diagnostics) quickFixes(live, diagnostic);
          if (live.textStatus(textUri) === 'loaded') {
            textDiagnostics(live, textUri);
            textSemanticTokens(live, textUri);
          }
          documentSymbols(live, uri);
          documentLinks(live, uri);
          for (const offset of offsets) {
            everyFeatureAt(live, uri, offset % (text.length + 1));
            everyFeatureAt(live, textUri, offset % ((live.content(textUri) ?? '').length + 1));
          }
          // Deterministic: the same again, and the same from an index built afresh from the same files.
          assert.deepEqual(annotationFileDiagnostics(live, uri), diagnostics, 'the same diagnostics twice');
          const fresh = freshDiagnostics(await loadMemoryWorkspace({ ...CORPUS, [file]: text }));
          assert.deepEqual(diagnostics, fresh.get(uri) ?? [], 'a fresh index gives the same diagnostics');
        } finally {
          live.setAnnotationFile(uri, CORPUS[file]);
        }
      }),
      { ...fuzzParameters(25), includeErrorInReport: true },
    );
  });
});
