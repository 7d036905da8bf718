/** The store a warm function reuses across invocations. */
import { KeptStore } from '../store/keptStore.js';
import { config } from '../config.js';

let current: KeptStore | undefined;

export function store(): KeptStore {
  if (!current || current.tableName !== config.tableName) current = new KeptStore(config.tableName);
  return current;
}
