import { apiErrorSchema, printJobRequestSchema, printJobResponseSchema } from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

export const printJobRoute = defineRoute('device', {
  method: 'post',
  path: '/api/printing/jobs',
  tags: ['printing'],
  summary: 'Send ESC/POS bytes to a network printer (raw TCP, port 9100) for a registered till',
  request: { body: jsonBody(printJobRequestSchema) },
  responses: {
    200: jsonResponse(printJobResponseSchema, 'The printer took the whole job and closed the connection'),
    502: jsonResponse(
      apiErrorSchema,
      'The printer refused the connection (printer_refused), could not be reached (printer_unreachable), dropped the connection mid-job (printer_dropped) or did not finish in time (printer_timeout)',
    ),
  },
});
