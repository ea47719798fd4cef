import type { PrintDocument } from '@shopbook/shared';
import { asc, eq, like } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver } from '../../../test/databases.ts';
import { useApp } from '../../../test/harness.ts';
import { registerTill, saleEvent } from '../../../test/till.ts';
import { products, users } from '../../db/schema/index.ts';
import { fullCustomer } from '../customers/test-support.ts';
import { pdfText } from './pdf-text.test-support.ts';

describeEachDriver('customer invoices and statements in print', (driver) => {
  const t = useApp(driver);
  let manager = '';
  let customerId = '';
  let invoice = { id: '', number: '' };

  beforeAll(async () => {
    const db = t.database.db;
    manager = await t.login('manager');
    const created = await t.call('POST', '/api/customers', { token: manager, body: fullCustomer });
    expect(created.status, await created.clone().text()).toBe(201);
    customerId = ((await created.json()) as { id: string }).id;
    const till = await registerTill(t);
    const [cashier] = await db.select().from(users).where(eq(users.username, 'cashier'));
    const [p] = await db.select().from(products).where(like(products.sku, 'BEV-SOFT-%')).orderBy(asc(products.sku)).limit(1);
    const sale = saleEvent(till, 1, cashier!.id, [{ productId: p!.id, qty: '4', unitPrice: 565, taxRateBp: 1300 }]);
    await t.call('POST', '/api/sync/push', { token: till.token, body: { events: [sale] } });
    const res = await t.call('POST', '/api/receivables/invoices/from-sale', { token: manager, body: { saleId: sale.id, customerId, invoiceDate: '2026-03-02' } });
    expect(res.status, await res.clone().text()).toBe(201);
    invoice = (await res.json()) as { id: string; number: string };
  });

  it('prints a customer invoice in the VAT layout with the customer’s invoice details', async () => {
    const doc = (await (await t.call('GET', `/api/documents/customer-invoices/${invoice.id}`, { token: manager })).json()) as PrintDocument;
    expect(doc).toMatchObject({ kind: 'sales-invoice', number: invoice.number, title: '销售发票（增值税）' });
    expect(doc.parties[0]!.fields).toEqual([
      { label: '名称', value: '杭州西湖餐饮有限公司' },
      { label: '纳税人识别号', value: expect.stringMatching(/^91330100MAWL0001X$/i) },
      { label: '地址、电话', value: '杭州市西湖区南山路 8 号 0571-8888 1234' },
      { label: '开户行及账号', value: '招商银行杭州分行 5719 0812 3456 001' },
    ]);
    expect(doc.amountInWords!.zh).toBe('贰拾贰元陆角整');
    const pdf = await pdfText(new Uint8Array(await (await t.call('GET', `/api/documents/customer-invoices/${invoice.id}/pdf`, { token: manager })).arrayBuffer()));
    for (const s of [invoice.number, '杭州西湖餐饮有限公司', '招商银行杭州分行', '贰拾贰元陆角整']) expect(pdf.text, s).toContain(s);
  });

  it('prints the customer’s statement with the running balance, as JSON and PDF, behind sales.read', async () => {
    const res = await t.call('GET', `/api/documents/customers/${customerId}/statement?lang=en`, { token: manager });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as PrintDocument;
    expect(doc.title).toBe('Customer statement');
    expect(doc.lines.rows.map((r) => [r.entry, r.number])).toContainEqual(['Invoice', invoice.number]);
    expect(doc.totals).toHaveLength(1);
    const pdf = await pdfText(new Uint8Array(await (await t.call('GET', `/api/documents/customers/${customerId}/statement/pdf`, { token: manager })).arrayBuffer()));
    expect(pdf.text).toContain('客户对账单');
    expect(pdf.text).toContain('杭州西湖餐饮有限公司');
    expect((await t.call('GET', `/api/documents/customers/${customerId}/statement`, { token: await t.login('clerk') })).status).toBe(403);
  });
});
