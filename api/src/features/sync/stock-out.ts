import { allocateFefo, formatQuantity, parseQuantity } from '@shopbook/shared';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { NO_BATCH, products } from '../../db/schema/index.ts';
import { postMoves, type MoveInput } from '../inventory/post-moves.ts';

export interface StockOutLine {
  productId: string;
  batchId: string | null;
  qty: string;
  serials?: readonly string[];
}

/**
 * Takes sold goods out of a warehouse: batch-tracked products first-expiry-first-out
 * across the batches in stock (a named batch first), the rest, if stock ran out, from
 * the no-batch level, which then goes negative (for a document, only where the
 * warehouse allows it). Returns the cost per line, fixed now.
 */
export async function takeOutStock(
  db: DbOrTx,
  warehouseId: string,
  lines: StockOutLine[],
  base: Pick<MoveInput, 'moveType' | 'docType' | 'docId' | 'userId' | 'occurredAt'>,
  /** A paid till sale goes through whatever the shelves say; a delivery note from the back office does not. */
  policy: 'paid_sale' | 'document' = 'paid_sale',
): Promise<{ costs: number[]; negative: boolean; serialProblems: boolean }> {
  const lenient = policy === 'paid_sale';
  const ids = [...new Set(lines.map((l) => l.productId))];
  const info = await db.select({ id: products.id, batchTracked: products.batchTracked, purchasePrice: products.purchasePrice }).from(products).where(inArray(products.id, ids));
  const moves: MoveInput[] = [];
  for (const [index, line] of lines.entries()) {
    const product = info.find((p) => p.id === line.productId);
    const fallbackCost = String(product?.purchasePrice ?? 0);
    const wanted = parseQuantity(line.qty);
    const parts: { batchId: string | null; qty: number }[] = [];
    if (product?.batchTracked) {
      const levels = await rows<{ batch_id: string; expiry_date: string | null; qty: string }>(
        db,
        sql`SELECT l.batch_id, b.expiry_date::text AS expiry_date, l.qty::text AS qty
              FROM stock_levels l JOIN batches b ON b.id = l.batch_id
             WHERE l.product_id = ${line.productId} AND l.warehouse_id = ${warehouseId} AND l.batch_id <> ${NO_BATCH} AND l.qty > 0`,
      );
      const fefo = allocateFefo(
        levels.map((l) => ({ batchId: l.batch_id, expiryDate: l.expiry_date, qty: parseQuantity(l.qty) })),
        wanted,
        line.batchId ? { namedBatchId: line.batchId } : {},
      );
      parts.push(...fefo.allocations.map((a) => ({ batchId: a.batchId, qty: a.qty })));
      if (fefo.shortfall > 0) parts.push({ batchId: null, qty: fefo.shortfall });
    } else {
      parts.push({ batchId: null, qty: wanted });
    }
    // A line's units, if it names them, are handed to its parts in order: the count per part is whole.
    let unitsGiven = 0;
    for (const p of parts) {
      const serials = line.serials?.length ? line.serials.slice(unitsGiven, unitsGiven + Math.round(p.qty / 1000)) : undefined;
      unitsGiven += serials?.length ?? 0;
      moves.push({
        ...base, productId: line.productId, warehouseId, batchId: p.batchId, qty: formatQuantity(-p.qty), fallbackCost, allowNegative: lenient, ref: index,
        ...(serials ? { serials } : {}), acceptSerialProblems: lenient,
      });
    }
  }
  // All of the sale's moves in one call, so its level locks are taken in one fixed order
  // and two sales of the same products cannot deadlock.
  const posted = await postMoves(db, moves);
  const costs = lines.map((_, i) => -posted.filter((m) => m.ref === i).reduce((s, m) => s + m.value, 0));
  return { costs, negative: posted.some((m) => m.levelQty.startsWith('-')), serialProblems: posted.some((m) => m.serialProblems.length > 0) };
}
