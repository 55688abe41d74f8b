// What each bad input must produce, wherever it is checked (CLI or LSP): a
// diagnostic with this code, on this line (1-based), whose message says
// what to do. Files listed in CLEAN_FILES must produce no error at all.

export interface ExpectedDiagnostic {
  /** Workspace-relative path. */
  file: string;
  code: string;
  /** 1-based line. */
  line: number;
  /** The part of the message that says what is wrong and what to do. */
  fix: RegExp;
}

const expect = (file: string, code: string, line: number, fix: RegExp): ExpectedDiagnostic => ({ file: `annotations/${file}`, code, line, fix });

export const EXPECTED: ExpectedDiagnostic[] = [
  // Malformed YAML of many shapes.
  expect('malformed/unclosed-flow-list.yaml', 'yaml-syntax', 4, /end with a \]\. Check the indentation of this line/),
  expect('malformed/unclosed-quote.yaml', 'yaml-syntax', 3, /this quote is never closed, so the rest of the file is read as part of its value\. Add the closing " where the value ends\./),
  expect('malformed/bad-indentation.yaml', 'yaml-syntax', 6, /This key starts at column 4, but the keys of its mapping start at column 5 \(as on line 5\)\. Move it to column 5\./),
  expect('malformed/tab-indentation.yaml', 'yaml-syntax', 4, /This line is indented with a tab, but YAML allows only spaces for indentation\. Replace the tab with spaces/),
  expect('malformed/missing-colon.yaml', 'yaml-syntax', 3, /`title` is missing its colon: write `title: A good article`\./),
  expect('malformed/two-documents.yaml', 'yaml-syntax', 3, /goes on after its first YAML document has ended\. An annotation file holds one YAML document: remove the `---` or `\.\.\.` line/),
  expect('malformed/stray-document-end.yaml', 'yaml-syntax', 3, /holds one YAML document/),
  expect('malformed/undefined-alias.yaml', 'invalid-value', 3, /the alias \*nobody is not defined\. Define it with &nobody before use, or write the value out\./),
  expect('malformed/punctuation-soup.yaml', 'yaml-syntax', 2, /Check the indentation and punctuation around this position\./),
  expect('malformed/block-scalar-mess.yaml', 'yaml-syntax', 3, /Block scalar header includes extra characters/),
  // A top level that is a list or a scalar.
  expect('types/top-level-list.yaml', 'invalid-value', 2, /top level of this file is a list, but it must be a mapping with keys such as `actors`/),
  expect('types/top-level-scalar.yaml', 'invalid-value', 1, /top level of this file is a single value, but it must be a mapping/),
  expect('types/top-level-number.yaml', 'invalid-value', 1, /top level of this file is a single value, but it must be a mapping/),
  // Wrong types everywhere, and duplicate keys.
  expect('types/wrong-types.yaml', 'invalid-value', 3, /actor id must be a single value, not a list/),
  expect('types/wrong-types.yaml', 'invalid-value', 4, /name must be a single value, not a mapping/),
  expect('types/wrong-types.yaml', 'invalid-value', 5, /`7` is a number\. Put it in quotes if it is meant as text\./),
  expect('types/wrong-types.yaml', 'invalid-value', 6, /`aliases` must be a list \(items starting with "- "\)/),
  expect('types/wrong-types.yaml', 'invalid-value', 8, /`relations` must be a list/),
  expect('types/wrong-types.yaml', 'invalid-value', 9, /Each actor must be a mapping of fields \(for example `id: \.\.\.`\), not a single value/),
  expect('types/wrong-types.yaml', 'invalid-value', 10, /Each actor must be a mapping of fields .*not a list/),
  expect('types/wrong-types.yaml', 'invalid-value', 11, /`concepts` must be a list/),
  expect('types/wrong-types-text.yaml', 'invalid-value', 2, /`text` path must be a single value, not a list/),
  expect('types/wrong-types-text.yaml', 'invalid-value', 4, /`12` is a number\. Put it in quotes/),
  expect('types/wrong-types-text.yaml', 'invalid-value', 5, /`true` is not a date: write it as YYYY-MM-DD/),
  expect('types/wrong-types-text.yaml', 'invalid-value', 7, /`mentions` must be a list/),
  expect('types/wrong-types-text.yaml', 'invalid-value', 12, /`about` must be a list/),
  expect('types/wrong-types-text.yaml', 'missing-field', 14, /`type` is empty: give the claim type a value or remove the key/),
  expect('types/wrong-types-text.yaml', 'invalid-value', 16, /Each claim must be a mapping of fields/),
  expect('types/duplicate-keys.yaml', 'yaml-syntax', 6, /Map keys must be unique\. A key may appear only once in a mapping: remove or rename one of them\./),
  expect('types/duplicate-keys.yaml', 'yaml-syntax', 8, /Map keys must be unique/),
  // Alias bombs and deep nesting: resource limits.
  expect('limits/alias-bomb.yaml', 'invalid-value', 11, /an alias \(\*h\) may only stand for a single value here; write the list or mapping out\./),
  expect('limits/alias-bomb.yaml', 'unknown-field', 3, /Unknown field `a` in an annotation file\..*Allowed fields: actors, entities, concepts/),
  expect('limits/alias-bomb-in-fields.yaml', 'invalid-value', 11, /`about`: an alias \(\*c\) may only stand for a single value here/),
  expect('limits/generated-deep-flow.yaml', 'file-unreadable', 1, /nests lists and mappings deeper than 64 levels here, .*so it was not read .*Flatten it\./),
  expect('limits/generated-deep-indentation.yaml', 'file-unreadable', 129, /nests indentation deeper than 256 levels here/),
  expect('limits/generated-deep-compact.yaml', 'file-unreadable', 2, /nests indentation deeper than 256 levels here/),
  expect('limits/generated-deep-flow-mapping.yaml', 'file-unreadable', 1, /nested too deeply or too irregularly to be read as YAML .*Flatten it\./),
  expect('limits/generated-many-keys.yaml', 'unknown-field', 1, /Unknown field `key-0`/),
  expect('limits/generated-many-keys.yaml', 'unknown-field', 1001, /more than 1000 problems; only the first 1000 are shown/),
  // Sizes over the configurable limits.
  expect('limits/big-text.yaml', 'text-not-found', 2, /is 50\.0 MB, above the limit of 20\.0 MB, so it was not read\. Split it, or raise the limit yourself \(a workspace's policy-annotator\.yaml may only lower it\): the user setting policyAnnotator\.limits\.textSize or the flag --max-text-size for texts/),
  expect('limits/generated-big.yaml', 'file-unreadable', 1, /This annotation file is 20\.0 MB, above the limit of 5\.0 MB, so it was not read\. Split it, or raise the limit/),
  // Encodings and binary files.
  expect('encoding/generated-invalid-utf8.yaml', 'file-unreadable', 1, /not valid UTF-8\. Save it as UTF-8 text\./),
  expect('encoding/generated-binary.yaml', 'file-unreadable', 1, /binary data\), so it was not read\. .*move binary files out of the annotation folders/),
  expect('encoding/binary-text.yaml', 'text-not-found', 2, /binary data\), so it was not read\. .*point to a plain-text or Markdown file/),
  expect('encoding/latin1-text.yaml', 'text-not-found', 2, /not valid UTF-8\. Save it as UTF-8 text\./),
  // CRLF, mixed line endings, astral characters and combining marks: the good quotes anchor, the bad ones are found on the right line.
  expect('lines/crlf.yaml', 'quote-not-found', 10, /does not occur in annotations\/texts\/crlf\.txt\. Copy it from the article again/),
  expect('lines/mixed.yaml', 'quote-not-found', 9, /does not occur in annotations\/texts\/mixed\.txt/),
  expect('lines/unicode.yaml', 'quote-ambiguous', 34, /occurs 2 times .*Add a `prefix` or `suffix`/),
  expect('lines/unicode.yaml', 'alias-unused', 15, /The alias "Ame" of `ame` occurs in no text/),
  // `text:` paths that must never be read.
  expect('paths/text-absolute.yaml', 'text-not-found', 1, /must be a path relative to this annotation file, not `\/etc\/passwd`/),
  expect('paths/text-file-url.yaml', 'text-not-found', 1, /must be a path relative to this annotation file/),
  expect('paths/text-escapes-workspace.yaml', 'text-not-found', 1, /leads outside the workspace, which is never read\. Move the article into the workspace/),
  expect('paths/text-escapes-to-canary.yaml', 'text-not-found', 2, /leads outside the workspace, which is never read/),
  expect('paths/text-directory.yaml', 'text-not-found', 1, /is a folder, not a file\. Point to the article file inside it\./),
  expect('paths/text-symlink-loop.yaml', 'text-not-found', 2, /is a symbolic link that leads back to itself\. Replace the link with the file\./),
  expect('paths/text-symlink-out.yaml', 'text-not-found', 2, /leads outside the workspace \(through a symbolic link\), which is never read\. Move the file into the workspace\./),
  expect('paths/generated-linked-out.yaml', 'file-unreadable', 1, /This annotation file leads outside the workspace \(through a symbolic link\)/),
  expect('paths/text-empty.yaml', 'missing-field', 1, /`text` is empty/),
  expect('paths/text-missing.yaml', 'text-not-found', 1, /was not found .*check its spelling and folder/),
  // The rest of the workspace is still checked.
  expect('still-checked.yaml', 'unknown-actor', 5, /No actor has the id `nobody-at-all`/),
];

/** Inputs that look odd but are valid: they must produce no error or warning. */
export const CLEAN_FILES = [
  'annotations/good.yaml',
  'annotations/actors.yaml',
  'annotations/concepts.yaml',
  'annotations/malformed/only-comments.yaml',
  // Unknown directives are ignored, as YAML says they must be.
  'annotations/malformed/bad-directive.yaml',
  'annotations/encoding/empty.yaml',
  'annotations/encoding/whitespace-only.yaml',
  'annotations/encoding/bom.yaml',
];

/** Quotes that must anchor despite CRLF, mixed endings, astral characters and combining marks: [file, claim id, the exact text it must cover]. */
export const ANCHORED_CLAIMS: [string, string, string][] = [
  ['annotations/lines/crlf.yaml', 'crlf-claim', 'backs the Taliban\r\nacross a line break'],
  ['annotations/lines/mixed.yaml', 'mixed-claim', 'Pakistan denies it'],
  ['annotations/lines/unicode.yaml', 'after-flag-emoji', 'Pakistan'],
  ['annotations/lines/unicode.yaml', 'starts-with-astral-letter', '\u{1D4AF}he ISI backs the Taliban\u{1F600}'],
  ['annotations/lines/unicode.yaml', 'ends-with-combining-mark', 'Zoe\u0308'],
  ['annotations/lines/unicode.yaml', 'astral-then-combining', 'Imran Khan\u{1F44D}\u{1F3FD} agreed'],
  ['annotations/encoding/bom.yaml', 'bom-first-words', 'The ISI'],
];
