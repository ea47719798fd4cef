import { type TenderAmount, type ZReport, overShort } from '../sales/shift.ts';
import { LayoutBuilder, type ReceiptLayout } from './print-commands.ts';
import {
  type PrintOptions,
  type ReceiptStore,
  columnsOf,
  formatRate,
  formatReceiptDate,
  infoLines,
  labelsOf,
  moneyFormatter,
  storeHeader,
  valueTable,
} from './receipt-format.ts';

export interface ZReportContext {
  store: ReceiptStore;
  cashierName: string;
  tillName?: string | null;
  shiftId?: string | null;
  openedAt?: Date | string | null;
  closedAt: Date | string;
  /** What the cashier counted per tender; prints the over/short table when given. */
  counted?: readonly TenderAmount[] | null;
}

/** The end-of-shift Z report (from `zReport()` in sales/shift.ts) on the receipt printer. */
export function layoutZReport(report: ZReport, ctx: ZReportContext, options: PrintOptions = {}): ReceiptLayout {
  const L = labelsOf(options);
  const money = moneyFormatter(ctx.store.currency);
  const b = new LayoutBuilder(columnsOf(options));
  if (options.openDrawer) b.drawer();

  storeHeader(b, ctx.store, { ...options, header: options.header ?? null });
  b.text(L.zTitle, { align: 'center', bold: true, size: 2 });
  b.rule();
  infoLines(b, [
    [L.shift, ctx.shiftId],
    [L.till, ctx.tillName],
    [L.cashier, ctx.cashierName],
    [L.opened, ctx.openedAt ? formatReceiptDate(ctx.openedAt, options.timeZone) : null],
    [L.closed, formatReceiptDate(ctx.closedAt, options.timeZone)],
  ]);
  b.rule();

  b.row(`${L.salesCount} ${report.salesCount}`, money(report.sales.gross));
  b.row(`${L.returnsCount} ${report.returnsCount}`, money(-report.returns.gross));
  b.row(L.discounts, money(report.discounts));
  b.row(L.net, money(report.net));
  b.row(L.tax, money(report.tax));
  b.row(L.netSales, money(report.gross), { bold: true });
  b.rule();

  valueTable(
    b,
    [L.taxRate, L.net, L.tax],
    report.taxByRate.map((r) => [formatRate(r.rateBp), money(r.net), money(r.tax)]),
  );
  b.rule();

  valueTable(
    b,
    [L.tenderTable.tender, L.tenderTable.sales, L.tenderTable.refunds, L.tenderTable.net],
    report.tenders.map((t) => [L.tenders[t.tender], money(t.sales), money(-t.refunds), money(t.net)]),
    6,
  );
  b.rule();

  b.text(L.cash, { bold: true });
  b.row(`  ${L.openingFloat}`, money(report.cash.openingFloat));
  b.row(`  ${L.cashSales}`, money(report.cash.sales));
  b.row(`  ${L.cashTendered}`, money(report.cash.tendered));
  b.row(`  ${L.cashChange}`, money(-report.cash.change));
  b.row(`  ${L.cashRefunds}`, money(-report.cash.refunds));
  b.row(`  ${L.cashIn}`, money(report.cash.movementsIn));
  b.row(`  ${L.cashOut}`, money(-report.cash.movementsOut));
  b.row(L.cashExpected, money(report.cashExpected), { bold: true });
  b.rule();

  if (ctx.counted) {
    const { rows, total } = overShort(report.expected, ctx.counted);
    b.text(L.count.title, { bold: true });
    valueTable(
      b,
      [L.tenderTable.tender, L.count.expected, L.count.counted, L.count.difference],
      [
        ...rows.map((r) => [L.tenders[r.tender], money(r.expected), money(r.counted), money(r.difference)]),
        [L.count.total, money(total.expected), money(total.counted), money(total.difference)],
      ],
      6,
    );
    b.rule();
  }

  b.row(L.overrides, String(report.overrides));
  b.row(L.approvals, String(report.approvals));
  b.row(L.voids, String(report.voids));
  b.blank();
  b.cut();
  return b.build(`Z ${ctx.shiftId ?? formatReceiptDate(ctx.closedAt, options.timeZone)}`);
}
