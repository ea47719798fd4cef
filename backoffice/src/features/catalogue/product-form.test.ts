import type { Product } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { emptyProductForm, newRowUid, productToForm, validateProduct, type ProductForm } from './product-form.ts';

const RATE = '0190a7e0-0000-7000-8000-000000000013';
const CATEGORY = '0190a7e0-0000-7000-8000-0000000000c1';

function filled(over: Partial<ProductForm> = {}): ProductForm {
  return { ...emptyProductForm(RATE), sku: 'TEA-001', name: 'Green tea 500ml', salePrice: '4.50', ...over };
}

describe('validateProduct', () => {
  it('turns a filled form into the request the API wants', () => {
    const form = filled({
      categoryId: CATEGORY,
      purchasePrice: '3.15',
      barcodes: [
        { uid: newRowUid(), barcode: '6901234567892', packQty: '' },
        { uid: newRowUid(), barcode: '16901234567899', packQty: '12' },
      ],
      attributes: [{ uid: newRowUid(), key: 'size', value: '500ml' }],
    });
    const { request, errors } = validateProduct(form, 2);
    expect(errors).toEqual({});
    expect(request).toMatchObject({
      sku: 'TEA-001',
      categoryId: CATEGORY,
      taxRateId: RATE,
      purchasePrice: 315,
      salePrice: 450,
      plu: null,
      shelfLifeDays: null,
      attributes: { size: '500ml' },
      barcodes: [
        { barcode: '6901234567892', packQty: '1' },
        { barcode: '16901234567899', packQty: '12' },
      ],
    });
  });

  it('marks required fields and a missing tax rate', () => {
    const { request, errors } = validateProduct(emptyProductForm(''), 2);
    expect(request).toBeNull();
    expect(errors.sku?.key).toBe('required');
    expect(errors.name?.key).toBe('required');
    expect(errors.salePrice?.key).toBe('required');
    expect(errors.taxRateId?.key).toBe('required');
  });

  it('refuses prices with more places than the currency has, and bad shelf lives', () => {
    const { errors } = validateProduct(filled({ salePrice: '4.505', purchasePrice: 'abc', shelfLifeDays: 'ten' }), 2);
    expect(errors.salePrice).toMatchObject({ key: 'money', params: { decimals: 2 } });
    expect(errors.purchasePrice?.key).toBe('money');
    expect(errors.shelfLifeDays?.key).toBe('wholeDays');
  });

  it("puts the schema's barcode and rule errors on their fields", () => {
    const { errors } = validateProduct(
      filled({
        weighed: true,
        tracksExpiry: true,
        plu: '123456',
        barcodes: [
          { uid: newRowUid(), barcode: '6901234567891', packQty: '1' },
          { uid: newRowUid(), barcode: 'A-1', packQty: '0' },
          { uid: newRowUid(), barcode: 'A-1', packQty: '1' },
        ],
      }),
      2,
    );
    expect(errors['barcodes.0.barcode']?.key).toBe('barcodeCheckDigit');
    expect(errors['barcodes.1.packQty']?.key).toBe('packQtyPositive');
    expect(errors['barcodes.2.barcode']?.key).toBe('barcodeTwice');
    expect(errors.unit?.key).toBe('weighedUnit');
    expect(errors.tracksExpiry?.key).toBe('expiryNeedsBatch');
    expect(errors.plu?.key).toBe('pluFormat');
  });

  it('flags attribute rows without a name or named twice', () => {
    const { errors } = validateProduct(
      filled({
        attributes: [
          { uid: newRowUid(), key: 'colour', value: 'red' },
          { uid: newRowUid(), key: 'colour', value: 'blue' },
          { uid: newRowUid(), key: '', value: 'XL' },
        ],
      }),
      2,
    );
    expect(errors['attributes.1.key']?.key).toBe('attributeTwice');
    expect(errors['attributes.2.key']?.key).toBe('required');
  });
});

describe('productToForm', () => {
  it('round-trips a product through the form', () => {
    const product: Product = {
      id: 'p1',
      sku: 'RICE-5',
      name: 'Rice 5kg',
      categoryId: CATEGORY,
      categoryName: 'Rice',
      unit: 'each',
      taxRateId: RATE,
      taxRateBasisPoints: 900,
      purchasePrice: 3000,
      salePrice: 4590,
      weighed: false,
      plu: null,
      batchTracked: true,
      tracksExpiry: true,
      serialTracked: false,
      shelfLifeDays: 365,
      status: 'active',
      parentId: null,
      attributes: { origin: 'Heilongjiang' },
      barcodes: [{ barcode: '6901234567892', packQty: '1' }],
      storePrices: [],
      revision: 3,
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const form = productToForm(product, 2);
    expect(form.salePrice).toBe('45.90');
    expect(form.shelfLifeDays).toBe('365');
    const { request } = validateProduct(form, 2);
    expect(request).toMatchObject({ salePrice: 4590, purchasePrice: 3000, shelfLifeDays: 365, attributes: { origin: 'Heilongjiang' } });
  });
});
