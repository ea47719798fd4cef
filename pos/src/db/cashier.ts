import type { PosDb } from './PosDb.ts';

/** Someone who may sell on this till, as pulled from the server (pulledCashierSchema). */
export interface CashierRecord {
  id: string;
  username: string;
  displayName: string;
  /** `pbkdf2-sha256$<iterations>$<salt>$<hash>`; null until a PIN is set in the back office */
  pinHash: string | null;
  permissions: string[];
  /** largest discount the cashier may give alone, basis points */
  maxDiscountBp: number;
  revision: number;
}

export async function listCashiers(db: PosDb): Promise<CashierRecord[]> {
  const all = await db.cashiers.toArray();
  return all.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export function hasPermission(cashier: Pick<CashierRecord, 'permissions'>, permission: string): boolean {
  return cashier.permissions.includes(permission);
}
