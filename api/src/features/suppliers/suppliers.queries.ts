import {
  formatQuantity, newId, parseQuantity, type SessionUser, type Supplier, type supplierInputSchema, type SupplierProduct, type supplierProductInputSchema, type supplierQuerySchema,
  type SupplierSummary,
} from '@shopbook/shared';
import { and, asc, count, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import {
  products, purchaseOrders, stockReceipts, supplierBankAccounts, supplierContacts, supplierProducts, suppliers,
} from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';

type SupplierInput = z.output<typeof supplierInputSchema>;
type SupplierQuery = z.output<typeof supplierQuerySchema>;
type SupplierProductInput = z.output<typeof supplierProductInputSchema>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** Quantities as the API shows them: '24', '1.5'. */
const qtyText = (numeric: string) => formatQuantity(parseQuantity(numeric));

const productCount = sql<number>`(SELECT count(*)::int FROM supplier_products sp WHERE sp.supplier_id = ${suppliers.id})`;

function summaryOf(row: typeof suppliers.$inferSelect & { productCount: number }): SupplierSummary {
  return {
    id: row.id, code: row.code, name: row.name, taxNumber: row.taxNumber, contact: row.contact, phone: row.phone, email: row.email, address: row.address,
    paymentTermsDays: row.paymentTermsDays, leadTimeDays: row.leadTimeDays, currency: row.currency, status: row.status,
    productCount: Number(row.productCount), createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

/** Code or name prefix first, then names, tax numbers, contacts and phones containing the text. */
export async function listSuppliers(db: DbOrTx, q: SupplierQuery): Promise<{ items: SupplierSummary[]; total: number }> {
  const where: SQL[] = [];
  if (q.status !== 'all') where.push(eq(suppliers.status, q.status));
  if (q.q) {
    const text = escapeLike(q.q);
    where.push(
      or(
        ilike(suppliers.code, `${text}%`), ilike(suppliers.name, `%${text}%`), ilike(suppliers.taxNumber, `${text}%`),
        ilike(suppliers.contact, `%${text}%`), ilike(suppliers.phone, `%${text}%`),
        sql`EXISTS (SELECT 1 FROM supplier_contacts c WHERE c.supplier_id = ${suppliers.id} AND (c.name ILIKE ${`%${text}%`} OR c.phone ILIKE ${`%${text}%`}))`,
      )!,
    );
  }
  if (q.productId) where.push(inArray(suppliers.id, db.select({ id: supplierProducts.supplierId }).from(supplierProducts).where(eq(supplierProducts.productId, q.productId))));
  const filter = where.length ? and(...where) : undefined;
  const [total] = await db.select({ n: count() }).from(suppliers).where(filter);
  const order = q.q
    ? [sql`CASE WHEN ${suppliers.code} ILIKE ${`${escapeLike(q.q)}%`} THEN 0 WHEN ${suppliers.name} ILIKE ${`${escapeLike(q.q)}%`} THEN 1 ELSE 2 END`, asc(suppliers.code)]
    : [asc(suppliers.code)];
  const found = await db
    .select({ s: suppliers, productCount })
    .from(suppliers)
    .where(filter)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: total?.n ?? 0, items: found.map((r) => summaryOf({ ...r.s, productCount: r.productCount })) };
}

export async function getSupplier(db: DbOrTx, id: string): Promise<Supplier> {
  const [row] = await db.select({ s: suppliers, productCount }).from(suppliers).where(eq(suppliers.id, id));
  if (!row) throw new DomainError('not_found', `no supplier ${id}`, 'id');
  const contacts = await db.select().from(supplierContacts).where(eq(supplierContacts.supplierId, id)).orderBy(asc(supplierContacts.position));
  const accounts = await db.select().from(supplierBankAccounts).where(eq(supplierBankAccounts.supplierId, id)).orderBy(asc(supplierBankAccounts.position));
  return {
    ...summaryOf({ ...row.s, productCount: row.productCount }),
    note: row.s.note,
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, role: c.role, phone: c.phone, email: c.email })),
    bankAccounts: accounts.map((b) => ({
      id: b.id, bankName: b.bankName, accountName: b.accountName, accountNumber: b.accountNumber, branch: b.branch, swift: b.swift, isDefault: b.isDefault,
    })),
  };
}

async function checkCodeFree(db: DbOrTx, code: string, selfId: string | null) {
  const [taken] = await db
    .select({ id: suppliers.id, name: suppliers.name })
    .from(suppliers)
    .where(and(eq(suppliers.code, code), selfId ? ne(suppliers.id, selfId) : undefined));
  if (taken) throw new DomainError('conflict', `supplier code ${code} is already used by ${taken.name}`, 'code');
}

async function writeChildren(db: DbOrTx, id: string, input: SupplierInput) {
  await db.delete(supplierContacts).where(eq(supplierContacts.supplierId, id));
  await db.delete(supplierBankAccounts).where(eq(supplierBankAccounts.supplierId, id));
  if (input.contacts.length) {
    await db.insert(supplierContacts).values(input.contacts.map((c, i) => ({ id: newId(), supplierId: id, position: i + 1, ...c })));
  }
  if (input.bankAccounts.length) {
    await db.insert(supplierBankAccounts).values(input.bankAccounts.map((b, i) => ({ id: newId(), supplierId: id, position: i + 1, ...b })));
  }
}

function columns(input: SupplierInput) {
  const { contacts: _c, bankAccounts: _b, ...rest } = input;
  return rest;
}

export async function createSupplier(db: DbOrTx, input: SupplierInput, user: SessionUser, now: Date): Promise<Supplier> {
  await checkCodeFree(db, input.code, null);
  const id = newId();
  await db.insert(suppliers).values({ id, ...columns(input), createdAt: now, updatedAt: now });
  await writeChildren(db, id, input);
  const after = await getSupplier(db, id);
  await recordAudit(db, { user, action: 'create', entity: 'supplier', entityId: id, after, at: now });
  return after;
}

/**
 * Replaces a supplier with its contacts and bank accounts. The currency cannot change
 * while the supplier has a price list or orders in flight: their prices are in it.
 */
export async function updateSupplier(db: DbOrTx, id: string, input: SupplierInput, user: SessionUser, now: Date): Promise<Supplier> {
  const [locked] = await db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.id, id)).for('update');
  if (!locked) throw new DomainError('not_found', `no supplier ${id}`, 'id');
  const before = await getSupplier(db, id);
  await checkCodeFree(db, input.code, id);
  if (input.currency !== before.currency) {
    const [open] = await db
      .select({ n: count() })
      .from(purchaseOrders)
      .where(and(eq(purchaseOrders.supplierId, id), sql`${purchaseOrders.status} NOT IN ('closed', 'cancelled', 'received')`));
    if (before.productCount > 0 || (open?.n ?? 0) > 0) {
      throw new DomainError('conflict', `this supplier's prices and open orders are in ${before.currency}; clear its price list and finish its orders before changing the currency`, 'currency');
    }
  }
  await db.update(suppliers).set({ ...columns(input), updatedAt: now }).where(eq(suppliers.id, id));
  await writeChildren(db, id, input);
  const after = await getSupplier(db, id);
  await recordAudit(db, { user, action: 'update', entity: 'supplier', entityId: id, before, after, at: now });
  return after;
}

/** Only a supplier nothing refers to can be deleted; one with history is archived instead. */
export async function deleteSupplier(db: DbOrTx, id: string, user: SessionUser, now: Date): Promise<void> {
  const [locked] = await db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.id, id)).for('update');
  if (!locked) throw new DomainError('not_found', `no supplier ${id}`, 'id');
  const before = await getSupplier(db, id);
  const [orders] = await db.select({ n: count() }).from(purchaseOrders).where(eq(purchaseOrders.supplierId, id));
  const [receipts] = await db.select({ n: count() }).from(stockReceipts).where(eq(stockReceipts.supplierId, id));
  if ((orders?.n ?? 0) > 0 || (receipts?.n ?? 0) > 0) {
    throw new DomainError('conflict', 'this supplier has orders or receipts on record; archive it instead (status archived)', 'id');
  }
  await db.delete(supplierProducts).where(eq(supplierProducts.supplierId, id));
  await db.delete(supplierContacts).where(eq(supplierContacts.supplierId, id));
  await db.delete(supplierBankAccounts).where(eq(supplierBankAccounts.supplierId, id));
  await db.delete(suppliers).where(eq(suppliers.id, id));
  await recordAudit(db, { user, action: 'delete', entity: 'supplier', entityId: id, before, at: now });
}

// ---------------------------------------------------------------------------------
// What a supplier sells us
// ---------------------------------------------------------------------------------

const supplierProductSelect = {
  supplierId: supplierProducts.supplierId, supplierCode: suppliers.code, supplierName: suppliers.name, productId: supplierProducts.productId,
  sku: products.sku, name: products.name, unit: products.unit, itemCode: supplierProducts.itemCode, packSize: supplierProducts.packSize,
  price: supplierProducts.price, currency: suppliers.currency, minOrderQty: supplierProducts.minOrderQty, preferred: supplierProducts.preferred,
};

const toSupplierProduct = (r: { packSize: string; minOrderQty: string } & Omit<SupplierProduct, 'packSize' | 'minOrderQty'>): SupplierProduct => ({
  ...r, packSize: qtyText(r.packSize), minOrderQty: qtyText(r.minOrderQty),
});

export async function listSupplierProducts(db: DbOrTx, supplierId: string): Promise<SupplierProduct[]> {
  const [s] = await db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.id, supplierId));
  if (!s) throw new DomainError('not_found', `no supplier ${supplierId}`, 'id');
  const found = await db
    .select(supplierProductSelect)
    .from(supplierProducts)
    .innerJoin(products, eq(products.id, supplierProducts.productId))
    .innerJoin(suppliers, eq(suppliers.id, supplierProducts.supplierId))
    .where(eq(supplierProducts.supplierId, supplierId))
    .orderBy(asc(products.sku));
  return found.map(toSupplierProduct);
}

async function getSupplierProduct(db: DbOrTx, supplierId: string, productId: string): Promise<SupplierProduct | null> {
  const [r] = await db
    .select(supplierProductSelect)
    .from(supplierProducts)
    .innerJoin(products, eq(products.id, supplierProducts.productId))
    .innerJoin(suppliers, eq(suppliers.id, supplierProducts.supplierId))
    .where(and(eq(supplierProducts.supplierId, supplierId), eq(supplierProducts.productId, productId)));
  return r ? toSupplierProduct(r) : null;
}

/** Adds or replaces one product on a supplier's list; marking it preferred unmarks the product's other suppliers. */
export async function putSupplierProduct(
  db: DbOrTx, supplierId: string, productId: string, input: SupplierProductInput, user: SessionUser, now: Date,
): Promise<SupplierProduct> {
  const [s] = await db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.id, supplierId));
  if (!s) throw new DomainError('not_found', `no supplier ${supplierId}`, 'id');
  const [p] = await db.select({ id: products.id }).from(products).where(eq(products.id, productId));
  if (!p) throw new DomainError('not_found', `no product ${productId}`, 'productId');
  const before = await getSupplierProduct(db, supplierId, productId);
  if (input.preferred) {
    await db.update(supplierProducts).set({ preferred: false }).where(and(eq(supplierProducts.productId, productId), ne(supplierProducts.supplierId, supplierId)));
  }
  await db
    .insert(supplierProducts)
    .values({ supplierId, productId, ...input })
    .onConflictDoUpdate({ target: [supplierProducts.supplierId, supplierProducts.productId], set: { ...input } });
  const after = (await getSupplierProduct(db, supplierId, productId))!;
  await recordAudit(db, {
    user, action: before ? 'update' : 'create', entity: 'supplier_product', entityId: supplierId, before, after, at: now,
  });
  return after;
}

export async function deleteSupplierProduct(db: DbOrTx, supplierId: string, productId: string, user: SessionUser, now: Date): Promise<void> {
  const before = await getSupplierProduct(db, supplierId, productId);
  if (!before) throw new DomainError('not_found', 'this supplier does not sell that product', 'productId');
  await db.delete(supplierProducts).where(and(eq(supplierProducts.supplierId, supplierId), eq(supplierProducts.productId, productId)));
  await recordAudit(db, { user, action: 'delete', entity: 'supplier_product', entityId: supplierId, before, at: now });
}
