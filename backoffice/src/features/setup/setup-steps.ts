/**
 * The wizard's steps and the request fields each one edits. A field path from the schema
 * or from the API (`stores.1.code`) finds its step by its first segment.
 */
export const SETUP_STEPS = [
  { key: 'company', roots: ['company'] },
  { key: 'stores', roots: ['stores'] },
  { key: 'warehouse', roots: ['centralWarehouse'] },
  { key: 'taxRates', roots: ['taxRates'] },
  { key: 'owner', roots: ['owner'] },
] as const;

export type SetupStepKey = (typeof SETUP_STEPS)[number]['key'];

/** Index of the step that edits `field`, or -1 when no step does. */
export function stepOfField(field: string): number {
  const root = field.split('.')[0] ?? '';
  return SETUP_STEPS.findIndex((s) => (s.roots as readonly string[]).includes(root));
}
