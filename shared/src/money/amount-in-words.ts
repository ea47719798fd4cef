/**
 * Amounts in words as invoices and cheques write them, from integer minor units of a
 * currency with two decimals (分/cents): Chinese 大写金额 after the People's Bank's rules
 * for filling in bills (《正确填写票据和结算凭证的基本规定》), and English.
 */

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SECTION_UNITS = ['仟', '佰', '拾', ''];

function checked(minor: number): number {
  if (!Number.isSafeInteger(minor)) throw new RangeError('amount must be a safe integer of minor units');
  return Math.abs(minor);
}

/**
 * 0–9999 in capitals. A zero between figures is written once (1001 → 壹仟零壹), zeros at
 * the end are not written, and ten is 壹拾, never a bare 拾, so no digit can be put in front.
 */
function section(n: number): string {
  const digits = String(n).padStart(4, '0');
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i]);
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + SECTION_UNITS[i]!;
  }
  return out;
}

/** A whole number in capitals: sections of four digits under 万 and 亿; 亿 nests (万亿). */
function whole(n: number): string {
  if (n < 10_000) return section(n);
  const [size, unit] = n < 100_000_000 ? [10_000, '万'] : [100_000_000, '亿'];
  const high = Math.floor(n / size);
  const low = n % size;
  // A lower part that does not fill its sections starts after a zero: 壹万零壹拾, 壹亿零壹佰万.
  const gap = low > 0 && low < size / 10 ? '零' : '';
  return whole(high) + unit + gap + (low > 0 ? whole(low) : '');
}

/**
 * 1001.05 → 壹仟零壹元零伍分; 100 → 壹佰元整; 0.45 → 肆角伍分; negatives start with 负.
 * 整 closes an amount with no 分 (the rules require it after 元 and allow it after 角;
 * writing it after 角 too leaves no room to add a digit). A zero 元 digit before 角 is
 * written as 零 (壹仟陆佰捌拾元零叁角贰分), one of the two forms the rules allow.
 */
export function amountInWordsZh(minor: number): string {
  const abs = checked(minor);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const fen = abs % 10;
  let out = minor < 0 ? '负' : '';
  if (yuan > 0) out += `${whole(yuan)}元`;
  if (jiao > 0) out += (yuan % 10 === 0 && yuan > 0 ? '零' : '') + DIGITS[jiao]! + '角';
  else if (fen > 0 && yuan > 0) out += '零';
  if (fen > 0) out += DIGITS[fen]! + '分';
  else if (abs === 0) out += '零元整';
  else out += '整';
  return out;
}

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = ['', 'thousand', 'million', 'billion', 'trillion'];

function belowThousand(n: number): string {
  const parts: string[] = [];
  if (n >= 100) parts.push(`${ONES[Math.floor(n / 100)]} hundred`);
  const rest = n % 100;
  if (rest >= 20) parts.push(TENS[Math.floor(rest / 10)]! + (rest % 10 ? `-${ONES[rest % 10]}` : ''));
  else if (rest > 0) parts.push(ONES[rest]!);
  return parts.join(' ');
}

function englishNumber(n: number): string {
  if (n === 0) return 'zero';
  const parts: string[] = [];
  for (let scale = 0; n > 0; scale++, n = Math.floor(n / 1000)) {
    const chunk = n % 1000;
    if (chunk) parts.unshift(belowThousand(chunk) + (SCALES[scale] ? ` ${SCALES[scale]}` : ''));
  }
  return parts.join(' ');
}

/** The names of the major and minor unit in English, for the currencies a shop here meets. */
const UNIT_NAMES: Record<string, [string, string]> = {
  CNY: ['yuan', 'fen'],
  HKD: ['Hong Kong dollars', 'cents'],
  USD: ['US dollars', 'cents'],
  EUR: ['euros', 'cents'],
  GBP: ['pounds sterling', 'pence'],
};

/**
 * 1001.05 CNY → "One thousand one yuan and five fen"; whole amounts end "only", as trade
 * documents write them so nothing can be added. Other currencies use their ISO code.
 */
export function amountInWordsEn(minor: number, currency = 'CNY'): string {
  const abs = checked(minor);
  const [major, minorName] = UNIT_NAMES[currency] ?? [currency, 'cents'];
  const units = Math.floor(abs / 100);
  const cents = abs % 100;
  let text = `${englishNumber(units)} ${major}`;
  text += cents ? ` and ${englishNumber(cents)} ${minorName}` : ' only';
  if (units === 0 && cents) text = `${englishNumber(cents)} ${minorName}`;
  if (minor < 0) text = `minus ${text}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
