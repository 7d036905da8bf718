/**
 * Texts: an AWS End User Messaging SMS configuration set that every survey
 * text is sent through, whose events saying a text was accepted (the handler
 * marks the send claim the text's Context names) and permanent delivery
 * failures are published to an encrypted SNS topic for the text-events handler, and the one IAM
 * statement that lets a function send from the council's origination
 * identity (a phone number, sender ID or pool, registered by the council
 * outside this stack) through that configuration set. The account's
 * opt-out list applies to every send; an opted-out number is refused.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as smsvoice from 'aws-cdk-lib/aws-smsvoice';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { KeptConfig } from '#cdk/config.js';
import { ACCEPTED_TEXT_EVENTS, UNREACHABLE_TEXT_EVENTS } from '#infra/topology.js';

export interface KeptTextsProps {
  config: KeptConfig;
  /** Key for the events topic; its policy is extended to let the SMS service use it. */
  topicKey: kms.IKey;
}

export class KeptTexts extends Construct {
  readonly configurationSet: smsvoice.CfnConfigurationSet;
  readonly configurationSetName: string;
  readonly eventsTopic: sns.Topic;

  constructor(scope: Construct, id: string, private readonly props: KeptTextsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.configurationSetName = `kept-${props.config.councilId}-texts`;
    this.eventsTopic = new sns.Topic(this, 'DeliveryFailureTopic', {
      displayName: 'Kept texts accepted, and texts that could not be delivered',
      masterKey: props.topicKey,
      enforceSSL: true,
    });
    const sms = new iam.ServicePrincipal('sms-voice.amazonaws.com');
    const fromThisAccount = { StringEquals: { 'aws:SourceAccount': stack.account } };
    this.eventsTopic.addToResourcePolicy(
      new iam.PolicyStatement({ sid: 'SmsEventsPublish', principals: [sms], actions: ['sns:Publish'], resources: [this.eventsTopic.topicArn], conditions: fromThisAccount }),
    );
    props.topicKey.addToResourcePolicy(
      new iam.PolicyStatement({ sid: 'AllowSmsEventsToPublishToEncryptedTopic', principals: [sms], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'], conditions: fromThisAccount }),
    );
    this.configurationSet = new smsvoice.CfnConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: this.configurationSetName,
      eventDestinations: [
        {
          eventDestinationName: 'accepted-and-undeliverable',
          enabled: true,
          matchingEventTypes: [...ACCEPTED_TEXT_EVENTS, ...UNREACHABLE_TEXT_EVENTS],
          snsDestination: { topicArn: this.eventsTopic.topicArn },
        },
      ],
    });
    this.configurationSet.node.addDependency(this.eventsTopic);
  }

  /** Let a function send texts from the council's origination identity through this configuration set, and nothing else. */
  grantSend(grantee: iam.IGrantable): void {
    const identity = this.props.config.smsOriginationIdentity;
    if (!identity) return;
    const configurationSetArn = Stack.of(this).formatArn({ service: 'sms-voice', resource: 'configuration-set', resourceName: this.configurationSetName });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'SendTextsFromCouncilIdentity', actions: ['sms-voice:SendTextMessage'], resources: [identity, configurationSetArn] }),
    );
  }
}
