/**
 * Secrets a function reads from configuration, once per cold start: in AWS
 * a Secrets Manager secret named by its ARN, on this machine a file named by
 * a file: URL (infra/local keeps it in KEPT_DATA_DIR).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** Where the secret that keys the survey pages' wrong-link counter lives. */
export const SURVEY_SOURCE_SECRET = 'SURVEY_SOURCE_SECRET';

const read = new Map<string, Promise<string>>();

async function fetchSecret(location: string): Promise<string> {
  const value = location.startsWith('file:')
    ? await readFile(fileURLToPath(location), 'utf8')
    : (await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: location }))).SecretString;
  if (!value?.trim()) throw new Error(`the secret at ${location.startsWith('file:') ? location : 'its ARN'} is empty`);
  return value.trim();
}

/** The secret whose location the environment variable `name` gives; read once, then kept. */
export function secretFromEnvironment(name: string): Promise<string> {
  const location = process.env[name];
  if (!location) return Promise.reject(new Error(`${name} is not set`));
  let secret = read.get(location);
  if (!secret) {
    secret = fetchSecret(location);
    // A failed read is tried again by the next request rather than kept.
    secret.catch(() => read.delete(location));
    read.set(location, secret);
  }
  return secret;
}
