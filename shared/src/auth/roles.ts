import { PERMISSIONS, type Permission } from './permissions.ts';

export const ROLES = ['owner', 'manager', 'purchaser', 'clerk', 'cashier', 'accountant', 'salesperson'] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Permission[] = PERMISSIONS;

/**
 * The default role → permission map a new company starts with. The owner holds every
 * permission; the others hold what their job needs and nothing that would let them
 * approve their own work (a purchaser orders, a manager approves).
 */
export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: ALL,
  manager: ALL.filter((p) => !['users.write', 'backups.manage', 'finance.close', 'finance.reopen'].includes(p)),
  purchaser: [
    'dashboard.view',
    'catalogue.read',
    'inventory.read',
    'purchasing.read',
    'purchasing.write',
    'suppliers.read',
    'suppliers.write',
    'reports.read',
  ],
  clerk: [
    'dashboard.view',
    'catalogue.read',
    'inventory.read',
    'inventory.adjust',
    'inventory.transfer',
    'inventory.count',
    'purchasing.read',
    'purchasing.receive',
  ],
  cashier: ['catalogue.read', 'customers.read', 'pos.sell', 'pos.refund', 'pos.shift'],
  accountant: [
    'dashboard.view',
    'catalogue.read',
    'inventory.read',
    'purchasing.read',
    'suppliers.read',
    'customers.read',
    'sales.read',
    'sales.all',
    'finance.read',
    'finance.post',
    'finance.close',
    'reports.read',
    'audit.read',
  ],
  // Sells on order to the customers assigned to them: no sales.all, so only their own
  // customers and orders, and nothing of the books.
  salesperson: [
    'dashboard.view',
    'catalogue.read',
    'inventory.read',
    'customers.read',
    'customers.write',
    'sales.read',
    'sales.write',
  ],
};

export function permissionsOf(roles: readonly string[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) {
    for (const p of DEFAULT_ROLE_PERMISSIONS[role as Role] ?? []) set.add(p);
  }
  return [...set].sort();
}
