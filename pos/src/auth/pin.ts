/**
 * Offline PIN check. The server stores `pbkdf2-sha256$<iterations>$<salt>$<hash>` (salt and
 * a 32-byte hash in base64url) and the pull hands it to the till, so a cashier can unlock
 * with no network. WebCrypto's PBKDF2 is native code: 100 000+ iterations take tens of
 * milliseconds on a tablet, which is what makes a stolen hash slow to brute-force.
 */
export interface PinHash {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array<ArrayBuffer>;
}

export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Reads the stored form; null for anything else (then no PIN can match). */
export function parsePinHash(stored: string): PinHash | null {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== 'pbkdf2-sha256') return null;
  const iterations = Number(parts[1]);
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > 10_000_000) return null;
  try {
    const salt = base64UrlToBytes(parts[2]!);
    const hash = base64UrlToBytes(parts[3]!);
    if (salt.length === 0 || hash.length !== 32) return null;
    return { iterations, salt, hash };
  } catch {
    return null;
  }
}

export async function derivePinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** Compares every byte whatever the first difference, so timing says nothing about the hash. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export async function verifyPin(pin: string, stored: string | null): Promise<boolean> {
  if (!stored || !/^\d{4,12}$/.test(pin)) return false;
  const parsed = parsePinHash(stored);
  if (!parsed) return false;
  return equalBytes(await derivePinKey(pin, parsed.salt, parsed.iterations), parsed.hash);
}

/** Builds a stored hash, for tests and fixtures (the server makes the real ones). */
export async function hashPin(pin: string, iterations = 1000, salt?: Uint8Array<ArrayBuffer>): Promise<string> {
  const s = salt ?? crypto.getRandomValues(new Uint8Array(new ArrayBuffer(16)));
  const hash = await derivePinKey(pin, s, iterations);
  return `pbkdf2-sha256$${iterations}$${bytesToBase64Url(s)}$${bytesToBase64Url(hash)}`;
}
