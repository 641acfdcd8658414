/**
 * A small map whose entries expire and whose size is bounded: what the bot keeps in memory between
 * one update and the next (a preview waiting for Save, an answer waiting for 👍/👎). The oldest entry
 * goes first when it is full.
 */
export class ExpiringMap<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Keeps `value` for `ttlMs` (default: the map's). */
  set(key: K, value: V, ttlMs = this.ttlMs): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.clock() + ttlMs });
    this.prune();
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Live entries, oldest first. */
  values(): V[] {
    this.prune();
    return [...this.entries.values()].map((e) => e.value);
  }

  private prune(): void {
    const now = this.clock();
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
  }
}
