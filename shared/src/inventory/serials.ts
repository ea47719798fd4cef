import { z } from 'zod';

/**
 * Serial numbers (序列号): a serial-tracked product has one serial per unit, so each
 * unit can be traced from the receipt that brought it in to the sale that took it out
 * (warranty claims, returns of the very unit sold, theft reports).
 *
 * Serials are compared as printed on the unit's label, ignoring case and surrounding
 * blanks: scanners and hand typing differ in nothing else.
 */
export const SERIAL_MAX_LENGTH = 64;
const SERIAL_PATTERN = /^[A-Z0-9][A-Z0-9._/:-]*$/;

export function normaliseSerial(raw: string): string {
  return raw.trim().toUpperCase();
}

export const serialSchema = z
  .string()
  .transform(normaliseSerial)
  .pipe(
    z
      .string()
      .min(1, 'serial number is empty')
      .max(SERIAL_MAX_LENGTH, `serial number is at most ${SERIAL_MAX_LENGTH} characters`)
      .regex(SERIAL_PATTERN, 'serial number may use letters, digits and . _ / : -'),
  );

/** A line's serials: each unique; how many is checked against the quantity by {@link serialCountProblem}. */
export const serialListSchema = z
  .array(serialSchema)
  .max(10_000)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((s, i) => {
      if (seen.has(s)) ctx.addIssue({ code: 'custom', path: [i], message: `serial number ${s} is listed twice` });
      seen.add(s);
    });
  });

/**
 * Why a line's serials do not fit its quantity, or null when they do: a serial-tracked
 * line needs a whole quantity and exactly one serial per unit; any other line none.
 */
export function serialCountProblem(serialTracked: boolean, qty: string, serials: readonly string[] | undefined): string | null {
  const count = serials?.length ?? 0;
  if (!serialTracked) return count > 0 ? 'this product is not serial-tracked: give no serial numbers' : null;
  const units = Math.abs(Number(qty));
  if (!Number.isInteger(units)) return 'a serial-tracked product moves in whole units';
  if (count !== units) return `give one serial number per unit: ${units} needed, ${count} given`;
  return null;
}

/** Where a unit is now: in a warehouse (possibly the transit one), or gone out of stock. */
export const SERIAL_STATES = ['in_stock', 'out'] as const;
export type SerialState = (typeof SERIAL_STATES)[number];
