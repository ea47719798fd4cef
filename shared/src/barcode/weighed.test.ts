import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from './gs1.ts';
import { DEFAULT_WEIGHED_LAYOUT, makeWeighedBarcode, parseWeighedBarcode, type WeighedLayout } from './weighed.ts';

describe('parseWeighedBarcode with the default layout', () => {
  it('reads a weight label in grams', () => {
    // 21 | 12345 | 01234 | 6 → item 12345, 1.234 kg
    expect(parseWeighedBarcode('2112345012346')).toEqual({
      prefix: '21',
      itemCode: '12345',
      kind: 'weight',
      value: 1234,
    });
  });

  it('reads a price label in minor units, keeping leading zeros of the item code', () => {
    // 20 | 00042 | 01999 | 0 → item 00042, 19.99
    expect(parseWeighedBarcode('2000042019990')).toEqual({
      prefix: '20',
      itemCode: '00042',
      kind: 'price',
      value: 1999,
    });
  });

  it('returns null for ordinary codes and misreads', () => {
    expect(parseWeighedBarcode('6901234567892')).toBeNull(); // a valid EAN-13 from prefix 690
    expect(parseWeighedBarcode('2112345012347')).toBeNull(); // wrong check digit
    expect(parseWeighedBarcode('211234501234')).toBeNull(); // 12 digits
    expect(parseWeighedBarcode('96385074')).toBeNull();
  });
});

describe('custom layouts', () => {
  // A scale set up as 2 | 6-digit item | 5-digit price, as some chains use.
  const layout: WeighedLayout = {
    prefixDigits: 1,
    itemDigits: 6,
    valueDigits: 5,
    weightPrefixes: [],
    pricePrefixes: ['2'],
  };

  it('follows the configured widths and prefixes', () => {
    const code = makeWeighedBarcode({ itemCode: '123456', kind: 'price', value: 2550 }, layout);
    expect(code).toBe(withCheckDigit('212345602550'));
    expect(parseWeighedBarcode(code, layout)).toEqual({ prefix: '2', itemCode: '123456', kind: 'price', value: 2550 });
  });

  it('ignores prefixes the layout does not list', () => {
    const weightOnly: WeighedLayout = { ...DEFAULT_WEIGHED_LAYOUT, pricePrefixes: [] };
    expect(parseWeighedBarcode('2000042019990', weightOnly)).toBeNull();
  });

  it('rejects inconsistent layouts', () => {
    expect(() => parseWeighedBarcode('2112345012346', { ...DEFAULT_WEIGHED_LAYOUT, valueDigits: 4 })).toThrow(
      /total 12/,
    );
    expect(() =>
      parseWeighedBarcode('2112345012346', { ...DEFAULT_WEIGHED_LAYOUT, pricePrefixes: ['21'] }),
    ).toThrow(/both weight and price/);
    expect(() => parseWeighedBarcode('2112345012346', { ...DEFAULT_WEIGHED_LAYOUT, pricePrefixes: ['30'] })).toThrow(
      /starting with 2/,
    );
  });
});

describe('makeWeighedBarcode', () => {
  it('pads the item code and value and picks the first prefix of the kind', () => {
    expect(makeWeighedBarcode({ itemCode: '42', kind: 'price', value: 1999 })).toBe('2000042019990');
    expect(makeWeighedBarcode({ itemCode: '12345', kind: 'weight', value: 1234, prefix: '22' })).toBe(
      withCheckDigit('221234501234'),
    );
  });

  it('refuses values and codes that do not fit', () => {
    expect(() => makeWeighedBarcode({ itemCode: '123456', kind: 'price', value: 1 })).toThrow(/at most 5 digits/);
    expect(() => makeWeighedBarcode({ itemCode: '1', kind: 'price', value: 100_000 })).toThrow(/0 to 99999/);
    expect(() => makeWeighedBarcode({ itemCode: '1', kind: 'price', value: -1 })).toThrow(RangeError);
    expect(() => makeWeighedBarcode({ itemCode: '1', kind: 'price', value: 1, prefix: '21' })).toThrow(/prefix/);
  });

  it('round-trips through parseWeighedBarcode', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFAULT_WEIGHED_LAYOUT.weightPrefixes, ...DEFAULT_WEIGHED_LAYOUT.pricePrefixes),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 99_999 }),
        (prefix, itemCode, value) => {
          const kind = DEFAULT_WEIGHED_LAYOUT.weightPrefixes.includes(prefix) ? 'weight' : 'price';
          const code = makeWeighedBarcode({ itemCode, kind, value, prefix });
          expect(parseWeighedBarcode(code)).toEqual({ prefix, itemCode, kind, value });
        },
      ),
    );
  });
});
