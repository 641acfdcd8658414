/**
 * What the bot keeps between one update and the next, by key, each record with its expiry: an answer
 * waiting for 👍/👎, a preview waiting for Save, a /remove waiting for its confirmation. With several
 * replicas the press may reach another process than the one that sent the button, so the records
 * live where every replica sees them (cluster/records.ts, in Redis); one process keeps them in memory.
 */
import { ExpiringMap } from "./expiring.js";

export interface RecordStore<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V, ttlMs: number): Promise<void>;
  /** Sets `key` only if it holds nothing; true if this call set it (a vote counted once). */
  add(key: string, value: V, ttlMs: number): Promise<boolean>;
  /** True if there was a record to delete: of two presses racing to handle one record, one gets true. */
  delete(key: string): Promise<boolean>;
}

/**
 * Opens the records of one kind: `name` keeps kinds apart; `capacity` bounds what one process keeps
 * in memory (the oldest go first).
 */
export type OpenRecords = <V>(name: string, capacity: number) => RecordStore<V>;

/** Records in this process's memory, bounded. */
export function memoryRecords<V>(capacity: number, clock: () => number = Date.now): RecordStore<V> {
  const map = new ExpiringMap<string, V>(capacity, 0, clock);
  return {
    get: async (key) => map.get(key),
    async set(key, value, ttlMs) {
      map.set(key, value, ttlMs);
    },
    async add(key, value, ttlMs) {
      if (map.get(key) !== undefined) return false;
      map.set(key, value, ttlMs);
      return true;
    },
    delete: async (key) => map.get(key) !== undefined && map.delete(key),
  };
}

export const openMemoryRecords: OpenRecords = (_name, capacity) => memoryRecords(capacity);
