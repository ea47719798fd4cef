import { z } from '@hono/zod-openapi';
import {
  apiErrorSchema, approvalLimitSchema, approvalLimitsInputSchema, optionalReasonInputSchema, purchaseDocumentQuerySchema, purchaseOrderInputSchema,
  purchaseOrderQuerySchema, purchaseOrderSchema, purchaseOrderSummarySchema, purchaseReceiptInputSchema, purchaseReceiptSchema,
  purchaseReceiptSummarySchema, purchaseReturnInputSchema, purchaseReturnSchema, purchaseReturnSummarySchema, reasonInputSchema,
  suggestionOrdersInputSchema, suggestionQuerySchema, suggestionsSchema,
} from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const notFound = jsonResponse(apiErrorSchema, 'Not found');
const wrongStatus = jsonResponse(apiErrorSchema, 'The document is not in a status this step starts from (nothing changed)');
const tags = ['purchasing'];

// ---------------------------------------------------------------------------------
// Approval limits
// ---------------------------------------------------------------------------------

export const listApprovalLimitsRoute = defineRoute('purchasing.read', {
  method: 'get', path: '/api/purchasing/approval-limits', tags,
  summary: 'Approval limit per role (base-currency minor units, order total including tax; null = unlimited; a role not listed approves nothing)',
  responses: { 200: jsonResponse(z.object({ items: z.array(approvalLimitSchema) }), 'Limits') },
});

export const setApprovalLimitsRoute = defineRoute('settings.write', {
  method: 'put', path: '/api/purchasing/approval-limits', tags,
  summary: "Set roles' approval limits, or remove a role's authority (audited)",
  request: { body: jsonBody(approvalLimitsInputSchema) },
  responses: { 200: jsonResponse(z.object({ items: z.array(approvalLimitSchema) }), 'Limits now') },
});

// ---------------------------------------------------------------------------------
// Purchase orders
// ---------------------------------------------------------------------------------

export const listOrdersRoute = defineRoute('purchasing.read', {
  method: 'get', path: '/api/purchasing/orders', tags,
  summary: 'Purchase orders, newest first, by status, supplier, warehouse or text (number, supplier, reference)',
  request: { query: purchaseOrderQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(purchaseOrderSummarySchema) }), 'Orders') },
});

export const getOrderRoute = defineRoute('purchasing.read', {
  method: 'get', path: '/api/purchasing/orders/{id}', tags,
  summary: 'One purchase order with its lines and their received, rejected, returned and outstanding quantities',
  request: { params: idParam },
  responses: { 200: jsonResponse(purchaseOrderSchema, 'Order'), 404: notFound },
});

export const createOrderRoute = defineRoute('purchasing.write', {
  method: 'post', path: '/api/purchasing/orders', tags,
  summary:
    "Draft a purchase order in the supplier's currency (exchange rate required for a foreign currency); item code, pack size and price default from the supplier's price list, tax rate from the product",
  request: { body: jsonBody(purchaseOrderInputSchema) },
  responses: { 201: jsonResponse(purchaseOrderSchema, 'Draft'), 422: jsonResponse(apiErrorSchema, 'Unknown or archived supplier, warehouse or product; missing price or rate') },
});

export const updateOrderRoute = defineRoute('purchasing.write', {
  method: 'put', path: '/api/purchasing/orders/{id}', tags,
  summary: 'Replace a draft order (header and lines)',
  request: { params: idParam, body: jsonBody(purchaseOrderInputSchema) },
  responses: { 200: jsonResponse(purchaseOrderSchema, 'Updated'), 404: notFound, 409: wrongStatus, 422: jsonResponse(apiErrorSchema, 'As for creating') },
});

export const submitOrderRoute = defineRoute('purchasing.write', {
  method: 'post', path: '/api/purchasing/orders/{id}/submit', tags,
  summary: "Submit a draft for approval; within the submitter's own approval limit it is approved at once (approvalMode self)",
  request: { params: idParam },
  responses: { 200: jsonResponse(purchaseOrderSchema, 'Submitted or approved'), 404: notFound, 409: wrongStatus },
});

export const approveOrderRoute = defineRoute('purchasing.approve', {
  method: 'post', path: '/api/purchasing/orders/{id}/approve', tags,
  summary: "Approve a submitted order: the approver's limit must cover the order total and the approver may not be its creator",
  request: { params: idParam },
  responses: { 200: jsonResponse(purchaseOrderSchema, 'Approved'), 403: jsonResponse(apiErrorSchema, 'Own order, or above your limit'), 404: notFound, 409: wrongStatus },
});

export const rejectOrderRoute = defineRoute('purchasing.approve', {
  method: 'post', path: '/api/purchasing/orders/{id}/reject', tags,
  summary: 'Reject a submitted order with a reason (not by its creator, who withdraws with reopen instead)',
  request: { params: idParam, body: jsonBody(reasonInputSchema) },
  responses: { 200: jsonResponse(purchaseOrderSchema, 'Rejected'), 403: jsonResponse(apiErrorSchema, 'Own order'), 404: notFound, 409: wrongStatus },
});

export const reopenOrderRoute = defineRoute('purchasing.write', {
  method: 'post', path: '/api/purchasing/orders/{id}/reopen', tags,
  summary: 'Take a submitted or rejected order back to draft for editing',
  request: { params: idParam },
  responses: { 200: jsonResponse(purchaseOrderSchema, 'Draft again'), 404: notFound, 409: wrongStatus },
});

export const sendOrderRoute = defineRoute('purchasing.write', {
  method: 'post', path: '/api/purchasing/orders/{id}/send', tags,
  summary: 'Mark an approved order as sent to the supplier; it can then be received',
  request: { params: idParam },
  responses: { 200: jsonResponse(purchaseOrderSchema, 'Sent'), 404: notFound, 409: wrongStatus },
});

export const closeOrderRoute = defineRoute('purchasing.write', {
  method: 'post', path: '/api/purchasing/orders/{id}/close', tags,
  summary: 'Close a partially or fully received order: nothing more is expected and it takes no more receipts',
  request: { params: idParam, body: jsonBody(optionalReasonInputSchema) },
  responses: { 200: jsonResponse(purchaseOrderSchema, 'Closed'), 404: notFound, 409: wrongStatus },
});

export const cancelOrderRoute = defineRoute('purchasing.write', {
  method: 'post', path: '/api/purchasing/orders/{id}/cancel', tags,
  summary: 'Cancel an order nothing has been received against (draft, submitted, approved, rejected or sent), with a reason',
  request: { params: idParam, body: jsonBody(reasonInputSchema) },
  responses: { 200: jsonResponse(purchaseOrderSchema, 'Cancelled'), 404: notFound, 409: wrongStatus },
});

// ---------------------------------------------------------------------------------
// Goods receipts against orders
// ---------------------------------------------------------------------------------

export const listReceiptsRoute = defineRoute('purchasing.read', {
  method: 'get', path: '/api/purchasing/receipts', tags,
  summary: 'Goods receipts against purchase orders, newest first, by order or status',
  request: { query: purchaseDocumentQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(purchaseReceiptSummarySchema) }), 'Receipts') },
});

export const getReceiptRoute = defineRoute('purchasing.read', {
  method: 'get', path: '/api/purchasing/receipts/{id}', tags,
  summary: 'One goods receipt with its lines (received, accepted, rejected, returned; batch, unit cost and value once posted)',
  request: { params: idParam },
  responses: { 200: jsonResponse(purchaseReceiptSchema, 'Receipt'), 404: notFound },
});

export const createReceiptRoute = defineRoute('purchasing.receive', {
  method: 'post', path: '/api/purchasing/receipts', tags,
  summary:
    'Draft a goods receipt against a sent or partially received order into a chosen warehouse: per order line received, accepted and rejected quantities (stock units) with a reason, batch and expiry for tracked products',
  request: { body: jsonBody(purchaseReceiptInputSchema) },
  responses: {
    201: jsonResponse(purchaseReceiptSchema, 'Draft'),
    409: jsonResponse(apiErrorSchema, 'The order is not being received (closed, cancelled, not yet sent)'),
    422: jsonResponse(apiErrorSchema, 'Unknown order, warehouse or order line'),
  },
});

export const postReceiptRoute = defineRoute('purchasing.receive', {
  method: 'post', path: '/api/purchasing/receipts/{id}/post', tags,
  summary:
    'Post a receipt: accepted goods into stock at the order price in base currency per stock unit, Dr inventory / Cr goods received not invoiced (net of tax); the order becomes partially received or received. Beyond the 5 % over-receipt tolerance it needs purchasing.approve',
  request: { params: idParam },
  responses: {
    200: jsonResponse(purchaseReceiptSchema, 'Posted'),
    403: jsonResponse(apiErrorSchema, 'Over-receipt beyond tolerance without purchasing.approve'),
    404: notFound,
    409: jsonResponse(apiErrorSchema, 'Already posted or cancelled, or the order is closed or cancelled'),
  },
});

export const cancelReceiptRoute = defineRoute('purchasing.receive', {
  method: 'post', path: '/api/purchasing/receipts/{id}/cancel', tags,
  summary: 'Cancel a draft receipt',
  request: { params: idParam },
  responses: { 200: jsonResponse(purchaseReceiptSchema, 'Cancelled'), 404: notFound, 409: wrongStatus },
});

// ---------------------------------------------------------------------------------
// Returns to suppliers
// ---------------------------------------------------------------------------------

export const listReturnsRoute = defineRoute('purchasing.read', {
  method: 'get', path: '/api/purchasing/returns', tags,
  summary: 'Returns to suppliers, newest first, by order or status',
  request: { query: purchaseDocumentQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(purchaseReturnSummarySchema) }), 'Returns') },
});

export const getReturnRoute = defineRoute('purchasing.read', {
  method: 'get', path: '/api/purchasing/returns/{id}', tags,
  summary: 'One return to a supplier with its lines',
  request: { params: idParam },
  responses: { 200: jsonResponse(purchaseReturnSchema, 'Return'), 404: notFound },
});

export const createReturnRoute = defineRoute('purchasing.receive', {
  method: 'post', path: '/api/purchasing/returns', tags,
  summary: "Draft a return of goods accepted by a posted receipt (at most what each receipt line accepted less earlier returns)",
  request: { body: jsonBody(purchaseReturnInputSchema) },
  responses: {
    201: jsonResponse(purchaseReturnSchema, 'Draft'),
    409: jsonResponse(apiErrorSchema, 'The receipt is not posted'),
    422: jsonResponse(apiErrorSchema, 'Unknown receipt or line, or more than is left to return'),
  },
});

export const postReturnRoute = defineRoute('purchasing.receive', {
  method: 'post', path: '/api/purchasing/returns/{id}/post', tags,
  summary:
    "Post a return: stock out of the receipt's warehouse and batch at the moves' cost, Dr goods received not invoiced / Cr inventory; the returned quantity is outstanding on the order again",
  request: { params: idParam },
  responses: {
    200: jsonResponse(purchaseReturnSchema, 'Posted'),
    404: notFound,
    409: jsonResponse(apiErrorSchema, 'Already posted or cancelled'),
    422: jsonResponse(apiErrorSchema, 'More than is left to return, or not enough stock where negative stock is forbidden'),
  },
});

export const cancelReturnRoute = defineRoute('purchasing.receive', {
  method: 'post', path: '/api/purchasing/returns/{id}/cancel', tags,
  summary: 'Cancel a draft return',
  request: { params: idParam },
  responses: { 200: jsonResponse(purchaseReturnSchema, 'Cancelled'), 404: notFound, 409: wrongStatus },
});

// ---------------------------------------------------------------------------------
// Reorder suggestions
// ---------------------------------------------------------------------------------

export const suggestionsRoute = defineRoute('purchasing.read', {
  method: 'get', path: '/api/purchasing/suggestions', tags,
  summary:
    'Reorder suggestions (采购计划) for a warehouse from stock on hand, reorder point/min/max, open orders, supplier lead time and the last 28 days of sales; rounded up to pack size and minimum order; grouped by supplier',
  request: { query: suggestionQuerySchema },
  responses: { 200: jsonResponse(suggestionsSchema, 'Suggestions'), 422: jsonResponse(apiErrorSchema, 'Unknown or transit warehouse') },
});

export const ordersFromSuggestionsRoute = defineRoute('purchasing.write', {
  method: 'post', path: '/api/purchasing/suggestions/orders', tags,
  summary: 'Turn selected suggestions into draft purchase orders, one per supplier, in one step',
  request: { body: jsonBody(suggestionOrdersInputSchema) },
  responses: {
    201: jsonResponse(z.object({ orders: z.array(purchaseOrderSchema) }), 'Draft orders'),
    422: jsonResponse(apiErrorSchema, 'Unknown warehouse or supplier, a supplier that does not sell the product, a missing exchange rate, nothing to order'),
  },
});
