/**
 * A small least-recently-used cache of loads in flight or done, by key. A failed load is forgotten, so the
 * next caller tries again; the oldest unused entry goes when the cache is full. Invalidation is by key:
 * callers put a data version in it, so a change of version is a miss everywhere at once.
 */
export class LoadCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, loading it with `load` on a miss; concurrent callers share one load. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // most recently used goes last
      this.entries.set(key, hit);
      return hit;
    }
    const loading = load();
    this.entries.set(key, loading);
    loading.catch(() => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return loading;
  }

  clear(): void {
    this.entries.clear();
  }
}
