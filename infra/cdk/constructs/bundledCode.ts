/**
 * A function's code asset, bundled on this machine by esbuild with the
 * options of infra/build/bundling.ts (CDK local bundling: no Docker).
 * Not NodejsFunction: it names a single output file (`--outfile`), and
 * esbuild writes the chunks that code splitting makes only into an output
 * directory.
 */
import { spawnSync } from 'node:child_process';
import { AssetHashType, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as esbuild from 'esbuild';
import { esbuildOptions, functionBundling } from '#infra/build/bundling.js';
import { copyWebFilesCommands, type WebFileSources } from './webFiles.js';

/**
 * Bundles one handler into the asset's directory, then copies a page
 * function's views and assets beside it. Its fields are part of the asset's
 * cache key, so each handler is bundled once and apart from the others.
 */
class EsbuildBundling implements ILocalBundling {
  constructor(
    readonly projectRoot: string,
    readonly handler: string,
    readonly web: WebFileSources | undefined,
  ) {}

  tryBundle(outputDir: string): boolean {
    esbuild.buildSync(esbuildOptions(this.projectRoot, functionBundling(this.projectRoot, this.handler, this.web !== undefined), outputDir));
    if (this.web) {
      const copy = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', copyWebFilesCommands(this.web, this.projectRoot, outputDir).join('\n')], { encoding: 'utf8' });
      if (copy.status !== 0) throw new Error(`Kept: copying the page files for ${this.handler} failed: ${copy.stderr}`);
    }
    return true;
  }
}

export function bundledCode(projectRoot: string, handler: string, web: WebFileSources | undefined): lambda.Code {
  return lambda.Code.fromAsset(projectRoot, {
    // The asset is what was bundled, hashed as written.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      local: new EsbuildBundling(projectRoot, handler, web),
      // Required by the API, never run: local bundling either bundles or throws.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
    },
  });
}
