/**
 * Where the council's case system extract lands each night: a versioned,
 * encrypted (S3-managed keys), private, SSL-only bucket whose objects expire
 * after `EXTRACT_DAYS` and old versions a week later, with server access
 * logs in a bucket of their own. The bucket publishes its events to
 * EventBridge; a rule passes the `_complete` markers under `ssd/` and
 * `ssda903/` (shared/domain/import/manifest.ts) to the import function,
 * retried and dead-lettered like the schedules. The function may list the
 * bucket, read the extract folders and write only `_report.json` objects.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventsTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { KeptFunction } from './keptFunction.js';

/** Days an extract (and its report) is kept: long enough to look back over a month of nights. */
export const EXTRACT_DAYS = 35;
const SYSTEMS = ['ssd', 'ssda903'] as const;

export class ExtractBucket extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: { councilId: string; importer: KeptFunction; deadLetterQueue: sqs.IQueue }) {
    super(scope, id);
    const base = {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    };
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      ...base,
      lifecycleRules: [{ expiration: Duration.days(365), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket holds the extract bucket\'s server access logs; logging the log bucket itself would only log the log delivery.',
    });
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...base,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'extracts/',
      lifecycleRules: [
        {
          expiration: Duration.days(EXTRACT_DAYS),
          noncurrentVersionExpiration: Duration.days(7),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
    // EventBridge notifications set on the bucket itself: no notifications custom resource (and its Lambda) in the stack.
    (this.bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };

    this.rule = new events.Rule(this, 'MarkerArrived', {
      description: `Kept ${props.councilId}: an extract's _complete marker landed; import the folder`,
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [this.bucket.bucketName] },
          object: { key: SYSTEMS.map((system) => ({ wildcard: `${system}/*/_complete` })) },
        },
      },
      targets: [new eventsTargets.LambdaFunction(props.importer.fn, { retryAttempts: 3, maxEventAge: Duration.hours(2), deadLetterQueue: props.deadLetterQueue })],
    });

    const role = props.importer.role;
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [this.bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': SYSTEMS.map((system) => `${system}/*`) } },
    }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: SYSTEMS.map((system) => this.bucket.arnForObjects(`${system}/*`)) }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: SYSTEMS.map((system) => this.bucket.arnForObjects(`${system}/*/_report.json`)) }));
    const bucketId = `<${this.bucketLogicalId()}.Arn>`;
    for (const system of SYSTEMS) {
      for (const [suffix, what] of [[`${system}/*`, 'read the extract files under'], [`${system}/*/_report.json`, 'write the import report, and only it, into each folder under']] as const) {
        Validations.of(role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${bucketId}/${suffix}]`,
          reason: `The import function must ${what} ${system}/: each night's extract is a new folder whose name it cannot know in advance; this bucket only.`,
        });
      }
    }
  }

  private bucketLogicalId(): string {
    const cfn = this.bucket.node.defaultChild as s3.CfnBucket;
    return cfn.stack.getLogicalId(cfn);
  }
}
