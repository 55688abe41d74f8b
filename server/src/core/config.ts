import type { Node } from 'yaml';
import { isMap, isScalar } from './syntax/yamlGuards';
import { closestMatches, didYouMeanSuffix } from './didYouMean';
import { DIAGNOSTIC_CODES, isDiagnosticCode } from './diagnosticCodes';
import { DEFAULT_LIMITS, formatLimit, HARD_LIMITS, LIMIT_KEYS, LIMIT_NAMES, parseSize, type Limits } from './limits';
import type { CoreDiagnostic, Severity } from './model';
import { DEFAULT_VOCABULARY, extendVocabulary, type RelationTypeInfo, type StanceInfo, type Vocabulary, type VocabularyAdditions } from './vocabulary';
import { checkId, ID_PATTERN, spanOf, YamlFieldReader, type FieldEntry, type YamlReaderOptions } from './syntax/yamlFields';

/** The name of the optional configuration file at the workspace root. */
export const CONFIG_FILE_NAME = 'policy-annotator.yaml';

export type SeveritySetting = Severity | 'off';

export { allowedLimits, DEFAULT_LIMITS, formatLimit, HARD_LIMITS, LIMIT_NAMES, parseSize, type Limits } from './limits';

export interface WorkspaceConfig {
  /** Folders, relative to the workspace root, that hold annotation files. */
  roots: string[];
  limits: Limits;
  vocabulary: Vocabulary;
  /** Per-code severity overrides. */
  severity: Record<string, SeveritySetting>;
}

export interface ParsedConfig {
  config: WorkspaceConfig;
  diagnostics: CoreDiagnostic[];
}

export const DEFAULT_CONFIG: WorkspaceConfig = {
  roots: ['annotations'],
  vocabulary: DEFAULT_VOCABULARY,
  severity: {},
  limits: DEFAULT_LIMITS,
};

export const CONFIG_FIELDS = ['roots', 'vocabulary', 'severity', 'limits'] as const;
const VOCABULARY_FIELDS = ['actor-kinds', 'relation-types', 'claim-types', 'entity-kinds', 'stances', 'contributor-roles'] as const;
const STANCE_FIELDS = ['id', 'score', 'label'] as const;
const RELATION_TYPE_FIELDS = ['id', 'symmetric', 'transitive', 'inverse', 'subject-kinds', 'target-kinds'] as const;
const SEVERITY_VALUES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/**
 * Parses `policy-annotator.yaml`. Problems become diagnostics; whatever is
 * valid still applies. `allowed` are the limits the user allows (the
 * defaults unless their own settings or flags raised them): the file may
 * lower them, never raise them. `options` choose how the YAML is read.
 */
export function parseConfig(uri: string, text: string, allowed: Limits = DEFAULT_LIMITS, options?: YamlReaderOptions): ParsedConfig {
  const reader = new YamlFieldReader(uri, options);
  const root = reader.parseTopLevel(text, '`roots`, `vocabulary` and `severity`');
  if (!root) return { config: { ...DEFAULT_CONFIG, limits: allowed }, diagnostics: reader.diagnostics };
  const fields = reader.fields(root, CONFIG_FIELDS, 'policy-annotator.yaml');

  const roots = readRoots(reader, fields.get('roots'));
  const additions = readVocabulary(reader, fields.get('vocabulary'));
  const severity = readSeverity(reader, fields.get('severity'));
  const limits = readLimits(reader, fields.get('limits'), allowed);
  return {
    config: {
      roots: roots.length > 0 ? roots : DEFAULT_CONFIG.roots,
      vocabulary: extendVocabulary(DEFAULT_VOCABULARY, additions),
      severity,
      limits,
    },
    diagnostics: reader.diagnostics,
  };
}

function readRoots(reader: YamlFieldReader, entry: FieldEntry | undefined): string[] {
  const roots: string[] = [];
  for (const root of reader.stringList(entry, '`roots`')) {
    const path = root.value.replace(/\\/g, '/').replace(/\/+$/, '');
    if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.split('/').includes('..')) {
      reader.report(root.range, 'invalid-value', `The root \`${root.value}\` must be a folder inside the workspace, written relative to it (for example \`annotations\`).`);
      continue;
    }
    roots.push(path === '' ? '.' : path);
  }
  return roots;
}

function readVocabulary(reader: YamlFieldReader, entry: FieldEntry | undefined): VocabularyAdditions {
  if (!entry) return {};
  const map = entry.value && reader.mapping(entry.value, '`vocabulary`');
  if (!map) return {};
  const fields = reader.fields(map, VOCABULARY_FIELDS, '`vocabulary`');
  const ids = (name: string) => reader.stringList(fields.get(name), `\`${name}\``).map((v) => checkId(reader, v, 'A vocabulary value')!.value);
  const relationTypes: RelationTypeInfo[] = [];
  for (const item of reader.list(fields.get('relation-types'), '`relation-types`')) {
    const resolved = reader.resolve(item, 'a relation type');
    if (resolved && isScalar(resolved) && typeof resolved.value === 'string') {
      relationTypes.push({ id: checkId(reader, { value: resolved.value, range: spanOf(resolved) }, 'A relation type')!.value });
      continue;
    }
    const relationMap = resolved && isMap(resolved) ? resolved : reader.mapping(item, 'relation type');
    if (!relationMap) continue;
    const relationFields = reader.fields(relationMap, RELATION_TYPE_FIELDS, 'a relation type');
    const id = checkId(reader, reader.string(relationFields.get('id'), 'the relation type id'), 'A relation type');
    if (!id) {
      reader.requireFields(relationFields, ['id'], spanOf(relationMap), 'This relation type');
      continue;
    }
    const info: RelationTypeInfo = { id: id.value };
    const flag = (name: string) => readBoolean(reader, relationFields.get(name));
    info.symmetric = flag('symmetric');
    info.transitive = flag('transitive');
    info.inverse = reader.string(relationFields.get('inverse'), 'the inverse name')?.value;
    const subjectKinds = reader.stringList(relationFields.get('subject-kinds'), '`subject-kinds`').map((v) => v.value);
    const targetKinds = reader.stringList(relationFields.get('target-kinds'), '`target-kinds`').map((v) => v.value);
    if (subjectKinds.length) info.subjectKinds = subjectKinds;
    if (targetKinds.length) info.targetKinds = targetKinds;
    for (const key of Object.keys(info) as (keyof RelationTypeInfo)[]) if (info[key] === undefined) delete info[key];
    relationTypes.push(info);
  }
  return { actorKinds: ids('actor-kinds'), claimTypes: ids('claim-types'), relationTypes, stances: readStances(reader, fields.get('stances')), contributorRoles: ids('contributor-roles'), entityKinds: ids('entity-kinds') };
}

/**
 * `vocabulary: stances:`, each `{id, score, label?}` or a bare id (score 0).
 * A score is an integer: it is the qualifier of discourse networks, which
 * Discourse Network Analyzer stores as an integer. An entry whose id is not
 * valid is reported and left out.
 */
function readStances(reader: YamlFieldReader, entry: FieldEntry | undefined): StanceInfo[] {
  const stances: StanceInfo[] = [];
  for (const item of reader.list(entry, '`stances`')) {
    const resolved = reader.resolve(item, 'a stance');
    if (resolved && isScalar(resolved) && typeof resolved.value === 'string' && resolved.value !== '') {
      const id = validId(reader, { value: resolved.value, range: spanOf(resolved) }, 'A stance');
      if (id) stances.push({ id, score: 0 });
      continue;
    }
    const stanceMap = resolved && isMap(resolved) ? resolved : reader.mapping(item, 'stance');
    if (!stanceMap) continue;
    const stanceFields = reader.fields(stanceMap, STANCE_FIELDS, 'a stance');
    reader.requireFields(stanceFields, ['id', 'score'], spanOf(stanceMap), 'This stance');
    const id = validId(reader, reader.string(stanceFields.get('id'), 'the stance id'), 'A stance');
    if (!id) continue;
    const label = reader.string(stanceFields.get('label'), 'the stance label', { freeText: true })?.value;
    stances.push({ id, score: readScore(reader, stanceFields.get('score'), id), ...(label !== undefined ? { label } : {}) });
  }
  return stances;
}

/** A stance's score; anything but an integer is reported and scores 0. */
function readScore(reader: YamlFieldReader, entry: FieldEntry | undefined, id: string): number {
  if (!entry) return 0;
  const node: Node | undefined = reader.resolve(entry.value, entry.key);
  if (node && isScalar(node) && typeof node.value === 'number' && Number.isSafeInteger(node.value)) return node.value;
  const written = node && isScalar(node) ? String(node.source ?? node.value) : '';
  reader.report(node ? spanOf(node) : entry.keyRange, 'invalid-value', `The score of the stance \`${id}\`${written ? ` (\`${written}\`)` : ''} must be a whole number such as 1, 0 or -1: it is the integer qualifier of Discourse Network Analyzer's statements. Scored 0 until fixed.`);
  return 0;
}

/** A vocabulary id, or undefined (reported) when it is not kebab-case. */
function validId(reader: YamlFieldReader, located: Parameters<typeof checkId>[1], label: string): string | undefined {
  if (!located) return undefined;
  checkId(reader, located, label);
  return ID_PATTERN.test(located.value) ? located.value : undefined;
}

/** The workspace's limits: each may lower what the user allows; a higher one is ignored, with a warning that says how to raise it. */
function readLimits(reader: YamlFieldReader, entry: FieldEntry | undefined, allowed: Limits): Limits {
  const limits = { ...allowed };
  if (!entry) return limits;
  const map = entry.value && reader.mapping(entry.value, '`limits`');
  if (!map) return limits;
  const fields = reader.fields(map, LIMIT_KEYS.map((key) => LIMIT_NAMES[key].field), '`limits`');
  for (const key of LIMIT_KEYS) {
    const { field, flag, setting } = LIMIT_NAMES[key];
    const located = reader.string(fields.get(field), `\`${field}\``, { freeText: true });
    if (!located) continue;
    const bytes = parseSize(located.value);
    if (bytes === undefined || bytes <= 0) {
      reader.report(located.range, 'invalid-value', `\`${located.value}\` is not a size: write a number of bytes or a size such as 5MB or 512KB.`);
      continue;
    }
    if (bytes > allowed[key]) {
      reader.report(
        located.range,
        'limit-ignored',
        `\`${field}: ${located.value}\` is ignored: a workspace's policy-annotator.yaml may only lower a limit, and ${formatLimit(allowed[key])} applies here. To read larger files, raise it yourself: the user setting ${setting} or the CLI flag ${flag} (at most ${formatLimit(HARD_LIMITS[key])}).`,
      );
      continue;
    }
    limits[key] = bytes;
  }
  return limits;
}

function readBoolean(reader: YamlFieldReader, entry: FieldEntry | undefined): boolean | undefined {
  if (!entry) return undefined;
  const node: Node | undefined = reader.resolve(entry.value, entry.key);
  if (node && isScalar(node) && typeof node.value === 'boolean') return node.value;
  reader.report(node ? spanOf(node) : entry.keyRange, 'invalid-value', `\`${entry.key}\` must be true or false.`);
  return undefined;
}

function readSeverity(reader: YamlFieldReader, entry: FieldEntry | undefined): Record<string, SeveritySetting> {
  const severity: Record<string, SeveritySetting> = {};
  if (!entry) return severity;
  const map = entry.value && reader.mapping(entry.value, '`severity`');
  if (!map) return severity;
  const codes = Object.keys(DIAGNOSTIC_CODES);
  const fields = reader.fields(map, codes, '`severity` (keys are diagnostic codes)');
  for (const [code, field] of fields) {
    const value = reader.string(field, `the severity of \`${code}\``);
    if (!value) continue;
    if (!SEVERITY_VALUES.includes(value.value as SeveritySetting)) {
      reader.report(value.range, 'invalid-value', `\`${value.value}\` is not a severity.${didYouMeanSuffix(closestMatches(value.value, SEVERITY_VALUES))} Use one of: ${SEVERITY_VALUES.join(', ')}.`);
      continue;
    }
    if (isDiagnosticCode(code)) severity[code] = value.value as SeveritySetting;
  }
  return severity;
}

/** Applies the configured severity overrides; diagnostics set to `off` are dropped. */
export function applySeverityOverrides(diagnostics: CoreDiagnostic[], config: WorkspaceConfig): CoreDiagnostic[] {
  const result: CoreDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const setting = config.severity[diagnostic.code];
    if (setting === 'off') continue;
    result.push(setting && setting !== diagnostic.severity ? { ...diagnostic, severity: setting } : diagnostic);
  }
  return result;
}
