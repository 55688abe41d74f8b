import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { DEFAULT_VOCABULARY, parseAnnotationFile, parseConfig, type Vocabulary } from '../../server/src/core';
import { ID_PATTERN } from '../../server/src/core/syntax/yamlFields';

// What the schema tests share (schemas.test.ts, schemaVocabulary.test.ts).
/*
 * The JSON Schemas in schemas/ describe the annotation format for editors
 * (hover, completion, red squiggles through the Red Hat YAML extension). The
 * core parser is the authority; these tests keep the two in step.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type SchemaNode = { [key: string]: Json };

/** Keywords the VS Code / Red Hat YAML editors understand beyond draft-07; annotations only. */
export const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets'];

export function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const ANNOTATION_SCHEMA_PATH = join(REPO_ROOT, 'schemas', 'annotation-file.schema.json');
export const CONFIG_SCHEMA_PATH = join(REPO_ROOT, 'schemas', 'policy-annotator.schema.json');

export function readJson(path: string): SchemaNode {
  return JSON.parse(readFileSync(path, 'utf8')) as SchemaNode;
}

export const annotationSchema = readJson(ANNOTATION_SCHEMA_PATH);
export const configSchema = readJson(CONFIG_SCHEMA_PATH);

export function makeAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  for (const keyword of EDITOR_KEYWORDS) ajv.addKeyword(keyword);
  return ajv;
}

let compiled: { ajv: Ajv; annotation: ValidateFunction; config: ValidateFunction } | undefined;

/** Validates against one schema. Compiled on first use, so that a schema that fails to compile fails tests, not the file. */
export function validate(which: 'annotation' | 'config', data: unknown): { valid: boolean; errors: string } {
  if (!compiled) {
    const ajv = makeAjv();
    compiled = { ajv, annotation: ajv.compile(annotationSchema), config: ajv.compile(configSchema) };
  }
  const validator = compiled[which];
  const valid = validator(data) as boolean;
  return { valid, errors: valid ? '' : compiled.ajv.errorsText(validator.errors, { separator: '\n  ' }) };
}

/** Follows a local `#/definitions/...` reference, or returns the node itself. */
export function deref(root: SchemaNode, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  assert.ok(ref.startsWith('#/'), `only local references are used, got ${ref}`);
  let target: Json = root;
  for (const part of ref.slice(2).split('/')) target = (target as SchemaNode)[part];
  assert.ok(target && typeof target === 'object', `dangling reference ${ref}`);
  return deref(root, target as SchemaNode);
}

export function at(root: SchemaNode, ...path: string[]): SchemaNode {
  let node: SchemaNode = root;
  for (const part of path) {
    node = deref(root, node);
    const next = node[part];
    assert.ok(next && typeof next === 'object', `schema has no ${path.join('.')}`);
    node = next as SchemaNode;
  }
  return deref(root, node);
}

export function propertyNames(root: SchemaNode, ...path: string[]): string[] {
  return Object.keys(at(root, ...path, 'properties'));
}

/** Every subschema, with the path that leads to it. */
export function* walk(node: Json, path: string): Generator<[string, SchemaNode]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* walk(item, `${path}[${i}]`);
    return;
  }
  yield [path, node];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'defaultSnippets' || key === 'enum') continue;
    yield* walk(value, `${path}/${key}`);
  }
}

/** The enum of the suggestion branch of an open vocabulary (`anyOf: [{enum}, {pattern}]`). */
export function suggestedValues(node: SchemaNode): Json[] {
  const branches = node.anyOf as SchemaNode[];
  assert.ok(Array.isArray(branches), 'an open vocabulary is an anyOf');
  const withEnum = branches.filter((b) => Array.isArray(b.enum));
  assert.equal(withEnum.length, 1, 'exactly one branch lists the defaults');
  const open = branches.filter((b) => b.pattern === ID_PATTERN.source);
  assert.equal(open.length, 1, 'one branch accepts any kebab-case value');
  return withEnum[0].enum as Json[];
}

export function annotationFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...annotationFiles(path));
    else if (/\.ya?ml$/.test(entry.name)) files.push(path);
  }
  return files.sort();
}

export function coreProblems(text: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): string[] {
  return parseAnnotationFile('file:///workspace/annotations/snippet.yaml', text, vocabulary).diagnostics.map((d) => `${d.code}: ${d.message}`);
}

export function coreConfigProblems(text: string): string[] {
  return parseConfig('file:///workspace/policy-annotator.yaml', text).diagnostics.map((d) => `${d.code}: ${d.message}`);
}

export const lines = (...rows: string[]) => rows.join('\n') + '\n';
