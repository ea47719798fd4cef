// Shelf and product labels: stock sizes, pages of labels, and their barcodes as SVG.
export * from './barcode-svg.ts';
export * from './label-layouts.ts';
export * from './label-sheet.ts';
export { ean13Modules, isEan13 } from '../../barcode/ean13.ts';
