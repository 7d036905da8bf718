/**
 * A function's bundle carries only the store adapters it asks
 * shared/services/context.ts for: the change-contact page uses the case
 * store and the audit log, not the survey store or the send claims.
 */
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions, functionBundling } from '#infra/build/bundling.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('the store adapters in a bundle', () => {
  it('are those the function asks for', async () => {
    const options = esbuildOptions(ROOT, functionBundling(ROOT, 'web/changeContact', true), resolve(ROOT, 'unwritten'));
    const result = await esbuild.build({ ...options, write: false, metafile: true });
    // A module's code, not a constant esbuild keeps (importLock.ts leaves its 15-byte DAY_S).
    const bundled = new Set(Object.values(result.metafile.outputs).flatMap((output) => Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 100).map(([input]) => input)));
    expect([...bundled].filter((input) => input.startsWith('shared/store/dynamo/')).sort()).toEqual(
      expect.arrayContaining(['shared/store/dynamo/audit.ts', 'shared/store/dynamo/cases.ts']),
    );
    for (const unused of ['surveys', 'sendClaims', 'importLock', 'subjects']) expect(bundled.has(`shared/store/dynamo/${unused}.ts`), unused).toBe(false);
  });
});
