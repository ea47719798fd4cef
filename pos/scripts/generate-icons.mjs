#!/usr/bin/env node
// Draws the till's app icons (a white shopping bag on the theme colour) into
// public/icons/. Run it again only when the design changes: `node scripts/generate-icons.mjs`.
// No dependencies: a PNG is a signature, an IHDR chunk, zlib-deflated scanlines (IDAT)
// and IEND; each chunk ends with a CRC-32 of its type and data (PNG spec §5.3).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const THEME = [0x0f, 0x76, 0x6e]; // keep in step with THEME_COLOUR in vite.config.ts
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1). `scale` shrinks the bag towards the centre so the
// maskable icon keeps it inside the 80 % safe zone.
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function bag(x, y, scale) {
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  const body = roundedRect(u, v, 0.26, 0.38, 0.74, 0.8, 0.05);
  const d = Math.hypot(u - 0.5, v - 0.38);
  const handle = v <= 0.38 && d >= 0.1 && d <= 0.145;
  // a till-roll stripe cut out of the body
  const stripe = u >= 0.34 && u <= 0.66 && v >= 0.55 && v <= 0.6;
  return (body && !stripe) || handle;
}

function draw(size, { maskable }) {
  const rgba = Buffer.alloc(size * size * 4);
  const SS = 4; // 4×4 supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          const inBg = maskable || roundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2);
          if (!inBg) continue;
          bg++;
          if (bag(x, y, maskable ? 0.78 : 1)) fg++;
        }
      }
      const n = SS * SS;
      const i = (py * size + px) * 4;
      const a = bg / n;
      const f = bg ? fg / bg : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(THEME[c] * (1 - f) + WHITE[c] * f);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, rgba);
}

mkdirSync(OUT, { recursive: true });
const icons = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
  ['apple-touch-icon-180.png', 180, true],
  ['favicon-32.png', 32, false],
];
for (const [name, size, maskable] of icons) {
  writeFileSync(join(OUT, name), draw(size, { maskable }));
  console.log(`wrote ${join(OUT, name)}`);
}
