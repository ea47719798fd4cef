import { uuidv7 } from 'uuidv7';
import { z } from 'zod';

/**
 * Ids for everything a till or the server creates. UUIDv7 sorts by creation time, so
 * indexes stay append-mostly, and a till can mint them offline without coordination.
 */
export function newId(): string {
  return uuidv7();
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuidV7(value: string): boolean {
  return UUID_V7.test(value);
}

/** Milliseconds since the epoch encoded in the id's first 48 bits. */
export function uuidV7Time(id: string): number {
  if (!isUuidV7(id)) throw new Error(`not a UUIDv7: ${id}`);
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

export const uuidSchema = z.uuid();
export const uuidV7Schema = z.string().refine(isUuidV7, { message: 'must be a UUIDv7' });
