import { describe, expect, it } from 'vitest';
import { passwordProblem, passwords, temporaryPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await passwords.hash('correct horse');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await passwords.verify(hash, 'correct horse')).toBe(true);
    expect(await passwords.verify(hash, 'wrong horse')).toBe(false);
    expect(await passwords.verify('not-a-hash', 'x')).toBe(false);
  });

  it('refuses short passwords and the username', () => {
    expect(passwordProblem('short', 'alice')).toMatch(/8/);
    expect(passwordProblem('Alice123', 'alice123')).toMatch(/用户名/);
    expect(passwordProblem('long enough', 'alice')).toBeNull();
  });

  it('makes temporary passwords without look-alike characters', () => {
    const password = temporaryPassword();
    expect(password).toHaveLength(12);
    expect(password).not.toMatch(/[0O1lI]/);
    expect(temporaryPassword()).not.toBe(password);
  });
});
