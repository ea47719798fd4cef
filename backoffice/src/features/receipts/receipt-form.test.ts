import type { Product } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import {
  emptyReceiptForm, lineFromProduct, lineValue, receiptTotal, suggestedExpiry, toReceiptRequest, validateReceipt, type ReceiptForm,
} from './receipt-form.ts';

const WH = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const P1 = '0190a1b2-c3d4-7e5f-8a6b-000000000001';
const P2 = '0190a1b2-c3d4-7e5f-8a6b-000000000002';

function product(over: Partial<Product>): Product {
  return {
    id: P1, sku: 'TEA-1', name: 'Green tea', categoryId: null, categoryName: null, unit: 'each', taxRateId: 't', taxRateBasisPoints: 1300,
    purchasePrice: 280, salePrice: 450, weighed: false, plu: null, batchTracked: false, tracksExpiry: false, serialTracked: false,
    shelfLifeDays: null, status: 'active', parentId: null, attributes: {}, barcodes: [], storePrices: [], revision: 1, updatedAt: '',
    ...over,
  };
}

function form(lines: ReceiptForm['lines'], over: Partial<ReceiptForm> = {}): ReceiptForm {
  return { ...emptyReceiptForm(WH), reference: ' DN-1001 ', lines, ...over };
}

describe('receipt form', () => {
  it('starts a line at the purchase price, in major units', () => {
    const line = lineFromProduct(product({}), 2);
    expect(line.unitCost).toBe('2.80');
    expect(line.qty).toBe('');
    expect(lineFromProduct(product({ purchasePrice: 0 }), 2).unitCost).toBe('');
  });

  it('sends costs in minor units as decimal strings and no batch for untracked products', () => {
    const a = { ...lineFromProduct(product({}), 2), qty: '30', unitCost: '2.805', batchNo: 'ignored' };
    const { request, errors } = validateReceipt(form([a]), 2);
    expect(errors).toEqual({});
    expect(request).toEqual({
      warehouseId: WH,
      supplierId: null,
      reference: 'DN-1001',
      note: '',
      lines: [{ productId: P1, qty: '30', unitCost: '280.5', batchNo: null, productionDate: null, expiryDate: null, serials: [] }],
    });
  });

  it('keeps batch number and dates for batch-tracked products', () => {
    const b = {
      ...lineFromProduct(product({ id: P2, batchTracked: true, tracksExpiry: true, shelfLifeDays: 20 }), 2),
      qty: '10', unitCost: '5', batchNo: ' LOT-1 ', productionDate: '2025-01-01', expiryDate: '2025-01-21',
    };
    expect(toReceiptRequest(form([b]), 2).lines[0]).toEqual({
      productId: P2, qty: '10', unitCost: '500', batchNo: 'LOT-1', productionDate: '2025-01-01', expiryDate: '2025-01-21', serials: [],
    });
  });

  it('takes one scanned serial per unit of a serial-tracked product, and says when they do not add up', () => {
    const s = { ...lineFromProduct(product({ serialTracked: true }), 2), qty: '2', unitCost: '5', serials: 'sn-1\nsn-2\n' };
    const ok = validateReceipt(form([s]), 2);
    expect(ok.errors).toEqual({});
    expect(ok.request!.lines[0]!.serials).toEqual(['SN-1', 'SN-2']);
    const short = validateReceipt(form([{ ...s, qty: '3' }]), 2);
    expect(short.request).toBeNull();
    expect(short.errors['lines.0.serials']?.raw).toBe('give one serial number per unit: 3 needed, 2 given');
    const twice = validateReceipt(form([{ ...s, serials: 'SN-1 sn-1' }]), 2);
    expect(twice.errors['lines.0.serials']?.raw).toBe('serial number SN-1 is listed twice');
  });

  it('asks for a batch and an expiry where the product tracks them', () => {
    const b = { ...lineFromProduct(product({ id: P2, batchTracked: true, tracksExpiry: true }), 2), qty: '10' };
    const { request, errors } = validateReceipt(form([b]), 2);
    expect(request).toBeNull();
    expect(errors['lines.0.batchNo']?.key).toBe('batchRequired');
    expect(errors['lines.0.expiryDate']?.key).toBe('expiryRequired');
  });

  it('marks missing and malformed fields on their lines', () => {
    const base = lineFromProduct(product({}), 2);
    const { errors } = validateReceipt(
      form([
        { ...base, qty: '' },
        { ...base, qty: '0', unitCost: 'abc' },
        { ...base, qty: '1.2345', unitCost: '' },
      ], { warehouseId: '' }),
      2,
    );
    expect(errors.warehouseId?.key).toBe('required');
    expect(errors['lines.0.qty']?.key).toBe('required');
    expect(errors['lines.1.qty']?.key).toBe('quantityAboveZero');
    expect(errors['lines.1.unitCost']?.key).toBe('costFormat');
    expect(errors['lines.2.qty']?.key).toBe('quantityFormat');
    expect(errors['lines.2.unitCost']?.key).toBe('required');
    expect(validateReceipt(form([]), 2).errors.lines?.key).toBe('linesRequired');
  });

  it('refuses an expiry before the production date and suggests one from the shelf life', () => {
    const b = {
      ...lineFromProduct(product({ batchTracked: true, tracksExpiry: true, shelfLifeDays: 20 }), 2),
      qty: '1', batchNo: 'L', productionDate: '2025-03-10', expiryDate: '2025-03-01',
    };
    expect(validateReceipt(form([b]), 2).errors['lines.0.expiryDate']?.key).toBe('expiryBeforeProduction');
    expect(suggestedExpiry(b)).toBe('2025-03-30');
    expect(suggestedExpiry({ productionDate: '', shelfLifeDays: 20 })).toBeNull();
  });
});

describe('receipt amounts', () => {
  it('values lines exactly, rounding half-up to the minor unit', () => {
    const base = lineFromProduct(product({}), 2);
    expect(lineValue({ qty: '30', unitCost: '2.80' }, 2)).toBe(8400);
    expect(lineValue({ qty: '3', unitCost: '0.335' }, 2)).toBe(101); // 100.5 → 101
    expect(lineValue({ qty: '', unitCost: '2.80' }, 2)).toBeNull();
    expect(lineValue({ qty: '1', unitCost: 'x' }, 2)).toBeNull();
    expect(receiptTotal(form([{ ...base, qty: '30' }, { ...base, qty: '10', unitCost: '5' }, { ...base, qty: 'x' }]), 2)).toBe(13400);
  });
});
