/** The one empty list, frozen: a push into it throws instead of changing every model that shares it. */
const EMPTY: readonly never[] = Object.freeze([]);

/**
 * The empty list that every absent list of the model shares (a claim's
 * `about`, `reportedBy` and `attributes`, an anchoring result's
 * `candidates`, …): 70,000 claims without them allocate no arrays. Models are
 * read, never changed in place, so sharing it is safe; it is frozen so that a
 * mistake throws.
 */
export function emptyList<T>(): T[] {
  return EMPTY as unknown as T[];
}

/** `list`, or the shared empty list when it is empty (for lists that come from JSON). */
export function sharedIfEmpty<T>(list: T[]): T[] {
  return list.length === 0 ? emptyList<T>() : list;
}
