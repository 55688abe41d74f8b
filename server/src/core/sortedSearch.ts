/** Binary searches over ascending arrays of numbers (line starts, offsets). */

/** How many values of an ascending array are below `value`. */
export function countBelow(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the last value at or below the integer `value` (0 when none is: callers search arrays that start at 0). */
export function lastAtOrBelow(sorted: ArrayLike<number>, value: number): number {
  return Math.max(0, countBelow(sorted, Math.floor(value) + 1) - 1);
}
