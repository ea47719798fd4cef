import { newId, serialCountProblem } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { serialMoves } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';

/** A stock move as posted, with the serials its document named. */
export interface SerialMoveInput {
  stockMoveId: string;
  productId: string;
  warehouseId: string;
  batchId: string;
  qty: string;
  serials: readonly string[] | undefined;
  /** A paid sale or refund from a till: problems are recorded on the unit's history, not refused. */
  acceptProblems: boolean;
  /** The line the move came from, to name the field in an error. */
  ref: number | undefined;
}

interface Current {
  id: string;
  product_id: string;
  serial: string;
  state: string;
  warehouse_id: string | null;
}

/**
 * Moves the units of serial-tracked products with their stock moves. Outbound moves
 * first, so a unit leaving one warehouse and entering another in the same call ends
 * where it arrived. Back-office documents are refused when a unit is not where the
 * document says (selling or shipping a unit not in stock, receiving one already
 * in stock); a till's paid sale goes through with the problem on the unit's history.
 * Returns the problems accepted, per move id.
 */
export async function applySerials(db: DbOrTx, moves: readonly SerialMoveInput[], at: Date): Promise<Map<string, string[]>> {
  const accepted = new Map<string, string[]>();
  if (moves.length === 0) return accepted;
  const productIds = [...new Set(moves.map((m) => m.productId))];
  const tracked = new Map(
    (
      await rows<{ id: string; sku: string }>(
        db,
        sql`SELECT id, sku FROM products WHERE serial_tracked AND id IN (${sql.join(productIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
      )
    ).map((p) => [p.id, p.sku]),
  );
  const problem = (m: SerialMoveInput, message: string) => {
    if (!m.acceptProblems) throw new DomainError('unprocessable', message, `lines.${m.ref ?? 0}.serials`);
    accepted.set(m.stockMoveId, [...(accepted.get(m.stockMoveId) ?? []), message]);
  };

  const relevant = moves.filter((m) => tracked.has(m.productId) || (m.serials?.length ?? 0) > 0);
  for (const m of relevant) {
    const countProblem = serialCountProblem(tracked.has(m.productId), m.qty, m.serials);
    if (countProblem) problem(m, `${tracked.get(m.productId) ?? 'this product'}: ${countProblem}`);
  }
  const withSerials = relevant.filter((m) => tracked.has(m.productId) && (m.serials?.length ?? 0) > 0);
  if (withSerials.length === 0) return accepted;

  const pairs = withSerials.flatMap((m) => m.serials!.map((s) => sql`(${m.productId}::uuid, ${s}::text)`));
  const current = await rows<Current>(
    db,
    sql`SELECT id, product_id, serial, state, warehouse_id FROM serial_numbers
         WHERE (product_id, serial) IN (${sql.join(pairs, sql`, `)})
         ORDER BY product_id, serial FOR UPDATE`,
  );
  const units = new Map(current.map((c) => [`${c.product_id}|${c.serial}`, { ...c, batchId: null as string | null }]));
  const history: (typeof serialMoves.$inferInsert)[] = [];
  const ordered = [...withSerials].sort((a, b) => Number(!a.qty.startsWith('-')) - Number(!b.qty.startsWith('-')));
  for (const m of ordered) {
    const out = m.qty.startsWith('-');
    const sku = tracked.get(m.productId)!;
    for (const serial of m.serials!) {
      const key = `${m.productId}|${serial}`;
      let unit = units.get(key);
      let note: string | null = null;
      if (out) {
        if (!unit || unit.state !== 'in_stock' || unit.warehouse_id !== m.warehouseId) {
          note = `${sku} serial ${serial} is not in stock in this warehouse`;
          problem(m, note);
        }
      } else if (unit?.state === 'in_stock') {
        note = `${sku} serial ${serial} is already in stock`;
        problem(m, note);
      }
      if (!unit) {
        unit = { id: newId(), product_id: m.productId, serial, state: 'out', warehouse_id: null, batchId: null };
        units.set(key, unit);
      }
      unit.state = out ? 'out' : 'in_stock';
      unit.warehouse_id = out ? null : m.warehouseId;
      unit.batchId = out ? null : m.batchId;
      history.push({ id: newId(), serialId: unit.id, stockMoveId: m.stockMoveId, direction: out ? -1 : 1, problem: note, recordedAt: at });
    }
  }
  const finalRows = [...units.values()].map(
    (u) => sql`(${u.id}::uuid, ${u.product_id}::uuid, ${u.serial}, ${u.state}, ${u.warehouse_id}::uuid, ${u.batchId}::uuid, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz)`,
  );
  await db.execute(sql`
    INSERT INTO serial_numbers AS s (id, product_id, serial, state, warehouse_id, batch_id, first_seen_at, updated_at)
    VALUES ${sql.join(finalRows, sql`, `)}
    ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, warehouse_id = EXCLUDED.warehouse_id, batch_id = EXCLUDED.batch_id, updated_at = EXCLUDED.updated_at`);
  await db.insert(serialMoves).values(history);
  return accepted;
}

