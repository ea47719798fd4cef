import { dashboardSummarySchema } from '@shopbook/shared';
import { defineRoute, jsonResponse } from '../../http/route.ts';

export const getSummary = defineRoute('dashboard.view', {
  method: 'get',
  path: '/api/dashboard/summary',
  tags: ['dashboard'],
  summary: 'Company, master-data counts and products per top-level category',
  responses: { 200: jsonResponse(dashboardSummarySchema, 'Summary') },
});
