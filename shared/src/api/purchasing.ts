import { z } from 'zod';
import { serialListSchema } from '../inventory/serials.ts';
import { ROLES } from '../auth/roles.ts';
import { PURCHASE_ORDER_STATUSES } from '../purchasing/status.ts';
import { parseQuantity } from '../quantity/quantity.ts';
import { quantityStringSchema } from './inventory.ts';
import { codeSchema, currencySchema } from './setup.ts';

/**
 * Wire schemas of purchasing (采购): suppliers and what they sell us, purchase orders
 * and their approval, goods receipts against orders, returns to suppliers and reorder
 * suggestions. Money is integer minor units (of the order's currency on order lines and
 * totals, of the company's currency on `base…` fields); quantities are decimal strings
 * with up to 3 decimals; unit costs are decimal strings of base minor units with 4
 * decimals; exchange rates are decimal strings with up to 6 decimals (base currency per
 * one unit of the order currency).
 */

const uuidOf = (field: string) => z.uuid({ message: `${field} must be a uuid` });
const textOf = (field: string, max: number) => z.string({ message: `${field} must be text` }).trim().max(max, `${field} is at most ${max} characters`);
const optionalText = (field: string, max: number) => textOf(field, max).default('');
const requiredText = (field: string, max: number) => textOf(field, max).min(1, `${field} is required`);
const moneyOf = (field: string) =>
  z
    .number({ message: `${field} must be an integer amount of minor units` })
    .int(`${field} must be an integer amount of minor units`)
    .min(0, `${field} must not be negative`)
    .max(100_000_000_000, `${field} is too large`);
const positiveQuantity = (field: string) => quantityStringSchema.refine((q) => Number(q) > 0, `${field} must be greater than zero`);
const nonNegativeQuantity = (field: string) => quantityStringSchema.refine((q) => Number(q) >= 0, `${field} must not be negative`);
const dateOf = (field: string) => z.iso.date({ message: `${field} must be a date YYYY-MM-DD` });
const emailOrEmpty = z
  .string()
  .trim()
  .max(200, 'email is at most 200 characters')
  .refine((e) => e === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e), 'email is not an email address')
  .default('');
const phone = z
  .string()
  .trim()
  .max(40, 'phone is at most 40 characters')
  .regex(/^[0-9+()\-. /]*$/, 'phone may use digits, spaces and + ( ) - . /')
  .default('');

/** Base currency per one unit of the order currency, up to 6 decimals: '7.123456'. */
export const exchangeRateStringSchema = z
  .string({ message: 'exchangeRate must be a decimal string' })
  .trim()
  .regex(/^\d{1,9}(\.\d{1,6})?$/, 'exchangeRate must be a positive decimal with at most 6 decimals')
  .refine((r) => Number(r) > 0, 'exchangeRate must be greater than zero');

// ---------------------------------------------------------------------------------
// Suppliers
// ---------------------------------------------------------------------------------

export const SUPPLIER_STATUSES = ['active', 'archived'] as const;

export const supplierContactInputSchema = z.object({
  name: requiredText('name', 100),
  /** What they do for us: sales, accounts, deliveries. */
  role: optionalText('role', 100),
  phone,
  email: emailOrEmpty,
});

export const supplierBankAccountInputSchema = z.object({
  bankName: requiredText('bankName', 200),
  accountName: requiredText('accountName', 200),
  accountNumber: z
    .string({ message: 'accountNumber must be text' })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{3,39}$/, 'accountNumber must be 4 to 40 letters, digits, spaces or dashes'),
  branch: optionalText('branch', 200),
  swift: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?)?$/, 'swift must be an 8 or 11 character BIC')
    .default(''),
  isDefault: z.boolean({ message: 'isDefault must be true or false' }).default(false),
});

export const supplierInputSchema = z
  .object({
    code: codeSchema,
    name: requiredText('name', 200),
    taxNumber: z.string().trim().max(40, 'taxNumber is at most 40 characters').regex(/^[A-Za-z0-9-]*$/, 'taxNumber may use letters, digits and dashes').default(''),
    /** The main contact; more people go in `contacts`. */
    contact: optionalText('contact', 100),
    phone,
    email: emailOrEmpty,
    address: optionalText('address', 500),
    paymentTermsDays: z.number({ message: 'paymentTermsDays must be a whole number of days' }).int('paymentTermsDays must be a whole number of days').min(0, 'paymentTermsDays must not be negative').max(3650, 'paymentTermsDays is at most 3650').default(30),
    leadTimeDays: z.number({ message: 'leadTimeDays must be a whole number of days' }).int('leadTimeDays must be a whole number of days').min(0, 'leadTimeDays must not be negative').max(365, 'leadTimeDays is at most 365').default(7),
    currency: currencySchema,
    status: z.enum(SUPPLIER_STATUSES, { message: 'status must be active or archived' }).default('active'),
    note: optionalText('note', 1000),
    contacts: z.array(supplierContactInputSchema).max(20, 'at most 20 contacts').default([]),
    bankAccounts: z.array(supplierBankAccountInputSchema).max(10, 'at most 10 bank accounts').default([]),
  })
  .superRefine((s, ctx) => {
    let defaults = 0;
    s.bankAccounts.forEach((b, i) => {
      if (b.isDefault && ++defaults > 1) ctx.addIssue({ code: 'custom', path: ['bankAccounts', i, 'isDefault'], message: 'only one bank account can be the default' });
    });
    const seen = new Set<string>();
    s.bankAccounts.forEach((b, i) => {
      const key = b.accountNumber.replace(/[\s-]/g, '');
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['bankAccounts', i, 'accountNumber'], message: 'accountNumber is listed twice' });
      seen.add(key);
    });
  });
export type SupplierInput = z.input<typeof supplierInputSchema>;

export const supplierContactSchema = z.object({ id: z.string(), name: z.string(), role: z.string(), phone: z.string(), email: z.string() });
export const supplierBankAccountSchema = z.object({
  id: z.string(), bankName: z.string(), accountName: z.string(), accountNumber: z.string(), branch: z.string(), swift: z.string(), isDefault: z.boolean(),
});

export const supplierSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  taxNumber: z.string(),
  contact: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  paymentTermsDays: z.number().int(),
  leadTimeDays: z.number().int(),
  currency: z.string(),
  status: z.enum(SUPPLIER_STATUSES),
  note: z.string(),
  contacts: z.array(supplierContactSchema),
  bankAccounts: z.array(supplierBankAccountSchema),
  /** Products this supplier sells us. */
  productCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Supplier = z.infer<typeof supplierSchema>;

export const supplierSummarySchema = supplierSchema.omit({ contacts: true, bankAccounts: true, note: true });
export type SupplierSummary = z.infer<typeof supplierSummarySchema>;

export const supplierQuerySchema = z.object({
  /** Code or name prefix, or part of the name, tax number, contact or phone. */
  q: z.string().trim().max(100, 'q is at most 100 characters').optional(),
  status: z.enum([...SUPPLIER_STATUSES, 'all'], { message: 'status must be active, archived or all' }).default('active'),
  /** Suppliers that sell this product. */
  productId: uuidOf('productId').optional(),
  page: z.coerce.number({ message: 'page must be a number' }).int('page must be a whole number').min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number({ message: 'pageSize must be a number' }).int('pageSize must be a whole number').min(1, 'pageSize is at least 1').max(500, 'pageSize is at most 500').default(50),
});

export const supplierPageSchema = z.object({ items: z.array(supplierSummarySchema), total: z.number().int() });

/**
 * What a supplier sells us: their item code, how many stock units one purchase unit
 * holds (a case of 24), the price per purchase unit in the supplier's currency (minor
 * units, before tax) and the minimum order in purchase units. `preferred` marks the
 * supplier reorder suggestions use for the product.
 */
export const supplierProductInputSchema = z.object({
  itemCode: optionalText('itemCode', 64).describe("The supplier's own code for the item"),
  packSize: positiveQuantity('packSize').default('1').describe('Stock units in one purchase unit (a case of 24: "24")'),
  price: moneyOf('price').describe("Per purchase unit, minor units of the supplier's currency, before tax"),
  minOrderQty: nonNegativeQuantity('minOrderQty').default('0').describe('Minimum order, in purchase units'),
  preferred: z.boolean({ message: 'preferred must be true or false' }).default(false).describe("The product's supplier for reorder suggestions"),
});
export type SupplierProductInput = z.input<typeof supplierProductInputSchema>;

export const supplierProductSchema = z.object({
  supplierId: z.string(),
  supplierCode: z.string(),
  supplierName: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  itemCode: z.string(),
  packSize: z.string(),
  price: z.number().int(),
  currency: z.string(),
  minOrderQty: z.string(),
  preferred: z.boolean(),
});
export type SupplierProduct = z.infer<typeof supplierProductSchema>;

// ---------------------------------------------------------------------------------
// Approval limits
// ---------------------------------------------------------------------------------

export const approvalLimitSchema = z.object({
  role: z.string(),
  /** Base-currency minor units, compared with the order total including tax; null is unlimited. */
  maxAmount: z.number().int().nullable(),
});
export type ApprovalLimit = z.infer<typeof approvalLimitSchema>;

export const approvalLimitsInputSchema = z
  .object({
    limits: z
      .array(
        z.object({
          role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }),
          maxAmount: moneyOf('maxAmount').nullable().describe('Base-currency minor units, compared with the order total including tax; null is unlimited'),
        }),
      )
      .max(ROLES.length, `at most ${ROLES.length} limits`)
      .default([]),
    /** Roles to take the approval authority away from. */
    remove: z.array(z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })).max(ROLES.length).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.limits.length === 0 && v.remove.length === 0) ctx.addIssue({ code: 'custom', path: ['limits'], message: 'give at least one limit, or roles to remove' });
    const seen = new Set<string>();
    v.limits.forEach((l, i) => {
      if (seen.has(l.role)) ctx.addIssue({ code: 'custom', path: ['limits', i, 'role'], message: 'role is listed twice' });
      seen.add(l.role);
    });
    v.remove.forEach((r, i) => {
      if (seen.has(r)) ctx.addIssue({ code: 'custom', path: ['remove', i], message: 'a role cannot be both set and removed' });
    });
  });
export type ApprovalLimitsInput = z.input<typeof approvalLimitsInputSchema>;

// ---------------------------------------------------------------------------------
// Purchase orders
// ---------------------------------------------------------------------------------

/**
 * An order line. Only product and quantity are required: item code, pack size and
 * price come from the supplier's product list, tax rate from the product, when not
 * given. Quantity is in purchase units; quantity × pack size is the stock quantity.
 */
export const purchaseOrderLineInputSchema = z.object({
  productId: uuidOf('productId'),
  qty: positiveQuantity('qty').describe('Purchase units (cases, packs); × packSize = stock units'),
  itemCode: textOf('itemCode', 64).optional().describe("Defaults to the supplier's price list"),
  packSize: positiveQuantity('packSize').optional().describe("Stock units per purchase unit; defaults to the supplier's price list, else 1"),
  price: moneyOf('price').optional().describe("Per purchase unit, order-currency minor units, before tax; defaults to the supplier's price list"),
  taxRateBp: z.number({ message: 'taxRateBp must be basis points (1300 = 13 %)' }).int('taxRateBp must be whole basis points').min(0, 'taxRateBp must not be negative').max(10_000, 'taxRateBp is at most 10000').optional(),
  expectedDate: dateOf('expectedDate').nullable().optional(),
});

export const purchaseOrderInputSchema = z.object({
  supplierId: uuidOf('supplierId'),
  /** Where the goods are to be delivered; receipts may still choose another warehouse. */
  warehouseId: uuidOf('warehouseId'),
  /** Defaults to the supplier's currency, and must be it. */
  currency: currencySchema.optional().describe("The supplier's currency (the default, and the only one accepted)"),
  /** Required when the currency is not the company's. */
  exchangeRate: exchangeRateStringSchema.optional().describe("Company currency per 1 unit of the order currency, up to 6 decimals; required for a foreign currency, 1 otherwise"),
  expectedDate: dateOf('expectedDate').nullable().default(null),
  /** The supplier's quotation or contract reference. */
  reference: optionalText('reference', 100),
  note: optionalText('note', 1000),
  lines: z.array(purchaseOrderLineInputSchema).min(1, 'an order needs at least one line').max(500, 'an order has at most 500 lines'),
});
export type PurchaseOrderInput = z.input<typeof purchaseOrderInputSchema>;

export const purchaseOrderQuerySchema = z.object({
  status: z.enum(PURCHASE_ORDER_STATUSES, { message: `status must be one of ${PURCHASE_ORDER_STATUSES.join(', ')}` }).optional(),
  supplierId: uuidOf('supplierId').optional(),
  warehouseId: uuidOf('warehouseId').optional(),
  /** Order number, or the supplier's code or name. */
  q: z.string().trim().max(100, 'q is at most 100 characters').optional(),
});

export const reasonInputSchema = z.object({ reason: requiredText('reason', 500) });
export const optionalReasonInputSchema = z.object({ reason: optionalText('reason', 500) });

const moneyTotalsSchema = z.object({ net: z.number().int(), tax: z.number().int(), gross: z.number().int() });

export const purchaseOrderLineSchema = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  itemCode: z.string(),
  /** Purchase units. */
  qty: z.string(),
  packSize: z.string(),
  /** qty × packSize, in stock units. */
  stockQty: z.string(),
  /** Per purchase unit, order currency, before tax. */
  price: z.number().int(),
  taxRateBp: z.number().int(),
  net: z.number().int(),
  tax: z.number().int(),
  gross: z.number().int(),
  baseNet: z.number().int(),
  baseTax: z.number().int(),
  /** Base currency per stock unit, what receipts bring the goods in at. */
  unitCost: z.string(),
  expectedDate: z.string().nullable(),
  /** Stock units accepted into stock, rejected at the door, and returned since. */
  qtyReceived: z.string(),
  qtyRejected: z.string(),
  qtyReturned: z.string(),
  /** Stock units still expected: stockQty − (received − returned), never below zero. */
  qtyOutstanding: z.string(),
});
export type PurchaseOrderLine = z.infer<typeof purchaseOrderLineSchema>;

const userRef = z.object({ id: z.string(), username: z.string() }).nullable();

export const purchaseOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  supplierId: z.string(),
  supplierCode: z.string(),
  supplierName: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  status: z.enum(PURCHASE_ORDER_STATUSES),
  currency: z.string(),
  baseCurrency: z.string(),
  exchangeRate: z.string(),
  expectedDate: z.string().nullable(),
  reference: z.string(),
  note: z.string(),
  totals: moneyTotalsSchema,
  baseTotals: moneyTotalsSchema,
  createdBy: userRef,
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  /** 'self': submitted within the submitter's own limit; 'approver': approved by someone else. */
  approvalMode: z.enum(['self', 'approver']).nullable(),
  approvedBy: userRef,
  approvedAt: z.string().nullable(),
  rejectedBy: userRef,
  rejectedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  sentAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  lines: z.array(purchaseOrderLineSchema),
});
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const purchaseOrderSummarySchema = purchaseOrderSchema
  .pick({
    id: true, number: true, supplierId: true, supplierCode: true, supplierName: true, warehouseId: true, warehouseCode: true, status: true,
    currency: true, exchangeRate: true, expectedDate: true, reference: true, totals: true, baseTotals: true, createdAt: true,
  })
  .extend({ lineCount: z.number().int() });
export type PurchaseOrderSummary = z.infer<typeof purchaseOrderSummarySchema>;

// ---------------------------------------------------------------------------------
// Goods receipts against orders
// ---------------------------------------------------------------------------------

/**
 * One delivered line, in stock units: received = accepted + rejected. Accepted goods
 * go into stock; rejected ones go back with the driver (with a reason) and stay
 * outstanding on the order. `qtyAccepted` may be left out and is then received − rejected.
 */
export const purchaseReceiptLineInputSchema = z
  .object({
    orderLineId: uuidOf('orderLineId'),
    qtyReceived: positiveQuantity('qtyReceived').describe('Stock units delivered'),
    qtyAccepted: nonNegativeQuantity('qtyAccepted').optional().describe('Stock units taken into stock; defaults to received − rejected'),
    qtyRejected: nonNegativeQuantity('qtyRejected').default('0').describe('Stock units refused (rejectReason required); they stay outstanding on the order'),
    rejectReason: optionalText('rejectReason', 500),
    batchNo: z.string().trim().min(1, 'batchNo is empty').max(64, 'batchNo is at most 64 characters').nullable().default(null),
    productionDate: dateOf('productionDate').nullable().default(null),
    expiryDate: dateOf('expiryDate').nullable().default(null),
    serials: serialListSchema.default([]).describe('Serial numbers of the accepted units, for a serial-tracked product'),
  })
  .superRefine((l, ctx) => {
    const milli = (q: string) => {
      try {
        return parseQuantity(q);
      } catch {
        return Number.NaN;
      }
    };
    const received = milli(l.qtyReceived);
    const rejected = milli(l.qtyRejected);
    if (rejected > received) ctx.addIssue({ code: 'custom', path: ['qtyRejected'], message: 'qtyRejected cannot exceed qtyReceived' });
    else if (l.qtyAccepted !== undefined && milli(l.qtyAccepted) + rejected !== received) {
      ctx.addIssue({ code: 'custom', path: ['qtyAccepted'], message: 'qtyAccepted + qtyRejected must equal qtyReceived' });
    }
    if (rejected > 0 && l.rejectReason === '') ctx.addIssue({ code: 'custom', path: ['rejectReason'], message: 'say why goods were rejected' });
    if (l.productionDate && l.expiryDate && l.productionDate > l.expiryDate) ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: 'expiryDate is before productionDate' });
  });

export const purchaseReceiptInputSchema = z.object({
  orderId: uuidOf('orderId'),
  warehouseId: uuidOf('warehouseId'),
  /** The supplier's delivery note number. */
  reference: optionalText('reference', 100),
  note: optionalText('note', 500),
  lines: z.array(purchaseReceiptLineInputSchema).min(1, 'a receipt needs at least one line').max(500, 'a receipt has at most 500 lines'),
});
export type PurchaseReceiptInput = z.input<typeof purchaseReceiptInputSchema>;

export const PURCHASE_DOCUMENT_STATUSES = ['draft', 'posted', 'cancelled'] as const;

export const purchaseDocumentQuerySchema = z.object({
  orderId: uuidOf('orderId').optional(),
  status: z.enum(PURCHASE_DOCUMENT_STATUSES, { message: 'status must be draft, posted or cancelled' }).optional(),
});

export const purchaseReceiptLineSchema = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  orderLineId: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  qtyReceived: z.string(),
  qtyAccepted: z.string(),
  qtyRejected: z.string(),
  rejectReason: z.string(),
  /** Accepted stock since sent back to the supplier. */
  qtyReturned: z.string(),
  batchNo: z.string().nullable(),
  productionDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  serials: z.array(z.string()),
  /** Set when posted: the batch, the base-currency cost per stock unit and the value booked. */
  batchId: z.string().nullable(),
  unitCost: z.string().nullable(),
  value: z.number().int().nullable(),
  /** Accepted beyond the order's tolerance (needs purchasing.approve to post). */
  overReceipt: z.boolean(),
});

export const purchaseReceiptSchema = z.object({
  id: z.string(),
  number: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  supplierId: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  status: z.enum(PURCHASE_DOCUMENT_STATUSES),
  reference: z.string(),
  note: z.string(),
  /** Base-currency value booked to inventory and GRNI; null until posted. */
  value: z.number().int().nullable(),
  createdBy: userRef,
  createdAt: z.string(),
  postedBy: userRef,
  postedAt: z.string().nullable(),
  lines: z.array(purchaseReceiptLineSchema),
});
export type PurchaseReceipt = z.infer<typeof purchaseReceiptSchema>;

export const purchaseReceiptSummarySchema = purchaseReceiptSchema.omit({ lines: true }).extend({ lineCount: z.number().int() });

// ---------------------------------------------------------------------------------
// Returns to the supplier
// ---------------------------------------------------------------------------------

/** Accepted goods sent back: taken out of the receipt's warehouse and batch. */
export const purchaseReturnInputSchema = z
  .object({
    receiptId: uuidOf('receiptId'),
    reason: requiredText('reason', 500),
    note: optionalText('note', 500),
    lines: z
      .array(
        z.object({
          receiptLineId: uuidOf('receiptLineId'),
          qty: positiveQuantity('qty').describe('Stock units sent back'),
          reason: optionalText('reason', 500),
          serials: serialListSchema.default([]).describe('The units sent back, for a serial-tracked product'),
        }),
      )
      .min(1, 'a return needs at least one line')
      .max(500, 'a return has at most 500 lines'),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.lines.forEach((l, i) => {
      if (seen.has(l.receiptLineId)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'receiptLineId'], message: 'receiptLineId is listed twice' });
      seen.add(l.receiptLineId);
    });
  });
export type PurchaseReturnInput = z.input<typeof purchaseReturnInputSchema>;

export const purchaseReturnSchema = z.object({
  id: z.string(),
  number: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  receiptId: z.string(),
  receiptNumber: z.string(),
  supplierId: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  status: z.enum(PURCHASE_DOCUMENT_STATUSES),
  reason: z.string(),
  note: z.string(),
  /** Base-currency value taken out of inventory and GRNI; null until posted. */
  value: z.number().int().nullable(),
  createdBy: userRef,
  createdAt: z.string(),
  postedBy: userRef,
  postedAt: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.string(),
      lineNo: z.number().int(),
      receiptLineId: z.string(),
      orderLineId: z.string(),
      productId: z.string(),
      sku: z.string(),
      name: z.string(),
      batchId: z.string().nullable(),
      batchNo: z.string().nullable(),
      qty: z.string(),
      serials: z.array(z.string()),
      reason: z.string(),
      unitCost: z.string().nullable(),
      value: z.number().int().nullable(),
    }),
  ),
});
export type PurchaseReturn = z.infer<typeof purchaseReturnSchema>;

export const purchaseReturnSummarySchema = purchaseReturnSchema.omit({ lines: true }).extend({ lineCount: z.number().int() });

// ---------------------------------------------------------------------------------
// Reorder suggestions (采购计划)
// ---------------------------------------------------------------------------------

export const suggestionQuerySchema = z.object({ warehouseId: uuidOf('warehouseId') });

export const suggestionItemSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  onHand: z.string(),
  /** Outstanding on draft, submitted, approved, sent and partially received orders for this warehouse. */
  onOrder: z.string(),
  /** Net sold (sales − customer returns) in the last `windowDays` days. */
  sold: z.string(),
  dailyVelocity: z.string(),
  leadTimeDays: z.number().int(),
  leadTimeDemand: z.string(),
  projected: z.string(),
  /** From the stock rule, or derived from sales when there is none. */
  hasRule: z.boolean(),
  reorderPoint: z.string(),
  target: z.string(),
  needed: z.string(),
  itemCode: z.string(),
  packSize: z.string(),
  minOrderQty: z.string(),
  /** Whole purchase units, after pack and minimum-order rounding. */
  purchaseQty: z.string(),
  stockQty: z.string(),
  /** Per purchase unit in the supplier's currency; null without a supplier. */
  price: z.number().int().nullable(),
  amount: z.number().int().nullable(),
});
export type SuggestionItem = z.infer<typeof suggestionItemSchema>;

export const suggestionGroupSchema = z.object({
  /** Null groups the products no supplier sells: give them a supplier first. */
  supplierId: z.string().nullable(),
  supplierCode: z.string().nullable(),
  supplierName: z.string().nullable(),
  currency: z.string().nullable(),
  leadTimeDays: z.number().int(),
  items: z.array(suggestionItemSchema),
  /** Sum of the items' amounts, supplier currency, before tax. */
  amount: z.number().int(),
});

export const suggestionsSchema = z.object({
  warehouseId: z.string(),
  warehouseCode: z.string(),
  windowDays: z.number().int(),
  asOf: z.string(),
  groups: z.array(suggestionGroupSchema),
});
export type Suggestions = z.infer<typeof suggestionsSchema>;

export const suggestionOrdersInputSchema = z
  .object({
    warehouseId: uuidOf('warehouseId'),
    items: z
      .array(
        z.object({
          productId: uuidOf('productId'),
          supplierId: uuidOf('supplierId'),
          /** Purchase units; left out, the current suggestion's quantity. */
          qty: positiveQuantity('qty').optional().describe("Purchase units; left out, the current suggestion for this supplier's pack size and minimum"),
        }),
      )
      .min(1, 'select at least one suggestion')
      .max(2000, 'at most 2000 items'),
    /** Rates for suppliers whose currency is not the company's, keyed by currency: { USD: '7.1' }. */
    exchangeRates: z.record(currencySchema, exchangeRateStringSchema).default({}),
    expectedDate: dateOf('expectedDate').nullable().default(null),
    note: optionalText('note', 1000),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((it, i) => {
      const key = `${it.supplierId}|${it.productId}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'productId'], message: 'this product is selected twice for the same supplier' });
      seen.add(key);
    });
  });
export type SuggestionOrdersInput = z.input<typeof suggestionOrdersInputSchema>;
