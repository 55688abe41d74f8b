import { parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from './yamlGuards';
import { closestMatches, didYouMeanSuffix } from '../didYouMean';
import { makeDiagnostic, type DiagnosticCode } from '../diagnosticCodes';
import { emptyList, sharedIfEmpty } from '../emptyList';
import { blockReaderDisagreement, FULL_PARSE_OPTIONS } from './blockReaderCheck';
import { parseBlockYaml } from './fastYaml';
import { applyRepairs, findYamlMistakes, mapRangesToOriginal } from './yamlMistakes';
import { excessiveNesting } from './yamlNesting';

export { excessiveNesting, NESTING_LIMITS } from './yamlNesting';
import type { CoreDiagnostic, Located, Span } from '../model';

/** A key/value entry of a YAML mapping, with its source ranges. */
export interface FieldEntry {
  key: string;
  keyRange: Span;
  /** The value node; undefined for `key:` with nothing after it. */
  value: Node | undefined;
  /** From the start of the key to the end of the value. */
  range: Span;
}

/** A field as `fields` finds it: its ranges, needed only to report a problem, are worked out when asked for. */
class MappingField implements FieldEntry {
  constructor(
    readonly key: string,
    private readonly keyNode: Node,
    readonly value: Node | undefined,
  ) {}

  get keyRange(): Span {
    return spanOf(this.keyNode);
  }

  get range(): Span {
    const keyRange = spanOf(this.keyNode);
    return { start: keyRange.start, end: this.value?.range ? this.value.range[1] : keyRange.end };
  }
}

/**
 * A mapping's fields by name, as `fields` finds them: the format's names
 * only, each once, in the order written. A short list searched in order
 * (a mapping of an annotation file holds a dozen fields at most, and the
 * readers look names up by the format's own strings), cheaper to build than
 * a Map for each of the tens of thousands of mappings of a workspace.
 */
export class Fields {
  private readonly entries: FieldEntry[] = [];

  get(name: string): FieldEntry | undefined {
    const entries = this.entries;
    for (let i = 0; i < entries.length; i++) if (entries[i].key === name) return entries[i];
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** The first field written, if any. */
  first(): FieldEntry | undefined {
    return this.entries[0];
  }

  /** The fields in the order written, by name. */
  *[Symbol.iterator](): IterableIterator<[string, FieldEntry]> {
    for (const entry of this.entries) yield [entry.key, entry];
  }

  /** Adds a field, unless one of its name is there already (the first of two counts). */
  add(entry: FieldEntry): void {
    if (!this.has(entry.key)) this.entries.push(entry);
  }
}

const YAML_ERROR_ADVICE: Record<string, string> = {
  DUPLICATE_KEY: 'A key may appear only once in a mapping: remove or rename one of them.',
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
  BAD_INDENT: 'Check the indentation of this line against the lines above it.',
  MISSING_CHAR: 'Add what YAML expects here: a `: ` after a key, a `- ` before a list item, or the closing bracket or quote.',
  MULTILINE_IMPLICIT_KEY: 'Put the key and its colon on one line, or check the indentation above.',
  BLOCK_AS_IMPLICIT_KEY: 'Check the indentation: this line seems to belong to the item above.',
  UNEXPECTED_TOKEN: 'Check the indentation and punctuation around this position.',
  MULTIPLE_DOCS: 'An annotation file holds one YAML document: remove the `---` or `...` line that ends the first one and merge the parts, or split them into files of their own.',
};

/** The parser's wording where it speaks to programmers rather than to the person editing the file. */
const YAML_ERROR_MESSAGES: Record<string, string> = {
  MULTIPLE_DOCS: 'The file goes on after its first YAML document has ended',
};

/**
 * The most problems reported from reading one file; past it, one more says
 * that the rest were left out. A damaged or generated file can otherwise
 * yield a million diagnostics, more than an editor can show or a client
 * can receive.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

/** How many times a file with common mistakes is repaired and parsed again. */
const MAX_REPAIR_ROUNDS = 4;

interface YamlError {
  pos: [number, number];
  code: string;
  message: string;
}

/**
 * Keys that occur twice in one mapping, as the parser reports them with
 * `uniqueKeys` (scalar keys with equal values), found in one pass with a set
 * per mapping.
 */
function duplicateKeyErrors(document: Document.Parsed): YamlError[] {
  const errors: YamlError[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (seen.has(key.value)) {
          const start = key.range?.[0] ?? 0;
          errors.push({ pos: [start, start + 1], code: 'DUPLICATE_KEY', message: 'Map keys must be unique' });
        } else {
          seen.add(key.value);
        }
      }
    },
  });
  return errors;
}

export interface YamlReaderOptions {
  /**
   * Read with the fast reader of the block subset (./fastYaml) first,
   * falling back to the full parser (the default); false reads with the
   * full parser only. The result is the same either way: tests and the
   * parse benchmark turn it off to compare the two.
   */
  fastPath?: boolean;
  /**
   * Paranoid mode: also parse every file the fast reader reads with
   * `parseDocument`, and call this with a sentence naming the file and the
   * first path where the trees differ.
   */
  onBlockReaderDisagreement?: (message: string) => void;
}

/**
 * The models that were read with the full YAML parser (outside the fast
 * subset, or with errors): several times slower to read, so the ones worth
 * keeping in a parse cache. A record beside the model, not part of it.
 */
const readWithFullParser = new WeakSet<object>();

/** Whether a model was read with the full YAML parser (see `markReadWithFullParser`). */
export function wasReadWithFullParser(file: object): boolean {
  return readWithFullParser.has(file);
}

/** Records that a model was read with the full YAML parser (for models that crossed a thread and lost the record). */
export function markReadWithFullParser(file: object): void {
  readWithFullParser.add(file);
}

/** Where the quoted value that runs to the end of the text opens, if one does. */
function unclosedQuoteAt(document: Document.Parsed, text: string): number | undefined {
  let at: number | undefined;
  visit(document, {
    Scalar(_, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] >= text.length) at = node.range[0];
    },
  });
  return at;
}

export function spanOf(node: Node): Span {
  const range = node.range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: range[1] };
}

/**
 * Reads YAML mappings into typed fields and records a diagnostic for every
 * problem it meets, so that one bad value never hides the rest of the file.
 */
export class YamlFieldReader {
  readonly diagnostics: CoreDiagnostic[] = [];
  private document: Document.Parsed | undefined;
  /** True once `parseTopLevel` has used the full YAML parser. */
  usedFullParser = false;

  constructor(
    readonly uri: string,
    private readonly options: YamlReaderOptions = {},
  ) {}

  /**
   * Parses the text and returns the top-level mapping, or undefined (with a
   * diagnostic). `knownKeys`, the field names of the format, lets a key
   * written without its colon be recognised.
   */
  parseTopLevel(text: string, whatItHolds: string, knownKeys: ReadonlySet<string> = new Set()): YAMLMap | undefined {
    const tooDeep = excessiveNesting(text);
    if (tooDeep) {
      this.report({ start: tooDeep.offset, end: tooDeep.offset + 1 }, 'file-unreadable', `This file nests ${tooDeep.what} deeper than ${tooDeep.limit} levels here, which annotation files never need, so it was not read (a generated or damaged file?). Flatten it.`);
      return undefined;
    }
    if (this.options.fastPath ?? true) {
      // Files in the block subset that annotation files are written in, read without the full parser.
      const fast = parseBlockYaml(text);
      const disagreement = fast !== undefined && this.options.onBlockReaderDisagreement ? blockReaderDisagreement(text, fast) : undefined;
      if (disagreement) this.options.onBlockReaderDisagreement!(`${this.uri}: ${disagreement}`);
      if (fast === null) return undefined;
      if (fast) return fast;
    }
    this.usedFullParser = true;
    const parsed = this.parseFull(text);
    if (!parsed) return undefined;
    let { document, errors } = parsed;
    let parsedText = text;
    let toOriginal = (offset: number) => offset;
    // One diagnostic per common mistake, in the annotator's words; the file is read again with them repaired,
    // so the parser's knock-on errors go and the rest of the file is still checked.
    const mistakeLines = new Set<number>();
    for (let round = 0; round < MAX_REPAIR_ROUNDS; round++) {
      const mistakes = findYamlMistakes(parsedText, errors.filter((error) => error.code !== 'DUPLICATE_KEY').map((error) => error.pos[0]), knownKeys);
      if (mistakes.length === 0) break;
      const repaired = applyRepairs(parsedText, mistakes.flatMap((mistake) => mistake.repairs));
      // Tabs become spaces: the repaired text must not nest deeper than the limits either.
      const reparsed = excessiveNesting(repaired.text) ? undefined : this.parseFull(repaired.text);
      if (!reparsed) break;
      const before = toOriginal;
      for (const mistake of mistakes) {
        const start = before(mistake.range.start);
        const line = text.lastIndexOf('\n', start - 1);
        if (mistakeLines.has(line)) continue;
        mistakeLines.add(line);
        this.report({ start, end: Math.max(start, before(mistake.range.end)) }, 'yaml-syntax', mistake.message);
      }
      ({ document, errors } = reparsed);
      parsedText = repaired.text;
      toOriginal = (offset: number) => before(repaired.toOriginal(offset));
    }
    this.reportParserErrors(document, errors, parsedText, toOriginal);
    if (parsedText !== text) mapRangesToOriginal(document, toOriginal);
    this.document = document;
    const contents = document.contents;
    if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
      return undefined;
    }
    if (!isMap(contents)) {
      const kind = isSeq(contents) ? 'a list' : 'a single value';
      this.report(spanOf(contents), 'invalid-value', `The top level of this file is ${kind}, but it must be a mapping with keys such as ${whatItHolds}.`);
      return undefined;
    }
    return contents;
  }

  /** The full parser's document and errors, or undefined (with a diagnostic) when the parser gives up. */
  private parseFull(text: string): { document: Document.Parsed; errors: YamlError[] } | undefined {
    try {
      // Duplicate keys are found apart: the parser's own check is quadratic in the keys of a mapping.
      const document = parseDocument(text, FULL_PARSE_OPTIONS);
      const errors: YamlError[] = [...document.errors.map((error) => ({ pos: error.pos, code: error.code as string, message: error.message })), ...duplicateKeyErrors(document)];
      return { document, errors: errors.sort((a, b) => a.pos[0] - b.pos[0]) };
    } catch {
      // The parser recurses: shapes the nesting scan does not count (such as `{a: a: a: …}`) can exhaust the stack.
      this.report({ start: 0, end: Math.min(text.length, 1) }, 'file-unreadable', 'This file is nested too deeply or too irregularly to be read as YAML (a generated or damaged file?), so it was not read. Flatten it.');
      return undefined;
    }
  }

  /** Reports the parser's errors on `text` at the original text's offsets. */
  private reportParserErrors(document: Document.Parsed, errors: YamlError[], text: string, toOriginal: (offset: number) => number): void {
    const at = (start: number, end: number): Span => ({ start: toOriginal(start), end: Math.max(toOriginal(end), toOriginal(start)) });
    for (const error of errors) {
      const unclosed = error.code === 'MISSING_CHAR' && error.pos[0] >= text.length ? unclosedQuoteAt(document, text) : undefined;
      if (unclosed !== undefined) {
        // The parser reports a quote that never closes at the end of the file; the place to fix is where it opens.
        this.report(at(unclosed, unclosed + 1), 'yaml-syntax', `YAML syntax error: this quote is never closed, so the rest of the file is read as part of its value. Add the closing ${text[unclosed]} where the value ends.`);
        continue;
      }
      const advice = YAML_ERROR_ADVICE[error.code] ?? 'Fix the YAML syntax here.';
      // The parser reports errors at the end of the text one past it: keep ranges inside the text.
      const start = Math.min(error.pos[0], text.length);
      this.report(at(start, Math.min(Math.max(error.pos[1], start + 1), text.length)), 'yaml-syntax', `YAML syntax error: ${YAML_ERROR_MESSAGES[error.code] ?? error.message}. ${advice}`);
    }
  }

  report(range: Span, code: DiagnosticCode, message: string, data?: Record<string, unknown>): void {
    if (this.diagnostics.length > MAX_DIAGNOSTICS_PER_FILE) return;
    if (this.diagnostics.length === MAX_DIAGNOSTICS_PER_FILE) {
      this.diagnostics.push(makeDiagnostic(this.uri, range, code, `This file has more than ${MAX_DIAGNOSTICS_PER_FILE} problems; only the first ${MAX_DIAGNOSTICS_PER_FILE} are shown (is it a generated or damaged file?). Fix those, and the rest will be reported.`));
      return;
    }
    this.diagnostics.push(makeDiagnostic(this.uri, range, code, message, { data }));
  }

  /** Follows a YAML alias to the scalar it names; aliases of lists and mappings are refused. */
  resolve(node: Node | undefined, fieldLabel: string): Node | undefined {
    if (!node || !isAlias(node)) return node;
    const target = this.document ? node.resolve(this.document) : undefined;
    if (target && isScalar(target)) return target;
    this.report(spanOf(node), 'invalid-value', target
      ? `${fieldLabel}: an alias (*${node.source}) may only stand for a single value here; write the list or mapping out.`
      : `${fieldLabel}: the alias *${node.source} is not defined. Define it with &${node.source} before use, or write the value out.`);
    return undefined;
  }

  /**
   * The entries of a mapping, keyed by name. Keys that are not in `allowed`
   * get an unknown-field diagnostic with the closest allowed names.
   */
  fields(map: YAMLMap, allowed: readonly string[], context: string): Fields {
    const entries = new Fields();
    for (const pair of map.items as Pair<Node | null, Node | null>[]) {
      const keyNode = pair.key;
      if (!keyNode || !isScalar(keyNode)) {
        if (keyNode) this.report(spanOf(keyNode), 'invalid-value', `${context}: keys must be plain names, not lists or mappings.`);
        continue;
      }
      const written = String(keyNode.value);
      const known = allowed.indexOf(written);
      if (known < 0) {
        const suggestions = closestMatches(written, allowed);
        this.report(spanOf(keyNode), 'unknown-field', `Unknown field \`${written}\` in ${context}.${didYouMeanSuffix(suggestions)} Allowed fields: ${allowed.join(', ')}.`, { suggestions });
        continue;
      }
      // The allowed name rather than the one sliced from the text: the readers' lookups by name then compare the same string.
      const key = allowed[known];
      entries.add(new MappingField(key, keyNode, pair.value ?? undefined));
    }
    return entries;
  }

  /**
   * A string-valued field. Returns undefined when it is absent, empty or of the
   * wrong type (reporting the last two). `freeText` accepts numbers and
   * booleans as text, for free-text fields.
   */
  string(entry: FieldEntry | undefined, label: string, options: { freeText?: boolean } = {}): Located<string> | undefined {
    if (!entry) return undefined;
    const node = this.resolve(entry.value, label);
    if (!node) {
      if (!entry.value) this.report(entry.keyRange, 'missing-field', `\`${entry.key}\` has no value: give ${label} a value or remove the key.`);
      return undefined;
    }
    if (!isScalar(node)) {
      this.report(spanOf(node), 'invalid-value', `${label} must be a single value, not a ${isSeq(node) ? 'list' : 'mapping'}.`);
      return undefined;
    }
    const raw = node.value;
    if (raw === null || raw === undefined || raw === '') {
      this.report(entry.keyRange, 'missing-field', `\`${entry.key}\` is empty: give ${label} a value or remove the key.`);
      return undefined;
    }
    if (typeof raw !== 'string') {
      if (options.freeText && (typeof raw === 'number' || typeof raw === 'boolean')) {
        return { value: String(node.source ?? raw), range: spanOf(node) };
      }
      this.report(spanOf(node), 'invalid-value', `${label} must be text, but \`${String(node.source ?? raw)}\` is a ${typeof raw}. Put it in quotes if it is meant as text.`);
      return undefined;
    }
    return { value: raw, range: spanOf(node) };
  }

  /** The items of a list field; a single mapping or value where a list is expected is reported. */
  list(entry: FieldEntry | undefined, label: string): Node[] {
    if (!entry) return [];
    return this.listItems(this.resolve(entry.value, label), label);
  }

  private listItems(node: Node | undefined, label: string): Node[] {
    if (!node) return [];
    if (isScalar(node) && (node.value === null || node.value === '')) return [];
    if (!isSeq(node)) {
      this.report(spanOf(node), 'invalid-value', `${label} must be a list (items starting with "- ").`);
      return [];
    }
    return (node.items as (Node | null)[]).filter((item): item is Node => item !== null);
  }

  /** A list item that must be a mapping. */
  mapping(node: Node, label: string): YAMLMap | undefined {
    const resolved = this.resolve(node, label);
    if (!resolved) return undefined;
    if (!isMap(resolved)) {
      this.report(spanOf(resolved), 'invalid-value', `Each ${label} must be a mapping of fields (for example \`id: ...\`), not a ${isSeq(resolved) ? 'list' : 'single value'}.`);
      return undefined;
    }
    return resolved;
  }

  /** A list of strings, such as aliases or `about`. A single string is accepted as a list of one. */
  stringList(entry: FieldEntry | undefined, label: string): Located<string>[] {
    if (!entry) return emptyList();
    const node = this.resolve(entry.value, label);
    if (node && isScalar(node) && typeof node.value === 'string' && node.value !== '') {
      return [{ value: node.value, range: spanOf(node) }];
    }
    const values: Located<string>[] = [];
    for (const item of this.listItems(node, label)) {
      const itemNode = this.resolve(item, label);
      if (!itemNode) continue;
      if (isScalar(itemNode) && typeof itemNode.value === 'string' && itemNode.value !== '') {
        values.push({ value: itemNode.value, range: spanOf(itemNode) });
      } else {
        this.report(spanOf(itemNode), 'invalid-value', `Each entry of ${label} must be non-empty text.`);
      }
    }
    return sharedIfEmpty(values);
  }

  /**
   * The mappings of a list field (`key`), each with its span and its fields: a
   * `noun` that is not a mapping, an unknown field and a missing required one
   * are reported, item by item as the caller reads them.
   */
  *mappingItems(entry: FieldEntry | undefined, key: string, noun: string, allowed: readonly string[], required: readonly string[]): Generator<{ range: Span; fields: Fields }> {
    for (const item of this.list(entry, `\`${key}\``)) {
      const map = this.mapping(item, noun);
      if (!map) continue;
      const range = spanOf(map);
      const fields = this.fields(map, allowed, `a ${noun}`);
      this.requireFields(fields, required, range, `This ${noun}`);
      yield { range, fields };
    }
  }

  /** Reports each required field that is absent; empty ones are reported by `string`. */
  requireFields(fields: Fields, required: readonly string[], itemRange: Span, label: string): void {
    const missing = required.filter((name) => !fields.has(name));
    if (missing.length === 0) return;
    const first = fields.first();
    const range = first ? first.range : itemRange;
    const names = missing.map((m) => `\`${m}\``).join(' and ');
    this.report(range, 'missing-field', `${label} is missing ${names}: add ${missing.length === 1 ? 'it' : 'them'}.`, { missing });
  }
}

/**
 * Checks that a located value is in a vocabulary, reporting it if not.
 * `configKey` names the list under `vocabulary:` in policy-annotator.yaml
 * that extends this vocabulary; without it, the vocabulary is fixed.
 */
export function checkVocabulary(reader: YamlFieldReader, located: Located<string> | undefined, vocabulary: readonly string[], label: string, configKey?: string): Located<string> | undefined {
  if (!located) return undefined;
  const known = vocabulary.indexOf(located.value);
  if (known >= 0) {
    // The vocabulary's own string, equal to the one read: a model then holds one copy of `belief` or `supports`, not one per claim.
    located.value = vocabulary[known];
    return located;
  }
  const suggestions = closestMatches(located.value, vocabulary);
  const extend = configKey ? `add more under \`vocabulary:\` → \`${configKey}:\` in policy-annotator.yaml` : 'the annotation format fixes these';
  reader.report(located.range, 'invalid-value', `\`${located.value}\` is not a known ${label}.${didYouMeanSuffix(suggestions)} Known values: ${vocabulary.join(', ')} (${extend}).`, { suggestions });
  return located;
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Suggests a kebab-case form of an id that does not have one. */
export function kebabCase(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function checkId(reader: YamlFieldReader, located: Located<string> | undefined, label: string): Located<string> | undefined {
  if (!located) return undefined;
  if (!ID_PATTERN.test(located.value)) {
    const suggestion = kebabCase(located.value);
    reader.report(located.range, 'invalid-value', `${label} \`${located.value}\` must be lower-case kebab-case (letters, digits and single hyphens)${suggestion ? `, for example \`${suggestion}\`` : ''}.`, suggestion ? { suggestions: [suggestion] } : undefined);
  }
  return located;
}
