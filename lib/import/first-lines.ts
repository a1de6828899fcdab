/**
 * The line on which each row identity was first seen in a file, to reject the later duplicates. A national
 * list holds 230,000 codes: kept in a Map, every code string stayed on the heap and the collector copied
 * and rescanned them all along the file, a good part of the read. Codes are ten digits, so as
 * numbers they fit in a table of plain arrays (open addressing, linear probing) that the collector never
 * looks into; other identities (an event's code, state and date) go in a Map.
 */
export class FirstLines {
  private keys = new Float64Array(1 << 12);
  private lines = new Int32Array(1 << 12); // 0: an empty slot (lines start at 1)
  private size = 0;
  private shift = 32 - 12;
  private readonly others = new Map<string, number>();

  /** The line `key` was first seen on, or undefined (and `line` is remembered for it). */
  firstOr(key: number | string, line: number): number | undefined {
    if (typeof key === "string") {
      const first = this.others.get(key);
      if (first === undefined) this.others.set(key, line);
      return first;
    }
    const slot = this.slot(key);
    if (this.lines[slot] !== 0) return this.lines[slot];
    this.keys[slot] = key;
    this.lines[slot] = line;
    if (++this.size * 2 > this.lines.length) this.grow();
    return undefined;
  }

  /** The slot holding `key`, or the empty one where it belongs. */
  private slot(key: number): number {
    const mask = this.lines.length - 1;
    // Fibonacci hashing of the key's low and high 32 bits (keys are whole numbers below 2^53).
    let at = Math.imul((key >>> 0) ^ ((key / 4294967296) | 0), 0x9e3779b1) >>> this.shift;
    while (this.lines[at] !== 0 && this.keys[at] !== key) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const { keys, lines } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.lines = new Int32Array(lines.length * 2);
    this.shift--;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === 0) continue;
      const at = this.slot(keys[i]);
      this.keys[at] = keys[i];
      this.lines[at] = lines[i];
    }
  }
}
