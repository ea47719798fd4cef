import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { useAuthStore } from '../features/auth/auth.store.ts';
import { firstAllowedItem, NAVIGATION } from '../features/layout/navigation.ts';
import { PRINT_ROUTES } from './print-routes.ts';

type Page = () => Promise<Component>;

/** The areas this version really serves; everything else in NAVIGATION says so plainly. */
export const PAGES: Record<string, Page> = {
  dashboard: () => import('../features/dashboard/DashboardPage.vue'),
  trialBalance: () => import('../features/finance/TrialBalancePage.vue'),
  periodClose: () => import('../features/period-close/PeriodClosePage.vue'),
  profitAndLoss: () => import('../features/statements/ProfitAndLossPage.vue'),
  balanceSheet: () => import('../features/statements/BalanceSheetPage.vue'),
  taxReport: () => import('../features/statements/TaxReportPage.vue'),
  salesOrders: () => import('../features/sales-orders/SalesOrdersPage.vue'),
  salesTargets: () => import('../features/sales-targets/SalesTargetsPage.vue'),
  loyalty: () => import('../features/loyalty/LoyaltyPage.vue'),
  expenses: () => import('../features/expenses/ExpensesPage.vue'),
  invoices: () => import('../features/receivables/CustomerInvoicesPage.vue'),
  receivables: () => import('../features/receivables/ReceivablesPage.vue'),
  supplierInvoices: () => import('../features/payables/SupplierInvoicesPage.vue'),
  supplierPayments: () => import('../features/payables/SupplierPaymentsPage.vue'),
  payables: () => import('../features/payables/PayablesPage.vue'),
  customers: () => import('../features/customers/CustomersPage.vue'),
  audit: () => import('../features/audit/AuditLogPage.vue'),
  products: () => import('../features/catalogue/ProductsPage.vue'),
  categories: () => import('../features/catalogue/CategoriesPage.vue'),
  labels: () => import('../features/labels/LabelsPage.vue'),
  tillSales: () => import('../features/sales/TillSalesPage.vue'),
  stock: () => import('../features/inventory/StockPage.vue'),
  lowStock: () => import('../features/inventory/LowStockPage.vue'),
  adjustments: () => import('../features/inventory/AdjustmentsPage.vue'),
  receipts: () => import('../features/receipts/ReceiptsPage.vue'),
  transfers: () => import('../features/transfers/TransfersPage.vue'),
  stockTakes: () => import('../features/stocktakes/StockTakesPage.vue'),
  ledgerCheck: () => import('../features/inventory/LedgerCheckPage.vue'),
  suppliers: () => import('../features/purchasing/SuppliersPage.vue'),
  purchaseOrders: () => import('../features/purchasing/PurchaseOrdersPage.vue'),
  purchaseSuggestions: () => import('../features/purchasing/SuggestionsPage.vue'),
  printers: () => import('../features/printing/PrintersPage.vue'),
  companyDetails: () => import('../features/org/CompanyDetailsPage.vue'),
  receiptSettings: () => import('../features/printing/ReceiptSettingsPage.vue'),
};
const notYetAvailable: Page = () => import('../features/layout/NotYetAvailable.vue');
const forbiddenPage: Page = () => import('../features/layout/ForbiddenPage.vue');

const areaRoutes: RouteRecordRaw[] = NAVIGATION.flatMap((group) =>
  group.items.map((item) => ({
    path: item.path.replace(/^\//, ''),
    name: item.name,
    component: (item.available ? PAGES[item.name] : undefined) ?? notYetAvailable,
    meta: { permission: item.permission, navKey: item.name },
  })),
);

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../features/auth/LoginPage.vue'), meta: { public: true } },
  { path: '/setup', name: 'setup', component: () => import('../features/setup/SetupWizard.vue') },
  // Printable pages stand outside the layout: what the browser prints is the page itself.
  ...PRINT_ROUTES,
  {
    path: '/',
    component: () => import('../features/layout/AppLayout.vue'),
    children: [
      {
        // Never rendered: sends each user to the first page they may open.
        path: '',
        name: 'home',
        component: forbiddenPage,
        beforeEnter: () => {
          const item = firstAllowedItem(useAuthStore().can);
          return item ? { name: item.name } : { name: 'forbidden' };
        },
      },
      ...areaRoutes,
      // Goods receipts moved from Purchasing to Inventory; old links still arrive.
      { path: 'purchasing/receipts', redirect: { name: 'receipts' } },
      { path: 'forbidden', name: 'forbidden', component: forbiddenPage },
      { path: ':pathMatch(.*)*', name: 'notFound', component: () => import('../features/layout/NotFoundPage.vue') },
    ],
  },
];
