import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SetupError } from '../errors.js';

/**
 * Encryption at rest for sensitive personal information (ID numbers, phones): AES-256-GCM with a
 * random IV per value, and an HMAC-SHA256 keyed hash for exact lookup and matching. Both keys are
 * derived from one master key that comes from configuration, never from the repository.
 */
export interface Secrets {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** A stable keyed hash: equal inputs give equal hashes, so SQL can match on it. */
  hash(plain: string): string;
}

export function createSecrets(masterKey: Buffer): Secrets {
  if (masterKey.length !== 32) {
    throw new Error('the master key must be 32 bytes');
  }
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'shoudi/encrypt/v1', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'shoudi/hash/v1', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      const raw = Buffer.from(stored.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    hash(plain) {
      return createHmac('sha256', macKey).update(plain).digest('base64url');
    },
  };
}

function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new SetupError(
      `${source} 应为 32 字节的密钥：64 位十六进制或 base64（可用 openssl rand -hex 32 生成）`,
    );
  }
  return key;
}

/**
 * The master key: SHOUDI_SECRET_KEY when set. On the embedded database without it, a key is made once
 * and kept in the data folder (mode 0600) beside the data it protects — convenient for a laptop; a
 * server with DATABASE_URL must be given the key.
 */
export function loadMasterKey(options: {
  secretKey: string | null;
  dataDir: string;
  isPglite: boolean;
}): Buffer {
  if (options.secretKey) {
    return parseKey(options.secretKey, 'SHOUDI_SECRET_KEY');
  }
  if (!options.isPglite) {
    throw new SetupError(
      '使用 DATABASE_URL 时必须设置 SHOUDI_SECRET_KEY（加密身份证号和电话的 32 字节密钥，例如 export SHOUDI_SECRET_KEY=$(openssl rand -hex 32)，并妥善保存）',
    );
  }
  const file = path.join(options.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return parseKey(fs.readFileSync(file, 'utf8'), file);
}
