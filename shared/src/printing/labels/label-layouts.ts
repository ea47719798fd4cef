/**
 * Label stock the back office prints on, in millimetres. A sheet layout places labels in
 * a grid from the page's top-left margin; a roll layout is one label per page, which is
 * how label printers' drivers take a roll (the page is the label).
 */
export interface LabelLayout {
  id: LabelLayoutId;
  page: { width: number; height: number };
  label: { width: number; height: number };
  columns: number;
  rows: number;
  margin: { top: number; left: number };
  gap: { x: number; y: number };
}

export const LABEL_LAYOUT_IDS = ['a4-3x8', 'a4-4x10', 'roll-40x30', 'roll-60x40'] as const;
export type LabelLayoutId = (typeof LABEL_LAYOUT_IDS)[number];

export const LABEL_LAYOUTS: Record<LabelLayoutId, LabelLayout> = {
  // 24 labels of 70 × 37 mm filling A4 edge to edge across (3 × 70 = 210), 0.5 mm top and bottom.
  'a4-3x8': { id: 'a4-3x8', page: { width: 210, height: 297 }, label: { width: 70, height: 37 }, columns: 3, rows: 8, margin: { top: 0.5, left: 0 }, gap: { x: 0, y: 0 } },
  // 40 labels of 48.5 × 25.4 mm, common for small shelf-edge prices.
  'a4-4x10': { id: 'a4-4x10', page: { width: 210, height: 297 }, label: { width: 48.5, height: 25.4 }, columns: 4, rows: 10, margin: { top: 21.5, left: 8 }, gap: { x: 0, y: 0 } },
  'roll-40x30': { id: 'roll-40x30', page: { width: 40, height: 30 }, label: { width: 40, height: 30 }, columns: 1, rows: 1, margin: { top: 0, left: 0 }, gap: { x: 0, y: 0 } },
  'roll-60x40': { id: 'roll-60x40', page: { width: 60, height: 40 }, label: { width: 60, height: 40 }, columns: 1, rows: 1, margin: { top: 0, left: 0 }, gap: { x: 0, y: 0 } },
};

export function labelsPerPage(layout: LabelLayout): number {
  return layout.columns * layout.rows;
}

/** Top-left corner of the label in slot `slot` (0-based, row by row) of a page. */
export function slotPosition(layout: LabelLayout, slot: number): { x: number; y: number } {
  const col = slot % layout.columns;
  const row = Math.floor(slot / layout.columns);
  return {
    x: layout.margin.left + col * (layout.label.width + layout.gap.x),
    y: layout.margin.top + row * (layout.label.height + layout.gap.y),
  };
}

/** Whether the grid fits on its page (a layout added by hand could be wrong). */
export function layoutFits(layout: LabelLayout): boolean {
  const right = slotPosition(layout, layout.columns - 1).x + layout.label.width;
  const bottom = slotPosition(layout, labelsPerPage(layout) - 1).y + layout.label.height;
  return right <= layout.page.width + 1e-9 && bottom <= layout.page.height + 1e-9;
}
