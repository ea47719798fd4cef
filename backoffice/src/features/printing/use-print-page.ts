import { onBeforeUnmount, watchEffect } from 'vue';

/**
 * Sets the printed page size for as long as a print page is shown. `@page` cannot be
 * scoped to a component and differs per document (A4, a 40 × 30 mm label), so the rule
 * goes into a style element of its own that leaves with the page.
 */
export function usePrintPageStyle(size: () => string, margin: () => string = () => '0'): void {
  const style = document.createElement('style');
  style.dataset.printPage = '';
  document.head.appendChild(style);
  watchEffect(() => {
    style.textContent = `@page { size: ${size()}; margin: ${margin()}; }`;
  });
  onBeforeUnmount(() => style.remove());
}
