import { newId } from '@shopbook/shared';
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db/index.ts';
import { applyPage } from '../sync/pull.ts';
import { IDS } from '../testing/fixtures.ts';
import { eventually, resetDb, tillStores } from '../testing/setup.ts';
import ProductSearch from './ProductSearch.vue';

beforeEach(resetDb);
afterEach(() => {
  document.body.innerHTML = '';
});

const category = (over: Record<string, unknown> = {}) => ({ id: IDS.category, code: 'BEV', name: '饮料', parentId: null, revision: 7, ...over });

describe('ProductSearch category grid', () => {
  it('shows the pulled category name, follows a rename and falls back to the code after a tombstone', async () => {
    const app = await tillStores();
    const db = getDb();
    const wrapper = mount(ProductSearch, { global: { plugins: [app.pinia, app.i18n] }, attachTo: document.body });
    const tile = () => wrapper.find('[data-testid="category-BEV"] .name');

    await applyPage(db, { entity: 'categories', rows: [category()], tombstones: [], cursor: 7, more: false }, 0);
    expect(await db.categories.get(IDS.category)).toMatchObject({ code: 'BEV', name: '饮料' });
    await eventually(() => expect(tile().text()).toBe('饮料'));

    await applyPage(db, { entity: 'categories', rows: [category({ name: '饮品', revision: 9 })], tombstones: [], cursor: 9, more: false }, 7);
    await eventually(() => expect(tile().text()).toBe('饮品'));

    await applyPage(db, { entity: 'categories', rows: [], tombstones: [IDS.category], cursor: 11, more: false }, 9);
    expect(await db.categories.count()).toBe(0);
    await eventually(() => expect(tile().text()).toBe('BEV'));
    wrapper.unmount();
  });

  it('skips a category row that does not match the schema and keeps the rest', async () => {
    const db = getDb();
    const other = newId();
    await applyPage(db, { entity: 'categories', rows: [category(), { id: other, code: 'X' }], tombstones: [], cursor: 7, more: false }, 0);
    expect((await db.categories.toArray()).map((c) => c.id)).toEqual([IDS.category]);
  });
});
