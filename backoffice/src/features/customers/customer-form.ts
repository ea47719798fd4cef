import { customerInputSchema, type AddressKind, type Customer, type CustomerCategory, type CustomerInput } from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { moneyToInput, parseMoneyInput } from '../../forms/money-input.ts';
import { bpToPercent, percentToBp } from '../purchasing/order-form.ts';

/**
 * A customer as people edit it: the credit limit in major units, the price-list
 * discount as a percentage, days as typed; contacts and addresses as editable rows.
 * The mapping to the wire request is pure and tested; the shared schema then
 * validates it as the API will, so errors land on the wire's field names
 * (`creditLimit`, `discountBp`, `addresses.1.isDefault`).
 *
 * The salesperson is sent only by someone who may assign customers (`assigns`, sales.all);
 * for sales staff it is left out, so the API gives a new customer to its creator and an
 * edit keeps whoever looks after the customer.
 */
export interface ContactRow { uid: number; name: string; role: string; phone: string; email: string }
export interface AddressRow { uid: number; kind: AddressKind; recipient: string; phone: string; address: string; isDefault: boolean }

export interface CustomerForm {
  code: string;
  name: string;
  category: CustomerCategory;
  taxNumber: string;
  invoiceTitle: string;
  phone: string;
  email: string;
  address: string;
  bankName: string;
  bankAccount: string;
  /** Percent off list prices: '5', '2.5'. */
  discount: string;
  /** Major units: '20000.00'. */
  creditLimit: string;
  paymentTermsDays: string;
  note: string;
  /** The salesperson's user id; '' for nobody. */
  salespersonId: string;
  contacts: ContactRow[];
  addresses: AddressRow[];
}

let nextUid = 1;
export const newContact = (): ContactRow => ({ uid: nextUid++, name: '', role: '', phone: '', email: '' });
/** A new address is the default of its kind when there is none yet. */
export function newAddress(kind: AddressKind, existing: readonly AddressRow[]): AddressRow {
  return { uid: nextUid++, kind, recipient: '', phone: '', address: '', isDefault: !existing.some((a) => a.kind === kind && a.isDefault) };
}

export function emptyCustomerForm(): CustomerForm {
  return {
    code: '', name: '', category: 'retail', taxNumber: '', invoiceTitle: '', phone: '', email: '', address: '', bankName: '', bankAccount: '',
    discount: '0', creditLimit: '0', paymentTermsDays: '0', note: '', salespersonId: '', contacts: [], addresses: [],
  };
}

export function customerToForm(c: Customer, decimals: number): CustomerForm {
  return {
    code: c.code, name: c.name, category: c.category, taxNumber: c.taxNumber, invoiceTitle: c.invoiceTitle, phone: c.phone, email: c.email, address: c.address,
    bankName: c.bankName, bankAccount: c.bankAccount, discount: bpToPercent(c.discountBp), creditLimit: moneyToInput(c.creditLimit, decimals),
    paymentTermsDays: String(c.paymentTermsDays), note: c.note, salespersonId: c.salespersonId ?? '',
    contacts: c.contacts.map((x) => ({ uid: nextUid++, name: x.name, role: x.role, phone: x.phone, email: x.email })),
    addresses: c.addresses.map((a) => ({ uid: nextUid++, kind: a.kind, recipient: a.recipient, phone: a.phone, address: a.address, isDefault: a.isDefault })),
  };
}

/** '30' → 30; anything not a whole number goes as NaN so the schema names the field. */
function days(text: string): number {
  const v = text.trim();
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

export function toCustomerRequest(form: CustomerForm, decimals: number, assigns = false): CustomerInput {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    category: form.category,
    taxNumber: form.taxNumber.trim().toUpperCase(),
    invoiceTitle: form.invoiceTitle.trim(),
    phone: form.phone.trim(),
    email: form.email.trim(),
    address: form.address.trim(),
    bankName: form.bankName.trim(),
    bankAccount: form.bankAccount.trim(),
    // Empty means none: no discount, no credit.
    discountBp: form.discount.trim() === '' ? 0 : (percentToBp(form.discount) ?? Number.NaN),
    creditLimit: form.creditLimit.trim() === '' ? 0 : (parseMoneyInput(form.creditLimit, decimals) ?? Number.NaN),
    paymentTermsDays: form.paymentTermsDays.trim() === '' ? 0 : days(form.paymentTermsDays),
    note: form.note.trim(),
    contacts: form.contacts.map(({ name, role, phone, email }) => ({ name: name.trim(), role: role.trim(), phone: phone.trim(), email: email.trim() })),
    addresses: form.addresses.map(({ kind, recipient, phone, address, isDefault }) => ({
      kind, recipient: recipient.trim(), phone: phone.trim(), address: address.trim(), isDefault,
    })),
    ...(assigns ? { salespersonId: form.salespersonId || null } : {}),
  };
}

export function validateCustomer(form: CustomerForm, decimals: number, assigns = false): { request: CustomerInput | null; errors: FieldErrors } {
  const request = toCustomerRequest(form, decimals, assigns);
  const parsed = customerInputSchema.safeParse(request);
  if (parsed.success) return { request: parsed.data, errors: {} };
  return { request: null, errors: issuesToFieldErrors(parsed.error.issues) };
}

/** Marking an address the default unmarks the other defaults of its kind. */
export function makeDefault(addresses: AddressRow[], uid: number): void {
  const chosen = addresses.find((a) => a.uid === uid);
  if (!chosen) return;
  for (const a of addresses) if (a.kind === chosen.kind) a.isDefault = a.uid === uid;
}
