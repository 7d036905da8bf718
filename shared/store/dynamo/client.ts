/**
 * The DynamoDB document client. Endpoint and credentials come from the
 * standard AWS environment (AWS_ENDPOINT_URL_DYNAMODB points it at DynamoDB
 * Local), so nothing here differs between this machine and AWS.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let shared: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  shared ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 5 }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return shared;
}
