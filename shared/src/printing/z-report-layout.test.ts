import { describe, expect, it } from 'vitest';
import { zReport } from '../sales/shift.ts';
import { layoutText } from './print-commands.ts';
import { Z_REPORT_80_EN, colaReturn, mixedNamesSale, splitPaymentSale, store } from './test-fixtures.ts';
import { textWidth } from './text-width.ts';
import { layoutZReport } from './z-report-layout.ts';

const report = () =>
  zReport({
    sales: [splitPaymentSale(), mixedNamesSale()],
    returns: [colaReturn()],
    cashMovements: [{ amount: 5000, reason: 'float' }, { amount: -2000, reason: 'drop' }],
    openingFloat: 20000,
    voids: 1,
  });

describe('Z report layout', () => {
  it('prints the shift totals, tax per rate, tenders and the cash drawer on 80 mm paper', () => {
    const layout = layoutZReport(report(), { store, cashierName: 'Zhang', closedAt: '2026-03-02T10:00:00Z' }, { paper: 80, language: 'en', timeZone: 'Asia/Shanghai' });
    expect(layoutText(layout)).toEqual(Z_REPORT_80_EN);
    expect(layout.commands.some((c) => c.kind === 'drawer')).toBe(false);
  });

  it('stacks tables that do not fit narrow paper, and opens the drawer when asked', () => {
    const big = { ...report(), tenders: report().tenders.map((t) => ({ ...t, sales: 123456789, net: 123456789 })) };
    const layout = layoutZReport(big, { store, cashierName: 'Zhang', closedAt: '2026-03-02T10:00:00Z' }, { paper: 58, openDrawer: true });
    expect(layout.commands[0]).toEqual({ kind: 'drawer' });
    const text = layoutText(layout);
    expect(text).toContain('现金');
    expect(text).toContain(`  收款${' '.repeat(16)}1234567.89`);
    for (const l of text) expect(textWidth(l)).toBeLessThanOrEqual(32);
  });
});
