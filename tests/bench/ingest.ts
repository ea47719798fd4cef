import { createApp } from '@shopbook/api/app';
import type { Database } from '@shopbook/api/db/client';
import { users, products } from '@shopbook/api/db/schema/index';
import { lineAmount, lineTax, newId, parseQuantity } from '@shopbook/shared';
import { eq, like, sql } from 'drizzle-orm';
import type { BenchResult } from './journal-posting.ts';

const TILLS = Number(process.env.BENCH_TILLS ?? 10);
const BATCHES_PER_TILL = 6;
const BATCH = 50;
const LINES = 3;

/**
 * Ten simulated tills push batches of 50 three-line sales through the real push route
 * (validation, idempotency, stock moves at average cost, journal) concurrently; the
 * baseline writes the same sales, lines and payments with one multi-row INSERT per table.
 */
export async function benchIngest(database: Database, label: string): Promise<BenchResult> {
  const { db } = database;
  const app = createApp({ db, driver: database.driver });
  const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'manager', password: 'demo1234' }) });
  const { token: managerToken } = (await login.json()) as { token: string };
  const stores = (await (await app.request('/api/org/stores', { headers: { authorization: `Bearer ${managerToken}` } })).json()) as { items: { id: string }[] };
  const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
  const catalogue = await db.select().from(products).where(like(products.sku, 'BEV-%')).limit(30);

  type Till = { deviceId: string; token: string; storeId: string; warehouseId: string };
  const tills: Till[] = [];
  for (let i = 0; i < TILLS; i++) {
    const res = await app.request('/api/devices/register', {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${managerToken}` },
      body: JSON.stringify({ name: `bench ${i}`, storeId: stores.items[0]!.id }),
    });
    tills.push((await res.json()) as Till);
  }
  const makeSale = (till: Till, seq: number) => {
    const lines = Array.from({ length: LINES }, (_, j) => {
      const p = catalogue[(seq * 7 + j * 3) % catalogue.length]!;
      const qty = String(1 + (seq % 3));
      const split = lineTax(lineAmount(parseQuantity(qty), p.salePrice), 1300, true);
      return { lineId: newId(), productId: p.id, batchId: null, qty, unitPrice: p.salePrice, listPrice: p.salePrice, overrideReason: null, discount: 0, taxRateBp: 1300, ...split };
    });
    const sum = (k: 'net' | 'tax' | 'gross') => lines.reduce((s, l) => s + l[k], 0);
    const saleId = newId();
    return {
      id: saleId, deviceId: till.deviceId, seq, type: 'sale', occurredAt: new Date().toISOString(),
      payload: {
        v: 1, saleId, receiptNo: `B-${seq}`, storeId: till.storeId, warehouseId: till.warehouseId, cashierId: cashier!.id, shiftId: null, customerId: null,
        pricesIncludeTax: true, lines, cartDiscount: 0, totals: { net: sum('net'), tax: sum('tax'), gross: sum('gross'), discount: 0 },
        payments: [{ tender: 'cash', amount: sum('gross'), tendered: sum('gross'), reference: null }], change: 0, approvedBy: null,
      },
    };
  };
  const batches = tills.map((till) => Array.from({ length: BATCHES_PER_TILL }, (_, b) => Array.from({ length: BATCH }, (_, k) => makeSale(till, b * BATCH + k + 1))));
  let t0 = performance.now();
  await Promise.all(
    tills.map(async (till, i) => {
      for (const events of batches[i]!) {
        const res = await app.request('/api/sync/push', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${till.token}` }, body: JSON.stringify({ events }) });
        const body = (await res.json()) as { results: { status: string }[] };
        if (body.results.some((r) => r.status !== 'applied')) throw new Error(`push not applied: ${JSON.stringify(body.results.find((r) => r.status !== 'applied'))}`);
      }
    }),
  );
  const saleLines = TILLS * BATCHES_PER_TILL * BATCH * LINES;
  const ingestRate = saleLines / ((performance.now() - t0) / 1000);

  // Baseline: the same shape of rows, bulk-inserted (no stock, no journal, no checks).
  const sales = batches.flat(2).map((e) => makeSale(tills[0]!, e.seq + 100_000));
  t0 = performance.now();
  await db.transaction(async (tx) => {
    for (let i = 0; i < sales.length; i += 500) {
      const chunk = sales.slice(i, i + 500);
      await tx.execute(sql`INSERT INTO sales (id, event_id, receipt_no, store_id, warehouse_id, device_id, cashier_id, occurred_at, recorded_at, net, tax, gross, discount, change, cost)
        VALUES ${sql.join(chunk.map((s) => sql`(${s.id}, ${newId()}, ${s.payload.receiptNo}, ${s.payload.storeId}, ${s.payload.warehouseId}, ${s.deviceId}, ${s.payload.cashierId}, now(), now(), ${s.payload.totals.net}, ${s.payload.totals.tax}, ${s.payload.totals.gross}, 0, 0, 0)`), sql`, `)}`);
      await tx.execute(sql`INSERT INTO sale_lines (id, sale_id, line_no, product_id, qty, unit_price, list_price, discount, tax_rate_bp, net, tax, gross, cost)
        VALUES ${sql.join(chunk.flatMap((s) => s.payload.lines.map((l, n) => sql`(${l.lineId}, ${s.id}, ${n + 1}, ${l.productId}, ${l.qty}::numeric, ${l.unitPrice}, ${l.listPrice}, 0, 1300, ${l.net}, ${l.tax}, ${l.gross}, 0)`)), sql`, `)}`);
      await tx.execute(sql`INSERT INTO sale_payments (id, sale_id, kind, tender, amount)
        VALUES ${sql.join(chunk.map((s) => sql`(${newId()}, ${s.id}, 'sale', 'cash', ${s.payload.totals.gross})`), sql`, `)}`);
    }
  });
  const baseline = saleLines / ((performance.now() - t0) / 1000);
  return {
    name: `till sale ingest, ${label} (${TILLS} tills × batches of ${BATCH}, ${LINES} lines each)`,
    figure: `${ingestRate.toFixed(0)} sale lines/s`,
    baseline: `${baseline.toFixed(0)} sale lines/s as bulk INSERTs`,
    ratio: ingestRate / baseline,
  };
}
