import { eq, sql } from 'drizzle-orm';
import type { SessionUser, StoreReceiptSettings } from '@shopbook/shared';
import type { DbOrTx } from '../../db/client.ts';
import { stores } from '../../db/schema/index.ts';
import { DomainError } from '../../http/errors.ts';
import { recordAudit } from '../audit/record.ts';

export async function getReceiptSettings(db: DbOrTx, storeId: string): Promise<StoreReceiptSettings> {
  const [row] = await db
    .select({ receiptHeader: stores.receiptHeader, receiptFooter: stores.receiptFooter, receiptLogo: stores.receiptLogo })
    .from(stores)
    .where(eq(stores.id, storeId));
  if (!row) throw new DomainError('not_found', 'no such store', 'id');
  return { ...row, receiptLogo: row.receiptLogo ?? null };
}

/** The audit log keeps the logo's size, not its dots: they say nothing a reader needs. */
function audited(settings: StoreReceiptSettings) {
  const logo = settings.receiptLogo;
  return { ...settings, receiptLogo: logo ? { width: logo.width, height: logo.height } : null };
}

/** Saves and gives the store a new revision, so every till of the store pulls it. */
export async function setReceiptSettings(db: DbOrTx, storeId: string, input: StoreReceiptSettings, user: SessionUser, now: Date) {
  const before = await getReceiptSettings(db, storeId);
  await db
    .update(stores)
    .set({ ...input, revision: sql`nextval('catalogue_revision')` })
    .where(eq(stores.id, storeId));
  await recordAudit(db, { user, action: 'update', entity: 'store', entityId: storeId, before: audited(before), after: audited(input), at: now });
  return input;
}
