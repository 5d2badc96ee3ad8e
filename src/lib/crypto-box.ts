/**
 * Encryption of personal information at rest (身份证号, phone, e-mail, address):
 * AES-256-GCM with a random 96-bit nonce; stored as `v1.<nonce>.<tag>.<ciphertext>` (base64url).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export class CryptoBox {
  private readonly key: Buffer;
  private readonly derived = new Map<string, Buffer>();

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('DATA_KEY must be 32 bytes (base64 or hex)');
    this.key = key;
  }

  /** From DATA_KEY (base64 or hex). Without one, a fixed development key — never for production. */
  static fromConfig(dataKey: string | undefined): { box: CryptoBox; development: boolean } {
    if (!dataKey) return { box: new CryptoBox(createHash('sha256').update('gongkai-development-key').digest()), development: true };
    const key = /^[0-9a-f]{64}$/i.test(dataKey) ? Buffer.from(dataKey, 'hex') : Buffer.from(dataKey, 'base64');
    return { box: new CryptoBox(key), development: false };
  }

  encrypt(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [version, nonce, tag, data] = sealed.split('.');
    if (version !== 'v1') throw new Error('unknown ciphertext version');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** A keyed signature for stateless tokens (anti-spam challenges, download links). */
  sign(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
  }

  /**
   * A keyed hash (HMAC-SHA256, hex) under a key of its own for each purpose, derived from DATA_KEY
   * with HKDF: a value found with one purpose (a look-up hash of a log-in, an audit checkpoint's
   * signature) says nothing about another, and none of them reveals the encryption key.
   */
  keyedHash(purpose: string, value: string): string {
    let key = this.derived.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `gongkai|${purpose}`, 32));
      this.derived.set(purpose, key);
    }
    return createHmac('sha256', key).update(value).digest('hex');
  }
}
