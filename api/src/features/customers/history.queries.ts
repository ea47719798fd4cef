import type { CustomerPurchase } from '@shopbook/shared';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rows } from '../../db/rows.ts';

/** A customer's till sales, newest first, with what went on account and what came back since. */
export async function purchaseHistory(
  db: DbOrTx, customerId: string, page: { page: number; pageSize: number },
): Promise<{ items: CustomerPurchase[]; total: number }> {
  const [count] = await rows<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM sales WHERE customer_id = ${customerId}::uuid`);
  const found = await rows<{
    id: string; occurred_at: Date | string; receipt_no: string; store_id: string; store_code: string; store_name: string; gross: string | number;
    on_account: string | number; returned: string | number;
  }>(
    db,
    sql`SELECT s.id, s.occurred_at, s.receipt_no, s.store_id, st.code AS store_code, st.name AS store_name, s.gross,
               COALESCE((SELECT sum(p.amount) FROM sale_payments p WHERE p.sale_id = s.id AND p.kind = 'sale' AND p.tender = 'account'), 0) AS on_account,
               COALESCE((SELECT sum(r.gross) FROM sale_returns r WHERE r.original_sale_id = s.id), 0) AS returned
          FROM sales s JOIN stores st ON st.id = s.store_id
         WHERE s.customer_id = ${customerId}::uuid
         ORDER BY s.occurred_at DESC, s.id DESC
         LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
  );
  return {
    total: Number(count?.n ?? 0),
    items: found.map((r) => ({
      saleId: r.id, occurredAt: new Date(r.occurred_at).toISOString(), receiptNo: r.receipt_no, storeId: r.store_id, storeCode: r.store_code,
      storeName: r.store_name, gross: Number(r.gross), onAccount: Number(r.on_account), returned: Number(r.returned),
    })),
  };
}
