/**
 * @module A few-slot identity cache so the detectors of one reply share per-text analysis without WeakMap GC work:
 * values in a WeakMap keyed by short-lived objects outlive young-generation collections and get promoted.
 */

const SLOTS = 4;

export function memoByIdentity<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const keys: (K | undefined)[] = new Array(SLOTS);
  const values: (V | undefined)[] = new Array(SLOTS);
  let next = 0;
  return (key: K): V => {
    for (let i = 0; i < SLOTS; i++) {
      if (keys[i] === key) return values[i] as V;
    }
    const value = compute(key);
    keys[next] = key;
    values[next] = value;
    next = (next + 1) % SLOTS;
    return value;
  };
}
