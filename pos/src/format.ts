/**
 * Minor units (分) to a display string with `fractionDigits` decimals, using integer
 * arithmetic only. Stand-in until shared/ exports its money formatting.
 */
export function formatMinor(minor: number, fractionDigits = 2): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`money must be an integer of minor units: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (fractionDigits === 0) return `${sign}${abs}`;
  const scale = 10 ** fractionDigits;
  const whole = Math.floor(abs / scale);
  const frac = String(abs % scale).padStart(fractionDigits, '0');
  return `${sign}${whole}.${frac}`;
}
