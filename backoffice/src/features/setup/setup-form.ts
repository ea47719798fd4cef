import { parseScaledDecimal, type SetupRequest } from '@shopbook/shared';

/**
 * What the wizard edits. Close to SetupRequest, but in the shape a form wants: tax rates
 * as the percentage people type ("13", "6.5"), the central warehouse behind a switch,
 * and a local key per row so Vue keeps inputs in place when a row is removed.
 */
export interface SetupForm {
  company: { name: string; taxNumber: string; currency: string; pricesIncludeTax: boolean };
  stores: { uid: number; code: string; name: string; warehouseName: string }[];
  useCentralWarehouse: boolean;
  centralWarehouse: { code: string; name: string };
  taxRates: { uid: number; name: string; percent: string }[];
  owner: { username: string; displayName: string; password: string; passwordConfirm: string };
}

export interface DefaultTaxNames {
  standard: string;
  reduced: string;
  services: string;
  zero: string;
}

let nextUid = 1;
export const newUid = (): number => nextUid++;

export function newStore(index: number): SetupForm['stores'][number] {
  return { uid: newUid(), code: `S${String(index + 1).padStart(2, '0')}`, name: '', warehouseName: '' };
}

/** China's VAT rates as of 2024 (13 %, 9 %, 6 %, 0 %), editable before submitting. */
export function defaultSetupForm(taxNames: DefaultTaxNames): SetupForm {
  return {
    company: { name: '', taxNumber: '', currency: 'CNY', pricesIncludeTax: true },
    stores: [newStore(0)],
    useCentralWarehouse: false,
    centralWarehouse: { code: 'WH01', name: '' },
    taxRates: [
      { uid: newUid(), name: taxNames.standard, percent: '13' },
      { uid: newUid(), name: taxNames.reduced, percent: '9' },
      { uid: newUid(), name: taxNames.services, percent: '6' },
      { uid: newUid(), name: taxNames.zero, percent: '0' },
    ],
    owner: { username: '', displayName: '', password: '', passwordConfirm: '' },
  };
}

/**
 * "13" → 1300, "6.5" → 650, "0" → 0; null for anything that is not a percentage from
 * 0 to 100 with at most two decimals. Parsed as a scaled decimal, never via a float,
 * so "0.07" is exactly 7 basis points.
 */
export function percentToBasisPoints(text: string): number | null {
  const trimmed = text.trim().replace(/\s*%$/, '');
  let bp: number;
  try {
    bp = parseScaledDecimal(trimmed, 2, 'tax rate');
  } catch {
    return null;
  }
  return bp >= 0 && bp <= 10_000 ? bp : null;
}

/** The request body as the API wants it; bad percentages become NaN (validation flags them). */
export function toSetupRequest(form: SetupForm): SetupRequest {
  return {
    company: {
      name: form.company.name,
      taxNumber: form.company.taxNumber,
      currency: form.company.currency.trim().toUpperCase(),
      pricesIncludeTax: form.company.pricesIncludeTax,
    },
    stores: form.stores.map(({ code, name, warehouseName }) => ({ code, name, warehouseName })),
    centralWarehouse: form.useCentralWarehouse ? { ...form.centralWarehouse } : null,
    taxRates: form.taxRates.map((r) => ({ name: r.name, rateBasisPoints: percentToBasisPoints(r.percent) ?? Number.NaN })),
    owner: {
      username: form.owner.username,
      displayName: form.owner.displayName,
      password: form.owner.password,
    },
  };
}
