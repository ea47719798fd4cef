import { DEFAULT_ROLE_PERMISSIONS, type Permission } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { firstAllowedItem, NAVIGATION, visibleNavigation } from './navigation.ts';

const canAs = (role: keyof typeof DEFAULT_ROLE_PERMISSIONS) => (p: Permission) =>
  DEFAULT_ROLE_PERMISSIONS[role].includes(p);

describe('visibleNavigation', () => {
  it('shows every area to the owner', () => {
    expect(visibleNavigation(canAs('owner')).map((g) => g.key)).toEqual(NAVIGATION.map((g) => g.key));
  });

  it('hides Finance, Admin and the dashboard from a cashier', () => {
    const keys = visibleNavigation(canAs('cashier')).map((g) => g.key);
    expect(keys).not.toContain('finance');
    expect(keys).not.toContain('admin');
    expect(keys).not.toContain('dashboard');
    expect(keys).toContain('catalogue');
  });

  it('shows the accountant the trial balance and the audit log but not backups', () => {
    const items = visibleNavigation(canAs('accountant')).flatMap((g) => g.items.map((i) => i.name));
    expect(items).toContain('trialBalance');
    expect(items).toContain('audit');
    expect(items).not.toContain('backups');
    expect(items).not.toContain('users');
  });

  it('lets a clerk draft adjustments but keeps the ledger check for those who manage settings', () => {
    const clerk = visibleNavigation(canAs('clerk')).flatMap((g) => g.items.map((i) => i.name));
    expect(clerk).toEqual(expect.arrayContaining(['products', 'stock', 'adjustments', 'lowStock']));
    expect(clerk).not.toContain('ledgerCheck');
    const manager = visibleNavigation(canAs('manager')).flatMap((g) => g.items.map((i) => i.name));
    expect(manager).toContain('ledgerCheck');
  });

  it('gives the clerk the stock documents: receipts, transfers and stock-takes', () => {
    const clerk = visibleNavigation(canAs('clerk')).flatMap((g) => g.items.map((i) => i.name));
    expect(clerk).toEqual(expect.arrayContaining(['receipts', 'transfers', 'stockTakes']));
    const inventory = NAVIGATION.find((g) => g.key === 'inventory')!.items;
    expect(inventory.filter((i) => ['receipts', 'transfers', 'stockTakes'].includes(i.name)).every((i) => i.available)).toBe(true);
    const purchasing = NAVIGATION.find((g) => g.key === 'purchasing')!.items;
    expect(purchasing.every((i) => i.available)).toBe(true);
    // The clerk receives against orders, so sees them; suppliers are for purchasing.
    expect(clerk).toContain('purchaseOrders');
    expect(clerk).not.toContain('suppliers');
  });
});

describe('sales staff', () => {
  it('see customers, orders and the dashboard, but not every till sale, invoices, finance or targets', () => {
    const salesperson = visibleNavigation(canAs('salesperson'));
    const items = salesperson.flatMap((g) => g.items.map((i) => i.name));
    expect(items).toEqual(expect.arrayContaining(['dashboard', 'customers', 'salesOrders']));
    expect(items).not.toContain('tillSales');
    expect(items).not.toContain('invoices');
    expect(items).not.toContain('salesTargets');
    expect(salesperson.map((g) => g.key)).not.toContain('finance');
  });

  it('leave setting targets to managers', () => {
    const manager = visibleNavigation(canAs('manager')).flatMap((g) => g.items.map((i) => i.name));
    expect(manager).toEqual(expect.arrayContaining(['salesTargets', 'tillSales', 'invoices']));
  });
});

describe('firstAllowedItem', () => {
  it('lands on the dashboard when allowed, elsewhere when not', () => {
    expect(firstAllowedItem(canAs('owner'))?.name).toBe('dashboard');
    expect(firstAllowedItem(canAs('cashier'))?.name).toBe('products');
    expect(firstAllowedItem(() => false)).toBeNull();
  });
});

describe('NAVIGATION', () => {
  it('uses each route name and path once', () => {
    const items = NAVIGATION.flatMap((g) => g.items);
    expect(new Set(items.map((i) => i.name)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.path)).size).toBe(items.length);
  });
});
