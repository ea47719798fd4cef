// The domain every part imports. Pure TypeScript: no I/O, no framework.
export * from './ids/uuidv7.ts';
export * from './auth/permissions.ts';
export * from './auth/roles.ts';
export * from './api/index.ts';
// domain modules (money, quantity, tax, barcode, journal) are exported below
