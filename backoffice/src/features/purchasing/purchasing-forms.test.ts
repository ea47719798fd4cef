import type { PurchaseOrder, Supplier } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { orderButtons } from './order-actions.ts';
import { draftTotals, emptyOrderForm, lineFromProduct, percentToBp, toOrderRequest, validateOrder } from './order-form.ts';
import { acceptedQty, applyScan, clearReceived, receiveFormFromOrder, toReceiptRequest, validateReceive, type ProductTraits } from './receive-form.ts';
import { emptyPriceForm, emptySupplierForm, supplierToForm, toPriceRequest, toSupplierRequest, validatePrice, validateSupplier } from './supplier-form.ts';

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const SUP = '00000000-0000-4000-8000-0000000000aa';
const WH = '00000000-0000-4000-8000-0000000000bb';

describe('supplier form', () => {
  it('maps days to numbers, trims, upper-cases the currency and keeps contacts and bank accounts', () => {
    const form = { ...emptySupplierForm('cny'), code: ' SUP-1 ', name: 'Acme', paymentTermsDays: '45', leadTimeDays: '3' };
    form.contacts.push({ uid: 1, name: 'Li', role: 'sales', phone: '021-1', email: '' });
    form.bankAccounts.push({ uid: 2, bankName: 'ICBC', accountName: 'Acme', accountNumber: '6222 0000 1111', branch: '', swift: '', isDefault: true });
    const req = toSupplierRequest(form);
    expect(req).toMatchObject({ code: 'SUP-1', currency: 'CNY', paymentTermsDays: 45, leadTimeDays: 3 });
    expect(req.contacts).toEqual([{ name: 'Li', role: 'sales', phone: '021-1', email: '' }]);
    expect(validateSupplier(form).request).not.toBeNull();
  });

  it('refuses days that are not whole numbers on their field', () => {
    const { errors } = validateSupplier({ ...emptySupplierForm(), code: 'S', name: 'n', leadTimeDays: '2.5' });
    expect(errors.leadTimeDays).toBeDefined();
  });

  it('round-trips a supplier', () => {
    const s = {
      id: 'x', code: 'S1', name: 'N', taxNumber: 'T1', contact: 'c', phone: '', email: '', address: '', paymentTermsDays: 60, leadTimeDays: 4, currency: 'CNY',
      status: 'active', note: '', contacts: [], bankAccounts: [], productCount: 0, createdAt: '', updatedAt: '',
    } satisfies Supplier;
    expect(toSupplierRequest(supplierToForm(s))).toMatchObject({ code: 'S1', paymentTermsDays: 60, leadTimeDays: 4, taxNumber: 'T1' });
  });

  it('maps a price-list line: price in major units to minor, defaults for pack and minimum', () => {
    const form = { ...emptyPriceForm(), productId: P1, price: '12.50', packSize: '24', minOrderQty: '' };
    expect(toPriceRequest(form, 2)).toEqual({ itemCode: '', packSize: '24', price: 1250, minOrderQty: '0', preferred: false });
    expect(validatePrice({ ...form, price: '1.234' }, 2).errors.price).toBeDefined();
    expect(validatePrice(form, 2).request).not.toBeNull();
  });
});

describe('order form', () => {
  const form = () => ({
    ...emptyOrderForm(WH),
    supplierId: SUP,
    currency: 'CNY',
    lines: [
      { ...lineFromProduct({ id: P1, sku: 'A', name: 'a', unit: 'each', taxRateBp: 1300 }, undefined, 2), qty: '10', packSize: '24', price: '120.00' },
      { ...lineFromProduct({ id: P2, sku: 'B', name: 'b', unit: 'each' }, undefined, 2), qty: '5', packSize: '', price: '' },
    ],
  });

  it('sends typed fields and leaves empty ones to the API defaults', () => {
    const req = toOrderRequest(form(), 2, 'CNY');
    expect(req.exchangeRate).toBeUndefined();
    expect(req.lines[0]).toEqual({ productId: P1, qty: '10', packSize: '24', price: 12000, taxRateBp: 1300, expectedDate: null });
    expect(req.lines[1]).toEqual({ productId: P2, qty: '5', expectedDate: null });
    expect(validateOrder(form(), 2, 'CNY').request).not.toBeNull();
  });

  it('asks for the exchange rate of a foreign currency and a quantity per line', () => {
    const f = { ...form(), currency: 'USD' };
    f.lines[1]!.qty = '';
    const { errors } = validateOrder(f, 2, 'CNY');
    expect(errors.exchangeRate).toBeDefined();
    expect(errors['lines.1.qty']).toBeDefined();
  });

  it('parses percentages to basis points', () => {
    expect(percentToBp('13')).toBe(1300);
    expect(percentToBp('6.5%')).toBe(650);
    expect(percentToBp('x')).toBeNull();
  });

  it('totals the typed lines with tax, in order and base currency', () => {
    const t = draftTotals({ ...form(), currency: 'USD', exchangeRate: '7' }, 2, 2, 'CNY')!;
    expect(t).toMatchObject({ net: 120000, tax: 15600, gross: 135600, baseNet: 840000, baseTax: 109200 });
  });
});

const order = (over: Partial<PurchaseOrder['lines'][number]>[] = []): PurchaseOrder => ({
  id: 'o1', number: 'PO1', supplierId: SUP, supplierCode: 'S', supplierName: 'S', warehouseId: WH, warehouseCode: 'W', status: 'sent', currency: 'CNY',
  baseCurrency: 'CNY', exchangeRate: '1', expectedDate: null, reference: '', note: '', totals: { net: 0, tax: 0, gross: 0 }, baseTotals: { net: 0, tax: 0, gross: 0 },
  createdBy: null, createdAt: '', submittedAt: null, approvalMode: null, approvedBy: null, approvedAt: null, rejectedBy: null, rejectedAt: null, rejectReason: null,
  sentAt: null, closedAt: null, closeReason: null, cancelledAt: null, cancelReason: null,
  lines: [
    { id: '00000000-0000-4000-8000-0000000000c1', lineNo: 1, productId: P1, sku: 'A', name: 'a', unit: 'each', itemCode: '', qty: '10', packSize: '24', stockQty: '240.000',
      price: 100, taxRateBp: 1300, net: 0, tax: 0, gross: 0, baseNet: 0, baseTax: 0, unitCost: '0', expectedDate: null, qtyReceived: '40.000', qtyRejected: '0',
      qtyReturned: '0', qtyOutstanding: '200.000', ...over[0] },
    { id: '00000000-0000-4000-8000-0000000000c2', lineNo: 2, productId: P2, sku: 'B', name: 'b', unit: 'each', itemCode: '', qty: '5', packSize: '1', stockQty: '5.000',
      price: 100, taxRateBp: 1300, net: 0, tax: 0, gross: 0, baseNet: 0, baseTax: 0, unitCost: '0', expectedDate: null, qtyReceived: '5.000', qtyRejected: '0',
      qtyReturned: '0', qtyOutstanding: '0.000', ...over[1] },
  ],
});
const traits: Record<string, ProductTraits> = {
  [P1]: { batchTracked: true, tracksExpiry: true, barcodes: { '6901': '1', '6902': '24' } },
  [P2]: { batchTracked: false, tracksExpiry: false, barcodes: {} },
};

describe('receive form', () => {
  it('lists only lines still outstanding, prefilled with what is outstanding', () => {
    const f = receiveFormFromOrder(order(), traits);
    expect(f.lines.map((l) => [l.sku, l.outstanding, l.received, l.batchTracked])).toEqual([['A', '200', '200', true]]);
  });

  it('counts scans from zero by the barcode pack quantity; an unknown code is -1', () => {
    const f = receiveFormFromOrder(order(), traits);
    clearReceived(f);
    expect(applyScan(f, '6901', traits)).toBe(0);
    expect(applyScan(f, '6902', traits)).toBe(0);
    expect(f.lines[0]!.received).toBe('25');
    expect(applyScan(f, '999', traits)).toBe(-1);
  });

  it('computes accepted, sends only received rows, and needs batch and expiry for tracked goods', () => {
    const f = receiveFormFromOrder(order([{}, { qtyOutstanding: '5.000' }]), traits);
    f.lines[0]!.received = '';
    f.lines[1]!.received = '5';
    f.lines[1]!.rejected = '1';
    expect(acceptedQty(f.lines[1]!)).toBe('4');
    expect(validateReceive(f).errors['lines.1.rejectReason']).toBeDefined();
    f.lines[1]!.rejectReason = 'crushed';
    const { request } = toReceiptRequest(f);
    expect(request.lines).toEqual([
      { orderLineId: f.lines[1]!.orderLineId, qtyReceived: '5', qtyRejected: '1', rejectReason: 'crushed', batchNo: null, productionDate: null, expiryDate: null, serials: [] },
    ]);
    f.lines[0]!.received = '3';
    const v = validateReceive(f);
    expect(v.errors['lines.0.batchNo']).toBeDefined();
    expect(v.errors['lines.0.expiryDate']).toBeDefined();
  });
});

describe('order buttons', () => {
  const purchaser = (p: string) => ['purchasing.read', 'purchasing.write'].includes(p);
  const manager = () => true;
  it('offers approval only to approvers, receiving only to receivers', () => {
    expect(orderButtons('submitted', purchaser)).toEqual(['reopen', 'cancel']);
    expect(orderButtons('submitted', manager)).toEqual(['approve', 'reject', 'reopen', 'cancel']);
    expect(orderButtons('draft', purchaser)).toEqual(['edit', 'submit', 'cancel']);
    expect(orderButtons('sent', (p) => p === 'purchasing.receive')).toEqual(['receive']);
    expect(orderButtons('partially_received', manager)).toEqual(['receive', 'close']);
  });
});

describe('suggestion selection', () => {
  it('ticks rows with a supplier and sends ticked ones with their typed quantity', async () => {
    const { rowsFromSuggestions, toSuggestionOrders } = await import('./suggestion-selection.ts');
    const item = { productId: P1, sku: 'A', name: 'a', unit: 'each', onHand: '0', onOrder: '0', sold: '0', dailyVelocity: '0', leadTimeDays: 2, leadTimeDemand: '0',
      projected: '0', hasRule: true, reorderPoint: '5', target: '10', needed: '10', itemCode: '', packSize: '1', minOrderQty: '0', purchaseQty: '10.000', stockQty: '10', price: 100, amount: 1000 };
    const rows = rowsFromSuggestions({ warehouseId: WH, warehouseCode: 'W', windowDays: 28, asOf: '', groups: [
      { supplierId: SUP, supplierCode: 'S', supplierName: 'S', currency: 'CNY', leadTimeDays: 2, items: [item], amount: 1000 },
      { supplierId: null, supplierCode: null, supplierName: null, currency: null, leadTimeDays: 0, items: [{ ...item, productId: P2 }], amount: 0 },
    ] });
    expect(rows.map((r) => [r.checked, r.qty])).toEqual([[true, '10'], [false, '10']]);
    rows[0]!.qty = '12';
    rows[1]!.checked = true;
    expect(toSuggestionOrders(WH, rows)).toEqual({ warehouseId: WH, items: [{ productId: P1, supplierId: SUP, qty: '12' }] });
  });
});
