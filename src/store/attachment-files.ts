import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// Attachment bytes live under the data directory, addressed by their SHA-256, so the same photo
// uploaded twice is stored once. Written to a temp file, fsynced, then renamed: a crash never
// leaves a half file under a real name. (Several instances on PostgreSQL need LADDER_DATA_DIR on
// shared storage for attachments.)

export function storageKeyFor(sha256: string): string {
  return `attachments/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

export async function saveAttachmentBytes(dataDir: string, bytes: Buffer): Promise<{ storageKey: string; sha256: string }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const storageKey = storageKeyFor(sha256);
  const path = join(dataDir, storageKey);
  try {
    await stat(path);
    return { storageKey, sha256 };
  } catch {
    // not stored yet
  }
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fh = await open(tmp, 'w', 0o640);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  return { storageKey, sha256 };
}

export async function readAttachmentBytes(dataDir: string, storageKey: string): Promise<Buffer> {
  return readFile(join(dataDir, storageKey));
}
