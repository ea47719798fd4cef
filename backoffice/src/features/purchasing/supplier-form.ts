import {
  supplierInputSchema, supplierProductInputSchema, type Supplier, type SupplierInput, type SupplierProduct, type SupplierProductInput,
} from '@shopbook/shared';
import { issuesToFieldErrors, type FieldErrors } from '../../forms/field-errors.ts';
import { moneyToInput, parseMoneyInput, trimZeros } from '../../forms/money-input.ts';

/**
 * A supplier as people edit it: whole numbers of days as typed, contacts and bank
 * accounts as editable rows. The mapping to the wire request is pure and tested; the
 * shared schema then validates it as the API will.
 */
export interface ContactRow { uid: number; name: string; role: string; phone: string; email: string }
export interface BankRow { uid: number; bankName: string; accountName: string; accountNumber: string; branch: string; swift: string; isDefault: boolean }

export interface SupplierForm {
  code: string;
  name: string;
  taxNumber: string;
  contact: string;
  phone: string;
  email: string;
  address: string;
  paymentTermsDays: string;
  leadTimeDays: string;
  currency: string;
  status: 'active' | 'archived';
  note: string;
  contacts: ContactRow[];
  bankAccounts: BankRow[];
}

let nextUid = 1;
export const newContact = (): ContactRow => ({ uid: nextUid++, name: '', role: '', phone: '', email: '' });
export const newBankAccount = (isDefault = false): BankRow => ({
  uid: nextUid++, bankName: '', accountName: '', accountNumber: '', branch: '', swift: '', isDefault,
});

export function emptySupplierForm(currency = 'CNY'): SupplierForm {
  return {
    code: '', name: '', taxNumber: '', contact: '', phone: '', email: '', address: '', paymentTermsDays: '30', leadTimeDays: '7',
    currency, status: 'active', note: '', contacts: [], bankAccounts: [],
  };
}

export function supplierToForm(s: Supplier): SupplierForm {
  return {
    code: s.code, name: s.name, taxNumber: s.taxNumber, contact: s.contact, phone: s.phone, email: s.email, address: s.address,
    paymentTermsDays: String(s.paymentTermsDays), leadTimeDays: String(s.leadTimeDays), currency: s.currency, status: s.status, note: s.note,
    contacts: s.contacts.map((c) => ({ uid: nextUid++, name: c.name, role: c.role, phone: c.phone, email: c.email })),
    bankAccounts: s.bankAccounts.map((b) => ({
      uid: nextUid++, bankName: b.bankName, accountName: b.accountName, accountNumber: b.accountNumber, branch: b.branch, swift: b.swift, isDefault: b.isDefault,
    })),
  };
}

/** '30' → 30; '' and anything not a whole number go as NaN so the schema names the field. */
function days(text: string): number {
  const v = text.trim();
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

export function toSupplierRequest(form: SupplierForm): SupplierInput {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    taxNumber: form.taxNumber.trim(),
    contact: form.contact.trim(),
    phone: form.phone.trim(),
    email: form.email.trim(),
    address: form.address.trim(),
    paymentTermsDays: days(form.paymentTermsDays),
    leadTimeDays: days(form.leadTimeDays),
    currency: form.currency.trim().toUpperCase(),
    status: form.status,
    note: form.note.trim(),
    contacts: form.contacts.map(({ name, role, phone, email }) => ({ name: name.trim(), role: role.trim(), phone: phone.trim(), email: email.trim() })),
    bankAccounts: form.bankAccounts.map(({ bankName, accountName, accountNumber, branch, swift, isDefault }) => ({
      bankName: bankName.trim(), accountName: accountName.trim(), accountNumber: accountNumber.trim(), branch: branch.trim(), swift: swift.trim(), isDefault,
    })),
  };
}

export function validateSupplier(form: SupplierForm): { request: SupplierInput | null; errors: FieldErrors } {
  const request = toSupplierRequest(form);
  const parsed = supplierInputSchema.safeParse(request);
  if (parsed.success) return { request: parsed.data, errors: {} };
  return { request: null, errors: issuesToFieldErrors(parsed.error.issues) };
}

/** A line of the supplier's price list, the price in major units of the supplier's currency. */
export interface PriceForm {
  productId: string;
  sku: string;
  name: string;
  itemCode: string;
  packSize: string;
  price: string;
  minOrderQty: string;
  preferred: boolean;
}

export function emptyPriceForm(): PriceForm {
  return { productId: '', sku: '', name: '', itemCode: '', packSize: '1', price: '', minOrderQty: '0', preferred: false };
}

export function priceToForm(p: SupplierProduct, decimals: number): PriceForm {
  return {
    productId: p.productId, sku: p.sku, name: p.name, itemCode: p.itemCode, packSize: trimZeros(p.packSize), price: moneyToInput(p.price, decimals),
    minOrderQty: trimZeros(p.minOrderQty), preferred: p.preferred,
  };
}

export function toPriceRequest(form: PriceForm, decimals: number): SupplierProductInput {
  return {
    itemCode: form.itemCode.trim(),
    packSize: form.packSize.trim() || '1',
    price: parseMoneyInput(form.price, decimals) ?? Number.NaN,
    minOrderQty: form.minOrderQty.trim() || '0',
    preferred: form.preferred,
  };
}

export function validatePrice(form: PriceForm, decimals: number): { request: SupplierProductInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!form.productId) errors.productId = { key: 'required', raw: 'choose a product' };
  if (!form.price.trim()) errors.price = { key: 'required', raw: 'price is required' };
  const request = toPriceRequest(form, decimals);
  const parsed = supplierProductInputSchema.safeParse(request);
  if (!parsed.success) Object.assign(errors, { ...issuesToFieldErrors(parsed.error.issues), ...errors });
  return { request: Object.keys(errors).length === 0 && parsed.success ? parsed.data : null, errors };
}
