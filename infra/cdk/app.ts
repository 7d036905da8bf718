/**
 * CDK entry point (cdk.json: "app": "npx tsx infra/cdk/app.ts").
 * Context keys a council sets are described in infra/cdk/config.ts.
 */
import { createKeptApp } from './keptApp.js';

createKeptApp();
