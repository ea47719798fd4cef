import { auditPageSchema, auditQuerySchema } from '@shopbook/shared';
import { defineRoute, jsonResponse } from '../../http/route.ts';

export const listAudit = defineRoute('audit.read', {
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: 'Audit log, newest first',
  request: { query: auditQuerySchema },
  responses: { 200: jsonResponse(auditPageSchema, 'A page of audit entries') },
});
