/**
 * The local stand-in for the secrets the CDK stack generates in Secrets
 * Manager: random values kept in the data directory (like the issuer's key),
 * made on first use and kept across restarts.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { LocalSettings } from './settings.js';

/** The secret that keys the survey pages' wrong-link counter; created if missing. */
export function surveySourceSecretFile(s: Pick<LocalSettings, 'dataDir'>): string {
  const path = resolve(s.dataDir, 'survey-source-secret');
  if (!existsSync(path)) {
    mkdirSync(s.dataDir, { recursive: true });
    try {
      writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
    }
  }
  return path;
}
