import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const HAN_RUNS = /(\p{Script=Han}+)/u;

/**
 * The form every name is compared in: NFKC folds full-width letters and digits
 * (ＡＢＣ１２３, common in Chinese product data) into ASCII, then lower case and single
 * spaces. Search input goes through the same function, so both sides always agree.
 */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What a cashier types when searching by pinyin: letters and digits only. */
export function normalisePinyinQuery(query: string): string {
  return normaliseName(query).replace(/[^\p{L}\p{N}]/gu, '');
}

export interface SearchKeys {
  /** normalised name, for `where('nameNorm').startsWith(...)` */
  nameNorm: string;
  /**
   * Pinyin keys, for a multi-entry index: initials (可口可乐 → "kkkl") and full pinyin
   * ("kekoukele"), first for the Chinese characters alone and then for the whole name with
   * Latin letters and digits kept ("kkkl330ml"). Empty when the name has no Chinese.
   */
  pinyinKeys: string[];
}

/**
 * Computed once when a product is written, never at search time: pinyin-pro looks up a
 * large dictionary and resolves polyphones from context (银行 → yin hang, not yin xing),
 * which is too slow to run over the catalogue on each keystroke.
 */
export function toSearchKeys(name: string): SearchKeys {
  const nameNorm = normaliseName(name);
  if (!HAN.test(nameNorm)) return { nameNorm, pinyinKeys: [] };

  let hanInitials = '';
  let hanFull = '';
  let initials = '';
  let full = '';
  for (const run of nameNorm.split(HAN_RUNS)) {
    if (!run) continue;
    if (HAN.test(run)) {
      // v: true spells ü as v (绿 → lv), as pinyin keyboards do.
      const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true });
      const ini = syllables.map((s) => s.charAt(0)).join('');
      const whole = syllables.join('');
      hanInitials += ini;
      hanFull += whole;
      initials += ini;
      full += whole;
    } else {
      const plain = run.replace(/[^\p{L}\p{N}]/gu, '');
      initials += plain;
      full += plain;
    }
  }
  const pinyinKeys = [...new Set([hanInitials, hanFull, initials, full])].filter((k) => k.length > 0);
  return { nameNorm, pinyinKeys };
}
