import type { Permission } from '@shopbook/shared';
import type { PrintTarget } from '../features/documents/documents.api.ts';
import type { RouteRecordRaw } from 'vue-router';

const documentPage = () => import('../features/documents/PrintDocumentPage.vue');

function documentRoute(name: string, path: string, target: PrintTarget, permission: Permission): RouteRecordRaw {
  return { path, name, component: documentPage, props: { target }, meta: { permission } };
}

/**
 * Pages made to be printed: no menu or header, only the sheet and a toolbar that the
 * print CSS hides. Each needs the permission that reads the document it prints.
 */
export const PRINT_ROUTES: RouteRecordRaw[] = [
  documentRoute('printPurchaseOrder', '/print/purchase-orders/:id', 'purchase-order', 'purchasing.read'),
  documentRoute('printPurchaseReceipt', '/print/purchase-receipts/:id', 'purchase-receipt', 'purchasing.read'),
  documentRoute('printGoodsReceipt', '/print/goods-receipts/:id', 'goods-receipt', 'inventory.read'),
  documentRoute('printDeliveryNote', '/print/transfers/:id', 'delivery-note', 'inventory.read'),
  documentRoute('printSalesInvoice', '/print/sales/:id/invoice', 'sale-invoice', 'sales.read'),
  documentRoute('printCustomerInvoice', '/print/customer-invoices/:id', 'customer-invoice', 'sales.read'),
  documentRoute('printCustomerStatement', '/print/customers/:id/statement', 'customer-statement', 'sales.read'),
  { path: '/print/labels', name: 'printLabels', component: () => import('../features/labels/PrintLabelsPage.vue'), meta: { permission: 'catalogue.read' } },
];
