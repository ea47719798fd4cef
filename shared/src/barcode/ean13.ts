import { isValidGtin } from './gs1.ts';

/**
 * EAN-13 symbol as 95 modules ('1' bar, '0' space), per ISO/IEC 15420: start guard 101,
 * six left digits in sets L or G (the mix of sets encodes the first digit, which has
 * no bars of its own), centre guard 01010, six right digits in set R, end guard 101.
 */
const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
// G is L mirrored and inverted; R is L inverted. Written out so a reader can check the standard's table.
const G = ['0100111', '0110011', '0011011', '0100001', '0011101', '0111001', '0000101', '0010001', '0001001', '0010111'];
const R = ['1110010', '1100110', '1101100', '1000010', '1011100', '1001110', '1010000', '1000100', '1001000', '1110100'];
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

export function isEan13(code: string): boolean {
  return code.length === 13 && isValidGtin(code);
}

/** The 95 modules of a valid EAN-13; throws a RangeError for anything else. */
export function ean13Modules(code: string): string {
  if (!isEan13(code)) throw new RangeError(`"${code}" is not an EAN-13 with a valid check digit`);
  const d = [...code].map(Number);
  const parity = PARITY[d[0]!]!;
  let left = '';
  for (let i = 0; i < 6; i++) left += (parity[i] === 'L' ? L : G)[d[i + 1]!]!;
  let right = '';
  for (let i = 7; i < 13; i++) right += R[d[i]!]!;
  return `101${left}01010${right}101`;
}
