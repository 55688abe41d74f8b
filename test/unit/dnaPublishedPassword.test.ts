import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DNA_CODER_PASSWORD } from '../../server/src/core/dna';
import { jasyptPasswordDigest } from '../../server/src/node/dnaFiles';

/*
 * DNA 3 checks a coder's password with jasypt's StrongPasswordEncryptor
 * (leifeld/dna, dna/src/main/java/sql/Sql.java, `authenticate`: `new
 * StrongPasswordEncryptor().checkPassword(clearPassword, encryptedHash)`
 * against CODERS.Password). The vector below was made by jasypt itself, not
 * by us: a public course project (UCI CS122B "Fabflix") stores its employee
 * password `classta` as StrongPasswordEncryptor digested it, in its SQL
 * seed: `UPDATE employees SET password='RpQVP/…' WHERE
 * email='classta@email.edu'`. jasypt's digest keeps the salt in front, so
 * digesting `classta` with that salt must give the stored value exactly.
 */
const JASYPT_VECTOR = { password: 'classta', digest: 'RpQVP/xEt56zwoeunWtFe0F4Bwn2nuU7de8DixjUcZWBFb6zG8Bf0F6vsYDfuDtE' };

/** jasypt's check: the salt is the first 16 bytes of the stored value. */
function jasyptMatches(password: string, stored: string): boolean {
  const salt = Buffer.from(stored, 'base64').subarray(0, 16);
  return jasyptPasswordDigest(password, salt) === stored;
}

describe('the .dna coder password digest (jasypt StrongPasswordEncryptor)', () => {
  it('reproduces a digest jasypt made: 16 bytes of salt, then SHA-256 applied 100,000 times, in Base64', () => {
    const stored = Buffer.from(JASYPT_VECTOR.digest, 'base64');
    assert.equal(stored.length, 48);
    assert.equal(jasyptPasswordDigest(JASYPT_VECTOR.password, stored.subarray(0, 16)), JASYPT_VECTOR.digest);
    assert.equal(jasyptMatches('classtA', JASYPT_VECTOR.digest), false);
  });

  it('normalizes the password to Unicode NFC first, as jasypt does', () => {
    const salt = new Uint8Array(16).fill(7);
    assert.equal(jasyptPasswordDigest('caf\u00e9', salt), jasyptPasswordDigest('cafe\u0301', salt));
  });

  it('salts every digest anew, and each one checks against the export password', () => {
    const [first, second] = [jasyptPasswordDigest(DNA_CODER_PASSWORD), jasyptPasswordDigest(DNA_CODER_PASSWORD)];
    assert.notEqual(first, second);
    assert.ok(jasyptMatches(DNA_CODER_PASSWORD, first) && jasyptMatches(DNA_CODER_PASSWORD, second));
    assert.equal(jasyptMatches('', first), false);
  });
});
