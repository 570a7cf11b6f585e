import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Password hashing (argon2id with the library's defaults) behind one small adapter. */
export const passwords = {
  hash: (plain: string) => hash(plain),
  verify: (stored: string, plain: string) => verify(stored, plain).catch(() => false),
};

/** Rules a new password must meet; returns the reason it is refused, or null. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 8) {
    return '密码至少 8 位';
  }
  if (password.length > 128) {
    return '密码最多 128 位';
  }
  if (password.toLowerCase() === username.toLowerCase()) {
    return '密码不能与用户名相同';
  }
  return null;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A temporary password for a reset: 12 characters without look-alikes (0/O, 1/l/I). */
export function temporaryPassword(): string {
  let out = '';
  for (let i = 0; i < 12; i++) {
    out += ALPHABET[randomInt(ALPHABET.length)];
  }
  return out;
}
