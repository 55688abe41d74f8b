import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/*
 * Cheap constructors for the `yaml` package's nodes that the block reader
 * (./fastYaml) builds, one for every key, value and pair of every file.
 *
 * The package's own constructors define the node's type on each instance
 * with `Object.defineProperty(this, Symbol.for('yaml.node.type'), …)`, and
 * collections define a `schema` property the same way: several times the
 * cost of the rest of building a node. The nodes made here inherit from the
 * package's prototypes (`Scalar.prototype`, …), on which the type is defined
 * once, so `isScalar`, `isMap`, `isSeq`, `isPair`, `instanceof`, the
 * methods and `constructor` all behave as for the package's nodes; what
 * differs is only that the type is an inherited rather than an own property
 * (and that collections have no `schema`, which the block reader never gave
 * them). This relies on `Symbol.for('yaml.node.type')` being the key the
 * package's type guards read: test/unit/yamlNodes.test.ts fails if a new
 * version of the package changes that.
 */

/** The key under which the `yaml` package records a node's type. */
export const NODE_TYPE = Symbol.for('yaml.node.type');

/** A prototype that inherits `base` and carries the node type the package's own constructor gives. */
function prototypeWithType(base: object, example: object): object {
  const type = (example as Record<symbol, unknown>)[NODE_TYPE];
  if (type === undefined) throw new Error(`the yaml package no longer records a node's type under Symbol.for('yaml.node.type'): src/core/syntax/yamlNodes.ts must change with it`);
  return Object.create(base, { [NODE_TYPE]: { value: type } }) as object;
}

type Range = [number, number, number];

interface ScalarConstructor {
  new (value: unknown, range: Range, source: string, type: Scalar.Type): Scalar;
}
interface PairConstructor {
  new (key: Scalar, value: Node): Pair<Scalar, Node>;
}
interface CollectionConstructor<T> {
  new (): T;
}

const CheapScalar = function (this: Scalar, value: unknown, range: Range, source: string, type: Scalar.Type) {
  this.value = value;
  this.range = range;
  this.source = source;
  this.type = type;
} as unknown as ScalarConstructor;
CheapScalar.prototype = prototypeWithType(Scalar.prototype, new Scalar(null)) as Scalar;

const CheapPair = function (this: Pair<Scalar, Node>, key: Scalar, value: Node) {
  this.key = key;
  this.value = value;
} as unknown as PairConstructor;
CheapPair.prototype = prototypeWithType(Pair.prototype, new Pair(null)) as Pair<Scalar, Node>;

const CheapMap = function (this: YAMLMap) {
  this.items = [];
} as unknown as CollectionConstructor<YAMLMap<Scalar, Node>>;
CheapMap.prototype = prototypeWithType(YAMLMap.prototype, new YAMLMap()) as YAMLMap<Scalar, Node>;

const CheapSeq = function (this: YAMLSeq) {
  this.items = [];
} as unknown as CollectionConstructor<YAMLSeq<Node>>;
CheapSeq.prototype = prototypeWithType(YAMLSeq.prototype, new YAMLSeq()) as YAMLSeq<Node>;

/** A scalar with its value, range, source and type (`PLAIN`, `QUOTE_DOUBLE`, …). */
export function newScalar(value: unknown, range: Range, source: string, type: Scalar.Type): Scalar {
  return new CheapScalar(value, range, source, type);
}

export function newPair(key: Scalar, value: Node): Pair<Scalar, Node> {
  return new CheapPair(key, value);
}

/** An empty block mapping. */
export function newMap(): YAMLMap<Scalar, Node> {
  return new CheapMap();
}

/** An empty sequence. */
export function newSeq(): YAMLSeq<Node> {
  return new CheapSeq();
}
