import type { Cart } from '@shopbook/shared';
import type { PosDb } from './PosDb.ts';

/** A cart put aside ("the customer forgot their wallet"), to be resumed on this till. */
export interface ParkedCart {
  id: string;
  parkedAt: string;
  cashierId: string;
  /** a word to find it again: the customer's name or the first item */
  label: string;
  itemCount: number;
  total: number;
  cart: Cart;
  customerId: string | null;
  /** product details of the lines, so a resumed cart can show units and SKUs */
  labels: Record<string, { sku: string; unit: string }>;
}

export async function parkCart(db: PosDb, parked: ParkedCart): Promise<void> {
  await db.parked.put(parked);
}

export async function listParked(db: PosDb): Promise<ParkedCart[]> {
  return db.parked.orderBy('parkedAt').toArray();
}

/** Takes a parked cart back out: read and delete in one transaction, so two tills' tabs cannot both resume it. */
export async function takeParked(db: PosDb, id: string): Promise<ParkedCart | undefined> {
  return db.transaction('rw', db.parked, async () => {
    const row = await db.parked.get(id);
    if (row) await db.parked.delete(id);
    return row;
  });
}
