// The VS Code extension's manifest and package: what package.json declares
// agrees with the server and the client, and the .vsix holds only what ships.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DIAGNOSTIC_CODES } from '../../server/src/core';
import { SEMANTIC_TOKEN_FALLBACKS, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../server/src/core/features';
import { REPO_ROOT } from '../helpers/tempWorkspace';
import { assertReadmeLinksShipped, sharedPackageFiles } from '../helpers/packagedFiles';

interface Manifest {
  main: string;
  icon: string;
  engines: { vscode: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: { supported: boolean | string; description?: string } };
  contributes: {
    languages: { id: string; filenamePatterns: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    semanticTokenTypes: { id: string; superType: string }[];
    semanticTokenModifiers: { id: string }[];
    commands: { command: string; title: string }[];
    menus: Record<string, { command: string }[]>;
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, { properties?: Record<string, unknown>; default?: unknown }> };
    yamlValidation: { fileMatch: string | string[]; url: string }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;

function clientSources(dir = path.join(REPO_ROOT, 'client', 'src')): string {
  return readdirSync(dir).map((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? clientSources(full) : readFileSync(full, 'utf8');
  }).join('\n');
}

describe('the extension manifest', () => {
  it('targets the VS Code version the language client needs, with matching typings', () => {
    assert.equal(manifest.engines.vscode, '^1.91.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.91.0', 'vsce refuses @types/vscode newer than engines.vscode');
    assert.match(manifest.dependencies['vscode-languageclient'], /^\^11\./);
    assert.equal(manifest.main, './dist/client.js');
  });

  it('declares the server’s semantic token types and modifiers, each custom type falling back to a standard one', () => {
    assert.deepEqual(manifest.contributes.semanticTokenTypes.map((type) => [type.id, type.superType]), SEMANTIC_TOKEN_TYPES.map((type) => [type, SEMANTIC_TOKEN_FALLBACKS[type]]));
    assert.deepEqual(manifest.contributes.semanticTokenModifiers.map((modifier) => modifier.id), [...SEMANTIC_TOKEN_MODIFIERS]);
  });

  it('offers a severity setting for every diagnostic code, and no other', () => {
    const severity = manifest.contributes.configuration.properties['policyAnnotator.severity'];
    assert.deepEqual(Object.keys(severity.properties ?? {}).sort(), Object.keys(DIAGNOSTIC_CODES).sort(), 'add new codes to contributes.configuration "policyAnnotator.severity".properties');
    assert.deepEqual(manifest.contributes.configuration.properties['policyAnnotator.roots'].default, ['annotations']);
    assert.ok(manifest.contributes.configuration.properties['policyAnnotator.trace.server']);
  });

  it('registers in the client every command it declares, and declares every command its menus use', () => {
    const sources = clientSources();
    const declared = new Set(manifest.contributes.commands.map((command) => command.command));
    for (const command of declared) assert.ok(sources.includes(`'${command}'`), `${command} is registered by the client`);
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok(declared.has(entry.command), `${menu} uses ${entry.command}`);
    }
    assert.ok(sources.includes(`'${manifest.contributes.views.explorer[0].id}'`), 'the Actors view is registered');
  });

  it('points at files that exist: grammar, language configuration, schemas, icon', () => {
    const files = [
      manifest.icon,
      ...manifest.contributes.grammars.map((grammar) => grammar.path),
      ...manifest.contributes.languages.map((language) => language.configuration),
      ...manifest.contributes.yamlValidation.map((validation) => validation.url),
    ];
    for (const file of files) assert.ok(existsSync(path.join(REPO_ROOT, file)), file);
    assert.deepEqual(manifest.contributes.yamlValidation.map((validation) => validation.fileMatch), [['**/annotations/**/*.yaml', '**/annotations/**/*.yml'], '**/policy-annotator.yaml']);
    assert.ok(manifest.contributes.languages[0].filenamePatterns.includes('**/annotations/**/*.txt'));
  });

  it('runs in untrusted workspaces, and says why not in virtual ones', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
    assert.match(manifest.capabilities.virtualWorkspaces.description ?? '', /file system/);
  });
});

describe('the .vsix', () => {
  it('holds only the bundles, the grammar, the schemas, the icon, the docs and their screenshots (vsce ls)', () => {
    assert.ok(existsSync(path.join(REPO_ROOT, 'dist', 'client.js')), 'npm test builds dist/ first');
    const listed = execFileSync(process.execPath, [path.join(REPO_ROOT, 'client', 'scripts', 'package-vsix.mjs'), '--ls', '--no-build'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((line) => line !== '')
      .sort();
    const expected = [
      ...sharedPackageFiles(),
      'dist/client.js',
      'dist/networkView.js',
      'images/icon.png',
      'syntaxes/policy-text.language-configuration.json',
      'syntaxes/policy-text.tmLanguage.json',
    ].sort();
    assert.deepEqual(listed, expected);
    assertReadmeLinksShipped(listed, 'the .vsix');
    assert.ok(!listed.some((file) => file.startsWith('node_modules/') || /\.(ts|map)$/.test(file) || file.startsWith('test/') || file.includes('/src/')));
  });
});
