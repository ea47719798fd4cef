import { z } from 'zod';
import { quantityStringSchema } from '../api/inventory.ts';
import { uuidV7Schema } from '../ids/uuidv7.ts';
import { serialListSchema } from '../inventory/serials.ts';

/**
 * What a till sends: events from its outbox. Every event is versioned (`v`), because
 * a till that was offline for a week and then updated must still send what it wrote
 * before the update; the server accepts every version it ever issued.
 */

const money = z.number().int('must be an integer amount of minor units').min(0).max(Number.MAX_SAFE_INTEGER);
const signedMoney = z.number().int('must be an integer amount of minor units').min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const uuid = z.uuid({ message: 'must be a uuid' });

/** `points`: the customer's loyalty points, spent as money (the payment says how many). */
export const TENDERS = ['cash', 'card', 'account', 'voucher', 'other', 'points'] as const;
export type Tender = (typeof TENDERS)[number];

export const saleLineV1 = z.object({
  lineId: uuid,
  productId: uuid,
  /** Batch named at the till (rare); otherwise the server takes first-expiry-first-out. */
  batchId: uuid.nullable().default(null),
  qty: quantityStringSchema.refine((q) => Number(q) > 0, 'quantity must be positive'),
  /** The units sold, for a serial-tracked product: one serial each, scanned at the till. */
  serials: serialListSchema.default([]),
  /** The price the line was sold at per unit, after any override, before discounts. */
  unitPrice: money,
  /** Price from the catalogue, kept when a cashier overrode it, with the reason. */
  listPrice: money,
  overrideReason: z.string().max(200).nullable().default(null),
  /** Line discount plus this line's share of the cart discount. */
  discount: money,
  taxRateBp: z.number().int().min(0).max(10_000),
  net: money,
  tax: money,
  gross: money,
});

export const paymentV1 = z.object({
  tender: z.enum(TENDERS),
  /** What the tender paid towards the sale (change already taken off for cash). */
  amount: money,
  /** Cash handed over, for the change on the receipt. */
  tendered: money.nullable().default(null),
  reference: z.string().max(100).nullable().default(null),
  /** For the `points` tender: how many points paid `amount`. */
  points: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const saleV1 = z.object({
  v: z.literal(1),
  saleId: uuidV7Schema,
  receiptNo: z.string().min(1).max(40),
  storeId: uuid,
  warehouseId: uuid,
  cashierId: uuid,
  shiftId: uuid.nullable(),
  customerId: uuid.nullable().default(null),
  pricesIncludeTax: z.boolean(),
  lines: z.array(saleLineV1).min(1, 'a sale has at least one line').max(1000),
  cartDiscount: money.default(0),
  totals: z.object({ net: money, tax: money, gross: money, discount: money }),
  payments: z.array(paymentV1).min(1, 'a sale has at least one payment').max(20),
  change: money.default(0),
  /** A manager who approved something above the cashier's limit. */
  approvedBy: uuid.nullable().default(null),
})
  .refine((s) => s.payments.every((p) => (p.tender === 'points') === (p.points !== undefined)), {
    message: 'a points payment says how many points it spent, and only a points payment does',
    path: ['payments'],
  })
  .refine((s) => s.customerId !== null || s.payments.every((p) => p.tender !== 'points'), {
    message: 'points are spent by a customer: a points payment needs the customer',
    path: ['customerId'],
  });
export type SaleV1 = z.infer<typeof saleV1>;

export const returnLineV1 = z.object({
  lineId: uuid,
  /** The sale line given back; null for a return without a receipt. */
  originalLineId: uuid.nullable(),
  productId: uuid,
  qty: quantityStringSchema.refine((q) => Number(q) > 0, 'quantity must be positive'),
  /** The units brought back, for a serial-tracked product. */
  serials: serialListSchema.default([]),
  taxRateBp: z.number().int().min(0).max(10_000),
  net: money,
  tax: money,
  gross: money,
});

export const returnV1 = z.object({
  v: z.literal(1),
  returnId: uuidV7Schema,
  receiptNo: z.string().min(1).max(40),
  originalSaleId: uuid.nullable(),
  storeId: uuid,
  warehouseId: uuid,
  cashierId: uuid,
  shiftId: uuid.nullable(),
  reason: z.string().max(200).default(''),
  /** Returns without the original receipt need a manager. */
  approvedBy: uuid.nullable().default(null),
  lines: z.array(returnLineV1).min(1).max(1000),
  totals: z.object({ net: money, tax: money, gross: money }),
  refunds: z.array(paymentV1).min(1).max(20),
});
export type ReturnV1 = z.infer<typeof returnV1>;

export const shiftOpenV1 = z.object({
  v: z.literal(1),
  shiftId: uuidV7Schema,
  storeId: uuid,
  cashierId: uuid,
  openingFloat: money,
});

export const cashMovementV1 = z.object({
  v: z.literal(1),
  movementId: uuidV7Schema,
  shiftId: uuid,
  storeId: uuid,
  cashierId: uuid,
  /** Positive: cash into the drawer; negative: cash taken out. */
  amount: signedMoney.refine((a) => a !== 0, 'amount must not be zero'),
  reason: z.string().min(1, 'a reason is required').max(200),
});

export const shiftCloseV1 = z.object({
  v: z.literal(1),
  shiftId: uuid,
  storeId: uuid,
  cashierId: uuid,
  /** What the cashier counted per tender. */
  counted: z.array(z.object({ tender: z.enum(TENDERS), amount: money })).max(10),
  /** What the till expected per tender, for the Z report. */
  expected: z.array(z.object({ tender: z.enum(TENDERS), amount: signedMoney })).max(10),
  zReport: z.record(z.string(), z.unknown()),
});

export const EVENT_TYPES = ['sale', 'return', 'shift_open', 'shift_close', 'cash_movement'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const PAYLOAD_SCHEMAS = {
  sale: saleV1,
  return: returnV1,
  shift_open: shiftOpenV1,
  shift_close: shiftCloseV1,
  cash_movement: cashMovementV1,
} as const satisfies Record<EventType, z.ZodType>;

export const outboxEventSchema = z.object({
  /** UUIDv7 minted on the till; the server's unique key for idempotency. */
  id: uuidV7Schema,
  deviceId: uuid,
  /** Per-device sequence, strictly increasing, for gap detection. */
  seq: z.number().int().min(1),
  type: z.enum(EVENT_TYPES),
  occurredAt: z.iso.datetime({ offset: true, message: 'occurredAt must be an ISO date-time' }),
  payload: z.unknown(),
});
export type OutboxEvent = z.infer<typeof outboxEventSchema>;

export const pushRequestSchema = z.object({ events: z.array(outboxEventSchema).min(1).max(500) });

export const PUSH_STATUSES = ['applied', 'duplicate', 'rejected'] as const;
export const pushResultSchema = z.object({
  id: z.string(),
  status: z.enum(PUSH_STATUSES),
  reason: z.string().optional(),
  /** True when the event was applied but flagged for review (e.g. a closed shift). */
  flagged: z.boolean().optional(),
});
export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) });
export type PushResult = z.infer<typeof pushResultSchema>;
