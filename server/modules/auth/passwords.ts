/** Password hashing (Argon2id) and the password policy. */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { errors } from '../../errors.js';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** At least 8 characters, with a letter and a digit, at most 128. */
export function checkPasswordPolicy(password: string): void {
  if (password.length < 8 || password.length > 128 || !/\p{L}/u.test(password) || !/\d/.test(password)) {
    throw errors.badRequest(
      'WEAK_PASSWORD',
      'Mật khẩu phải có từ 8 đến 128 ký tự, gồm cả chữ và số.',
      'The password must be 8 to 128 characters long and contain letters and digits.',
    );
  }
}

/** A random password that passes the policy (for first start and resets). */
export function randomPassword(): string {
  return randomBytes(12).toString('base64url').replace(/[-_]/g, 'x') + '7a';
}
