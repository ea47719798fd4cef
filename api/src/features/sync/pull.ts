import { permissionsOf, type PullEntity, type PullPage } from '@shopbook/shared';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { categories, company, customers, productBarcodes, products, storePrices, stores, taxRates, users } from '../../db/schema/index.ts';
import type { DeviceContext } from '../../http/context.ts';
import { customerBalances } from '../customers/balance.queries.ts';
import { pointsOf } from '../loyalty/points.queries.ts';
import { getProgram } from '../loyalty/program.queries.ts';

/**
 * One page of what changed since a revision. Rows come in revision order, and the
 * cursor is the last revision in the page, so a page cut anywhere resumes exactly; a
 * row changed again during the pull simply comes back in a later page.
 */
export async function pullPage(db: DbOrTx, device: DeviceContext, entity: PullEntity, since: number, limit: number): Promise<PullPage> {
  switch (entity) {
    case 'products':
      return pullProducts(db, device, since, limit);
    case 'categories': {
      const list = await db.select().from(categories).where(gt(categories.revision, since)).orderBy(asc(categories.revision)).limit(limit);
      return page(entity, since, list, limit, (r) => r.active, (r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parentId, revision: r.revision }));
    }
    case 'tax-rates': {
      const list = await db.select().from(taxRates).where(gt(taxRates.revision, since)).orderBy(asc(taxRates.revision)).limit(limit);
      return page(entity, since, list, limit, (r) => r.active, (r) => ({ id: r.id, name: r.name, rateBasisPoints: r.rateBasisPoints, revision: r.revision }));
    }
    case 'customers': {
      const list = await db.select().from(customers).where(gt(customers.revision, since)).orderBy(asc(customers.revision)).limit(limit);
      const active = list.filter((c) => c.status === 'active').map((c) => c.id);
      const balances = await customerBalances(db, active);
      const points = await pointsOf(db, active);
      // An archived customer is a tombstone: the till stops offering them.
      return page(entity, since, list, limit, (c) => c.status === 'active', (c) => ({
        id: c.id, code: c.code, name: c.name, phone: c.phone, creditLimit: c.creditLimit, balance: balances.get(c.id)?.balance ?? 0, points: points.get(c.id) ?? 0,
        discountBp: c.discountBp, revision: c.revision,
      }));
    }
    case 'cashiers': {
      const list = await db.select().from(users).where(gt(users.revision, since)).orderBy(asc(users.revision)).limit(limit);
      // A user who cannot sell here, or was disabled, is a tombstone: the till forgets them.
      const sells = (u: typeof users.$inferSelect) =>
        u.active && permissionsOf(u.roles).includes('pos.sell') && (u.roles.includes('owner') || u.storeIds.includes(device.storeId));
      return page(entity, since, list, limit, sells, (u) => ({
        id: u.id, username: u.username, displayName: u.displayName, pinHash: u.pinHash, permissions: permissionsOf(u.roles),
        maxDiscountBp: u.maxDiscountBp, revision: u.revision,
      }));
    }
    case 'store': {
      const list = await db.select().from(stores).where(and(eq(stores.id, device.storeId), gt(stores.revision, since)));
      const [co] = await db.select().from(company).limit(1);
      const loyalty = list.length ? await getProgram(db) : null;
      return page(entity, since, list, limit, (s) => s.active, (s) => ({
        id: s.id, code: s.code, name: s.name, companyName: co?.name ?? '', taxNumber: co?.taxNumber ?? '', currency: co?.currency ?? 'CNY',
        pricesIncludeTax: co?.pricesIncludeTax ?? true, warehouseId: device.warehouseId, receiptHeader: s.receiptHeader, receiptFooter: s.receiptFooter,
        receiptLogo: s.receiptLogo ?? null, loyalty, revision: s.revision,
      }));
    }
  }
}

function page<T extends { id: string; revision: number }>(
  entity: PullEntity, since: number, list: T[], limit: number, alive: (r: T) => boolean, map: (r: T) => unknown,
): PullPage {
  return {
    entity,
    rows: list.filter(alive).map(map),
    tombstones: list.filter((r) => !alive(r)).map((r) => r.id),
    cursor: list.length ? list[list.length - 1]!.revision : since,
    more: list.length === limit,
  };
}

async function pullProducts(db: DbOrTx, device: DeviceContext, since: number, limit: number): Promise<PullPage> {
  const list = await db
    .select({ p: products, rateBp: taxRates.rateBasisPoints, storePrice: storePrices.price })
    .from(products)
    .innerJoin(taxRates, eq(taxRates.id, products.taxRateId))
    .leftJoin(storePrices, and(eq(storePrices.productId, products.id), eq(storePrices.storeId, device.storeId)))
    .where(gt(products.revision, since))
    .orderBy(asc(products.revision))
    .limit(limit);
  const ids = list.filter((r) => r.p.status === 'active').map((r) => r.p.id);
  const codes = ids.length ? await db.select().from(productBarcodes).where(inArray(productBarcodes.productId, ids)) : [];
  const byProduct = new Map<string, { barcode: string; packQty: string }[]>();
  for (const c of codes) {
    const listFor = byProduct.get(c.productId) ?? [];
    listFor.push({ barcode: c.barcode, packQty: String(Number(c.packQty)) });
    byProduct.set(c.productId, listFor);
  }
  return {
    entity: 'products',
    rows: list
      .filter((r) => r.p.status === 'active')
      .map(({ p, rateBp, storePrice }) => ({
        id: p.id, sku: p.sku, name: p.name, categoryId: p.categoryId, unit: p.unit, taxRateBp: rateBp, price: storePrice ?? p.salePrice,
        weighed: p.weighed, plu: p.plu, batchTracked: p.batchTracked, serialTracked: p.serialTracked, barcodes: byProduct.get(p.id) ?? [], revision: p.revision,
      })),
    tombstones: list.filter((r) => r.p.status !== 'active').map((r) => r.p.id),
    cursor: list.length ? list[list.length - 1]!.p.revision : since,
    more: list.length === limit,
  };
}
