import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecrets } from './secrets.js';

describe('secrets', () => {
  const secrets = createSecrets(randomBytes(32));

  it('encrypts with a fresh IV and decrypts', () => {
    const a = secrets.encrypt('411302195803120137');
    const b = secrets.encrypt('411302195803120137');
    expect(a).not.toBe(b);
    expect(a).not.toContain('411302');
    expect(secrets.decrypt(a)).toBe('411302195803120137');
  });

  it('detects tampering', () => {
    const stored = secrets.encrypt('13800000000');
    const tampered = `${stored.slice(0, -4)}AAAA`;
    expect(() => secrets.decrypt(tampered)).toThrow();
  });

  it('hashes stably per key, differently across keys', () => {
    expect(secrets.hash('x')).toBe(secrets.hash('x'));
    expect(createSecrets(randomBytes(32)).hash('x')).not.toBe(secrets.hash('x'));
  });
});
