/**
 * Every permission the system checks. Routes name exactly one; roles are sets of them.
 * Names are `area.action` and stable: custom roles and API tokens store them.
 */
export const PERMISSIONS = [
  'dashboard.view',
  'catalogue.read',
  'catalogue.write',
  'prices.write',
  'inventory.read',
  'inventory.adjust',
  'inventory.transfer',
  'inventory.count',
  'inventory.approve',
  'purchasing.read',
  'purchasing.write',
  'purchasing.approve',
  'purchasing.receive',
  'suppliers.read',
  'suppliers.write',
  'customers.read',
  'customers.write',
  'sales.read',
  'sales.write',
  /** See every customer and order, not only the ones assigned to oneself. */
  'sales.all',
  /** Set the monthly sales targets of stores and salespeople. */
  'targets.write',
  'pos.sell',
  'pos.refund',
  'pos.discount.override',
  'pos.shift',
  'pos.device.register',
  'finance.read',
  'finance.post',
  'finance.close',
  /** Reopen a closed month: the owner's alone, as undoing a close changes what was reported. */
  'finance.reopen',
  'reports.read',
  'audit.read',
  'users.read',
  'users.write',
  'settings.write',
  'backups.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
