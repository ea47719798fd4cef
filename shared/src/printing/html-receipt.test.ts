import { describe, expect, it } from 'vitest';
import { code128Svg } from './code128.ts';
import { escapeHtml, receiptHtml } from './html-receipt.ts';
import { LayoutBuilder } from './print-commands.ts';
import { layoutSaleReceipt } from './receipt-layout.ts';
import { mixedNamesSale, productNames, splitPaymentSale, store } from './test-fixtures.ts';

const ctx = { store, productNames, cashierName: '张三', occurredAt: '2026-03-02T10:00:00Z' };

/** The visible text of the page, tags dropped and entities undone. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('HTML receipt', () => {
  it('has the same content as the printed receipt', () => {
    const layout = layoutSaleReceipt(splitPaymentSale(), ctx, { paper: 58, timeZone: 'Asia/Shanghai' });
    const html = receiptHtml(layout);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>S01-T1-000123</title>');
    expect(html).toContain('style="width:58mm;font-size:10.63px"');
    const text = visibleText(html);
    for (const c of layout.commands) {
      if (c.kind !== 'line' || /^-+$/.test(c.text)) continue;
      for (const word of c.text.split(/ +/).filter(Boolean)) expect(text).toContain(word);
    }
    // Rows keep their proportions: label and amount cells of the 32 columns.
    expect(html).toContain('<div class="row"><span class="cell l" style="flex-basis:84.375%">银行卡 6222****1234</span><span class="cell r" style="min-width:15.625%">10.00</span></div>');
    expect(html).toContain('<div class="row b s2"><span class="cell l" style="flex-basis:68.750%">合计</span><span class="cell r" style="min-width:31.250%">22.74</span></div>');
    // Indents survive (white-space: pre-wrap).
    expect(html).toContain('<span class="cell l" style="flex-basis:87.500%">  2 x 3.50</span>');
    expect(html).toContain('<div class="line b s2 c">好邻居便利店</div>');
    expect(html.match(/<div class="rule"><\/div>/g)?.length).toBeGreaterThanOrEqual(5);
    // The QR code becomes a Code 128 of the receipt number; no scripts, no external resources.
    expect(html).toContain(code128Svg('S01-T1-000123'));
    expect(html).not.toMatch(/<script|src=|href=/i);
    expect(html).toMatch(/@media print/);
  });

  it('uses 80 mm for wide layouts and prints table cells at their proportions', () => {
    const html = receiptHtml(layoutSaleReceipt(mixedNamesSale(), ctx, { paper: 80, language: 'en' }), { lang: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('style="width:80mm;font-size:9.97px"');
    expect(html).toContain('>西湖龙井茶叶（明前特级）礼</span>');
  });

  it('escapes whatever a product name holds', () => {
    const layout = new LayoutBuilder(32).text('<img onerror="alert(1)"> & co').barcode('A<B').build('<b>t</b>');
    const html = receiptHtml(layout);
    expect(html).toContain('&lt;img onerror=&quot;alert(1)&quot;&gt; &amp; co');
    expect(html).toContain('<title>&lt;b&gt;t&lt;/b&gt;</title>');
    expect(html).not.toContain('<img');
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });
});
