import { makeWeighedBarcode, newId, withCheckDigit } from '@shopbook/shared';
import { count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { categories, company, customers, productBarcodes, products, suppliers, taxRates, users } from '../db/schema/index.ts';
import { hashPassword } from '../features/auth/password.ts';
import { hashPin } from '../features/auth/pin.ts';
import { installCompany } from '../features/setup/install.ts';
import { DEMO_CATEGORIES, type CategoryNode, type Family } from './demo-catalogue.ts';

export const DEMO_PASSWORD = 'demo1234';
/** Till PINs of the demo users; the README lists them. */
export const DEMO_PINS: Record<string, string> = { owner: '0000', manager: '5678', cashier: '1234' };
const DEFAULT_DEMO_PIN = '1234';
export const DEMO_USERS = [
  { username: 'owner', displayName: '王店长 Owner', roles: ['owner'] },
  { username: 'manager', displayName: '李经理 Manager', roles: ['manager'] },
  { username: 'purchaser', displayName: '张采购 Purchaser', roles: ['purchaser'] },
  { username: 'clerk', displayName: '赵库管 Warehouse clerk', roles: ['clerk'] },
  { username: 'cashier', displayName: '陈收银 Cashier', roles: ['cashier'] },
  { username: 'accountant', displayName: '刘会计 Accountant', roles: ['accountant'] },
  { username: 'salesperson', displayName: '孙销售 Salesperson', roles: ['salesperson'] },
] as const;

/**
 * Seeds the demo shop on an empty database and does nothing on one that has a company,
 * so it is safe on every start. Everything is deterministic apart from ids and hashes.
 */
export async function seedDemo(db: Db, now: Date): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(company);
  if ((existing?.n ?? 0) > 0) return false;
  await db.transaction(async (tx) => {
    const { storeIds } = await installCompany(
      tx,
      {
        company: { name: '示范超市 Shopbook Demo Mart', taxNumber: '91310000MA1FL0001X', currency: 'CNY', pricesIncludeTax: true },
        stores: [
          { code: 'S01', name: '人民广场店 People\'s Square', warehouseName: '人民广场店仓 People\'s Square stockroom' },
          { code: 'S02', name: '徐家汇店 Xujiahui', warehouseName: '徐家汇店仓 Xujiahui stockroom' },
        ],
        centralWarehouse: { code: 'CENTRAL', name: '中央仓 Central warehouse' },
        taxRates: [
          { name: '13%', rateBasisPoints: 1300 },
          { name: '9%', rateBasisPoints: 900 },
          { name: '6%', rateBasisPoints: 600 },
          { name: '0%', rateBasisPoints: 0 },
        ],
        owner: { username: 'owner', displayName: DEMO_USERS[0].displayName, password: DEMO_PASSWORD },
      },
      now,
    );
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS.slice(1)) {
      // The cashier works in the first store only; everyone else in both.
      const ids = u.username === 'cashier' ? storeIds.slice(0, 1) : storeIds;
      const maxDiscountBp = u.username === 'cashier' ? 500 : 10_000;
      await tx.insert(users).values({ id: newId(), ...u, roles: [...u.roles], passwordHash: hash, storeIds: ids, maxDiscountBp, createdAt: now });
    }
    for (const u of DEMO_USERS) {
      await tx.update(users).set({ pinHash: await hashPin(DEMO_PINS[u.username] ?? DEFAULT_DEMO_PIN) }).where(eq(users.username, u.username));
    }
    await tx.update(users).set({ maxDiscountBp: 10_000 }).where(eq(users.username, 'owner'));
    await seedCatalogue(tx, now);
    await seedPartners(tx, now);
  });
  return true;
}

async function seedCatalogue(tx: DbOrTx, now: Date) {
  const rates = await tx.select().from(taxRates);
  const rateId = (bp: number) => rates.find((r) => r.rateBasisPoints === bp)!.id;
  let serial = 0;
  let plu = 0;
  const insertFamily = async (family: Family, categoryId: string, categoryCode: string) => {
    for (const brand of family.brands) {
      for (const [sizeIndex, size] of family.sizes.entries()) {
        serial += 1;
        const id = newId();
        const salePrice = Math.round((family.price * (1 + sizeIndex * 0.8)) / 10) * 10;
        const name = family.weighed ? brand : `${brand} ${family.name.split(' ')[0]} ${size}`;
        const itemPlu = family.weighed ? String(++plu + 1000).padStart(5, '0') : null;
        await tx.insert(products).values({
          id,
          sku: `${categoryCode}-${String(serial).padStart(4, '0')}`,
          name,
          categoryId,
          unit: family.unit ?? 'each',
          taxRateId: rateId(family.taxBp),
          purchasePrice: Math.round(salePrice * 0.7),
          salePrice,
          weighed: family.weighed ?? false,
          plu: itemPlu,
          batchTracked: family.shelfLifeDays !== undefined,
          tracksExpiry: family.shelfLifeDays !== undefined,
          shelfLifeDays: family.shelfLifeDays ?? null,
          createdAt: now,
          updatedAt: now,
        });
        // 690–699 is GS1 China; the body is the running number, so codes are stable.
        const barcode = itemPlu
          ? makeWeighedBarcode({ itemCode: itemPlu, kind: 'weight', value: 0 })
          : withCheckDigit(`69${String(1_000_000_000 + serial * 7919).slice(-10)}`);
        await tx.insert(productBarcodes).values({ barcode, productId: id });
        if (!family.weighed && sizeIndex === 0 && serial % 3 === 0) {
          // A case of 12 has its own barcode (GTIN of the case) standing for 12 units.
          await tx.insert(productBarcodes).values({ barcode: withCheckDigit(`1${barcode.slice(0, 12)}`), productId: id, packQty: '12' });
        }
      }
    }
  };
  const walk = async (node: CategoryNode, parentId: string | null) => {
    const id = newId();
    await tx.insert(categories).values({ id, parentId, code: node.code, name: node.name });
    for (const family of node.families ?? []) await insertFamily(family, id, node.code);
    for (const child of node.children ?? []) await walk(child, id);
  };
  for (const root of DEMO_CATEGORIES) await walk(root, null);
}

const SUPPLIERS = [
  ['SUP-BEV', '上海饮品批发有限公司 Shanghai Beverage Wholesale', '021-5550-0101'],
  ['SUP-SNK', '江苏休闲食品贸易公司 Jiangsu Snack Trading', '025-5550-0202'],
  ['SUP-DAIRY', '光明乳业配送中心 Bright Dairy Distribution', '021-5550-0303'],
  ['SUP-FRESH', '江桥蔬果批发市场 Jiangqiao Fresh Market', '021-5550-0404'],
  ['SUP-HOME', '联合日化供应链 United Household Supply', '020-5550-0505'],
] as const;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];

async function seedPartners(tx: DbOrTx, now: Date) {
  for (const [i, [code, name, phone]] of SUPPLIERS.entries()) {
    await tx.insert(suppliers).values({
      id: newId(), code, name, phone, currency: 'CNY', paymentTermsDays: 30 + i * 15, leadTimeDays: 2 + i,
      taxNumber: `9131000${String(i).padStart(2, '0')}MA1SUP00${i}X`, contact: `${SURNAMES[i]}经理`, createdAt: now,
    });
  }
  for (let i = 1; i <= 20; i++) {
    const business = i <= 6;
    await tx.insert(customers).values({
      id: newId(),
      code: `C${String(i).padStart(3, '0')}`,
      name: business ? `客户公司${i} Customer Co. ${i}` : `${SURNAMES[i % 10]}先生 Mr ${i}`,
      phone: `138${String(10_000_000 + i * 1237).slice(-8)}`,
      taxNumber: business ? `913100${String(i).padStart(4, '0')}CUS${i}` : '',
      creditLimit: business ? 5_000_000 : 0,
      paymentTermsDays: business ? 30 : 0,
      createdAt: now,
    });
  }
}

export async function demoUserId(db: DbOrTx, username: string): Promise<string> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no demo user ${username}`);
  return u.id;
}
