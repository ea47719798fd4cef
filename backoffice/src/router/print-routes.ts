import type { RouteRecordRaw } from 'vue-router';

/**
 * Pages made to be printed: no menu or header, only the sheet and a toolbar that the
 * print CSS hides. Each needs the permission that reads the document it prints.
 */
export const PRINT_ROUTES: RouteRecordRaw[] = [
  { path: '/print/labels', name: 'printLabels', component: () => import('../features/labels/PrintLabelsPage.vue'), meta: { permission: 'catalogue.read' } },
];
