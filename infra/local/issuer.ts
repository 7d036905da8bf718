/**
 * The local token issuer: an RSA key kept in the data directory, its public
 * half published as a JWKS file that the handlers' verifier reads, and
 * tokens shaped like Cognito ID tokens (groups, council, staff id).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Role } from '#domain/principal.js';
import { CLAIMS } from '#auth/verify.js';
import { LOCAL_AUDIENCE, type LocalSettings, jwksPath, localIssuer } from './settings.js';

interface KeyFile {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function keyFile(s: LocalSettings): Promise<KeyFile> {
  const path = resolve(s.dataDir, 'issuer-key.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  mkdirSync(s.dataDir, { recursive: true });
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const file: KeyFile = { kid, privateJwk: await exportJWK(privateKey), publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
  writeFileSync(path, JSON.stringify(file), { mode: 0o600 });
  return file;
}

/** Makes sure the key exists and its public JWKS is written where the verifier reads it. */
export async function publishKeys(s: LocalSettings): Promise<{ keys: JWK[] }> {
  const file = await keyFile(s);
  const jwks = { keys: [file.publicJwk] };
  writeFileSync(jwksPath(s), JSON.stringify(jwks));
  return jwks;
}

export interface TokenRequest {
  role: Role;
  staffId: string;
  councilId: string;
  /** Lifetime in seconds. */
  ttl?: number;
}

export async function signLocalToken(s: LocalSettings, request: TokenRequest): Promise<string> {
  const file = await keyFile(s);
  await publishKeys(s);
  const key = await importJWK(file.privateJwk, 'RS256');
  return new SignJWT({
    [CLAIMS.groups]: [request.role],
    [CLAIMS.council]: request.councilId,
    [CLAIMS.staffId]: request.staffId,
    token_use: 'id',
  })
    .setProtectedHeader({ alg: 'RS256', kid: file.kid })
    .setIssuer(localIssuer(s))
    .setAudience(LOCAL_AUDIENCE)
    .setSubject(`${request.councilId}:${request.staffId}`)
    .setIssuedAt()
    .setExpirationTime(`${request.ttl ?? 12 * 3600}s`)
    .sign(key);
}
