import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { REPO_ROOT } from '../helpers/tempWorkspace';

// The core is a TypeScript project of its own, compiled without Node's types,
// so that a Node global used in server/src/core fails to compile.
const CORE = path.join(REPO_ROOT, 'server/src/core');

function parsedConfig(file: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(file, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')) });
  assert.ok(parsed, `${file} could not be read`);
  assert.deepEqual(parsed.errors, []);
  return parsed;
}

/** The errors of a file compiled as if it were in server/src/core, with the core project's options. */
function coreCompileErrors(code: string): string[] {
  const { options } = parsedConfig(path.join(CORE, 'tsconfig.json'));
  const probe = path.join(CORE, 'probe.ts');
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => (path.resolve(file) === probe ? ts.createSourceFile(file, code, language) : getSourceFile(file, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === probe || fileExists(file);
  const program = ts.createProgram({ rootNames: [probe, path.join(CORE, 'hostGlobals.d.ts')], options: { ...options, noEmit: true, composite: false, declaration: false }, host });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe("the core's own TypeScript project", () => {
  it('is composite, without Node types, and writes where the core always went (out/server/src/core)', () => {
    const { options, fileNames } = parsedConfig(path.join(CORE, 'tsconfig.json'));
    assert.deepEqual(options.types, []);
    assert.equal(options.composite, true);
    assert.equal(path.resolve(options.outDir!), path.join(REPO_ROOT, 'out/server/src/core'));
    assert.equal(path.resolve(options.rootDir!), CORE);
    assert.ok(fileNames.length > 50);
    assert.deepEqual(fileNames.filter((file) => !path.resolve(file).startsWith(CORE + path.sep)), []);
  });

  it('is the only project that compiles the core: the server project leaves it out and references it', () => {
    const { fileNames, projectReferences } = parsedConfig(path.join(REPO_ROOT, 'server/tsconfig.json'));
    assert.deepEqual(fileNames.filter((file) => path.resolve(file).startsWith(CORE + path.sep)), []);
    assert.ok(fileNames.some((file) => file.endsWith(path.join('node', 'cliMain.ts'))));
    assert.deepEqual(projectReferences?.map((reference) => path.resolve(reference.path)), [CORE]);
  });

  for (const [name, snippet] of [
    ['process', 'export const home = process.env.HOME;'],
    ['Buffer', "export const bytes = Buffer.from('x');"],
    ['setTimeout', 'export const later = setTimeout(() => undefined, 1);'],
    ['queueMicrotask', 'queueMicrotask(() => undefined);'],
    ['performance', 'export const now = performance.now();'],
    ['console', "console.log('x');"],
    ['require', "export const fs = require('fs');"],
    ['__dirname', 'export const here = __dirname;'],
  ]) {
    it(`fails to compile a use of ${name} in the core`, () => {
      const errors = coreCompileErrors(snippet);
      assert.ok(errors.some((message) => message.includes(`Cannot find name '${name}'`)), `expected "Cannot find name '${name}'", got ${JSON.stringify(errors)}`);
    });
  }

  it('compiles what the core may use: ECMAScript and the Encoding API', () => {
    const code = [
      "export const text = new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode('é'));",
      "export const words = [...new Intl.Segmenter('en', { granularity: 'word' }).segment('a b')].length;",
      'export const found = [1, 2].at(-1) ?? new Map<string, number>().size;',
    ].join('\n');
    assert.deepEqual(coreCompileErrors(code), []);
  });
});
