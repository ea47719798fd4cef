/**
 * The buyer as the person printing an invoice types it in: a walk-in customer has no
 * record to take it from. The seller's details come from the company settings.
 */
export const BUYER_FIELDS = ['buyerName', 'buyerTaxNumber', 'buyerAddress', 'buyerPhone', 'buyerBankName', 'buyerBankAccount'] as const;
export type BuyerDetails = Record<(typeof BUYER_FIELDS)[number], string>;

export function emptyBuyer(): BuyerDetails {
  return Object.fromEntries(BUYER_FIELDS.map((k) => [k, ''])) as BuyerDetails;
}

/** The query the API takes: only fields with something in them. */
export function buyerQuery(details: BuyerDetails): Record<string, string> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
}
