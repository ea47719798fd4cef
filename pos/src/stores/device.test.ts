import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueEvent, getDb, getMeta } from '../db/index.ts';
import { DEVICE, IDS, seedTill } from '../testing/fixtures.ts';
import { resetDb } from '../testing/setup.ts';
import { useDeviceStore } from './device.ts';

beforeEach(async () => {
  await resetDb();
  setActivePinia(createPinia());
});
afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const manager = { token: 'user-token', user: { id: IDS.manager, username: 'manager', displayName: '李经理', roles: ['manager'], permissions: ['pos.device.register'], storeIds: [IDS.store] } };
const store = { id: IDS.store, code: 'S01', name: '人民广场店' };

describe('device registration', () => {
  it('registers with the manager’s token and keeps the device token, not the manager’s', async () => {
    const fetchMock = vi.fn(async (url: RequestInfo | URL, _init?: RequestInit) =>
      String(url) === '/api/devices/register'
        ? json(201, { deviceId: DEVICE.deviceId, token: 'till_secret', storeId: IDS.store, warehouseId: IDS.warehouse })
        : json(200, { ok: true }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const d = useDeviceStore();
    expect(await d.register(manager, store, ' Till 1 ')).toBeNull();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/devices/register');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer user-token');
    expect(JSON.parse(String(init?.body))).toEqual({ name: 'Till 1', storeId: IDS.store });
    const saved = await getMeta(getDb(), 'device');
    expect(saved).toMatchObject({ v: 1, deviceId: DEVICE.deviceId, token: 'till_secret', storeId: IDS.store, warehouseId: IDS.warehouse, name: 'Till 1' });
    expect(JSON.stringify(await getDb().meta.toArray())).not.toContain('user-token');
    expect(d.registered).toBe(true);
    // the manager's server session is ended
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/auth/logout');
  });

  it('reports the server’s refusal and saves nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(403, { error: { code: 'forbidden', message: 'you may register tills only in your own stores' } })));
    const d = useDeviceStore();
    expect(await d.register(manager, store, 'Till 1')).toMatchObject({ kind: 'http', status: 403 });
    expect(await getMeta(getDb(), 'device')).toBeUndefined();
  });
});

describe('forgetting the device', () => {
  it('is refused while anything is unsent', async () => {
    await seedTill(getDb());
    await enqueueEvent(getDb(), 'test', {});
    const d = useDeviceStore();
    await d.restore();
    expect(await d.forget()).toEqual({ kind: 'outbox', count: 1 });
    expect(await getMeta(getDb(), 'device')).toBeDefined();
  });

  it('wipes every table when the outbox is empty', async () => {
    await seedTill(getDb());
    const d = useDeviceStore();
    await d.restore();
    expect(d.deviceCode).toMatch(/^S01-[0-9A-F]{6}$/);
    expect(await d.forget()).toBeNull();
    for (const t of getDb().tables) expect(await t.count()).toBe(0);
    expect(d.registered).toBe(false);
  });
});
