import type { OpenAPIHono } from '@hono/zod-openapi';
import { apiErrorSchema, newId, registerDeviceRequestSchema, registerDeviceResponseSchema } from '@shopbook/shared';
import { and, asc, eq } from 'drizzle-orm';
import { devices, warehouses } from '../../db/schema/index.ts';
import type { AppEnv } from '../../http/context.ts';
import { DomainError } from '../../http/errors.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { recordAudit } from '../audit/record.ts';
import { hashToken } from '../auth/sessions.ts';
import { seesAllStores } from '../org/org.queries.ts';
import { newDeviceToken } from './device-tokens.ts';

export const registerDeviceRoute = defineRoute('pos.device.register', {
  method: 'post',
  path: '/api/devices/register',
  tags: ['devices'],
  summary: 'Register this till to a store; answers the till its own token (shown once)',
  request: { body: jsonBody(registerDeviceRequestSchema) },
  responses: { 201: jsonResponse(registerDeviceResponseSchema, 'Registered'), 422: jsonResponse(apiErrorSchema, 'Unknown store or warehouse') },
});

export function registerDevices(app: OpenAPIHono<AppEnv>) {
  app.openapi(registerDeviceRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const body = c.req.valid('json');
    const user = c.var.user!;
    if (!seesAllStores(user) && !user.storeIds.includes(body.storeId)) {
      throw new DomainError('forbidden', 'you may register tills only in your own stores', 'storeId');
    }
    const [wh] = body.warehouseId
      ? await db.select().from(warehouses).where(and(eq(warehouses.id, body.warehouseId), eq(warehouses.storeId, body.storeId)))
      : await db.select().from(warehouses).where(eq(warehouses.storeId, body.storeId)).orderBy(asc(warehouses.code)).limit(1);
    if (!wh) throw new DomainError('unprocessable', 'no such store, or no warehouse of that store', body.warehouseId ? 'warehouseId' : 'storeId');
    const token = newDeviceToken();
    const id = newId();
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.insert(devices).values({ id, name: body.name, storeId: body.storeId, warehouseId: wh.id, tokenHash: hashToken(token), registeredBy: user.id, registeredAt: now });
      await recordAudit(tx, { user, action: 'register', entity: 'device', entityId: id, after: { name: body.name, storeId: body.storeId, warehouseId: wh.id }, at: now });
    });
    return c.json({ deviceId: id, token, storeId: body.storeId, warehouseId: wh.id }, 201);
  });
}
