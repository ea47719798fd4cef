import Dexie, { type EntityTable } from 'dexie';
import type { MetaRecord } from './meta.ts';
import type { OutboxRecord } from './outbox.ts';
import type { ProductRecord } from './product.ts';

export const POS_DB_NAME = 'shopbook-pos';

/**
 * The till's own database. Everything a cashier does is written here first; the network
 * is only for sync.
 *
 * Schema versions are append-only: once a version has shipped, tills in the field hold
 * data in that shape, so a change is a new `this.version(n + 1).stores(...)` (with an
 * `.upgrade()` when rows must be rewritten), never an edit of an old block.
 *
 * Catalogue rows are written with put (upsert), not add: the server re-sends pull pages
 * and several tills may see the same change, so writes must be idempotent. See
 * upsertProducts in product.ts.
 */
export class PosDb extends Dexie {
  products!: EntityTable<ProductRecord, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  constructor(name: string = POS_DB_NAME) {
    super(name);
    this.version(1).stores({
      // *barcodes and *pinyinKeys are multi-entry: one index entry per array element.
      products: 'id, sku, nameNorm, *pinyinKeys, categoryId, *barcodes, revision',
      // &seq: unique, a second event with the same sequence number is a bug.
      // [state+nextAttemptAt]: the sender's "what is due now" query.
      outbox: 'id, &seq, state, [state+nextAttemptAt], createdAt',
      meta: 'key',
    });
  }
}
