// The cheap node constructors of the block reader (server/src/core/syntax/yamlNodes.ts)
// rely on an internal of the `yaml` package: that its type guards read a node's
// type under Symbol.for('yaml.node.type'), which the package's constructors
// define on every instance and ours inherit from the package's prototypes.
// If a new version of the package records the type another way, these fail.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCollection, isMap, isNode, isPair, isScalar, isSeq, Pair, parseDocument, Scalar, stringify, YAMLMap, YAMLSeq } from 'yaml';
import { parseBlockYaml } from '../../server/src/core/syntax/fastYaml';
import { newMap, newPair, newScalar, newSeq, NODE_TYPE } from '../../server/src/core/syntax/yamlNodes';

describe('the block reader\'s cheap yaml nodes', () => {
  it('are typed under the symbol the yaml package\'s own nodes carry their type under', () => {
    for (const [ours, theirs] of [
      [newScalar('x', [0, 1, 1], 'x', 'PLAIN'), new Scalar('x')],
      [newPair(newScalar('k', [0, 1, 1], 'k', 'PLAIN'), newScalar('v', [3, 4, 4], 'v', 'PLAIN')), new Pair(null)],
      [newMap(), new YAMLMap()],
      [newSeq(), new YAMLSeq()],
    ] as const) {
      const type = (theirs as unknown as Record<symbol, unknown>)[NODE_TYPE];
      assert.equal(typeof type, 'symbol', `the yaml package records a node's type under Symbol.for('yaml.node.type') (${theirs.constructor.name})`);
      assert.ok(Object.getOwnPropertySymbols(theirs).includes(NODE_TYPE), 'the package defines the type on each instance');
      assert.equal((ours as unknown as Record<symbol, unknown>)[NODE_TYPE], type);
      assert.equal(ours.constructor, theirs.constructor);
      assert.ok(ours instanceof theirs.constructor);
    }
  });

  it('pass the yaml package\'s type guards as its own nodes do', () => {
    const scalar = newScalar(1, [0, 1, 1], '1', 'PLAIN');
    const pair = newPair(newScalar('k', [0, 1, 1], 'k', 'PLAIN'), scalar);
    const map = newMap();
    const seq = newSeq();
    assert.deepEqual([isScalar(scalar), isPair(scalar), isMap(scalar), isSeq(scalar), isNode(scalar)], [true, false, false, false, true]);
    assert.deepEqual([isScalar(pair), isPair(pair), isMap(pair), isSeq(pair), isNode(pair)], [false, true, false, false, false]);
    assert.deepEqual([isScalar(map), isMap(map), isSeq(map), isCollection(map)], [false, true, false, true]);
    assert.deepEqual([isScalar(seq), isMap(seq), isSeq(seq), isCollection(seq)], [false, false, true, true]);
  });

  it('build trees the yaml package can work with: read, clone and stringify as parseDocument\'s', () => {
    const text = 'id: a\nlist:\n  - 1\n  - "two"\nnested:\n  flag: true\n';
    const ours = parseBlockYaml(text)!;
    const theirs = parseDocument(text).contents as YAMLMap;
    assert.ok(ours);
    assert.deepEqual(ours.toJSON(), theirs.toJSON());
    assert.equal(stringify(ours), stringify(theirs));
    assert.equal(ours.get('id'), 'a');
    const copy = ours.clone() as YAMLMap;
    assert.ok(isMap(copy));
    assert.deepEqual(copy.toJSON(), theirs.toJSON());
    const list = ours.get('list') as YAMLSeq;
    assert.ok(isSeq(list) && isScalar(list.items[0]));
  });
});
