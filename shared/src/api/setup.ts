import { z } from 'zod';
import { newPasswordSchema, usernameSchema } from './auth.ts';

export const currencySchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as CNY');

export const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'code may use letters, digits, dash and underscore');

/** A tax rate in basis points: 1300 is 13 %. */
export const rateBasisPointsSchema = z.number().int().min(0).max(10_000);

export const setupRequestSchema = z
  .object({
    company: z.object({
      name: z.string().trim().min(1, 'company name is required').max(200),
      taxNumber: z.string().trim().max(64).default(''),
      currency: currencySchema,
      pricesIncludeTax: z.boolean().default(true),
    }),
    stores: z
      .array(
        z.object({
          code: codeSchema,
          name: z.string().trim().min(1, 'store name is required').max(200),
          warehouseName: z.string().trim().min(1, 'warehouse name is required').max(200),
        }),
      )
      .min(1, 'at least one store is required')
      .max(500),
    centralWarehouse: z
      .object({ code: codeSchema, name: z.string().trim().min(1).max(200) })
      .nullable()
      .default(null),
    taxRates: z
      .array(z.object({ name: z.string().trim().min(1).max(100), rateBasisPoints: rateBasisPointsSchema }))
      .min(1, 'at least one tax rate is required')
      .max(50),
    owner: z.object({
      username: usernameSchema,
      displayName: z.string().trim().min(1).max(100),
      password: newPasswordSchema,
    }),
  })
  .superRefine((v, ctx) => {
    const codes = new Set<string>();
    v.stores.forEach((s, i) => {
      const code = s.code.toUpperCase();
      if (codes.has(code)) ctx.addIssue({ code: 'custom', path: ['stores', i, 'code'], message: 'store codes must be unique' });
      codes.add(code);
    });
    if (v.centralWarehouse && codes.has(v.centralWarehouse.code.toUpperCase())) {
      ctx.addIssue({ code: 'custom', path: ['centralWarehouse', 'code'], message: 'central warehouse code clashes with a store code' });
    }
  });
export type SetupRequest = z.input<typeof setupRequestSchema>;

export const setupStatusSchema = z.object({ required: z.boolean() });
