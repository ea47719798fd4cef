import { makeWeighedBarcode, newId, withCheckDigit } from '@shopbook/shared';
import { hashPin } from '../auth/pin.ts';
import type { CashierRecord } from '../db/cashier.ts';
import { setMeta, type DeviceRegistration, type StoreProfile } from '../db/meta.ts';
import type { PosDb } from '../db/PosDb.ts';
import { upsertProducts, type ProductInput } from '../db/product.ts';

/** Ids are UUIDs because the wire schemas insist; fixed per test run. */
export const IDS = {
  store: newId(),
  warehouse: newId(),
  device: newId(),
  cashier: newId(),
  manager: newId(),
  category: newId(),
};

export const DEVICE: DeviceRegistration = {
  v: 1,
  deviceId: IDS.device,
  token: 'till_token',
  storeId: IDS.store,
  warehouseId: IDS.warehouse,
  name: 'Till 1',
  registeredAt: '2025-01-01T00:00:00.000Z',
  registeredBy: 'Manager',
};

export const STORE_PROFILE: StoreProfile = {
  id: IDS.store,
  code: 'S01',
  name: '人民广场店',
  companyName: '示范超市',
  taxNumber: '91310000MA1FL0001X',
  currency: 'CNY',
  pricesIncludeTax: true,
  warehouseId: IDS.warehouse,
  receiptHeader: '',
  receiptFooter: '',
  revision: 1,
};

export const COKE_CODE = withCheckDigit('690123456789');
export const COKE_CASE = withCheckDigit('169012345678');
export const CHIPS_CODE = withCheckDigit('690987654321');
export const APPLES_PLU = '01001';

export const PRODUCTS: ProductInput[] = [
  { id: newId(), sku: 'BEV-0001', name: '可口可乐 330ml', categoryId: IDS.category, unit: '瓶', taxRateBp: 1300, priceMinor: 350, barcodes: [COKE_CODE, COKE_CASE], packs: { [COKE_CASE]: '12' }, revision: 1 },
  { id: newId(), sku: 'SNK-0001', name: '乐事薯片 70g', categoryId: IDS.category, unit: '袋', taxRateBp: 1300, priceMinor: 650, barcodes: [CHIPS_CODE], revision: 1 },
  {
    id: newId(),
    sku: 'FRU-0001',
    name: '苹果 Apples',
    categoryId: null,
    unit: 'kg',
    taxRateBp: 900,
    priceMinor: 1200,
    barcodes: [makeWeighedBarcode({ itemCode: APPLES_PLU, kind: 'weight', value: 0 })],
    weighed: true,
    plu: APPLES_PLU,
    revision: 1,
  },
];

export async function cashiers(): Promise<CashierRecord[]> {
  return [
    { id: IDS.cashier, username: 'cashier', displayName: '陈收银', pinHash: await hashPin('1234'), permissions: ['pos.sell', 'pos.refund', 'pos.shift'], maxDiscountBp: 500, revision: 1 },
    {
      id: IDS.manager,
      username: 'manager',
      displayName: '李经理',
      pinHash: await hashPin('5678'),
      permissions: ['pos.sell', 'pos.refund', 'pos.shift', 'pos.discount.override', 'pos.device.register'],
      maxDiscountBp: 3000,
      revision: 1,
    },
  ];
}

/** A registered till with its store, cashiers and a small catalogue. */
export async function seedTill(db: PosDb): Promise<{ cashiers: CashierRecord[] }> {
  const list = await cashiers();
  await setMeta(db, 'device', DEVICE);
  await setMeta(db, 'storeProfile', STORE_PROFILE);
  await setMeta(db, 'store', { id: IDS.store, code: 'S01', name: '人民广场店' });
  await setMeta(db, 'initialPullDone', true);
  await db.cashiers.bulkPut(list);
  await upsertProducts(db, PRODUCTS);
  return { cashiers: list };
}
