/**
 * Mail: an SES configuration set that every message is sent through, whose
 * send events (SES accepted a message: the handler marks the send claim the
 * message's tag names), bounces and complaints are published to an encrypted
 * SNS topic for the email-events handler, and the one IAM statement that lets a function send
 * from the council's verified identity through that configuration set.
 *
 * The SES identity itself (the sender's domain, with DKIM) is verified by the
 * council outside this stack: it needs their DNS.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { KeptConfig } from '#cdk/config.js';

export interface KeptMailProps {
  config: KeptConfig;
  /** Key for the events topic; its policy must let SES use it. */
  topicKey: kms.IKey;
}

export class KeptMail extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly eventsTopic: sns.Topic;
  /** Identity ARNs a sender may use: the configured identity, and for an address also its domain. */
  readonly identityArns: string[];
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: KeptMailProps) {
    super(scope, id);
    const { config } = props;
    const stack = Stack.of(this);

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      // Do not send to addresses that bounced or complained before.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      sendingEnabled: true,
      // Council mail servers all speak TLS; never fall back to plain text.
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });

    this.eventsTopic = new sns.Topic(this, 'BounceComplaintTopic', {
      displayName: 'Kept SES sends, bounces and complaints',
      masterKey: props.topicKey,
      enforceSSL: true,
    });

    new ses.ConfigurationSetEventDestination(this, 'BounceComplaintDestination', {
      configurationSet: this.configurationSet,
      destination: ses.EventDestination.snsTopic(this.eventsTopic),
      events: [ses.EmailSendingEvent.SEND, ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
      enabled: true,
    });

    const identityArn = (name: string) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    const domain = config.mailFromAddress.slice(config.mailFromAddress.lastIndexOf('@') + 1).toLowerCase();
    // SES authorises against the identity that verified the sender: the
    // address if it is verified itself, otherwise its domain.
    this.identityArns = [...new Set([identityArn(config.mailFromAddress), identityArn(domain), identityArn(config.mailIdentity)])];
    this.configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }

  /** Let a function send mail as the council's sender through this configuration set, and nothing else. */
  grantSend(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SendAsCouncilThroughConfigurationSet',
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [...this.identityArns, this.configurationSetArn],
      }),
    );
  }
}
