// The custom methods on the wire: editors other than VS Code call them by
// these names, so turning the string constants into typed objects (issue 14)
// must not change one of them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import * as protocol from '../../server/src/protocol';

describe('the shared protocol', () => {
  it('has one typed request or notification per custom method, under the names the server has always answered', () => {
    const requests: string[] = [];
    const notifications: string[] = [];
    for (const value of Object.values(protocol)) {
      if (value instanceof RequestType) requests.push(value.method);
      else if (value instanceof NotificationType) notifications.push(value.method);
      else assert.fail(`the protocol exports only message types at run time, not ${JSON.stringify(value)}`);
    }
    assert.deepEqual(requests.sort(), [
      'policyAnnotator/actorActivity',
      'policyAnnotator/actors',
      'policyAnnotator/addAlias',
      'policyAnnotator/annotateClaim',
      'policyAnnotator/compareWith',
      'policyAnnotator/createActor',
      'policyAnnotator/dismissDifference',
      'policyAnnotator/export',
      'policyAnnotator/network',
      'policyAnnotator/networkNode',
      'policyAnnotator/stopComparing',
      'policyAnnotator/takeTheirAnnotation',
      'policyAnnotator/theirOnlyTexts',
      'policyAnnotator/writeExport',
    ]);
    assert.deepEqual(notifications, ['policyAnnotator/indexChanged']);
  });
});
