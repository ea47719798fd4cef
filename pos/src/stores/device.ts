import type { SessionUser, Store } from '@shopbook/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { requestLogout } from '../auth/api.ts';
import { getDb, getDevice, getMeta, pendingCount, setMeta, type DeviceRegistration, type PosDb, type StoreProfile } from '../db/index.ts';
import { registerDevice, type TransportFailure } from '../sync/api.ts';
import { forgetBlockReason, type BlockReason } from './guards.ts';
import { useTillStore } from './till.ts';

export const DEVICE_REGISTER_PERMISSION = 'pos.device.register';

/**
 * This till's registration. A till is set up once by a manager (username and password,
 * online); from then on it syncs with its own device token and cashiers unlock it with a
 * PIN, offline too. The manager's session token is used for the registration request
 * only and never stored.
 */
export const useDeviceStore = defineStore('device', () => {
  const device = ref<DeviceRegistration | null>(null);
  const store = ref<Store | null>(null);
  const profile = ref<StoreProfile | null>(null);
  const registered = computed(() => device.value !== null);
  /** the store's name: the pulled profile, else what the store list said at registration */
  const storeName = computed(() => profile.value?.name ?? store.value?.name ?? null);
  /** the short code receipt numbers start with: store code and a piece of the device id */
  const deviceCode = computed(() => {
    const d = device.value;
    if (!d) return 'TILL';
    const storeCode = (profile.value?.code ?? store.value?.code ?? 'S').replace(/[^A-Za-z0-9_-]/g, '') || 'S';
    return `${storeCode}-${d.deviceId.replace(/-/g, '').slice(-6).toUpperCase()}`;
  });
  const pricesIncludeTax = computed(() => profile.value?.pricesIncludeTax ?? true);
  const currency = computed(() => profile.value?.currency ?? 'CNY');

  async function restore(db: PosDb = getDb()): Promise<void> {
    device.value = (await getDevice(db)) ?? null;
    store.value = device.value ? ((await getMeta(db, 'store')) ?? null) : null;
    profile.value = device.value ? ((await getMeta(db, 'storeProfile')) ?? null) : null;
  }

  /** The pull writes the store profile; the shell calls this to pick it up. */
  async function refreshProfile(db: PosDb = getDb()): Promise<void> {
    profile.value = (await getMeta(db, 'storeProfile')) ?? null;
  }

  /**
   * Registers the till for `storeId` with the manager's token, keeps the answer in meta
   * and ends the manager's server session (best effort).
   */
  async function register(
    manager: { token: string; user: SessionUser },
    picked: Store,
    name: string,
    db: PosDb = getDb(),
  ): Promise<TransportFailure | null> {
    // A plain copy: the store usually comes out of Vue state, and IndexedDB cannot clone a proxy.
    const chosen: Store = { id: picked.id, code: picked.code, name: picked.name };
    const res = await registerDevice(manager.token, { name: name.trim(), storeId: chosen.id });
    if (!res.ok) return res.failure;
    const reg: DeviceRegistration = {
      v: 1,
      deviceId: res.value.deviceId,
      token: res.value.token,
      storeId: res.value.storeId,
      warehouseId: res.value.warehouseId,
      name: name.trim(),
      registeredAt: new Date().toISOString(),
      registeredBy: manager.user.displayName,
    };
    await db.transaction('rw', db.meta, async () => {
      await setMeta(db, 'device', reg);
      await setMeta(db, 'store', chosen);
    });
    device.value = reg;
    store.value = chosen;
    void requestLogout(manager.token);
    return null;
  }

  /**
   * Wipes the till (every table) so it can be set up again. Refused while a sale is open or
   * anything is unsent: those sales exist nowhere else. The caller checks the manager.
   */
  async function forget(db: PosDb = getDb()): Promise<BlockReason | null> {
    const till = useTillStore();
    const blocked = forgetBlockReason({ pending: await pendingCount(db), saleInProgress: till.saleInProgress });
    if (blocked) return blocked;
    await db.transaction('rw', db.tables, async () => {
      // Counted again inside the transaction: a sale recorded in another tab meanwhile wins.
      if ((await pendingCount(db)) > 0) throw new Error('events arrived while forgetting the device');
      await Promise.all(db.tables.map((t) => t.clear()));
    });
    device.value = null;
    store.value = null;
    profile.value = null;
    return null;
  }

  return { device, store, profile, registered, storeName, deviceCode, pricesIncludeTax, currency, restore, refreshProfile, register, forget };
});
