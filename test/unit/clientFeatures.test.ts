// What the server reads of a client's capabilities (server/src/lsp/clientFeatures.ts):
// creating a file (authoring, curation) needs `documentChanges` and the `create` resource operation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InitializeParams } from 'vscode-languageserver';
import { clientFeatures } from '../../server/src/lsp/clientFeatures';

const withEdits = (workspaceEdit: object): InitializeParams => ({ processId: null, rootUri: null, capabilities: { workspace: { workspaceEdit } } });

describe('client features', () => {
  it('creates files only for a client that lists the create operation beside documentChanges', () => {
    assert.equal(clientFeatures(withEdits({ documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] })).fileCreation, true);
    assert.equal(clientFeatures(withEdits({ documentChanges: true })).fileCreation, false, 'versioned edits alone do not create files');
    assert.equal(clientFeatures(withEdits({ documentChanges: true, resourceOperations: ['rename'] })).fileCreation, false);
    assert.equal(clientFeatures(withEdits({ resourceOperations: ['create'] })).fileCreation, false, 'a create needs documentChanges to carry it');
    assert.equal(clientFeatures(withEdits({ documentChanges: true })).versionedEdits, true);
  });
});
