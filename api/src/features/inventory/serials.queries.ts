import type { SerialDetail, SerialUnit, serialQuerySchema } from '@shopbook/shared';
import { normaliseSerial } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';
import { DomainError } from '../../http/errors.ts';

type SerialQuery = z.output<typeof serialQuerySchema>;
type Row = Record<string, string | number | Date | null>;

const iso = (v: unknown) => new Date(v as string).toISOString();

function toUnit(r: Row): SerialUnit {
  return {
    id: String(r.id), productId: String(r.product_id), sku: String(r.sku), name: String(r.name), serial: String(r.serial),
    state: r.state === 'in_stock' ? 'in_stock' : 'out',
    warehouseId: r.warehouse_id === null ? null : String(r.warehouse_id), warehouseCode: r.warehouse_code === null ? null : String(r.warehouse_code),
    firstSeenAt: iso(r.first_seen_at), updatedAt: iso(r.updated_at),
  };
}

const UNIT_SELECT = sql`SELECT s.id, s.product_id, p.sku, p.name, s.serial, s.state, s.warehouse_id, w.code AS warehouse_code, s.first_seen_at, s.updated_at
                          FROM serial_numbers s JOIN products p ON p.id = s.product_id LEFT JOIN warehouses w ON w.id = s.warehouse_id`;

/** Units by serial prefix, product, warehouse or state; the scanner's use is an exact serial. */
export async function findSerials(db: DbOrTx, q: SerialQuery): Promise<SerialUnit[]> {
  const where = [sql`true`];
  if (q.q) where.push(sql`s.serial LIKE ${`${normaliseSerial(q.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (q.productId) where.push(sql`s.product_id = ${q.productId}`);
  if (q.warehouseId) where.push(sql`s.warehouse_id = ${q.warehouseId}`);
  if (q.state) where.push(sql`s.state = ${q.state}`);
  const result = await rows<Row>(db, sql`${UNIT_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY s.serial, p.sku LIMIT ${q.limit}`);
  return result.map(toUnit);
}

/** A unit and every move it made, oldest first. */
export async function serialDetail(db: DbOrTx, id: string): Promise<SerialDetail> {
  const [unit] = await rows<Row>(db, sql`${UNIT_SELECT} WHERE s.id = ${id}`);
  if (!unit) throw new DomainError('not_found', `no serial number ${id}`, 'id');
  const history = await rows<Row>(
    db,
    sql`SELECT m.occurred_at, sm.direction, w.code AS warehouse_code, m.move_type, m.doc_type, m.doc_id, sm.problem
          FROM serial_moves sm JOIN stock_moves m ON m.id = sm.stock_move_id JOIN warehouses w ON w.id = m.warehouse_id
         WHERE sm.serial_id = ${id}
         ORDER BY m.occurred_at, sm.recorded_at, sm.direction`,
  );
  return {
    ...toUnit(unit),
    history: history.map((h) => ({
      occurredAt: iso(h.occurred_at), direction: Number(h.direction) > 0 ? 1 : -1, warehouseCode: String(h.warehouse_code),
      moveType: String(h.move_type), docType: String(h.doc_type), docId: String(h.doc_id), problem: h.problem === null ? null : String(h.problem),
    })),
  };
}
