import {
  salesTargetInputSchema, type SalesTarget, type SalesTargetInput, type SalesTargetProgress, type Salesperson, type Store, type StoreProgress,
} from '@shopbook/shared';
import { issuesToFieldErrors, type FieldError } from '../../forms/field-errors.ts';
import { moneyToInput, parseMoneyInput } from '../../forms/money-input.ts';

/**
 * A month's targets as a manager edits them: one table per store, the store's own
 * target first, then a row per salesperson. Amounts are typed in major units ('50000')
 * and go on the wire as integer minor units, net of tax. A row exists on the server
 * once it has a `targetId`; rows added here stay local until saved.
 */
export type Figures = NonNullable<StoreProgress['store']>;

export interface TargetRow {
  /** Stable key: `${storeId}:${salespersonId ?? 'store'}`. */
  key: string;
  storeId: string;
  /** Null: the store's own target. */
  salespersonId: string | null;
  salespersonName: string;
  /** Username, for test ids and lookups; '' for the store row. */
  username: string;
  targetId: string | null;
  /** Major units as typed; '' while no target is set. */
  amount: string;
  /** What the server holds, minor units; null when nothing is set. */
  saved: number | null;
}

export interface StoreTable {
  storeId: string;
  storeCode: string;
  storeName: string;
  rows: TargetRow[];
}

/** This month, 'YYYY-MM' in UTC like the API's months. */
export function thisMonth(now: Date = new Date()): string {
  return now.toISOString().slice(0, 7);
}

const keyOf = (storeId: string, salespersonId: string | null) => `${storeId}:${salespersonId ?? 'store'}`;

function rowFor(storeId: string, person: Pick<Salesperson, 'id' | 'displayName' | 'username'> | null, target: SalesTarget | undefined, decimals: number): TargetRow {
  return {
    key: keyOf(storeId, person?.id ?? null),
    storeId,
    salespersonId: person?.id ?? null,
    salespersonName: person?.displayName ?? '',
    username: person?.username ?? '',
    targetId: target?.id ?? null,
    amount: target ? moneyToInput(target.amount, decimals) : '',
    saved: target?.amount ?? null,
  };
}

/**
 * The tables for a month: every store, its own row, and a row for each salesperson
 * with a target or with sales there (the progress lists those), by name.
 */
export function buildTables(
  stores: readonly Pick<Store, 'id' | 'code' | 'name'>[], targets: readonly SalesTarget[], progress: SalesTargetProgress | null,
  salespeople: readonly Salesperson[], decimals: number,
): StoreTable[] {
  const people = new Map(salespeople.map((p) => [p.id, p]));
  return stores.map((s) => {
    const mine = targets.filter((t) => t.storeId === s.id);
    const ids = new Set<string>([
      ...mine.filter((t) => t.salespersonId).map((t) => t.salespersonId!),
      ...(progress?.stores.find((p) => p.storeId === s.id)?.salespeople.map((p) => p.salespersonId) ?? []),
    ]);
    const named = [...ids].map((id) => {
      const p = people.get(id);
      const shown = progress?.stores.find((x) => x.storeId === s.id)?.salespeople.find((x) => x.salespersonId === id);
      return { id, displayName: p?.displayName ?? shown?.salespersonName ?? id, username: p?.username ?? '' };
    });
    named.sort((a, b) => a.displayName.localeCompare(b.displayName));
    return {
      storeId: s.id, storeCode: s.code, storeName: s.name,
      rows: [
        rowFor(s.id, null, mine.find((t) => t.salespersonId === null), decimals),
        ...named.map((p) => rowFor(s.id, p, mine.find((t) => t.salespersonId === p.id), decimals)),
      ],
    };
  });
}

/** Salespeople who have no row in the store's table yet: the ones the picker offers. */
export function addablePeople(table: StoreTable, salespeople: readonly Salesperson[]): Salesperson[] {
  return salespeople.filter((p) => !table.rows.some((r) => r.salespersonId === p.id));
}

/** Adds an empty row for a salesperson, once. */
export function addPersonRow(table: StoreTable, person: Salesperson, decimals: number): TargetRow {
  const existing = table.rows.find((r) => r.salespersonId === person.id);
  if (existing) return existing;
  const row = rowFor(table.storeId, person, undefined, decimals);
  table.rows.push(row);
  return row;
}

/** The progress figures of a row, or null when the month has none for it. */
export function rowFigures(progress: SalesTargetProgress | null, row: Pick<TargetRow, 'storeId' | 'salespersonId'>): Figures | null {
  const store = progress?.stores.find((s) => s.storeId === row.storeId);
  if (!store) return null;
  if (row.salespersonId === null) return store.store;
  return store.salespeople.find((p) => p.salespersonId === row.salespersonId) ?? null;
}

/** The share reached for a progress bar: 0–100, one decimal. */
export function progressPercent(f: Figures | null): number {
  if (!f || f.percentBp === null) return 0;
  return Math.max(0, Math.min(100, Math.round(f.percentBp / 10) / 10));
}

/** True when the typed amount differs from what the server holds. */
export function isDirty(row: TargetRow, decimals: number): boolean {
  return parseMoneyInput(row.amount, decimals) !== row.saved;
}

/** The wire request for a row, or the error on its amount. */
export function validateTargetRow(row: TargetRow, month: string, decimals: number): { request: SalesTargetInput | null; error: FieldError | null } {
  if (row.amount.trim() === '') return { request: null, error: { key: 'required', raw: 'amount is required' } };
  const amount = parseMoneyInput(row.amount, decimals);
  if (amount === null) return { request: null, error: { key: 'moneyShort', raw: 'not an amount' } };
  const request: SalesTargetInput = { storeId: row.storeId, salespersonId: row.salespersonId, month, amount };
  const parsed = salesTargetInputSchema.safeParse(request);
  if (parsed.success) return { request, error: null };
  const errors = issuesToFieldErrors(parsed.error.issues);
  return { request: null, error: errors.amount ?? Object.values(errors)[0] ?? { key: null, raw: 'invalid' } };
}

/** After a save: the row holds the server's target. */
export function markSaved(row: TargetRow, target: SalesTarget, decimals: number): void {
  row.targetId = target.id;
  row.saved = target.amount;
  row.amount = moneyToInput(target.amount, decimals);
}

/** After a removal: the store row stays empty, a salesperson's row goes. */
export function removeRow(table: StoreTable, row: TargetRow): void {
  if (row.salespersonId === null) {
    row.targetId = null;
    row.saved = null;
    row.amount = '';
    return;
  }
  const i = table.rows.indexOf(row);
  if (i >= 0) table.rows.splice(i, 1);
}
