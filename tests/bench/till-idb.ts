import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser } from '../browser/harness.ts';
import type { BenchResult } from './journal-posting.ts';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 200_000);
const root = fileURLToPath(new URL('./idb/', import.meta.url));

/**
 * The till's catalogue code (pos/src/db) bundled into a page and run in headless
 * Chromium against a real IndexedDB holding 200,000 products: barcode lookup and name
 * search beside the raw IndexedDB index read of the same key in the same run, the first
 * full load beside raw puts, and committing a sale (sale + outbox in one transaction).
 */
export async function benchTillIndexedDb(): Promise<BenchResult[]> {
  const out = mkdtempSync(join(tmpdir(), 'shopbook-idb-bench-'));
  await build({ root, logLevel: 'warn', build: { outDir: out, emptyOutDir: true, minify: true } });
  const server = createServer((req, res) => {
    const path = join(out, req.url === '/' ? 'index.html' : (req.url ?? '').split('?')[0]!);
    const type = { '.html': 'text/html', '.js': 'text/javascript' }[extname(path)] ?? 'application/octet-stream';
    res.setHeader('content-type', type);
    createReadStream(path).on('error', () => res.writeHead(404).end()).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.title === 'ready');
    type Bench = {
      load(n: number): Promise<number>;
      rawLoad(n: number): Promise<number>;
      barcode(s: number, n: number): Promise<{ p95: number; rawP95: number }>;
      prefix(s: number): Promise<{ p95: number; rawP95: number }>;
      commit(s: number): Promise<{ p95: number; median: number }>;
    };
    const call = <T>(fn: string, ...args: number[]) =>
      page.evaluate(([f, a]) => ((window as unknown as { bench: Record<string, (...x: number[]) => Promise<unknown>> }).bench[f as string]!(...(a as number[]))), [fn, args] as const) as Promise<T>;
    const loadMs = await call<number>('load', PRODUCTS);
    const rawLoadMs = await call<number>('rawLoad', PRODUCTS);
    const barcode = await call<{ p95: number; rawP95: number }>('barcode', 500, PRODUCTS);
    const prefix = await call<{ p95: number; rawP95: number }>('prefix', 200);
    const commit = await call<{ p95: number; median: number }>('commit', 200);
    const k = `${PRODUCTS / 1000}k products`;
    return [
      { name: `till: first catalogue load, ${k} (target ≤ 30 s)`, figure: `${(loadMs / 1000).toFixed(1)} s`, baseline: `${(rawLoadMs / 1000).toFixed(1)} s raw IndexedDB puts (extrapolated from 20k)`, ratio: rawLoadMs / loadMs },
      { name: `till: barcode lookup p95, ${k} (target ≤ 50 ms)`, figure: `${barcode.p95.toFixed(2)} ms`, baseline: `${barcode.rawP95.toFixed(2)} ms raw index get`, ratio: barcode.rawP95 / barcode.p95 },
      { name: `till: name/pinyin prefix search p95, first 20, ${k} (target ≤ 100 ms)`, figure: `${prefix.p95.toFixed(2)} ms`, baseline: `${prefix.rawP95.toFixed(2)} ms raw index range`, ratio: prefix.rawP95 / prefix.p95 },
      { name: 'till: commit a sale (sale + outbox event, one transaction) p95 (target ≤ 50 ms)', figure: `${commit.p95.toFixed(2)} ms`, baseline: `median ${commit.median.toFixed(2)} ms`, ratio: commit.median / commit.p95 },
    ];
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
}
