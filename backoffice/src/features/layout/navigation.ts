import { Box, Goods, Money, Odometer, Sell, Setting, ShoppingCart } from '@element-plus/icons-vue';
import type { Permission } from '@shopbook/shared';
import type { Component } from 'vue';

/**
 * The back office's map: every area, the permission that opens it, and whether this
 * version has a page for it. The sidebar and the router are both built from this list,
 * so a page cannot be reachable without being in the menu or vice versa.
 */
export interface NavItem {
  /** Route name; also the key of its label under `nav.` in the catalogues. */
  name: string;
  path: string;
  permission: Permission;
  /** False: routes to the "not available in this version" page. */
  available: boolean;
}

export interface NavGroup {
  key: string;
  icon: Component;
  items: NavItem[];
}

export const NAVIGATION: NavGroup[] = [
  {
    key: 'dashboard',
    icon: Odometer,
    items: [{ name: 'dashboard', path: '/dashboard', permission: 'dashboard.view', available: true }],
  },
  {
    key: 'catalogue',
    icon: Goods,
    items: [
      { name: 'products', path: '/catalogue/products', permission: 'catalogue.read', available: true },
      { name: 'categories', path: '/catalogue/categories', permission: 'catalogue.read', available: true },
      { name: 'labels', path: '/catalogue/labels', permission: 'catalogue.read', available: true },
    ],
  },
  {
    key: 'inventory',
    icon: Box,
    items: [
      { name: 'stock', path: '/inventory/stock', permission: 'inventory.read', available: true },
      // Goods receipts live here, not under Purchasing: they are stock documents the API
      // serves under /api/inventory (opening stock, deliveries without an order). Receiving
      // against a purchase order will start from the order once purchasing exists.
      { name: 'receipts', path: '/inventory/receipts', permission: 'inventory.read', available: true },
      { name: 'transfers', path: '/inventory/transfers', permission: 'inventory.read', available: true },
      { name: 'stockTakes', path: '/inventory/stock-takes', permission: 'inventory.read', available: true },
      { name: 'adjustments', path: '/inventory/adjustments', permission: 'inventory.read', available: true },
      { name: 'lowStock', path: '/inventory/low-stock', permission: 'inventory.read', available: true },
    ],
  },
  {
    key: 'purchasing',
    icon: ShoppingCart,
    items: [
      { name: 'suppliers', path: '/purchasing/suppliers', permission: 'suppliers.read', available: true },
      // Receiving against an order starts from the order's detail (purchasing.receive).
      { name: 'purchaseOrders', path: '/purchasing/orders', permission: 'purchasing.read', available: true },
      { name: 'purchaseSuggestions', path: '/purchasing/suggestions', permission: 'purchasing.read', available: true },
    ],
  },
  {
    key: 'sales',
    icon: Sell,
    items: [
      { name: 'customers', path: '/sales/customers', permission: 'customers.read', available: true },
      { name: 'loyalty', path: '/sales/loyalty', permission: 'settings.write', available: true },
      // Every till's sales and every invoice: sales staff see only their own customers and orders.
      { name: 'tillSales', path: '/sales/till-sales', permission: 'sales.all', available: true },
      { name: 'salesOrders', path: '/sales/orders', permission: 'sales.read', available: true },
      { name: 'invoices', path: '/sales/invoices', permission: 'sales.all', available: true },
      { name: 'salesTargets', path: '/sales/targets', permission: 'targets.write', available: true },
    ],
  },
  {
    key: 'finance',
    icon: Money,
    items: [
      { name: 'trialBalance', path: '/finance/trial-balance', permission: 'finance.read', available: true },
      { name: 'periodClose', path: '/finance/period-close', permission: 'finance.read', available: true },
      { name: 'expenses', path: '/finance/expenses', permission: 'finance.read', available: true },
      { name: 'supplierInvoices', path: '/finance/supplier-invoices', permission: 'finance.read', available: true },
      { name: 'supplierPayments', path: '/finance/supplier-payments', permission: 'finance.read', available: true },
      { name: 'payables', path: '/finance/payables', permission: 'finance.read', available: true },
      { name: 'receivables', path: '/finance/receivables', permission: 'finance.read', available: true },
      { name: 'profitAndLoss', path: '/finance/profit-and-loss', permission: 'finance.read', available: true },
      { name: 'balanceSheet', path: '/finance/balance-sheet', permission: 'finance.read', available: true },
      { name: 'taxReport', path: '/finance/tax-report', permission: 'finance.read', available: true },
    ],
  },
  {
    key: 'admin',
    icon: Setting,
    items: [
      { name: 'users', path: '/admin/users', permission: 'users.read', available: false },
      { name: 'audit', path: '/admin/audit', permission: 'audit.read', available: true },
      { name: 'ledgerCheck', path: '/admin/ledger-check', permission: 'settings.write', available: true },
      { name: 'printers', path: '/admin/printers', permission: 'settings.write', available: true },
      { name: 'companyDetails', path: '/admin/company', permission: 'settings.write', available: true },
      { name: 'receiptSettings', path: '/admin/receipt', permission: 'settings.write', available: true },
      { name: 'backups', path: '/admin/backups', permission: 'backups.manage', available: false },
    ],
  },
];

/** The groups and items a user may open; empty groups disappear. */
export function visibleNavigation(can: (p: Permission) => boolean, nav: NavGroup[] = NAVIGATION): NavGroup[] {
  return nav
    .map((group) => ({ ...group, items: group.items.filter((item) => can(item.permission)) }))
    .filter((group) => group.items.length > 0);
}

/** Where a user lands after sign-in: the first page they may open, or null if none. */
export function firstAllowedItem(can: (p: Permission) => boolean, nav: NavGroup[] = NAVIGATION): NavItem | null {
  return visibleNavigation(can, nav)[0]?.items[0] ?? null;
}
