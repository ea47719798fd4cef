import { salesInvoiceDocument } from '@shopbook/shared';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { documentPdf } from './pdf.ts';

const PARTY = { name: '示范超市', taxNumber: '91310000MA1FL0001X', address: '上海市黄浦区人民大道 100 号', phone: '', bankName: '', bankAccount: '' };

type Item = { str: string; y: number };

async function pageItems(bytes: Buffer): Promise<Item[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const pages: Item[][] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const items = (await (await pdf.getPage(i)).getTextContent()).items;
    pages.push(items.flatMap((it) => ('str' in it ? [{ str: it.str, y: it.transform[5] as number }] : [])));
  }
  return pages;
}

describe('document PDF', () => {
  it('runs a long invoice over pages with the lines’ header on each, every line once, and the words at the end', async () => {
    const lines = Array.from({ length: 70 }, (_, i) => ({
      name: `${i % 2 ? '可口可乐 Coca-Cola 330ml' : 'A long English name that wraps inside its cell, 康师傅冰红茶'} #${i}#`,
      sku: `SKU-${i}`, unit: 'each', qty: '1', taxRateBp: 1300, net: 100, tax: 13, gross: 113,
    }));
    const doc = salesInvoiceDocument({ number: 'N-1', issuedAt: '2026-03-05', reference: 'R', storeName: '', seller: PARTY, buyer: PARTY, lines, currency: 'CNY', language: 'zh-CN' });
    const bytes = await documentPdf(doc);
    const items = await pageItems(bytes);
    const pages = items.map((p) => p.map((i) => i.str).join(''));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of items.filter((p) => p.some((i) => /#\d+#/.test(i.str)))) {
      // The header is there, and above every line (PDF y grows upwards): no line is drawn under it.
      const header = page.find((i) => i.str.includes('货物或应税劳务名称'));
      expect(header).toBeDefined();
      const highestLine = Math.max(...page.filter((i) => /#\d+#/.test(i.str) || i.str.includes('SKU-')).map((i) => i.y));
      expect(header!.y).toBeGreaterThan(highestLine + 8);
    }
    const all = pages.join('');
    for (let i = 0; i < 70; i++) expect(all.split(`#${i}#`).length - 1, `line ${i}`).toBe(1);
    expect(pages.at(-1)).toContain('柒拾玖元壹角整');
  });

  it('stays small: only the glyphs used are embedded', async () => {
    const doc = salesInvoiceDocument({ number: 'N-2', issuedAt: '2026-03-05', reference: 'R', storeName: '', seller: PARTY, buyer: PARTY, lines: [], currency: 'CNY', language: 'zh-CN' });
    expect((await documentPdf(doc)).length).toBeLessThan(60_000);
  });
});
