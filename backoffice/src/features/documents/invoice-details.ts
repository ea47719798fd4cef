/**
 * What the person printing an invoice types in: the buyer (a walk-in customer has no
 * record), and the seller's address and bank, which the company settings do not hold yet.
 * The seller's part is remembered in this browser so it is typed once.
 */
export interface InvoiceDetails {
  buyerName: string;
  buyerTaxNumber: string;
  buyerAddress: string;
  buyerPhone: string;
  buyerBankName: string;
  buyerBankAccount: string;
  sellerAddress: string;
  sellerPhone: string;
  sellerBankName: string;
  sellerBankAccount: string;
}

export const BUYER_FIELDS = ['buyerName', 'buyerTaxNumber', 'buyerAddress', 'buyerPhone', 'buyerBankName', 'buyerBankAccount'] as const;
export const SELLER_FIELDS = ['sellerAddress', 'sellerPhone', 'sellerBankName', 'sellerBankAccount'] as const;
const KEY = 'shopbook.invoiceSeller';

export function emptyDetails(): InvoiceDetails {
  return Object.fromEntries([...BUYER_FIELDS, ...SELLER_FIELDS].map((k) => [k, ''])) as unknown as InvoiceDetails;
}

export function loadSellerDetails(storage: Pick<Storage, 'getItem'> = localStorage): Partial<InvoiceDetails> {
  try {
    const saved = JSON.parse(storage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    return Object.fromEntries(SELLER_FIELDS.filter((k) => typeof saved[k] === 'string').map((k) => [k, saved[k] as string]));
  } catch {
    return {};
  }
}

export function saveSellerDetails(details: InvoiceDetails, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(Object.fromEntries(SELLER_FIELDS.map((k) => [k, details[k]]))));
}

/** The query the API takes: only fields with something in them. */
export function detailsQuery(details: InvoiceDetails): Record<string, string> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
}
