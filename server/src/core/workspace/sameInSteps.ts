/** Work per step of `sameJsonInSteps`: values compared, 64 characters of a string counting as one more. */
export const WORK_PER_STEP = 4096;

/**
 * Whether two plain values (parsed models) have the same JSON text, a step
 * at a time (WORK_PER_STEP per step), so that comparing two
 * versions of a file of 70,000 claims, or of an actor with 3,000 long
 * aliases, never holds the caller for long. Objects must list the same keys
 * in the same order, as in their JSON; a key whose value is undefined counts
 * too, which at worst reports a change that the JSON texts do not show.
 */
export function* sameJsonInSteps(a: unknown, b: unknown): Generator<void, boolean> {
  const pending: unknown[] = [a, b];
  let work = 0;
  while (pending.length > 0) {
    const y = pending.pop();
    const x = pending.pop();
    work += typeof x === 'string' ? 1 + (x.length >> 6) : 1;
    if (work >= WORK_PER_STEP) {
      work = 0;
      yield;
    }
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      // Different primitives (or one object): the same JSON only for numbers that print alike (NaN and null).
      if (JSON.stringify(x) !== JSON.stringify(y)) return false;
      continue;
    }
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x)) {
      // By index: the keys of a list of 70,000 claims would be 70,000 strings made at once.
      const other = y as unknown[];
      if (x.length !== other.length) return false;
      for (let i = 0; i < x.length; i++) pending.push(x[i], other[i]);
      work += x.length >> 4;
      continue;
    }
    const keys = Object.keys(x);
    const otherKeys = Object.keys(y);
    if (keys.length !== otherKeys.length) return false;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== otherKeys[i]) return false;
      pending.push((x as Record<string, unknown>)[keys[i]], (y as Record<string, unknown>)[keys[i]]);
    }
  }
  return true;
}
