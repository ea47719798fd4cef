import { describe, expect, it } from 'vitest';
import { EscPosDecodeError, decodeEscPos, decodedText } from './escpos-decoder.ts';

const bytes = (...parts: (number | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p].map((c) => c.charCodeAt(0)))));

describe('ESC/POS decoder', () => {
  it('reads lines with their alignment, bold and size, and GB18030 text in Chinese mode', () => {
    const gb = [0xd6, 0xd0, 0xce, 0xc4]; // 中文
    const decoded = decodeEscPos(
      bytes(0x1b, '@', 0x1c, '&', 0x1b, 'a', 1, 0x1d, '!', 0x11, 0x1b, 'E1', ...gb, '\r\n', 0x1b, 'E0', 0x1d, '!', 0, 0x1b, 'a', 0, 'plain', 0x0a, 0x0a),
    );
    expect(decoded.items).toEqual([
      { kind: 'line', text: '中文', align: 'center', bold: true, size: 2 },
      { kind: 'line', text: 'plain', align: 'left', bold: false, size: 1 },
      { kind: 'line', text: '', align: 'left', bold: false, size: 1 },
    ]);
    expect(decoded.lines).toEqual(['中文', 'plain', '']);
    expect(decodedText(decoded, 32)).toEqual(['      中文', 'plain', '']);
  });

  it('reads feeds, ESC ! print modes, QR codes, Code 128 in all code sets, drawer kicks and cuts', () => {
    const qrData = 'SALE-1';
    const store = [0x1d, '(k', qrData.length + 3, 0, '1P0', qrData];
    const decoded = decodeEscPos(
      bytes(
        0x1b, '!', 0x38, 'big', 0x0a, 0x1b, '!', 0,
        0x1b, 'd', 3,
        0x1d, '(k', 4, 0, '1A2', 0, 0x1d, '(k', 3, 0, '1C', 5, 0x1d, '(k', 3, 0, '1E0', ...store, 0x1d, '(k', 3, 0, '1Q0',
        0x1d, 'k', 73, 9, '{Bab{{', '{C', 12,
        0x1d, 'k', 2, '4006381333931', 0,
        0x1b, 'p', 0, 25, 250,
        0x1d, 'V', 1,
      ),
    );
    expect(decoded.items).toEqual([
      { kind: 'line', text: 'big', align: 'left', bold: true, size: 2 },
      { kind: 'feed', lines: 3 },
      { kind: 'qr', data: 'SALE-1' },
      { kind: 'barcode', symbology: 'code128', data: 'ab{12' },
      { kind: 'barcode', symbology: 'other', data: '4006381333931' },
      { kind: 'drawer' },
      { kind: 'cut' },
    ]);
    expect(decoded.ops).toContainEqual({ op: 'qr', data: 'SALE-1', model: 2, moduleSize: 5, errorLevel: 48 });
    expect(decoded.ops).toContainEqual({ op: 'drawer', pin: 2, onMs: 50, offMs: 500 });
    expect(decoded.ops.at(-1)).toEqual({ op: 'cut', mode: 'partial', feedToCutter: false, feed: 0 });
  });

  it('prints pending text when a feed or cut comes without a line feed', () => {
    expect(decodeEscPos(bytes('tail', 0x1b, 'd', 2)).items).toEqual([
      { kind: 'line', text: 'tail', align: 'left', bold: false, size: 1 },
      { kind: 'feed', lines: 1 },
    ]);
    expect(decodeEscPos(bytes('end', 0x1d, 'V', 66, 0)).items.map((i) => i.kind)).toEqual(['line', 'cut']);
  });

  it('refuses what it does not understand, saying where', () => {
    const fail = (data: Uint8Array) => {
      try {
        decodeEscPos(data);
      } catch (error) {
        expect(error).toBeInstanceOf(EscPosDecodeError);
        return (error as EscPosDecodeError).message;
      }
      throw new Error('decoded');
    };
    expect(fail(bytes('ok', 0x1b, 'Z'))).toBe('unknown command ESC 0x5a at byte 2');
    expect(fail(bytes(0x1d, '(k', 10, 0, '1P0'))).toBe('command needs 10 more byte(s), only 3 left at byte 5');
    expect(fail(bytes(0x07))).toBe('unexpected control byte 0x07 at byte 0');
    expect(fail(bytes(0xd6, 0xd0, 0x0a))).toBe('text byte 0xd6 outside ASCII without Chinese mode (FS &) at byte 0');
    expect(fail(bytes(0x1c, '&', 0xd6, 0x0a))).toMatch(/not valid GB18030/);
    expect(fail(bytes(0x1b, 'a', 5))).toBe('ESC a 5 is not an alignment at byte 0');
    expect(fail(bytes(0x1d, 'k', 73, 2, 'ab'))).toMatch(/code set/);
  });
});
