import { z } from '@hono/zod-openapi';
import { companySchema, storeSchema, warehouseSchema } from '@shopbook/shared';
import { defineRoute, jsonResponse } from '../../http/route.ts';

export const getCompany = defineRoute('authenticated', {
  method: 'get',
  path: '/api/org/company',
  tags: ['org'],
  summary: 'The company this installation books for',
  responses: { 200: jsonResponse(companySchema, 'Company') },
});

export const listStores = defineRoute('authenticated', {
  method: 'get',
  path: '/api/org/stores',
  tags: ['org'],
  summary: 'Stores the user may see',
  responses: { 200: jsonResponse(z.object({ items: z.array(storeSchema) }), 'Stores') },
});

export const listWarehouses = defineRoute('inventory.read', {
  method: 'get',
  path: '/api/org/warehouses',
  tags: ['org'],
  summary: 'Warehouses, store ones and central ones',
  responses: { 200: jsonResponse(z.object({ items: z.array(warehouseSchema) }), 'Warehouses') },
});
