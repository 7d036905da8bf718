/** Starts DynamoDB Local (in memory) and the SES emulator once for the integration tests. */
import type { TestProject } from 'vitest/node';
import { startDynamo, startSes } from '#local/services.js';
import { freePort } from './ports.js';


declare module 'vitest' {
  export interface ProvidedContext {
    dynamoPort: number;
    sesPort: number;
  }
}

export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const [dynamoPort, sesPort] = [await freePort(), await freePort()];
  const [dynamo, ses] = await Promise.all([startDynamo(dynamoPort), startSes(sesPort)]);
  project.provide('dynamoPort', dynamoPort);
  project.provide('sesPort', sesPort);
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop()]);
  };
}
