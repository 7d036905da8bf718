import { resolve } from 'node:path';

/** Where kept.css (built by `npm run build:css`, run on install) and init.js live. */
export function assetsDir(): string {
  return process.env.KEPT_ASSETS_DIR ?? resolve(import.meta.dirname, 'assets');
}
