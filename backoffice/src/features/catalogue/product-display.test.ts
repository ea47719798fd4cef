import { describe, expect, it } from 'vitest';
import { barcodeLabel, basisPointsToPercent } from './product-display.ts';

describe('product display', () => {
  it('shows tax rates as percentages', () => {
    expect(basisPointsToPercent(1300)).toBe('13%');
    expect(basisPointsToPercent(650)).toBe('6.5%');
    expect(basisPointsToPercent(5)).toBe('0.05%');
    expect(basisPointsToPercent(0)).toBe('0%');
  });

  it('marks pack barcodes with their quantity', () => {
    expect(barcodeLabel({ barcode: '6901234567892', packQty: '1' })).toBe('6901234567892');
    expect(barcodeLabel({ barcode: '16901234567899', packQty: '12.000' })).toBe('16901234567899 ×12');
  });
});
