import * as yaml from 'yaml';

/*
 * The `yaml` package's type guards, read once. The package is CommonJS: in
 * the bundles esbuild reaches its exports through a namespace object with
 * one getter per export (`() => from[key]`, one function for every key), so
 * `isScalar(node)` written against the package costs a getter call and a
 * megamorphic property read on every call, and keeps the callers from being
 * optimised well. Read here once, they are plain functions: the readers of
 * the model call them for every key and value of every file.
 */

export const isAlias: typeof yaml.isAlias = yaml.isAlias;
export const isMap: typeof yaml.isMap = yaml.isMap;
export const isPair: typeof yaml.isPair = yaml.isPair;
export const isScalar: typeof yaml.isScalar = yaml.isScalar;
export const isSeq: typeof yaml.isSeq = yaml.isSeq;
