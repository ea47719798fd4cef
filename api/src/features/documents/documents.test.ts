import { newId, type PrintDocument, type Receipt } from '@shopbook/shared';
import { asc, eq, like } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { products, suppliers, users, warehouses } from '../../db/schema/index.ts';
import { pdfText } from './pdf-text.test-support.ts';

describeEachDriver('printable documents', (driver) => {
  const t = useApp(driver);
  let saleId = '';
  let manager = '';
  let names: string[] = [];

  beforeAll(async () => {
    const db = t.database.db;
    manager = await t.login('manager');
    const till = await registerTill(t);
    const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
    const bought = await db.select().from(products).where(like(products.sku, 'BEV-SOFT-%')).orderBy(asc(products.sku)).limit(2);
    const [apples] = await db.select().from(products).where(like(products.name, '%Apples%'));
    names = [...bought.map((p) => p.name), apples!.name];
    const sale = saleEvent(till, 1, cashier!.id, [
      { productId: bought[0]!.id, qty: '3', unitPrice: 300, taxRateBp: 1300 },
      { productId: bought[1]!.id, qty: '1', unitPrice: 540, taxRateBp: 1300 },
      { productId: apples!.id, qty: '1.234', unitPrice: 1200, taxRateBp: 900 },
    ]);
    saleId = sale.id;
    const push = await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [sale] } });
    expect(((await push.json()) as { results: { status: string }[] }).results[0]!.status).toBe('applied');
  });

  it('keeps the seller’s address and bank in the company settings: set by the owner, audited, refused to a clerk', async () => {
    const details = { address: '上海市黄浦区人民大道 100 号', phone: '021-6000 0000', bankName: '中国银行上海分行', bankAccount: '4563 5100 0000 1234' };
    expect((await t.call('PUT', '/api/org/company/invoice-details', { token: await t.login('clerk'), body: details })).status).toBe(403);
    const owner = await t.login('owner');
    const put = await t.call('PUT', '/api/org/company/invoice-details', { token: owner, body: details });
    expect(put.status).toBe(200);
    expect(await (await t.call('GET', '/api/org/company/invoice-details', { token: manager })).json()).toEqual(details);
    const audit = (await (await t.call('GET', '/api/audit?entity=company', { token: owner })).json()) as { items: { action: string; after: unknown }[] };
    expect(audit.items[0]).toMatchObject({ action: 'update', after: details });
  });

  it('lays a till sale out as a VAT invoice with the buyer typed in, per-rate totals and the total in words', async () => {
    const q = new URLSearchParams({ buyerName: '上海示例贸易有限公司', buyerTaxNumber: '91310000MA1K123456', buyerBankName: '中国银行', buyerBankAccount: '6216 0000' });
    const res = await t.call('GET', `/api/documents/sales/${saleId}/invoice?${q}`, { token: manager });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as PrintDocument;
    expect(doc.kind).toBe('sales-invoice');
    expect(doc.lines.rows.map((r) => r.item)).toEqual(names);
    expect(doc.parties[0]!.fields).toContainEqual({ label: '开户行及账号', value: '中国银行 6216 0000' });
    expect(doc.parties[1]!.fields).toContainEqual({ label: '开户行及账号', value: '中国银行上海分行 4563 5100 0000 1234' });
    expect(doc.parties[1]!.fields).toContainEqual({ label: '地址、电话', value: '上海市黄浦区人民大道 100 号 021-6000 0000' });
    // 9.00 + 5.40 at 13 %, 14.81 at 9 %: 29.21 in all.
    expect(doc.taxSummary!.rows.map((r) => [r.rate, r.gross])).toEqual([['13%', '14.40'], ['9%', '14.81']]);
    expect(doc.amountInWords!.zh).toBe('贰拾玖元贰角壹分');
    expect(doc.amountInWords!.en).toBe('Twenty-nine yuan and twenty-one fen');
  });

  it('makes a PDF of the same invoice whose text, Chinese included, reads back', async () => {
    const q = new URLSearchParams({ buyerName: '上海示例贸易有限公司' });
    const res = await t.call('GET', `/api/documents/sales/${saleId}/invoice/pdf?${q}`, { token: manager });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { text } = await pdfText(bytes);
    for (const s of ['销售发票（增值税）', '购买方', '上海示例贸易有限公司', '纳税人识别号', names[0]!, '贰拾玖元贰角壹分', 'Twenty-nine yuan and twenty-one fen', '¥29.21', '13%', '9%']) {
      expect(text, s).toContain(s);
    }
  });

  it('prints in English when asked', async () => {
    const res = await t.call('GET', `/api/documents/sales/${saleId}/invoice/pdf?lang=en`, { token: manager });
    const { text } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Sales invoice (VAT)');
    expect(text).toContain('Total in words');
  });

  it('prints a purchase order and a goods received note, each behind the permission that reads it', async () => {
    const db = t.database.db;
    const [snk] = await db.select().from(suppliers).where(eq(suppliers.code, 'SUP-SNK'));
    const [chips] = await db.select().from(products).where(like(products.sku, 'SNK-CHIPS-%')).orderBy(asc(products.sku)).limit(1);
    const wh = Object.fromEntries((await db.select().from(warehouses)).map((w) => [w.code, w.id])) as Record<string, string>;
    const purchaser = await t.login('purchaser');
    const created = await t.call('POST', '/api/purchasing/orders', {
      token: purchaser,
      body: { supplierId: snk!.id, warehouseId: wh['S02-WH'], note: '请在上午送货', lines: [{ productId: chips!.id, qty: '12', price: 500, taxRateBp: 1300 }] },
    });
    expect(created.status).toBe(201);
    const { id: orderId, number } = (await created.json()) as { id: string; number: string };
    const pdf = await t.call('GET', `/api/documents/purchase-orders/${orderId}/pdf`, { token: purchaser });
    expect(pdf.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    for (const s of ['采购订单', number, snk!.name, chips!.name, '请在上午送货', '¥67.80']) expect(text, s).toContain(s);
    // A cashier reads neither purchasing nor stock documents.
    expect((await t.call('GET', `/api/documents/purchase-orders/${orderId}`, { token: await t.login('cashier') })).status).toBe(403);

    const clerk = await t.login('clerk');
    const receipt = await t.call('POST', '/api/inventory/receipts', {
      token: clerk,
      body: { warehouseId: wh['S01-WH'], supplierId: snk!.id, reference: '送货单 889', lines: [{ productId: chips!.id, qty: '10', unitCost: '350' }] },
    });
    expect(receipt.status, await receipt.clone().text()).toBe(201);
    const r = (await receipt.json()) as Receipt;
    const grn = (await (await t.call('GET', `/api/documents/goods-receipts/${r.id}`, { token: clerk })).json()) as PrintDocument;
    expect(grn.title).toBe('入库单');
    expect(grn.lines.rows[0]).toMatchObject({ qty: '10', cost: '3.50', value: '35.00' });
    expect(grn.totals).toEqual([{ label: '合计', value: '¥35.00', strong: true }]);
    expect((await t.call('GET', `/api/documents/goods-receipts/${r.id}`, { token: await t.login('cashier') })).status).toBe(403);
  });

  it('answers 404 for a document that does not exist', async () => {
    expect((await t.call('GET', `/api/documents/sales/${newId()}/invoice`, { token: manager })).status).toBe(404);
    expect((await t.call('GET', `/api/documents/transfers/${newId()}/pdf`, { token: manager })).status).toBe(404);
  });
});
