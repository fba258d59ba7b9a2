// Seeded pseudo-random numbers for the differential test (tests/differential/).
//
// Rng(seed) is a small deterministic generator (mulberry32): the same seed
// gives the same graph and the same queries on every machine and Node
// version, which is what makes a reported mismatch reproducible from its
// seed alone. Not for anything that needs statistical quality or secrecy.
// Tested through unit_test.mjs (determinism, ranges).

export class Rng {
  // seed: any integer; different seeds give unrelated streams.
  constructor(seed) {
    this.state = (Number(seed) ^ 0x9e3779b9) >>> 0;
    for (let i = 0; i < 4; i++) this.next();  // mix small seeds
  }
  // A float in [0, 1).
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  // An integer in [lo, hi] (both inclusive). REQUIRES: lo <= hi.
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  // True with probability p.
  chance(p) { return this.next() < p; }
  // One element of a non-empty array.
  pick(arr) { return arr[Math.floor(this.next() * arr.length)]; }
  // An element biased towards the front (density 1/(2*sqrt(x))), so the
  // first few elements become hubs without one node taking most edges.
  pickSkewed(arr) {
    const u = this.next();
    return arr[Math.floor(u * u * arr.length)];
  }
  // k distinct elements (k <= arr.length), in random order.
  sample(arr, k) {
    const copy = arr.slice();
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  }
}

// A seed for query number i of run `seed`, printed with every mismatch so one
// query can be replayed alone (--seed S --only I).
export function querySeed(seed, i) {
  return (Math.imul(Number(seed) >>> 0, 1000003) + i * 7919 + 17) >>> 0;
}
