/**
 * Money is an integer number of minor units (cents, 分) held in a JS `number`.
 *
 * Sums of safe integers are exact, so addition stays on `number`; anything that
 * multiplies or divides goes through BigInt, because `0.1 * 3` style binary-float
 * error would otherwise leak into receipts and the ledger.
 */

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** Throws a RangeError naming `what` and the value unless it is a safe integer. */
export function assertSafeInteger(value: number, what = 'value'): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
  }
  return value;
}

export function isMoney(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Returns the amount unchanged so it can guard an expression inline. */
export function assertMoney(value: number, what = 'money amount'): number {
  return assertSafeInteger(value, what);
}

/** Converts back from BigInt, refusing results a `number` cannot hold exactly. */
export function toSafeNumber(value: bigint, what = 'result'): number {
  if (value > MAX_SAFE || value < MIN_SAFE) {
    throw new RangeError(`${what} ${value.toString()} is outside the safe integer range`);
  }
  return Number(value);
}

export function addMoney(a: number, b: number): number {
  return sumMoney([a, b]);
}

export function subtractMoney(a: number, b: number): number {
  assertMoney(b);
  return sumMoney([a, -b]);
}

/** Exact sum; throws if an operand or the total leaves the safe integer range. */
export function sumMoney(amounts: Iterable<number>): number {
  let total = 0n;
  for (const amount of amounts) total += BigInt(assertMoney(amount));
  return toSafeNumber(total, 'sum');
}

/**
 * numerator / denominator rounded half-up, where "up" means away from zero, so a
 * refund rounds to exactly the negative of the sale it reverses.
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** round-half-up(a × b / c) for safe integers, computed exactly. */
export function mulDivRound(a: number, b: number, c: number): number {
  assertSafeInteger(a, 'a');
  assertSafeInteger(b, 'b');
  assertSafeInteger(c, 'c');
  if (c === 0) throw new RangeError('mulDivRound: division by zero');
  return toSafeNumber(roundHalfUp(BigInt(a) * BigInt(b), BigInt(c)), 'mulDivRound result');
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer from 0 to 20, got ${String(decimals)}`);
  }
}

// Deliberately strict: no thousands separators, exponents, or bare "12." / ".5",
// so a value that parses here means the same thing on every till and server.
const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string into an integer scaled by 10^decimals ('1.5', 3 → 1500).
 * `what` names the value in error messages.
 */
export function parseScaledDecimal(text: string, decimals: number, what = 'number'): number {
  assertDecimals(decimals);
  const match = DECIMAL.exec(text);
  if (!match) throw new Error(`${what} "${text}" is not a decimal number like 12.34`);
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.length > decimals) {
    throw new Error(`${what} "${text}" has more than ${decimals} decimal places`);
  }
  const scaled = BigInt(whole + fraction.padEnd(decimals, '0'));
  return toSafeNumber(sign === '-' ? -scaled : scaled, `${what} "${text}"`);
}

/** parseMoney('12.34') → 1234; `decimals` is the currency's minor-unit digits. */
export function parseMoney(text: string, decimals = 2): number {
  return parseScaledDecimal(text, decimals, 'money amount');
}

/** toDecimalString(1234, 2) → '12.34'; toDecimalString(-5, 2) → '-0.05'. */
export function toDecimalString(minor: number, decimals = 2): string {
  assertSafeInteger(minor, 'amount');
  assertDecimals(decimals);
  const digits = Math.abs(minor).toString().padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  const body = decimals === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return minor < 0 ? `-${body}` : body;
}
