import { decodeEscPos, escPosBytes, escPosSupported, LayoutBuilder } from '@shopbook/shared';
import { expect, it } from 'vitest';

it('installs the npm Buffer where the runtime has none, and escpos-buffer then makes bytes with it', async () => {
  const scope = globalThis as { Buffer?: unknown };
  const nodeBuffer = scope.Buffer;
  Reflect.deleteProperty(scope, 'Buffer');
  try {
    // A browser, as far as escpos-buffer can tell.
    expect(escPosSupported()).toBe(false);
    await import('./buffer-global.ts');
    expect(escPosSupported()).toBe(true);
    expect(scope.Buffer).not.toBe(nodeBuffer);

    const layout = new LayoutBuilder(32).drawer().text('小票 Receipt', { align: 'center' }).cut().build('t');
    const decoded = decodeEscPos(await escPosBytes(layout));
    expect(decoded.items).toEqual([
      { kind: 'drawer' },
      { kind: 'line', text: '小票 Receipt', align: 'center', bold: false, size: 1 },
      { kind: 'cut' },
    ]);
  } finally {
    scope.Buffer = nodeBuffer;
  }
});
