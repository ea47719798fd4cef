import { PRODUCT_UNITS, productInputSchema, type Product, type ProductInput } from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { moneyToInput, parseMoneyInput } from '../../forms/money-input.ts';

export type ProductUnit = (typeof PRODUCT_UNITS)[number];

/**
 * What the product drawer edits: close to ProductInput, but in the shape a form wants.
 * Prices are the text people type in major units ("12.50"), optional numbers are text
 * (empty = none), and list rows carry a local key so Vue keeps inputs in place when a
 * row is removed.
 */
export interface ProductForm {
  sku: string;
  name: string;
  categoryId: string | null;
  unit: ProductUnit;
  taxRateId: string;
  purchasePrice: string;
  salePrice: string;
  weighed: boolean;
  plu: string;
  batchTracked: boolean;
  tracksExpiry: boolean;
  serialTracked: boolean;
  shelfLifeDays: string;
  status: 'active' | 'archived';
  parentId: string | null;
  /** "SKU name" of the parent, for the picker's label; not sent. */
  parentLabel: string;
  attributes: { uid: number; key: string; value: string }[];
  barcodes: { uid: number; barcode: string; packQty: string }[];
}

let nextUid = 1;
export const newRowUid = (): number => nextUid++;

export function emptyProductForm(defaultTaxRateId = ''): ProductForm {
  return {
    sku: '',
    name: '',
    categoryId: null,
    unit: 'each',
    taxRateId: defaultTaxRateId,
    purchasePrice: '',
    salePrice: '',
    weighed: false,
    plu: '',
    batchTracked: false,
    tracksExpiry: false,
    serialTracked: false,
    shelfLifeDays: '',
    status: 'active',
    parentId: null,
    parentLabel: '',
    attributes: [],
    barcodes: [],
  };
}

const isUnit = (u: string): u is ProductUnit => (PRODUCT_UNITS as readonly string[]).includes(u);

export function productToForm(p: Product, decimals: number, parentLabel = ''): ProductForm {
  return {
    sku: p.sku,
    name: p.name,
    categoryId: p.categoryId,
    unit: isUnit(p.unit) ? p.unit : 'each',
    taxRateId: p.taxRateId,
    purchasePrice: moneyToInput(p.purchasePrice, decimals),
    salePrice: moneyToInput(p.salePrice, decimals),
    weighed: p.weighed,
    plu: p.plu ?? '',
    batchTracked: p.batchTracked,
    tracksExpiry: p.tracksExpiry,
    serialTracked: p.serialTracked,
    shelfLifeDays: p.shelfLifeDays === null ? '' : String(p.shelfLifeDays),
    status: p.status,
    parentId: p.parentId,
    parentLabel,
    attributes: Object.entries(p.attributes).map(([key, value]) => ({ uid: newRowUid(), key, value })),
    barcodes: p.barcodes.map((b) => ({ uid: newRowUid(), barcode: b.barcode, packQty: b.packQty })),
  };
}

/**
 * The request body. Text that cannot become what the schema wants (a price like
 * "12.345", shelf life "ten") becomes NaN, which the schema refuses; validateProduct
 * puts a clearer message on those fields.
 */
export function toProductInput(form: ProductForm, decimals: number): ProductInput {
  const purchase = form.purchasePrice.trim() === '' ? 0 : parseMoneyInput(form.purchasePrice, decimals);
  const sale = parseMoneyInput(form.salePrice, decimals);
  const shelf = form.shelfLifeDays.trim();
  const attributes: Record<string, string> = {};
  for (const a of form.attributes) if (a.key.trim()) attributes[a.key.trim()] = a.value.trim();
  return {
    sku: form.sku,
    name: form.name,
    categoryId: form.categoryId || null,
    unit: form.unit,
    taxRateId: form.taxRateId,
    purchasePrice: purchase ?? Number.NaN,
    // An empty sale price is "missing", which the schema reports as required.
    salePrice: form.salePrice.trim() === '' ? (undefined as unknown as number) : (sale ?? Number.NaN),
    weighed: form.weighed,
    plu: form.plu.trim() === '' ? null : form.plu,
    batchTracked: form.batchTracked,
    tracksExpiry: form.tracksExpiry,
    serialTracked: form.serialTracked,
    shelfLifeDays: shelf === '' ? null : /^\d+$/.test(shelf) ? Number(shelf) : Number.NaN,
    status: form.status,
    parentId: form.parentId || null,
    attributes,
    barcodes: form.barcodes.map((b) => ({ barcode: b.barcode, packQty: b.packQty.trim() === '' ? '1' : b.packQty })),
  };
}

export interface ProductValidation {
  /** Present only when the whole form is valid: what the schema produced (trimmed, defaults filled). */
  request: ProductInput | null;
  errors: FieldErrors;
}

/** Validates with the schema the API runs, plus what only the form can know. */
export function validateProduct(form: ProductForm, decimals: number): ProductValidation {
  const input = toProductInput(form, decimals);
  const parsed = productInputSchema.safeParse(input);
  const errors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);

  if (form.salePrice.trim() !== '' && parseMoneyInput(form.salePrice, decimals) === null) {
    errors.salePrice = { key: 'money', params: { decimals }, raw: 'not an amount' };
  }
  if (form.purchasePrice.trim() !== '' && parseMoneyInput(form.purchasePrice, decimals) === null) {
    errors.purchasePrice = { key: 'money', params: { decimals }, raw: 'not an amount' };
  }
  // An empty pick fails the schema's uuid format; for the user it is simply missing.
  if (!form.taxRateId) errors.taxRateId = { key: 'required', raw: 'tax rate is required' };
  if (Number.isNaN(input.shelfLifeDays)) errors.shelfLifeDays = { key: 'wholeDays', raw: 'not a number of days' };
  const seen = new Set<string>();
  form.attributes.forEach((a, i) => {
    const key = a.key.trim();
    if (!key && a.value.trim()) errors[`attributes.${i}.key`] = { key: 'required', raw: 'attribute name is required' };
    if (key && seen.has(key)) errors[`attributes.${i}.key`] = { key: 'attributeTwice', raw: 'attribute listed twice' };
    seen.add(key);
  });

  const ok = Object.keys(errors).length === 0;
  return { request: ok && parsed.success ? parsed.data : null, errors };
}
