// Till-side sales rules: pricing a cart, taking payment, building the sale, return and
// shift-close events the outbox sends. Pure functions; the API re-checks with the same.
export * from './errors.ts';
export * from './cart.ts';
export * from './cart-edit.ts';
export * from './payment.ts';
export * from './sale-event.ts';
export * from './refunds.ts';
export * from './returns.ts';
export * from './shift.ts';
export * from './sale-summary.ts';
