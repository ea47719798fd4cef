import Dexie, { type EntityTable } from 'dexie';
import type { CashierRecord } from './cashier.ts';
import type { CategoryRecord } from './category.ts';
import type { CustomerRecord } from './customer.ts';
import type { MetaRecord } from './meta.ts';
import type { OutboxRecord } from './outbox.ts';
import type { ParkedCart } from './parked.ts';
import type { PrintJobRecord } from './printJob.ts';
import type { ProductRecord } from './product.ts';
import type { ReturnRecord, SaleRecord } from './sale.ts';
import type { CashMovementRecord, ShiftRecord } from './shift.ts';
import type { TaxRateRecord } from './taxRate.ts';

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
 * upsertProducts in product.ts and applyPage in sync/pull.ts.
 */
export class PosDb extends Dexie {
  products!: EntityTable<ProductRecord, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  customers!: EntityTable<CustomerRecord, 'id'>;
  cashiers!: EntityTable<CashierRecord, 'id'>;
  taxRates!: EntityTable<TaxRateRecord, 'id'>;
  sales!: EntityTable<SaleRecord, 'id'>;
  returns!: EntityTable<ReturnRecord, 'id'>;
  shifts!: EntityTable<ShiftRecord, 'id'>;
  cashMovements!: EntityTable<CashMovementRecord, 'id'>;
  parked!: EntityTable<ParkedCart, 'id'>;
  categories!: EntityTable<CategoryRecord, 'id'>;
  printJobs!: EntityTable<PrintJobRecord, 'id'>;

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
    // Version 2: the pulled catalogue (customers, cashiers, tax rates), the till's own
    // documents (sales, returns, shifts, cash movements) and parked carts.
    this.version(2)
      .stores({
        // plu: weighed-goods labels carry the PLU, not a barcode of the product.
        products: 'id, sku, nameNorm, *pinyinKeys, categoryId, *barcodes, revision, plu',
        customers: 'id, code, nameNorm, *pinyinKeys, phone, revision',
        cashiers: 'id, username, revision',
        taxRates: 'id, revision',
        // &receiptNo: a return finds its sale by the number printed on the receipt.
        sales: 'id, &receiptNo, createdAt, shiftId, customerId',
        returns: 'id, &receiptNo, originalSaleId, createdAt, shiftId',
        shifts: 'id, state, openedAt',
        cashMovements: 'id, shiftId, createdAt',
        parked: 'id, parkedAt',
      })
      .upgrade(async (tx) => {
        // Version-1 rows came from tests and demos, never from a pull; give them the
        // fields version 2 reads so no code has to cope with their absence.
        await tx
          .table('products')
          .toCollection()
          .modify((p: Partial<ProductRecord>) => {
            p.weighed ??= false;
            p.plu ??= null;
            p.batchTracked ??= false;
            p.packs ??= {};
          });
      });
    // Version 3: category names for the grid, pulled like the rest of the catalogue.
    this.version(3).stores({ categories: 'id, revision' });
    // Version 4: the receipt printer's queue. [state+nextAttemptAt]: "what is due now".
    this.version(4).stores({ printJobs: 'id, state, [state+nextAttemptAt], docId, createdAt' });
  }
}
