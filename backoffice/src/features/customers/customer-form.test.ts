import type { Customer } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { customerToForm, emptyCustomerForm, makeDefault, newAddress, newContact, toCustomerRequest, validateCustomer } from './customer-form.ts';

const customer: Customer = {
  id: 'x', code: 'C1', name: 'West Lake', taxNumber: '9133', phone: '', email: '', category: 'wholesale', discountBp: 250, creditLimit: 2_000_050,
  paymentTermsDays: 30, status: 'active', balance: 0, salespersonId: null, salespersonName: null, createdAt: '', updatedAt: '', invoiceTitle: '西湖', address: '', bankName: 'CMB', bankAccount: '5719 0812',
  note: '', contacts: [{ id: 'c', name: 'Chen', role: 'buyer', phone: '', email: '' }],
  addresses: [{ id: 'a', kind: 'shipping', recipient: '', phone: '', address: 'Longjing Rd 99', isDefault: true }],
};

describe('customer form', () => {
  it('maps the credit limit to minor units, the discount to basis points and days to numbers', () => {
    const form = { ...emptyCustomerForm(), code: ' C-9 ', name: ' Acme ', taxNumber: '91ab', creditLimit: '20,000.5', discount: '5', paymentTermsDays: '45' };
    expect(toCustomerRequest(form, 2)).toMatchObject({ code: 'C-9', name: 'Acme', taxNumber: '91AB', creditLimit: 2_000_050, discountBp: 500, paymentTermsDays: 45 });
    expect(validateCustomer(form, 2).request).not.toBeNull();
  });

  it('takes empty money, discount and days as none', () => {
    const form = { ...emptyCustomerForm(), code: 'C', name: 'n', creditLimit: ' ', discount: '', paymentTermsDays: '' };
    expect(toCustomerRequest(form, 2)).toMatchObject({ creditLimit: 0, discountBp: 0, paymentTermsDays: 0 });
  });

  it('names the field of what cannot be read', () => {
    const base = { ...emptyCustomerForm(), code: 'C', name: 'n' };
    expect(validateCustomer({ ...base, creditLimit: '12.345' }, 2).errors.creditLimit).toBeDefined();
    expect(validateCustomer({ ...base, creditLimit: '-1' }, 2).errors.creditLimit).toBeDefined();
    expect(validateCustomer({ ...base, discount: '120' }, 2).errors.discountBp).toBeDefined();
    expect(validateCustomer({ ...base, discount: 'five' }, 2).errors.discountBp).toBeDefined();
    expect(validateCustomer({ ...base, paymentTermsDays: '2.5' }, 2).errors.paymentTermsDays).toBeDefined();
    expect(validateCustomer({ ...base, name: '' }, 2).errors.name).toBeDefined();
    expect(validateCustomer({ ...base, bankAccount: '1234 5678' }, 2).errors.bankName).toBeDefined();
    const blankContact = { ...base, contacts: [newContact()] };
    expect(validateCustomer(blankContact, 2).errors['contacts.0.name']).toBeDefined();
  });

  it('keeps one default address per kind', () => {
    const form = emptyCustomerForm();
    const first = newAddress('shipping', form.addresses);
    form.addresses.push(first);
    const second = newAddress('shipping', form.addresses);
    form.addresses.push(second);
    const billing = newAddress('billing', form.addresses);
    form.addresses.push(billing);
    expect(form.addresses.map((a) => a.isDefault)).toEqual([true, false, true]);
    makeDefault(form.addresses, second.uid);
    expect(form.addresses.map((a) => a.isDefault)).toEqual([false, true, true]);
    const both = { ...form, code: 'C', name: 'n', addresses: form.addresses.map((a) => ({ ...a, address: 'x', isDefault: a.kind === 'shipping' })) };
    expect(validateCustomer(both, 2).errors['addresses.1.isDefault']).toBeDefined();
  });

  it('assigns the salesperson only for someone who may, and nobody when left empty', () => {
    const form = { ...customerToForm({ ...customer, salespersonId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a11', salespersonName: 'Sun' }, 2) };
    expect(form.salespersonId).toBe('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a11');
    expect(validateCustomer(form, 2, true).request?.salespersonId).toBe('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a11');
    expect(validateCustomer({ ...form, salespersonId: '' }, 2, true).request?.salespersonId).toBeNull();
    expect(validateCustomer({ ...form, salespersonId: 'not-an-id' }, 2, true).errors.salespersonId).toBeDefined();
    // Sales staff: left out, so the API keeps it (or gives a new customer to its creator).
    expect('salespersonId' in toCustomerRequest(form, 2)).toBe(false);
  });

  it('round-trips a customer', () => {
    const form = customerToForm(customer, 2);
    expect(form).toMatchObject({ discount: '2.5', creditLimit: '20000.50', paymentTermsDays: '30', salespersonId: '' });
    // Without `assigns` the form leaves the salesperson out, so a save keeps whoever looks after the customer.
    const { id: _i, balance: _b, status: _s, createdAt: _c, updatedAt: _u, salespersonId: _p, salespersonName: _n, ...input } = customer;
    expect(toCustomerRequest(form, 2)).toEqual({
      ...input, contacts: [{ name: 'Chen', role: 'buyer', phone: '', email: '' }],
      addresses: [{ kind: 'shipping', recipient: '', phone: '', address: 'Longjing Rd 99', isDefault: true }],
    });
  });
});
