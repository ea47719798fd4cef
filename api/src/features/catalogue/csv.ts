import { parseMoney, productInputSchema, toDecimalString, type Product } from '@shopbook/shared';
import Papa from 'papaparse';
import type { ProductInput } from './products.queries.ts';

export const CSV_COLUMNS = [
  'sku', 'name', 'category_code', 'unit', 'tax_rate', 'purchase_price', 'sale_price', 'barcodes',
  'weighed', 'plu', 'batch_tracked', 'tracks_expiry', 'shelf_life_days', 'status',
] as const;

/** Which CSV column a schema field came from, so a report names what the user sees. */
const COLUMN_OF: Record<string, string> = {
  sku: 'sku', name: 'name', categoryId: 'category_code', unit: 'unit', taxRateId: 'tax_rate',
  purchasePrice: 'purchase_price', salePrice: 'sale_price', barcodes: 'barcodes', weighed: 'weighed', plu: 'plu',
  batchTracked: 'batch_tracked', tracksExpiry: 'tracks_expiry', shelfLifeDays: 'shelf_life_days', status: 'status',
};

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface Lookups {
  categoryIdByCode: Map<string, string>;
  taxRateIdByBp: Map<number, string>;
}

const TRUE = ['1', 'true', 'yes', 'y', '是'];
const FALSE = ['', '0', 'false', 'no', 'n', '否'];

function flag(value: string, column: string, errors: string[][]): boolean {
  const v = value.trim().toLowerCase();
  if (TRUE.includes(v)) return true;
  if (!FALSE.includes(v)) errors.push([column, `${column} must be true or false`]);
  return false;
}

/** Maps one CSV record to the product input the API validates, or to the errors in it. */
export function rowToInput(record: Record<string, string>, row: number, lookups: Lookups): { input?: ProductInput; errors: RowError[] } {
  const problems: string[][] = [];
  const get = (c: string) => (record[c] ?? '').trim();
  const money = (column: string): number | undefined => {
    const v = get(column);
    if (v === '') return column === 'purchase_price' ? 0 : undefined;
    try {
      return parseMoney(v, 2);
    } catch {
      problems.push([column, `${column} must be an amount like 12.50`]);
      return undefined;
    }
  };
  const categoryCode = get('category_code');
  const categoryId = categoryCode ? lookups.categoryIdByCode.get(categoryCode.toUpperCase()) : null;
  if (categoryCode && !categoryId) problems.push(['category_code', `no category with code ${categoryCode}`]);
  const rateText = get('tax_rate').replace(/%$/, '');
  const rateBp = /^\d{1,3}(\.\d{1,2})?$/.test(rateText) ? Math.round(Number(rateText) * 100) : NaN;
  const taxRateId = lookups.taxRateIdByBp.get(rateBp);
  if (!taxRateId) problems.push(['tax_rate', `no tax rate of ${get('tax_rate') || '(empty)'} %`]);
  const barcodes = get('barcodes')
    .split(/[;|]/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => {
      const [barcode = '', packQty] = b.split('*');
      return { barcode: barcode.trim(), packQty: packQty?.trim() || '1' };
    });
  const shelf = get('shelf_life_days');
  const candidate = {
    sku: get('sku'),
    name: get('name'),
    categoryId: categoryId ?? null,
    unit: get('unit') || 'each',
    taxRateId: taxRateId ?? '00000000-0000-0000-0000-000000000000',
    purchasePrice: money('purchase_price'),
    salePrice: money('sale_price'),
    weighed: flag(get('weighed'), 'weighed', problems),
    plu: get('plu') || null,
    batchTracked: flag(get('batch_tracked'), 'batch_tracked', problems),
    tracksExpiry: flag(get('tracks_expiry'), 'tracks_expiry', problems),
    shelfLifeDays: shelf === '' ? null : Number(shelf),
    status: get('status') || 'active',
    barcodes,
  };
  const parsed = productInputSchema.safeParse(candidate);
  const errors: RowError[] = problems.map(([field, message]) => ({ row, field: field!, message: message! }));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = COLUMN_OF[String(issue.path[0])] ?? String(issue.path[0] ?? '');
      if (!errors.some((e) => e.field === field)) errors.push({ row, field, message: `${field}: ${issue.message}` });
    }
  }
  return errors.length || !parsed.success ? { errors } : { input: parsed.data, errors };
}

export function parseCsv(text: string): { records: Record<string, string>[]; errors: RowError[] } {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const errors: RowError[] = result.errors.map((e) => ({ row: (e.row ?? 0) + 2, field: '', message: e.message }));
  const header = result.meta.fields ?? [];
  for (const required of ['sku', 'name', 'tax_rate', 'sale_price']) {
    if (!header.includes(required)) errors.push({ row: 1, field: required, message: `the header has no ${required} column` });
  }
  return { records: result.data, errors };
}

export function productsToCsv(items: Product[], categoryCodeById: Map<string, string>): string {
  const rows = items.map((p) => ({
    sku: p.sku,
    name: p.name,
    category_code: p.categoryId ? (categoryCodeById.get(p.categoryId) ?? '') : '',
    unit: p.unit,
    tax_rate: String(p.taxRateBasisPoints / 100),
    purchase_price: toDecimalString(p.purchasePrice, 2),
    sale_price: toDecimalString(p.salePrice, 2),
    barcodes: p.barcodes.map((b) => (b.packQty === '1' ? b.barcode : `${b.barcode}*${b.packQty}`)).join(';'),
    weighed: String(p.weighed),
    plu: p.plu ?? '',
    batch_tracked: String(p.batchTracked),
    tracks_expiry: String(p.tracksExpiry),
    shelf_life_days: p.shelfLifeDays === null ? '' : String(p.shelfLifeDays),
    status: p.status,
  }));
  // A BOM so spreadsheet programs open the Chinese names as UTF-8.
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) })}\n`;
}
