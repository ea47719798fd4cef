import { z } from '@hono/zod-openapi';
import {
  apiErrorSchema, printJobRequestSchema, printJobResponseSchema, storePrinterInputSchema, storePrinterSchema, tillPrinterListSchema,
} from '@shopbook/shared';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';

const idParam = z.object({ id: z.uuid({ message: 'id must be a uuid' }) });
const notFound = { 404: jsonResponse(apiErrorSchema, 'No such printer') };
const unprocessable = { 422: jsonResponse(apiErrorSchema, 'No such store') };

export const printJobRoute = defineRoute('device', {
  method: 'post',
  path: '/api/printing/jobs',
  tags: ['printing'],
  summary: "Send ESC/POS bytes to one of the till's store's network printers (raw TCP), named by id",
  request: { body: jsonBody(printJobRequestSchema) },
  responses: {
    200: jsonResponse(printJobResponseSchema, 'The printer took the whole job and closed the connection'),
    422: jsonResponse(apiErrorSchema, "printerId is not a printer set up for the till's store"),
    502: jsonResponse(
      apiErrorSchema,
      'The printer refused the connection (printer_refused), could not be reached (printer_unreachable), dropped the connection mid-job (printer_dropped) or did not finish in time (printer_timeout)',
    ),
  },
});

export const tillPrintersRoute = defineRoute('device', {
  method: 'get',
  path: '/api/printing/till-printers',
  tags: ['printing'],
  summary: "The network printers of the till's store",
  responses: { 200: jsonResponse(tillPrinterListSchema, 'Printers') },
});

export const listPrintersRoute = defineRoute('settings.write', {
  method: 'get',
  path: '/api/printing/printers',
  tags: ['printing'],
  summary: 'Network receipt printers, per store',
  request: { query: z.object({ storeId: z.uuid({ message: 'storeId must be a uuid' }).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(storePrinterSchema) }), 'Printers') },
});

export const createPrinterRoute = defineRoute('settings.write', {
  method: 'post',
  path: '/api/printing/printers',
  tags: ['printing'],
  summary: "Add a network printer to a store's list",
  request: { body: jsonBody(storePrinterInputSchema) },
  responses: { 201: jsonResponse(storePrinterSchema, 'Added'), ...unprocessable },
});

export const updatePrinterRoute = defineRoute('settings.write', {
  method: 'put',
  path: '/api/printing/printers/{id}',
  tags: ['printing'],
  summary: 'Change a printer’s store, name or address',
  request: { params: idParam, body: jsonBody(storePrinterInputSchema) },
  responses: { 200: jsonResponse(storePrinterSchema, 'Updated'), ...notFound, ...unprocessable },
});

export const deletePrinterRoute = defineRoute('settings.write', {
  method: 'delete',
  path: '/api/printing/printers/{id}',
  tags: ['printing'],
  summary: 'Remove a printer: tills can no longer print to it',
  request: { params: idParam },
  responses: { 204: { description: 'Removed' }, ...notFound },
});
