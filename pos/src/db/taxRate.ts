/** A tax rate as pulled (`tax-rates`); the products carry their rate already, this is for display. */
export interface TaxRateRecord {
  id: string;
  name: string;
  rateBp: number;
  revision: number;
}
