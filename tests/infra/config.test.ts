/**
 * The context a council deploys with: what cdk.json gives, what `-c key=value`
 * overrides (always strings), and the mistakes that must stop a synth with a
 * message naming the key.
 */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readKeptConfig } from '#cdk/config.js';
import { createKeptApp } from '#cdk/keptApp.js';

const defaults = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> })
  .context;
/** What every council must give on the command line, as cdk.json has no default for it. */
const required = { safeguardingEmail: 'safeguarding@kept.example.org' };
const configWith = (overrides: Record<string, unknown>) => readKeptConfig(new App({ context: { ...defaults, ...required, ...overrides } }).node);

describe('Kept deployment configuration', () => {
  it('refuses to synth without the council’s safeguarding inbox, or with one that is not an address', () => {
    expect(defaults).not.toHaveProperty('safeguardingEmail');
    expect(() => readKeptConfig(new App({ context: defaults }).node)).toThrow(/"safeguardingEmail" is required/);
    expect(() => createKeptApp({ context: defaults })).toThrow(/"safeguardingEmail" is required/);
    expect(() => configWith({ safeguardingEmail: 'the safeguarding team' })).toThrow(/"safeguardingEmail" must be an email address/);
    expect(configWith({ safeguardingEmail: 'mash@camden.gov.uk' }).safeguardingEmail).toBe('mash@camden.gov.uk');
  });

  it('works from the cdk.json defaults and the safeguarding inbox', () => {
    const config = configWith({});
    expect(config).toMatchObject({
      councilId: 'demo',
      appUrl: 'https://kept.example.org',
      mailFromAddress: 'reminders@kept.example.org',
      mailIdentity: 'kept.example.org',
      alarmEmail: undefined,
      authDomainPrefix: 'kept-demo',
      region: 'eu-west-2',
    });
  });

  it('takes command-line values, which arrive as strings', () => {
    const config = configWith({
      councilId: 'camden',
      appUrl: 'https://kept.camden.gov.uk/',
      mailFrom: 'reminders@kept.camden.gov.uk',
      mailRatePerSecond: '14',
      cognitoEmailViaSes: 'false',
      alarmEmail: 'kept-ops@camden.gov.uk',
      logRetentionDays: '365',
    });
    expect(config).toMatchObject({
      councilId: 'camden',
      appUrl: 'https://kept.camden.gov.uk',
      mailRatePerSecond: 14,
      cognitoEmailViaSes: false,
      alarmEmail: 'kept-ops@camden.gov.uk',
      logRetention: 365,
      authDomainPrefix: 'kept-camden',
    });
  });

  it.each([
    [{ councilId: 'Camden Council' }, /councilId/],
    [{ appUrl: 'http://kept.example.org' }, /appUrl.*https/],
    [{ appUrl: 'https://kept.example.org/app' }, /appUrl.*without a path/],
    [{ mailFrom: 'reminders' }, /mailFrom/],
    [{ mailIdentity: 'other.example.org' }, /mailIdentity/],
    [{ alarmEmail: 'not an address' }, /alarmEmail/],
    [{ logRetentionDays: 100 }, /logRetentionDays/],
    [{ authDomainPrefix: 'kept-aws' }, /authDomainPrefix/],
    [{ mailRatePerSecond: 'fast' }, /mailRatePerSecond/],
    [{ cognitoEmailViaSes: 'yes' }, /cognitoEmailViaSes/],
    [{ councilId: '' }, /councilId.*required/],
  ])('refuses %o', (overrides, message) => {
    expect(() => configWith(overrides)).toThrow(message);
  });

  it('lets a developer point the app at localhost over http', () => {
    expect(configWith({ appUrl: 'http://localhost:3000' }).appUrl).toBe('http://localhost:3000');
  });

  it('sends no texts without an origination identity, and takes only the ARN of a phone number, sender ID or pool', () => {
    expect(configWith({})).toMatchObject({ smsOriginationIdentity: undefined, smsRatePerSecond: 1 });
    const arn = 'arn:aws:sms-voice:eu-west-2:123456789012:pool/pool-0123456789abcdef';
    expect(configWith({ smsOriginationIdentity: arn, smsRatePerSecond: '10' })).toMatchObject({ smsOriginationIdentity: arn, smsRatePerSecond: 10 });
    for (const bad of ['KeptDemo', '+447700100100', 'arn:aws:ses:eu-west-2:123456789012:identity/x']) {
      expect(() => configWith({ smsOriginationIdentity: bad }), bad).toThrow(/"smsOriginationIdentity"/);
    }
    expect(() => configWith({ smsRatePerSecond: 0 })).toThrow(/"smsRatePerSecond"/);
  });
});
