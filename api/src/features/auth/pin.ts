import { pbkdf2, randomBytes } from 'node:crypto';

/**
 * Till PINs are checked offline by the browser with WebCrypto, which offers PBKDF2 but
 * not scrypt; the format names the algorithm and its parameters so they can change.
 * A PIN is short, so the real protection is the till's lock-out after wrong tries.
 */
export const PIN_ITERATIONS = 100_000;

export function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    pbkdf2(pin, salt, PIN_ITERATIONS, 32, 'sha256', (err, key) =>
      err ? reject(err) : resolve(`pbkdf2-sha256$${PIN_ITERATIONS}$${salt.toString('base64url')}$${key.toString('base64url')}`),
    ),
  );
}

export function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split('$');
  if (scheme !== 'pbkdf2-sha256' || !iterations || !salt || !hash) return Promise.resolve(false);
  return new Promise((resolve, reject) =>
    pbkdf2(pin, Buffer.from(salt, 'base64url'), Number(iterations), 32, 'sha256', (err, key) =>
      err ? reject(err) : resolve(key.toString('base64url') === hash),
    ),
  );
}
