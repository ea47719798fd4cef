import { z } from 'zod';

const int = z.number().int();

/**
 * VAT per rate for a date range, for filing. Output tax: till sales less till returns,
 * plus customer invoices billed from shipments less their credit notes (an invoice for a
 * till sale is the tax document of a sale already counted). Input tax: posted supplier
 * invoices, and expense documents with input VAT. Amounts in base-currency minor units;
 * rates in basis points (1300 = 13 %).
 */
export const taxReportRowSchema = z.object({
  /** Null for input VAT whose rate was not recorded (an expense document keeps only the tax). */
  taxRateBp: int.nullable(),
  outputNet: int,
  outputTax: int,
  inputNet: int,
  inputTax: int,
});
export type TaxReportRow = z.infer<typeof taxReportRowSchema>;

export const taxReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Highest rate first; the row without a rate last. */
  rows: z.array(taxReportRowSchema),
  totals: z.object({ outputNet: int, outputTax: int, inputNet: int, inputTax: int }),
  /** Output tax − input tax; negative when more input tax can be carried forward. */
  taxPayable: int,
});
export type TaxReport = z.infer<typeof taxReportSchema>;
