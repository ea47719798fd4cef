/**
 * A serial receipt printer as the page sees it through Web Serial, installed before the
 * till's own scripts run: it keeps every byte written to it in `window.fakePrinter`, and
 * throws while `down` is set, as an unplugged printer does.
 */
export function fakeSerialPrinter(): void {
  const state = { written: [] as number[], down: false, opens: 0 };
  const port = {
    getInfo: () => ({ usbVendorId: 0x0416, usbProductId: 0x5011 }),
    open: async () => {
      state.opens += 1;
    },
    close: async () => undefined,
    get writable() {
      return new WritableStream<Uint8Array>({
        write(chunk) {
          if (state.down) throw new DOMException('The device has been lost.', 'NetworkError');
          state.written.push(...chunk);
        },
      });
    },
  };
  Object.defineProperty(navigator, 'serial', { configurable: true, value: { getPorts: async () => [port], requestPort: async () => port } });
  (window as unknown as { fakePrinter: typeof state }).fakePrinter = state;
}
