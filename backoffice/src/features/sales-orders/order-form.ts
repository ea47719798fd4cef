import {
  customerUnitPrice, lineTax, parseQuantity, salesLineAmounts, salesOrderInputSchema, type CustomerSummary, type Product, type SalesOrder, type SalesOrderInput,
} from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { moneyToInput, parseMoneyInput } from '../../forms/money-input.ts';

/**
 * A quotation as a salesperson fills it in: the customer, the warehouse it ships from,
 * and lines priced before tax (the customer's price list, off the shelf price, less its
 * tax, unless typed otherwise).
 * The salesperson is sent only by someone who may assign orders (`assigns`, sales.all);
 * sales staff leave it out, so their new orders are theirs and edits keep it.
 */
export interface OrderLineForm {
  uid: number;
  productId: string;
  sku: string;
  name: string;
  unit: string;
  qty: string;
  /** Major units before tax, as typed. */
  price: string;
  discount: string;
  taxRateBp: number;
}

export interface OrderForm {
  customerId: string;
  warehouseId: string;
  reference: string;
  deliveryDate: string;
  note: string;
  /** The salesperson's user id; '' for nobody. */
  salespersonId: string;
  /** The customer's price list discount (basis points): new lines are priced with it. Not sent. */
  discountBp: number;
  lines: OrderLineForm[];
}

let nextUid = 1;

export function emptyOrderForm(warehouseId = ''): OrderForm {
  return { customerId: '', warehouseId, reference: '', deliveryDate: '', note: '', salespersonId: '', discountBp: 0, lines: [] };
}

/** Picking the customer brings the salesperson who looks after them; it can be changed after. */
export function withCustomer(form: OrderForm, customer: Pick<CustomerSummary, 'id'> & { salespersonId?: string | null; discountBp?: number }): void {
  form.customerId = customer.id;
  if (customer.discountBp !== undefined) form.discountBp = customer.discountBp;
  if (customer.salespersonId !== undefined) form.salespersonId = customer.salespersonId ?? '';
}

export function lineFromProduct(p: Product, decimals: number, discountBp = 0): OrderLineForm {
  const net = lineTax(customerUnitPrice(p.salePrice, discountBp), p.taxRateBasisPoints, true).net;
  return { uid: nextUid++, productId: p.id, sku: p.sku, name: p.name, unit: p.unit, qty: '1', price: moneyToInput(net, decimals), discount: '', taxRateBp: p.taxRateBasisPoints };
}

export function formFromOrder(o: SalesOrder, decimals: number): OrderForm {
  return {
    customerId: o.customerId, warehouseId: o.warehouseId, reference: o.reference, deliveryDate: o.deliveryDate ?? '', note: o.note,
    salespersonId: o.salespersonId ?? '',
    discountBp: 0,
    lines: o.lines.map((l) => ({
      uid: nextUid++, productId: l.productId, sku: l.sku, name: l.name, unit: l.unit, qty: l.qty, price: moneyToInput(l.price, decimals),
      discount: l.discount ? moneyToInput(l.discount, decimals) : '', taxRateBp: l.taxRateBp,
    })),
  };
}

/** A line's amounts as typed, or null while they do not parse. */
export function lineAmounts(l: OrderLineForm, decimals: number) {
  const price = parseMoneyInput(l.price, decimals);
  const discount = l.discount.trim() === '' ? 0 : parseMoneyInput(l.discount, decimals);
  if (price === null || discount === null) return null;
  try {
    return salesLineAmounts(parseQuantity(l.qty.trim()), price, discount, l.taxRateBp);
  } catch {
    return null;
  }
}

export function orderTotals(form: OrderForm, decimals: number) {
  return form.lines.reduce(
    (s, l) => {
      const a = lineAmounts(l, decimals);
      return a ? { net: s.net + a.net, tax: s.tax + a.tax, gross: s.gross + a.gross } : s;
    },
    { net: 0, tax: 0, gross: 0 },
  );
}

export function validateOrder(form: OrderForm, decimals: number, assigns = false): { request: SalesOrderInput | null; errors: FieldErrors } {
  const request: SalesOrderInput = {
    customerId: form.customerId, warehouseId: form.warehouseId, reference: form.reference.trim(), note: form.note.trim(),
    deliveryDate: form.deliveryDate || null,
    ...(assigns ? { salespersonId: form.salespersonId || null } : {}),
    lines: form.lines.map((l) => ({
      productId: l.productId, qty: l.qty.trim(), price: parseMoneyInput(l.price, decimals) ?? -1,
      discount: l.discount.trim() === '' ? 0 : (parseMoneyInput(l.discount, decimals) ?? -1), taxRateBp: l.taxRateBp,
    })),
  };
  const parsed = salesOrderInputSchema.safeParse(request);
  const errors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
  if (!form.customerId) errors.customerId = { key: 'required', raw: 'customer is required' };
  if (!form.warehouseId) errors.warehouseId = { key: 'required', raw: 'warehouse is required' };
  form.lines.forEach((l, i) => {
    if (parseMoneyInput(l.price, decimals) === null) errors[`lines.${i}.price`] = { key: 'costFormat', raw: 'not a price' };
    const a = parseMoneyInput(l.price, decimals);
    const d = l.discount.trim() === '' ? 0 : parseMoneyInput(l.discount, decimals);
    if (a !== null && d !== null && lineAmounts(l, decimals) === null && !errors[`lines.${i}.qty`]) {
      errors[`lines.${i}.discount`] = { key: null, raw: 'the discount is more than the line' };
    }
  });
  return { request: Object.keys(errors).length === 0 && parsed.success ? (parsed.data as SalesOrderInput) : null, errors };
}

/** What a shipment sends per line: prefilled with what is reserved, as typed. */
export type ShipForm = Record<string, string>;

export function shipFormFrom(o: SalesOrder): ShipForm {
  return Object.fromEntries(o.lines.map((l) => [l.id, parseQuantity(l.qtyReserved) > 0 ? l.qtyReserved : '']));
}
