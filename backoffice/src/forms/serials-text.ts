import { normaliseSerial, serialCountProblem } from '@shopbook/shared';

/**
 * Serial numbers as people enter them: scanned one per line (a scanner ends each with
 * Enter), or typed separated by commas or spaces. Blank entries are dropped; the shared
 * schema then judges each serial exactly as the API will.
 */
export function parseSerialsText(text: string): string[] {
  return text
    .split(/[\s,;，；]+/)
    .map(normaliseSerial)
    .filter((s) => s !== '');
}

/** Why the serials typed for a line do not fit its quantity (null when they do or the quantity is not yet a number). */
export function serialsTextProblem(serialTracked: boolean, qty: string, text: string): string | null {
  if (!serialTracked) return null;
  const q = qty.trim();
  if (!/^-?\d+(\.\d+)?$/.test(q)) return null;
  return serialCountProblem(true, q, parseSerialsText(text));
}

/** Errors about one serial of a line (`lines.0.serials.3`) shown where the serials are typed (`lines.0.serials`). */
export function foldSerialErrors<E>(errors: Record<string, E>): Record<string, E> {
  for (const key of Object.keys(errors)) {
    const m = /^(.*\.serials)\.\d+$/.exec(key);
    if (!m) continue;
    errors[m[1]!] ??= errors[key]!;
    delete errors[key];
  }
  return errors;
}
