import { z } from '@hono/zod-openapi';
import {
  apiErrorSchema, cancelOrderInputSchema, confirmOrderInputSchema, salesOrderInputSchema, salesOrderQuerySchema, salesOrderSchema, salesOrderSummarySchema, shipmentInputSchema,
  shipmentPlanSchema,
} from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const notFound = jsonResponse(apiErrorSchema, 'Not found');
const refused = jsonResponse(apiErrorSchema, 'Refused: the field named says why (nothing changed)');
const wrongStatus = jsonResponse(apiErrorSchema, 'Not a status this step starts from (nothing changed)');
const tags = ['sales orders'];
const step = (name: string, summary: string) =>
  defineRoute('sales.write', {
    method: 'post', path: `/api/sales-orders/{id}/${name}`, tags, summary, request: { params: idParam },
    responses: { 200: jsonResponse(salesOrderSchema, 'Order now'), 404: notFound, 409: wrongStatus },
  });

export const listOrdersRoute = defineRoute('sales.read', {
  method: 'get', path: '/api/sales-orders', tags, summary: 'Sales orders, newest first, by status, customer, warehouse or text',
  request: { query: salesOrderQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(salesOrderSummarySchema) }), 'Orders') },
});

export const getOrderRoute = defineRoute('sales.read', {
  method: 'get', path: '/api/sales-orders/{id}', tags, summary: 'One order: lines with reserved, shipped and back-ordered quantities, shipments, shortages',
  request: { params: idParam },
  responses: { 200: jsonResponse(salesOrderSchema, 'Order'), 404: notFound },
});

export const createOrderRoute = defineRoute('sales.write', {
  method: 'post', path: '/api/sales-orders', tags, summary: 'Draft a quotation (prices before tax; the product price and rate by default)',
  request: { body: jsonBody(salesOrderInputSchema) },
  responses: { 201: jsonResponse(salesOrderSchema, 'Quotation'), 422: refused },
});

export const updateOrderRoute = defineRoute('sales.write', {
  method: 'put', path: '/api/sales-orders/{id}', tags, summary: 'Replace a quotation',
  request: { params: idParam, body: jsonBody(salesOrderInputSchema) },
  responses: { 200: jsonResponse(salesOrderSchema, 'Quotation'), 404: notFound, 409: wrongStatus, 422: refused },
});

export const confirmOrderRoute = defineRoute('sales.write', {
  method: 'post', path: '/api/sales-orders/{id}/confirm', tags,
  summary: "Confirm: reserves what the warehouse can spare, the rest back-ordered; beyond the customer's credit limit only with a manager's override",
  request: { params: idParam, body: jsonBody(confirmOrderInputSchema) },
  responses: { 200: jsonResponse(salesOrderSchema, 'Order now'), 403: refused, 404: notFound, 409: wrongStatus },
});
export const reserveOrderRoute = step('reserve', 'Reserve back-ordered lines again from stock that has come in');
export const pickOrderRoute = step('pick', 'Mark as being picked');

export const shipOrderRoute = defineRoute('sales.write', {
  method: 'post', path: '/api/sales-orders/{id}/shipments', tags,
  summary: 'Ship (delivery note): stock out now at the moving average, cost of goods sold booked; partial shipments leave the rest open',
  request: { params: idParam, body: jsonBody(shipmentInputSchema) },
  responses: { 200: jsonResponse(salesOrderSchema, 'Order now'), 404: notFound, 409: wrongStatus, 422: refused },
});

export const cancelOrderRoute = defineRoute('sales.write', {
  method: 'post', path: '/api/sales-orders/{id}/cancel', tags, summary: 'Cancel before anything shipped; releases what the order held',
  request: { params: idParam, body: jsonBody(cancelOrderInputSchema) },
  responses: { 200: jsonResponse(salesOrderSchema, 'Cancelled'), 404: notFound, 409: wrongStatus },
});

export const shipmentPlanRoute = defineRoute('sales.read', {
  method: 'get', path: '/api/sales-orders/shipment-plan', tags, summary: 'What to pick (reserved on open orders) and what waits for stock, by delivery date',
  request: { query: z.object({ warehouseId: z.uuid({ message: 'warehouseId must be a uuid' }).optional() }) },
  responses: { 200: jsonResponse(shipmentPlanSchema, 'Plan') },
});
