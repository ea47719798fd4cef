import { expandUpcE, lineAmount, makeWeighedBarcode, newId, withCheckDigit } from '@shopbook/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { upsertProducts, type PosDb } from '../db/index.ts';
import { openTestDb } from '../db/testDb.ts';
import { APPLES_PLU, CHIPS_CODE, COKE_CASE, COKE_CODE, PRODUCTS } from '../testing/fixtures.ts';
import { priceLabelLine, resolveScan } from './lookup.ts';

let db: PosDb;
afterEach(async () => {
  await db?.delete();
});

async function seeded() {
  db = openTestDb();
  await upsertProducts(db, PRODUCTS);
}

describe('resolveScan', () => {
  it('finds a product by its exact barcode, one unit', async () => {
    await seeded();
    expect(await resolveScan(db, CHIPS_CODE)).toMatchObject({ kind: 'product', qtyMilli: 1000, unitPrice: 650, how: 'barcode', product: { sku: 'SNK-0001' } });
  });

  it('finds a product by the SKU a shelf label prints in Code 128, one unit; never a weighed one', async () => {
    await seeded();
    expect(await resolveScan(db, 'SNK-0001')).toMatchObject({ kind: 'product', qtyMilli: 1000, unitPrice: 650, how: 'sku', product: { sku: 'SNK-0001' } });
    expect(await resolveScan(db, 'FRU-0001')).toMatchObject({ kind: 'unknown' });
  });

  it('a pack barcode adds the pack quantity', async () => {
    await seeded();
    expect(await resolveScan(db, COKE_CASE)).toMatchObject({ kind: 'product', qtyMilli: 12_000, how: 'pack', product: { sku: 'BEV-0001' } });
    expect(await resolveScan(db, COKE_CODE)).toMatchObject({ qtyMilli: 1000, how: 'barcode' });
  });

  it('reads a scale label with a weight: the PLU names the product, grams are the quantity', async () => {
    await seeded();
    const code = makeWeighedBarcode({ itemCode: APPLES_PLU, kind: 'weight', value: 1234 });
    expect(await resolveScan(db, code)).toMatchObject({ kind: 'product', qtyMilli: 1234, unitPrice: 1200, how: 'weight-label', product: { sku: 'FRU-0001' } });
  });

  it('reads a weighed product’s own zero-weight code as a label, not as one kg', async () => {
    await seeded();
    const code = makeWeighedBarcode({ itemCode: APPLES_PLU, kind: 'weight', value: 0 });
    expect(await resolveScan(db, code)).toMatchObject({ how: 'weight-label', qtyMilli: 0 });
  });

  it('reads a scale label with a price: weight = price / unit price, to the gram, and the line costs what the label says', async () => {
    await seeded();
    const code = makeWeighedBarcode({ itemCode: APPLES_PLU, kind: 'price', value: 1500 }); // ¥15.00 at ¥12.00/kg
    const r = await resolveScan(db, code);
    expect(r).toMatchObject({ kind: 'product', qtyMilli: 1250, unitPrice: 1200, how: 'price-label', labelPrice: 1500 });
  });

  it('says which PLU is unknown', async () => {
    await seeded();
    const code = makeWeighedBarcode({ itemCode: '09999', kind: 'weight', value: 500 });
    expect(await resolveScan(db, code)).toEqual({ kind: 'unknown', code, why: 'unknown_plu' });
  });

  it('expands a UPC-E to find a product stored under its UPC-A or EAN-13', async () => {
    db = openTestDb();
    const upce = '04252614';
    const upca = expandUpcE(upce);
    await upsertProducts(db, [{ ...PRODUCTS[1]!, id: newId(), sku: 'UPC-1', barcodes: [`0${upca}`] }]);
    expect(await resolveScan(db, upce)).toMatchObject({ kind: 'product', how: 'upc-e', product: { sku: 'UPC-1' } });
    expect(await resolveScan(db, upca)).toMatchObject({ kind: 'product', how: 'gtin-form', product: { sku: 'UPC-1' } });
  });

  it('finds a sale by its receipt number', async () => {
    await seeded();
    await db.sales.add({ id: newId(), receiptNo: 'S01-ABC-000007' } as never);
    expect(await resolveScan(db, 'S01-ABC-000007')).toMatchObject({ kind: 'receipt', sale: { receiptNo: 'S01-ABC-000007' } });
  });

  it('tells a misread (wrong check digit) from an unknown code', async () => {
    await seeded();
    const valid = withCheckDigit('690000000001');
    const broken = valid.slice(0, 12) + String((Number(valid[12]) + 1) % 10);
    expect(await resolveScan(db, broken)).toEqual({ kind: 'unknown', code: broken, why: 'check_digit' });
    expect(await resolveScan(db, valid)).toEqual({ kind: 'unknown', code: valid, why: 'not_found' });
  });
});

describe('priceLabelLine', () => {
  it('reproduces the label price exactly', () => {
    for (const [label, unit] of [[1500, 1200], [1999, 3800], [733, 600], [99_999, 1299]] as const) {
      const { qtyMilli, unitPrice } = priceLabelLine(label, unit);
      expect(qtyMilli).toBeGreaterThan(0);
      if (qtyMilli < 1000) expect(lineAmount(qtyMilli, unitPrice)).toBe(label);
      expect(Math.abs(unitPrice - unit)).toBeLessThanOrEqual(Math.ceil(unit / qtyMilli) + 1);
    }
  });

  it('without a unit price, one unit at the label price; under a gram, one gram', () => {
    expect(priceLabelLine(500, 0)).toEqual({ qtyMilli: 1000, unitPrice: 500 });
    const tiny = priceLabelLine(1, 3800);
    expect(tiny.qtyMilli).toBe(1);
    expect(lineAmount(tiny.qtyMilli, tiny.unitPrice)).toBe(1);
  });
});
