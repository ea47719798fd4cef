import { addItem, buildReturnEvent, buildSaleEvent, emptyCart, newId, priceCart, receiptNumber, type SaleV1 } from '@shopbook/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE, IDS } from '../testing/fixtures.ts';
import type { PosDb } from './PosDb.ts';
import { getMeta } from './meta.ts';
import { commitReturn, commitSale, findSaleByReceipt, recentSales, returnsOf, unsyncedAccountSpend, unsyncedPointsSpend, type SaleDraft } from './sale.ts';
import { openTestDb } from './testDb.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

const product = { id: newId(), name: '可乐', price: 350, taxRateBp: 1300, weighed: false };

function draft(receiptSeq: number, over: Partial<Parameters<typeof buildSaleEvent>[0]> = {}): SaleDraft {
  const priced = priceCart(addItem(emptyCart(true), product, 2000));
  return {
    sale: buildSaleEvent({
      priced,
      payments: [{ tender: 'cash', amount: 1000 }],
      receiptNo: receiptNumber('S01-T1', receiptSeq),
      storeId: DEVICE.storeId,
      warehouseId: DEVICE.warehouseId,
      cashierId: IDS.cashier,
      shiftId: null,
      ...over,
    }),
    cashierName: '陈收银',
    customerName: null,
    labels: {},
  };
}

describe('commitSale', () => {
  it('writes the sale and its outbox event together, numbered from the till counter', async () => {
    db = openTestDb();
    const { record, event } = await commitSale(db, ({ receiptSeq }) => draft(receiptSeq));
    expect(record.receiptNo).toBe('S01-T1-000001');
    expect(event).toMatchObject({ type: 'sale', state: 'pending', seq: 1, payload: record.sale });
    expect(record.eventId).toBe(event.id);
    expect(await db.sales.get(record.id)).toEqual(record);
    expect((await commitSale(db, ({ receiptSeq }) => draft(receiptSeq))).record.receiptNo).toBe('S01-T1-000002');
    expect(await findSaleByReceipt(db, ' S01-T1-000002 ')).toBeDefined();
    expect((await recentSales(db)).map((s) => s.receiptNo)).toEqual(['S01-T1-000002', 'S01-T1-000001']);
  });

  it('saves nothing when writing the outbox event fails', async () => {
    db = openTestDb();
    db.outbox.hook('creating', () => {
      throw new Error('QuotaExceededError: disk full');
    });
    await expect(commitSale(db, ({ receiptSeq }) => draft(receiptSeq))).rejects.toThrow(/disk full/);
    expect(await db.sales.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    // the receipt number and the event seq were rolled back with it: no gap
    expect(await getMeta(db, 'receiptSeq')).toBeUndefined();
    expect(await getMeta(db, 'outboxSeq')).toBeUndefined();
  });

  it('saves nothing when writing the sale fails', async () => {
    db = openTestDb();
    db.sales.hook('creating', () => {
      throw new Error('boom');
    });
    await expect(commitSale(db, ({ receiptSeq }) => draft(receiptSeq))).rejects.toThrow('boom');
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a payload the server would refuse, saving nothing', async () => {
    db = openTestDb();
    await expect(
      commitSale(db, ({ receiptSeq }) => {
        const d = draft(receiptSeq);
        return { ...d, sale: { ...d.sale, storeId: 'not-a-uuid' } as SaleV1 };
      }),
    ).rejects.toThrow();
    expect(await db.sales.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('commitReturn', () => {
  it('writes the return with its event and links it to the sale', async () => {
    db = openTestDb();
    const { record: sale } = await commitSale(db, ({ receiptSeq }) => draft(receiptSeq));
    const { record, event } = await commitReturn(db, ({ receiptSeq }) => ({
      ret: buildReturnEvent({
        originalSale: sale.sale,
        picks: [{ originalLineId: sale.sale.lines[0]!.lineId, qtyMilli: 1000 }],
        receiptNo: receiptNumber('S01-T1', receiptSeq),
        storeId: DEVICE.storeId,
        warehouseId: DEVICE.warehouseId,
        cashierId: IDS.cashier,
        shiftId: null,
      }),
      cashierName: '陈收银',
      labels: {},
    }));
    expect(record.receiptNo).toBe('S01-T1-000002'); // one counter for sales and returns
    expect(event).toMatchObject({ type: 'return', seq: 2 });
    expect(record.ret.totals.gross).toBe(350);
    expect((await returnsOf(db, sale.id)).map((r) => r.id)).toEqual([record.id]);
  });
});

describe('unsyncedAccountSpend', () => {
  it('counts on-account payments the server has not acknowledged', async () => {
    db = openTestDb();
    const customerId = newId();
    const { event } = await commitSale(db, ({ receiptSeq }) => draft(receiptSeq, { customerId, payments: [{ tender: 'account', amount: 700 }] }));
    expect(await unsyncedAccountSpend(db, customerId)).toBe(700);
    await db.outbox.update(event.id, { state: 'done' });
    expect(await unsyncedAccountSpend(db, customerId)).toBe(0);
  });
});

describe('unsyncedPointsSpend', () => {
  it('counts points this till spent that the server has not acknowledged, for that customer only', async () => {
    db = openTestDb();
    const customerId = newId();
    const { event } = await commitSale(db, ({ receiptSeq }) =>
      draft(receiptSeq, { customerId, payments: [{ tender: 'points', amount: 300, points: 300 }, { tender: 'cash', amount: 400 }] }),
    );
    await commitSale(db, ({ receiptSeq }) => draft(receiptSeq, { customerId: newId(), payments: [{ tender: 'points', amount: 700, points: 700 }] }));
    expect(await unsyncedPointsSpend(db, customerId)).toBe(300);
    await db.outbox.update(event.id, { state: 'done' });
    expect(await unsyncedPointsSpend(db, customerId)).toBe(0);
  });
});
