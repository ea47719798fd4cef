import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from './permissions.ts';
import { DEFAULT_ROLE_PERMISSIONS, ROLES, permissionsOf } from './roles.ts';

describe('default roles', () => {
  it('give the owner every permission and nobody an unknown one', () => {
    expect(permissionsOf(['owner'])).toEqual([...PERMISSIONS].sort());
    for (const role of ROLES) {
      for (const p of DEFAULT_ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    }
  });

  it('keep approval away from the roles that create the documents', () => {
    expect(DEFAULT_ROLE_PERMISSIONS.purchaser).not.toContain('purchasing.approve');
    expect(DEFAULT_ROLE_PERMISSIONS.cashier).not.toContain('pos.discount.override');
    expect(DEFAULT_ROLE_PERMISSIONS.clerk).not.toContain('inventory.approve');
  });

  it('let only owners, managers and accountants see every customer and order; salespeople see no books', () => {
    const seeAll = ROLES.filter((r) => DEFAULT_ROLE_PERMISSIONS[r].includes('sales.all'));
    expect(seeAll.sort()).toEqual(['accountant', 'manager', 'owner']);
    expect(DEFAULT_ROLE_PERMISSIONS.accountant).not.toContain('sales.write');
    const sales = DEFAULT_ROLE_PERMISSIONS.salesperson;
    expect(sales).toEqual(expect.arrayContaining(['customers.read', 'customers.write', 'sales.read', 'sales.write']));
    for (const p of sales) expect(p).not.toMatch(/^(finance|reports|purchasing|audit|targets)\./);
    expect(ROLES.filter((r) => DEFAULT_ROLE_PERMISSIONS[r].includes('targets.write')).sort()).toEqual(['manager', 'owner']);
  });

  it('unions the permissions of several roles and ignores unknown role names', () => {
    const both = permissionsOf(['cashier', 'clerk', 'nobody']);
    expect(both).toContain('pos.sell');
    expect(both).toContain('inventory.count');
    expect(new Set(both).size).toBe(both.length);
  });
});
