import { z } from 'zod';
import { codeSchema } from './setup.ts';

/**
 * Wire schemas of customers (客户): the record with its contacts, billing and shipping
 * addresses and VAT invoice details; the list; a customer's purchases at the tills and
 * what they owe on account. Money is integer minor units of the company's currency.
 */

const textOf = (field: string, max: number) => z.string({ message: `${field} must be text` }).trim().max(max, `${field} is at most ${max} characters`);
const optionalText = (field: string, max: number) => textOf(field, max).default('');
const requiredText = (field: string, max: number) => textOf(field, max).min(1, `${field} is required`);
const emailOrEmpty = z
  .string({ message: 'email must be text' })
  .trim()
  .max(200, 'email is at most 200 characters')
  .refine((e) => e === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e), 'email is not an email address')
  .default('');
const phone = z
  .string({ message: 'phone must be text' })
  .trim()
  .max(40, 'phone is at most 40 characters')
  .regex(/^[0-9+()\-. /]*$/, 'phone may use digits, spaces and + ( ) - . /')
  .default('');
const wholeNumber = (field: string, max: number) =>
  z
    .number({ message: `${field} must be a whole number` })
    .int(`${field} must be a whole number`)
    .min(0, `${field} must not be negative`)
    .max(max, `${field} is at most ${max}`);
const pageOf = {
  page: z.coerce.number({ message: 'page must be a number' }).int('page must be a whole number').min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number({ message: 'pageSize must be a number' }).int('pageSize must be a whole number').min(1, 'pageSize is at least 1').max(500, 'pageSize is at most 500').default(50),
};

/** A list filter by salesperson: a user's id, or `me` for the caller's own. */
export const salespersonFilterSchema = z
  .string({ message: 'salespersonId must be a uuid or me' })
  .refine((v) => v === 'me' || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), 'salespersonId must be a uuid or me');

/** Someone who can be assigned customers and orders: an active user who can sell on order. */
export const salespersonSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string() });
export type Salesperson = z.infer<typeof salespersonSchema>;

export const CUSTOMER_STATUSES = ['active', 'archived'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const CUSTOMER_CATEGORIES = ['retail', 'wholesale', 'vip'] as const;
export type CustomerCategory = (typeof CUSTOMER_CATEGORIES)[number];
export const ADDRESS_KINDS = ['billing', 'shipping'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

export const customerContactInputSchema = z.object({
  name: requiredText('name', 100),
  /** What they do for the customer: buyer, accounts, warehouse. */
  role: optionalText('role', 100),
  phone,
  email: emailOrEmpty,
});

export const customerAddressInputSchema = z.object({
  kind: z.enum(ADDRESS_KINDS, { message: 'kind must be billing or shipping' }),
  recipient: optionalText('recipient', 100),
  phone,
  address: requiredText('address', 500),
  isDefault: z.boolean({ message: 'isDefault must be true or false' }).default(false),
});

export const customerInputSchema = z
  .object({
    code: codeSchema,
    name: requiredText('name', 200),
    taxNumber: z
      .string({ message: 'taxNumber must be text' })
      .trim()
      .toUpperCase()
      .max(40, 'taxNumber is at most 40 characters')
      .regex(/^[A-Z0-9-]*$/, 'taxNumber may use letters, digits and dashes')
      .default(''),
    /** The buyer's name on a VAT invoice (发票抬头); empty means the customer's name. */
    invoiceTitle: optionalText('invoiceTitle', 200),
    phone,
    email: emailOrEmpty,
    /** Registered address, printed with the phone on a VAT invoice. */
    address: optionalText('address', 500),
    bankName: optionalText('bankName', 200),
    bankAccount: z
      .string({ message: 'bankAccount must be text' })
      .trim()
      .regex(/^([A-Za-z0-9][A-Za-z0-9 -]{3,39})?$/, 'bankAccount must be 4 to 40 letters, digits, spaces or dashes')
      .default(''),
    category: z.enum(CUSTOMER_CATEGORIES, { message: 'category must be retail, wholesale or vip' }).default('retail'),
    /** Price list: discount off list prices in basis points (500 = 5 %); see customerUnitPrice. */
    discountBp: wholeNumber('discountBp', 10_000).default(0),
    /** Most the customer may owe on account, minor units; 0 is no credit. */
    creditLimit: wholeNumber('creditLimit', 100_000_000_000).default(0),
    paymentTermsDays: wholeNumber('paymentTermsDays', 3650).default(0),
    note: optionalText('note', 1000),
    contacts: z.array(customerContactInputSchema, { message: 'contacts must be a list' }).max(20, 'at most 20 contacts').default([]),
    addresses: z.array(customerAddressInputSchema, { message: 'addresses must be a list' }).max(20, 'at most 20 addresses').default([]),
    /**
     * The salesperson looking after the customer: an active user who can sell on order.
     * Left out: unchanged on an update; on a new customer the creator when they see only
     * their own customers, else nobody. null: nobody.
     */
    salespersonId: z.uuid({ message: 'salespersonId must be a uuid' }).nullable().optional(),
  })
  .superRefine((c, ctx) => {
    const defaults = new Set<AddressKind>();
    c.addresses.forEach((a, i) => {
      if (!a.isDefault) return;
      if (defaults.has(a.kind)) ctx.addIssue({ code: 'custom', path: ['addresses', i, 'isDefault'], message: `only one ${a.kind} address can be the default` });
      defaults.add(a.kind);
    });
    if (c.bankAccount && !c.bankName) ctx.addIssue({ code: 'custom', path: ['bankName'], message: 'bankName is required with a bank account' });
  });
export type CustomerInput = z.input<typeof customerInputSchema>;

export const customerContactSchema = z.object({ id: z.string(), name: z.string(), role: z.string(), phone: z.string(), email: z.string() });
export const customerAddressSchema = z.object({
  id: z.string(), kind: z.enum(ADDRESS_KINDS), recipient: z.string(), phone: z.string(), address: z.string(), isDefault: z.boolean(),
});

export const customerSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  taxNumber: z.string(),
  phone: z.string(),
  email: z.string(),
  category: z.enum(CUSTOMER_CATEGORIES),
  discountBp: z.number().int(),
  creditLimit: z.number().int(),
  paymentTermsDays: z.number().int(),
  status: z.enum(CUSTOMER_STATUSES),
  /** What the customer owes on account now (see the balance endpoint). */
  balance: z.number().int(),
  salespersonId: z.string().nullable(),
  salespersonName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

export const customerSchema = customerSummarySchema.extend({
  invoiceTitle: z.string(),
  address: z.string(),
  bankName: z.string(),
  bankAccount: z.string(),
  note: z.string(),
  contacts: z.array(customerContactSchema),
  addresses: z.array(customerAddressSchema),
});
export type Customer = z.infer<typeof customerSchema>;

export const customerQuerySchema = z.object({
  /** Code or name prefix, phone (anywhere in it) or tax number prefix. */
  q: z.string({ message: 'q must be text' }).trim().max(100, 'q is at most 100 characters').optional(),
  status: z.enum([...CUSTOMER_STATUSES, 'all'], { message: 'status must be active, archived or all' }).default('active'),
  category: z.enum(CUSTOMER_CATEGORIES, { message: 'category must be retail, wholesale or vip' }).optional(),
  salespersonId: salespersonFilterSchema.optional(),
  ...pageOf,
});
export const customerPageSchema = z.object({ items: z.array(customerSummarySchema), total: z.number().int() });

export const customerHistoryQuerySchema = z.object({ ...pageOf });

/** One till sale to the customer; `onAccount` is the part they did not pay there and then. */
export const customerPurchaseSchema = z.object({
  saleId: z.string(),
  occurredAt: z.string(),
  receiptNo: z.string(),
  storeId: z.string(),
  storeCode: z.string(),
  storeName: z.string(),
  gross: z.number().int(),
  onAccount: z.number().int(),
  /** Gross of the goods since brought back against this receipt. */
  returned: z.number().int(),
});
export type CustomerPurchase = z.infer<typeof customerPurchaseSchema>;
export const customerHistoryPageSchema = z.object({ items: z.array(customerPurchaseSchema), total: z.number().int() });

/**
 * What the customer owes on account: till sales paid on account, less refunds of their
 * returns to the account, less their payments (none are recorded yet: receivables will
 * bring them). `available` is the credit left, negative when over the limit.
 */
export const customerBalanceSchema = z.object({
  customerId: z.string(),
  salesOnAccount: z.number().int(),
  refundsToAccount: z.number().int(),
  payments: z.number().int(),
  balance: z.number().int(),
  creditLimit: z.number().int(),
  available: z.number().int(),
});
export type CustomerBalance = z.infer<typeof customerBalanceSchema>;
