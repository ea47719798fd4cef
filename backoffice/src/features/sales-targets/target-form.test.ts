import type { SalesTarget, SalesTargetProgress, Salesperson } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import {
  addablePeople, addPersonRow, buildTables, isDirty, markSaved, progressPercent, removeRow, rowFigures, thisMonth, validateTargetRow,
} from './target-form.ts';

const S1 = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a01';
const S2 = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a02';
const SUN = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a11';
const LI = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a12';
const stores = [{ id: S1, code: 'S01', name: 'People\'s Square' }, { id: S2, code: 'S02', name: 'Xujiahui' }];
const people: Salesperson[] = [
  { id: SUN, username: 'salesperson', displayName: 'Sun' },
  { id: LI, username: 'manager', displayName: 'Li' },
];
const target = (id: string, storeId: string, salespersonId: string | null, amount: number): SalesTarget => ({
  id, storeId, salespersonId, month: '2026-03', amount, updatedAt: '',
});
const figures = { targetId: 't2', target: 500_000, actual: 125_000, tillNet: 0, invoicedNet: 125_000, percentBp: 2500, expected: 100_000, remaining: 375_000, status: 'on_pace' as const };
const progress: SalesTargetProgress = {
  month: '2026-03', today: '2026-03-10', daysElapsed: 10, daysInMonth: 31,
  stores: [
    { storeId: S1, storeCode: 'S01', storeName: '', store: { ...figures, targetId: 't1', target: 1_000_000, percentBp: 1250 }, salespeople: [{ salespersonId: SUN, salespersonName: 'Sun', ...figures }] },
    { storeId: S2, storeCode: 'S02', storeName: '', store: { ...figures, targetId: null, target: null, percentBp: null, status: 'no_target' }, salespeople: [] },
  ],
};

describe('sales targets as a manager edits them', () => {
  it('starts at this month in UTC', () => {
    expect(thisMonth(new Date('2026-03-31T23:30:00Z'))).toBe('2026-03');
  });

  it('lays out a table per store: its own target, then each salesperson with a target or sales', () => {
    const tables = buildTables(stores, [target('t1', S1, null, 1_000_000), target('t2', S1, SUN, 500_000)], progress, people, 2);
    expect(tables.map((t) => t.storeCode)).toEqual(['S01', 'S02']);
    expect(tables[0]!.rows.map((r) => [r.salespersonName, r.amount, r.targetId])).toEqual([['', '10000.00', 't1'], ['Sun', '5000.00', 't2']]);
    expect(tables[1]!.rows.map((r) => [r.salespersonId, r.amount, r.targetId])).toEqual([[null, '', null]]);
    expect(rowFigures(progress, tables[0]!.rows[1]!)?.actual).toBe(125_000);
    expect(progressPercent(rowFigures(progress, tables[0]!.rows[0]!))).toBe(12.5);
    expect(progressPercent(rowFigures(progress, tables[1]!.rows[0]!))).toBe(0);
    expect(progressPercent({ ...figures, percentBp: 12_345 })).toBe(100);
  });

  it('adds a salesperson once, offering only those without a row', () => {
    const [table] = buildTables(stores, [], null, people, 2);
    expect(addablePeople(table!, people).map((p) => p.username)).toEqual(['salesperson', 'manager']);
    const row = addPersonRow(table!, people[0]!, 2);
    expect(addPersonRow(table!, people[0]!, 2)).toBe(row);
    expect(table!.rows).toHaveLength(2);
    expect(addablePeople(table!, people).map((p) => p.username)).toEqual(['manager']);
    expect([row.targetId, row.amount, row.username]).toEqual([null, '', 'salesperson']);
  });

  it('sends the amount typed in yuan as whole fen, and names what cannot be read', () => {
    const [table] = buildTables(stores, [], null, people, 2);
    const row = addPersonRow(table!, people[0]!, 2);
    row.amount = '50,000.5';
    expect(validateTargetRow(row, '2026-03', 2)).toEqual({ request: { storeId: S1, salespersonId: SUN, month: '2026-03', amount: 5_000_050 }, error: null });
    expect(validateTargetRow({ ...row, amount: '' }, '2026-03', 2).error?.key).toBe('required');
    expect(validateTargetRow({ ...row, amount: '1.234' }, '2026-03', 2).error?.key).toBe('moneyShort');
    expect(validateTargetRow({ ...row, amount: '-5' }, '2026-03', 2).error?.key).toBe('moneyShort');
    expect(validateTargetRow({ ...row, amount: '5' }, '2026-13', 2).request).toBeNull();
    expect(validateTargetRow(table!.rows[0]!, '2026-03', 2).error?.key).toBe('required');
  });

  it('knows what changed, takes the saved target back, and removes rows', () => {
    const [table] = buildTables(stores, [target('t1', S1, null, 1_000_000), target('t2', S1, SUN, 500_000)], null, people, 2);
    const [own, sun] = table!.rows;
    expect(isDirty(own!, 2)).toBe(false);
    own!.amount = '12000';
    expect(isDirty(own!, 2)).toBe(true);
    markSaved(own!, target('t1', S1, null, 1_200_000), 2);
    expect([own!.amount, own!.saved, isDirty(own!, 2)]).toEqual(['12000.00', 1_200_000, false]);
    removeRow(table!, sun!);
    removeRow(table!, own!);
    expect(table!.rows).toEqual([{ ...own!, targetId: null, saved: null, amount: '' }]);
  });
});
