import { expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { withCheckDigit, type ImportReport, type Product } from '@shopbook/shared';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { products } from '../../db/schema/index.ts';

type Page = { items: Product[]; total: number };

describeEachDriver('catalogue', (driver) => {
  const t = useApp(driver);
  const productCount = async () => (await t.database.db.select({ n: count() }).from(products))[0]!.n;
  const rate13 = async (token: string) =>
    ((await (await t.call('GET', '/api/catalogue/tax-rates', { token })).json()) as { items: { id: string; rateBasisPoints: number }[] }).items.find(
      (r) => r.rateBasisPoints === 1300,
    )!.id;

  it('finds products by exact barcode, SKU prefix and name substring, paged', async () => {
    const token = await t.login('cashier');
    const first = ((await (await t.call('GET', '/api/catalogue/products?q=BEV-SOFT&pageSize=5', { token })).json()) as Page);
    expect(first.total).toBeGreaterThan(5);
    expect(first.items).toHaveLength(5);
    const code = first.items[0]!.barcodes[0]!.barcode;
    const byCode = (await (await t.call('GET', `/api/catalogue/products?q=${code}`, { token })).json()) as Page;
    expect(byCode.items.map((p) => p.id)).toContain(first.items[0]!.id);
    const byName = (await (await t.call('GET', `/api/catalogue/products?q=${encodeURIComponent('可口可乐')}`, { token })).json()) as Page;
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((p) => p.name.includes('可口可乐'))).toBe(true);
    const cats = (await (await t.call('GET', '/api/catalogue/categories', { token })).json()) as { items: { id: string; code: string }[] };
    const bev = cats.items.find((c) => c.code === 'BEV')!;
    const inBev = (await (await t.call('GET', `/api/catalogue/products?categoryId=${bev.id}&pageSize=500`, { token })).json()) as Page;
    expect(inBev.total).toBe(42);
    expect((await t.call('GET', '/api/catalogue/products?pageSize=5000', { token })).status).toBe(400);
  });

  it('creates a product with a pack barcode and a variant, and refuses a barcode another product has', async () => {
    const token = await t.login('manager');
    const taxRateId = await rate13(token);
    const res = await t.call('POST', '/api/catalogue/products', {
      token,
      body: { sku: 'TEE-1', name: 'T-shirt', taxRateId, salePrice: 5900, barcodes: [{ barcode: '6901234567892' }, { barcode: '16901234567899', packQty: '12' }] },
    });
    expect(res.status).toBe(201);
    const tee = (await res.json()) as Product;
    expect(tee.barcodes).toEqual([{ barcode: '16901234567899', packQty: '12' }, { barcode: '6901234567892', packQty: '1' }]);
    const variant = await t.call('POST', '/api/catalogue/products', {
      token, body: { sku: 'TEE-1-L', name: 'T-shirt L', taxRateId, salePrice: 5900, parentId: tee.id, attributes: { size: 'L' } },
    });
    expect(variant.status).toBe(201);

    const before = await productCount();
    const clash = await t.call('POST', '/api/catalogue/products', {
      token, body: { sku: 'OTHER', name: 'Other', taxRateId, salePrice: 100, barcodes: [{ barcode: '6901234567892' }] },
    });
    expect(clash.status).toBe(409);
    const err = ((await clash.json()) as { error: { field: string; message: string } }).error;
    expect(err.field).toBe('barcodes.0.barcode');
    expect(err.message).toContain('TEE-1');
    const badCheck = await t.call('POST', '/api/catalogue/products', { token, body: { sku: 'X2', name: 'X', taxRateId, salePrice: 1, barcodes: [{ barcode: '6901234567890' }] } });
    expect(badCheck.status).toBe(400);
    expect(((await badCheck.json()) as { error: { field: string } }).error.field).toBe('barcodes.0.barcode');
    const badRate = await t.call('POST', '/api/catalogue/products', { token, body: { sku: 'X3', name: 'X', taxRateId: tee.id, salePrice: 1 } });
    expect(badRate.status).toBe(422);
    expect(await productCount()).toBe(before);
  });

  it('needs prices.write to change a price, bumps the revision and audits before and after', async () => {
    const manager = await t.login('manager');
    const page = (await (await t.call('GET', '/api/catalogue/products?q=TEE-1', { token: manager })).json()) as Page;
    const tee = page.items.find((p) => p.sku === 'TEE-1')!;
    const { id, categoryName: _c, taxRateBasisPoints: _r, storePrices: _s, revision: _v, updatedAt: _u, ...input } = tee;
    const updated = await t.call('PUT', `/api/catalogue/products/${id}`, { token: manager, body: { ...input, salePrice: 6900 } });
    expect(updated.status).toBe(200);
    const after = (await updated.json()) as Product;
    expect(after.salePrice).toBe(6900);
    expect(after.revision).toBeGreaterThan(tee.revision);
    const audit = (await (await t.call('GET', '/api/audit?entity=product&action=update', { token: await t.login('owner') })).json()) as {
      items: { before: { salePrice: number }; after: { salePrice: number } }[];
    };
    expect(audit.items[0]).toMatchObject({ before: { salePrice: 5900 }, after: { salePrice: 6900 } });

    const stores = (await (await t.call('GET', '/api/org/stores', { token: manager })).json()) as { items: { id: string }[] };
    const priced = await t.call('PUT', `/api/catalogue/products/${id}/store-prices`, { token: manager, body: { prices: [{ storeId: stores.items[0]!.id, price: 6500 }] } });
    expect(((await priced.json()) as Product).storePrices).toEqual([{ storeId: stores.items[0]!.id, price: 6500 }]);
  });

  it('imports a CSV only when every row is valid, reporting each bad row and field', async () => {
    const token = await t.login('owner');
    const before = await productCount();
    const header = 'sku,name,category_code,unit,tax_rate,purchase_price,sale_price,barcodes,weighed,plu,batch_tracked,tracks_expiry,shelf_life_days,status';
    const good = [
      'IMP-1,导入商品一 Imported one,BEV-SOFT,each,13,1.20,2.50,6909999000012;16909999000019*24,,,,,,',
      'IMP-2,Imported two,SNK-CHIPS,each,9,3,4.99,6909999000029,false,,true,true,180,active',
    ];
    const bad = [
      'IMP-3,Bad price,BEV-SOFT,each,13,1,abc,,,,,,,',
      'IMP-4,Bad rate,NOPE,each,7,1,2,,,,,,,',
      'IMP-5,Dup barcode,,each,13,1,2,6909999000012,,,,,,',
    ];
    const post = (rows: string[], query: string) =>
      t.call('POST', `/api/catalogue/products/import?${query}`, { token, body: [header, ...rows].join('\n'), headers: { 'content-type': 'text/csv' } });

    const refused = (await (await post([...good, ...bad], 'mode=all')).json()) as ImportReport;
    expect(refused).toMatchObject({ rows: 5, valid: 2, applied: false, created: 0 });
    expect(refused.errors.map((e) => [e.row, e.field])).toEqual([[4, 'sale_price'], [5, 'category_code'], [5, 'tax_rate'], [6, 'barcodes']]);
    expect(await productCount()).toBe(before);

    const dry = (await (await post(good, 'dryRun=true')).json()) as ImportReport;
    expect(dry).toMatchObject({ valid: 2, applied: false });
    expect(await productCount()).toBe(before);

    const partial = (await (await post([...good, ...bad], 'mode=valid')).json()) as ImportReport;
    expect(partial).toMatchObject({ applied: true, created: 2, updated: 0 });
    expect(await productCount()).toBe(before + 2);

    const again = (await (await post(good, 'mode=all')).json()) as ImportReport;
    expect(again).toMatchObject({ applied: true, created: 0, updated: 2 });

    const csv = await (await t.call('GET', '/api/catalogue/products/export', { token })).text();
    expect(csv).toContain('IMP-1,导入商品一 Imported one,BEV-SOFT,each,13,1.20,2.50,16909999000019*24;6909999000012');
    const badQuery = await t.call('POST', '/api/catalogue/products/import?mode=some', { token, body: header, headers: { 'content-type': 'text/csv' } });
    expect(badQuery.status).toBe(400);
    expect(((await badQuery.json()) as { error: { field: string } }).error.field).toBe('mode');
  });

  it('imports a file of 20,000 new products in one go, each audited', async () => {
    const token = await t.login('owner');
    const before = await productCount();
    const header = 'sku,name,category_code,unit,tax_rate,purchase_price,sale_price,barcodes,weighed,plu';
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      `BULK-${i},批量商品 Bulk ${i},SNK-CHIPS,each,13,1.00,2.50,${withCheckDigit(`68${String(i).padStart(10, '0')}`)},,`);
    const res = await t.call('POST', '/api/catalogue/products/import?mode=all', { token, body: [header, ...rows].join('\n'), headers: { 'content-type': 'text/csv' } });
    expect(await res.json()).toMatchObject({ rows: 20_000, valid: 20_000, created: 20_000, applied: true, errors: [] });
    expect(await productCount()).toBe(before + 20_000);
    const found = (await (await t.call('GET', `/api/catalogue/products?q=${withCheckDigit('680000019999')}`, { token })).json()) as Page;
    expect(found.items.map((p) => p.sku)).toEqual(['BULK-19999']);
    const audited = (await (await t.call('GET', '/api/audit?entity=product&action=create&pageSize=1', { token })).json()) as { total: number };
    expect(audited.total).toBeGreaterThanOrEqual(20_000);
  });
});
