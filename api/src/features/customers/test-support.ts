import { count, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { TestContext } from '../../../test/harness.ts';
import { rows } from '../../db/rows.ts';
import { auditLog, customerAddresses, customerContacts, customers } from '../../db/schema/index.ts';

/** A full customer as the back office would send it. */
export const fullCustomer = {
  code: 'C-HZ-01', name: '杭州西湖餐饮有限公司 West Lake Catering', taxNumber: '91330100mawl0001x', invoiceTitle: '杭州西湖餐饮有限公司',
  phone: '0571-8888 1234', email: 'buyer@westlake.example', address: '杭州市西湖区南山路 8 号', bankName: '招商银行杭州分行', bankAccount: '5719 0812 3456 001',
  category: 'wholesale', discountBp: 500, creditLimit: 2_000_000, paymentTermsDays: 30, note: 'Delivery before 10:00',
  contacts: [
    { name: '陈静 Chen Jing', role: 'buyer', phone: '+86 139 0000 1111', email: 'chen@westlake.example' },
    { name: '李会计 Li', role: 'accounts' },
  ],
  addresses: [
    { kind: 'billing', address: '杭州市西湖区南山路 8 号 财务部', isDefault: true },
    { kind: 'shipping', recipient: '王师傅', phone: '0571-8888 1240', address: '杭州市西湖区龙井路 99 号 后门', isDefault: true },
    { kind: 'shipping', address: '杭州市上城区河坊街 12 号' },
  ],
};

/** Rows and revisions of everything a customer change writes, to prove a refusal changed nothing. */
export async function customerFootprint(t: TestContext) {
  const db = t.database.db;
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n;
  const [state] = await rows<{ s: string | null }>(
    db,
    sql`SELECT string_agg(concat_ws('|', id, code, name, status, credit_limit, revision), ',' ORDER BY id) AS s FROM customers`,
  );
  return { customers: await n(customers), contacts: await n(customerContacts), addresses: await n(customerAddresses), audit: await n(auditLog), state: state?.s };
}
