import { newId, type ImportReport, type SessionUser } from '@shopbook/shared';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog, categories, productBarcodes, products, taxRates } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { parseCsv, rowToInput, type RowError } from './csv.ts';
import type { ProductInput } from './products.queries.ts';
import { updateProduct } from './products.write.ts';

const MAX_ROWS = 100_000;

/**
 * Validates every row first (fields, references, duplicates inside the file and
 * barcodes owned by other products), then writes: all rows or none (`mode=all`), or
 * only the valid ones (`mode=valid`). Rows are matched to products by SKU.
 */
export async function importProducts(
  db: DbOrTx,
  text: string,
  opts: { mode: 'all' | 'valid'; dryRun: boolean },
  user: SessionUser,
  now: Date,
): Promise<ImportReport> {
  const { records, errors } = parseCsv(text);
  if (records.length > MAX_ROWS) throw new DomainError('validation_failed', `at most ${MAX_ROWS} rows per file`, 'file');
  const lookups = {
    categoryIdByCode: new Map((await db.select({ id: categories.id, code: categories.code }).from(categories).where(eq(categories.active, true))).map((c) => [c.code.toUpperCase(), c.id])),
    taxRateIdByBp: new Map((await db.select().from(taxRates)).filter((r) => r.active).map((r) => [r.rateBasisPoints, r.id])),
  };
  const valid: { row: number; input: ProductInput }[] = [];
  const seenSku = new Map<string, number>();
  const seenBarcode = new Map<string, number>();
  records.forEach((record, i) => {
    const row = i + 2; // the header is row 1
    const result = rowToInput(record, row, lookups);
    const rowErrors: RowError[] = [...result.errors];
    if (result.input) {
      const sku = result.input.sku.toUpperCase();
      if (seenSku.has(sku)) rowErrors.push({ row, field: 'sku', message: `SKU ${result.input.sku} is also on row ${seenSku.get(sku)}` });
      seenSku.set(sku, row);
      for (const b of result.input.barcodes) {
        if (seenBarcode.has(b.barcode)) rowErrors.push({ row, field: 'barcodes', message: `barcode ${b.barcode} is also on row ${seenBarcode.get(b.barcode)}` });
        seenBarcode.set(b.barcode, row);
      }
    }
    if (rowErrors.length === 0 && result.input) valid.push({ row, input: result.input });
    errors.push(...rowErrors);
  });

  // Barcodes that already belong to a product other than the row's own SKU.
  const allCodes = valid.flatMap((v) => v.input.barcodes.map((b) => b.barcode));
  const owners = new Map<string, { sku: string; name: string }>();
  for (let i = 0; i < allCodes.length; i += 5000) {
    const chunk = allCodes.slice(i, i + 5000);
    const found = await db
      .select({ barcode: productBarcodes.barcode, sku: products.sku, name: products.name })
      .from(productBarcodes)
      .innerJoin(products, eq(products.id, productBarcodes.productId))
      .where(inArray(productBarcodes.barcode, chunk));
    for (const f of found) owners.set(f.barcode, f);
  }
  const clean = valid.filter(({ row, input }) => {
    const clash = input.barcodes.find((b) => owners.has(b.barcode) && owners.get(b.barcode)!.sku !== input.sku);
    if (!clash) return true;
    const owner = owners.get(clash.barcode)!;
    errors.push({ row, field: 'barcodes', message: `barcode ${clash.barcode} already belongs to ${owner.sku} ${owner.name}` });
    return false;
  });
  errors.sort((a, b) => a.row - b.row);

  const report: ImportReport = { rows: records.length, valid: clean.length, errors, created: 0, updated: 0, applied: false };
  if (opts.dryRun || (opts.mode === 'all' && errors.length > 0) || clean.length === 0) return report;

  const existing = new Map<string, string>();
  const skus = clean.map((c) => c.input.sku);
  for (let i = 0; i < skus.length; i += 5000) {
    for (const p of await db.select({ id: products.id, sku: products.sku }).from(products).where(inArray(products.sku, skus.slice(i, i + 5000)))) {
      existing.set(p.sku, p.id);
    }
  }
  const fresh = clean.filter(({ input }) => !existing.has(input.sku)).map((c) => c.input);
  await refuseTakenPlus(db, fresh);
  await insertProductsInBulk(db, fresh, user, now);
  report.created = fresh.length;
  for (const { input } of clean) {
    const id = existing.get(input.sku);
    if (!id) continue;
    await updateProduct(db, id, input, user, now);
    report.updated++;
  }
  report.applied = true;
  await recordAudit(db, { user, action: 'import', entity: 'product', after: { rows: report.rows, created: report.created, updated: report.updated, skipped: report.rows - clean.length }, at: now });
  return report;
}

/** PLUs are unique too; the row checks cannot see clashes with the database or each other. */
async function refuseTakenPlus(db: DbOrTx, inputs: ProductInput[]) {
  const plus = inputs.map((p) => p.plu).filter((p): p is string => !!p);
  const dup = plus.find((p, i) => plus.indexOf(p) !== i);
  if (dup) throw new DomainError('conflict', `PLU ${dup} is on more than one row`, 'plu');
  for (let i = 0; i < plus.length; i += 5000) {
    const [taken] = await db.select({ plu: products.plu, sku: products.sku }).from(products).where(inArray(products.plu, plus.slice(i, i + 5000)));
    if (taken) throw new DomainError('conflict', `PLU ${taken.plu} is already used by ${taken.sku}`, 'plu');
  }
}

/**
 * New products go in with multi-row inserts (products, barcodes, one audit row each):
 * every row was already checked above, and a file of tens of thousands of rows must
 * not take tens of thousands of round trips per table.
 */
async function insertProductsInBulk(db: DbOrTx, inputs: ProductInput[], user: SessionUser, now: Date) {
  const CHUNK = 500;
  for (let i = 0; i < inputs.length; i += CHUNK) {
    const chunk = inputs.slice(i, i + CHUNK).map((input) => ({ id: newId(), input }));
    await db.insert(products).values(
      chunk.map(({ id, input }) => {
        const { barcodes: _barcodes, ...columns } = input;
        return { id, ...columns, createdAt: now, updatedAt: now };
      }),
    );
    const codes = chunk.flatMap(({ id, input }) => input.barcodes.map((b) => ({ ...b, productId: id })));
    if (codes.length) await db.insert(productBarcodes).values(codes);
    await db.insert(auditLog).values(
      chunk.map(({ id, input }) => ({
        id: newId(), at: now, userId: user.id, username: user.username, action: 'create', entity: 'product', entityId: id, before: null, after: input,
      })),
    );
  }
}
