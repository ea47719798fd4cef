import { z } from 'zod';

/**
 * An A4 business document laid out for print: every text already in the reader's
 * language and every amount formatted, so the back office's HTML and the API's PDF show
 * the same words and figures from one object and neither formats anything itself.
 */
export const DOCUMENT_KINDS = ['sales-invoice', 'credit-note', 'customer-statement', 'purchase-order', 'purchase-receipt', 'goods-receipt', 'delivery-note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const field = z.object({ label: z.string(), value: z.string() });
const column = z.object({ key: z.string(), label: z.string(), align: z.enum(['left', 'right', 'center']), width: z.number() });
const table = z.object({ columns: z.array(column), rows: z.array(z.record(z.string(), z.string())) });

export const printDocumentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  language: z.enum(['zh-CN', 'en']),
  /** The issuer, printed above the title. */
  issuer: z.string(),
  title: z.string(),
  number: z.string(),
  /** Fields beside the number: date, status, order, warehouse. */
  meta: z.array(field),
  /** Boxes of who is who: seller and buyer, supplier and ship-to, from and to. */
  parties: z.array(z.object({ heading: z.string(), fields: z.array(field) })),
  lines: table,
  /** Right-aligned under the lines. */
  totals: z.array(field.extend({ strong: z.boolean() })),
  /** Per tax rate: net, tax, gross. */
  taxSummary: table.nullable(),
  amountInWords: z.object({ label: z.string(), zh: z.string(), en: z.string(), figure: z.string() }).nullable(),
  notes: z.array(z.string()),
  /** Captions of the signature boxes at the foot. */
  signatures: z.array(z.string()),
});
export type PrintDocument = z.infer<typeof printDocumentSchema>;
export type DocumentTable = PrintDocument['lines'];
export type DocumentField = z.infer<typeof field>;

/** Column widths are relative weights; renderers share them out over the printable width. */
export function col(key: string, label: string, width: number, align: 'left' | 'right' | 'center' = 'left') {
  return { key, label, width, align };
}

/** Drops fields with nothing to say, so an empty address leaves no bare label. */
export function present(fields: DocumentField[]): DocumentField[] {
  return fields.filter((f) => f.value.trim() !== '');
}
