import { lineAmount, lineTax, parseQuantity, type SaleV1 } from '@shopbook/shared';
import { DomainError } from '../../http/errors.ts';

/**
 * The server re-checks the till's arithmetic with the same shared rules: a sale whose
 * figures do not add up is rejected for a manager to look at, never silently fixed.
 */
export function verifySaleTotals(sale: SaleV1): void {
  let net = 0;
  let tax = 0;
  let gross = 0;
  let discount = 0;
  sale.lines.forEach((l, i) => {
    const amount = lineAmount(parseQuantity(l.qty), l.unitPrice) - l.discount;
    if (amount < 0) throw new DomainError('unprocessable', `line ${i + 1}: discount exceeds the line amount`);
    const split = lineTax(amount, l.taxRateBp, sale.pricesIncludeTax);
    if (split.net !== l.net || split.tax !== l.tax || split.gross !== l.gross) {
      throw new DomainError('unprocessable', `line ${i + 1}: figures do not add up (expected net ${split.net}, tax ${split.tax}, gross ${split.gross})`);
    }
    if (l.unitPrice !== l.listPrice && !l.overrideReason) throw new DomainError('unprocessable', `line ${i + 1}: a price override needs a reason`);
    net += l.net;
    tax += l.tax;
    gross += l.gross;
    discount += l.discount;
  });
  const t = sale.totals;
  if (t.net !== net || t.tax !== tax || t.gross !== gross || t.discount !== discount) {
    throw new DomainError('unprocessable', `totals do not match the lines (net ${net}, tax ${tax}, gross ${gross}, discount ${discount})`);
  }
  const paid = sale.payments.reduce((s, p) => s + p.amount, 0);
  if (paid !== gross) throw new DomainError('unprocessable', `payments ${paid} do not equal the total ${gross}`);
}
