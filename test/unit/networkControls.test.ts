// The model of the Actor network view's controls
// (client/src/network/webview/controlModel.ts): what each network type
// offers, the reset of a choice when the type changes, the stops of the
// relation graph's date slider. The client is compiled apart from the tests
// (it imports only the protocol), so its compiled module is loaded here.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { networkChoices } from '../../server/src/lsp/custom/networkGraph';
import type { NetworkChoices } from '../../server/src/protocol';
import { REPO_ROOT } from '../helpers/tempWorkspace';

interface Options {
  type: string;
  qualifierAggregation: string;
  normalization: string;
  [other: string]: unknown;
}
interface ControlModel {
  INITIAL_CHOICES: NetworkChoices;
  controlsFor(choices: NetworkChoices, type: string): NetworkChoices['onemode'];
  applicableOptions<T extends Options>(choices: NetworkChoices, options: T): T;
  dateAt(dates: readonly string[], position: number): string | undefined;
  positionOf(dates: readonly string[], date: string | undefined): number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const model = require(path.join(REPO_ROOT, 'out', 'client', 'src', 'network', 'webview', 'controlModel.js')) as ControlModel;
const choices = networkChoices();

describe('the network view’s controls', () => {
  it('start with the lists the server answers (DNA’s, from the network engine)', () => {
    assert.deepEqual(model.INITIAL_CHOICES, choices);
  });

  it('offer for each type only what applies to it, and columns in two-mode only', () => {
    assert.deepEqual(model.controlsFor(choices, 'onemode'), { qualifierAggregation: ['ignore', 'congruence', 'conflict', 'subtract'], normalization: ['no', 'average', 'jaccard', 'cosine'], columns: false });
    assert.deepEqual(model.controlsFor(choices, 'twomode'), { qualifierAggregation: ['ignore', 'subtract', 'combine'], normalization: ['no', 'activity', 'prominence'], columns: true });
  });

  it('reset a choice that stops applying when the type changes, and keep one that still applies', () => {
    const oneMode = { type: 'onemode', qualifierAggregation: 'conflict', normalization: 'jaccard', isolates: true };
    assert.deepEqual(model.applicableOptions(choices, { ...oneMode, type: 'twomode' }), { type: 'twomode', qualifierAggregation: 'ignore', normalization: 'no', isolates: true });
    assert.deepEqual(model.applicableOptions(choices, { type: 'twomode', qualifierAggregation: 'subtract', normalization: 'prominence' }), { type: 'twomode', qualifierAggregation: 'subtract', normalization: 'prominence' });
    assert.deepEqual(model.applicableOptions(choices, { type: 'onemode', qualifierAggregation: 'subtract', normalization: 'activity' }), { type: 'onemode', qualifierAggregation: 'subtract', normalization: 'no' });
    assert.deepEqual(model.applicableOptions(choices, { type: 'onemode', qualifierAggregation: 'combine', normalization: 'cosine' }), { type: 'onemode', qualifierAggregation: 'ignore', normalization: 'cosine' });
  });

  it('never leave a choice the server would have to replace, whatever the type and the earlier choice', () => {
    const all = { qualifierAggregation: new Set(Object.values(choices).flatMap((c) => c.qualifierAggregation)), normalization: new Set(Object.values(choices).flatMap((c) => c.normalization)) };
    for (const type of ['onemode', 'twomode'] as const) {
      for (const qualifierAggregation of all.qualifierAggregation) {
        for (const normalization of all.normalization) {
          const shown = model.applicableOptions(choices, { type, qualifierAggregation, normalization });
          assert.ok(choices[type].qualifierAggregation.includes(shown.qualifierAggregation as never), `${type} ${qualifierAggregation}`);
          assert.ok(choices[type].normalization.includes(shown.normalization as never), `${type} ${normalization}`);
        }
      }
    }
  });

  it('put "any date" first on the relation graph’s slider, then each date', () => {
    const dates = ['2015', '2016-05-02', '2019-03-01'];
    assert.equal(model.dateAt(dates, 0), undefined);
    assert.equal(model.dateAt(dates, 1), '2015');
    assert.equal(model.dateAt(dates, 3), '2019-03-01');
    assert.equal(model.dateAt(dates, 4), undefined);
    assert.equal(model.dateAt(dates, Number.NaN), undefined);
    for (let position = 0; position <= dates.length; position++) assert.equal(model.positionOf(dates, model.dateAt(dates, position)), position);
    assert.equal(model.positionOf(dates, '2017'), 0, 'a date that is no stop: any date');
  });
});
