/**
 * Stands in for `@smithy/core/event-streams` in the bundles (about 15 KB).
 * The SDK's HTTP protocol loads it for operations that stream events, and the
 * S3 client builds a marshaller for them when it is constructed; none of the
 * operations Kept calls (DynamoDB, SES, SMS, S3 objects) streams events, so
 * the codec is left out, and a use of it says so.
 */
const NOT_BUNDLED = 'AWS event streams are not bundled in Kept functions (infra/build/noEventStreams.ts)';

function notBundled(): never {
  throw new Error(NOT_BUNDLED);
}

export class EventStreamSerde {
  constructor() {
    notBundled();
  }
}

/** A marshaller that refuses to work, so that constructing a client succeeds. */
export const eventStreamSerdeProvider = () => ({ serialize: notBundled, deserialize: notBundled });

export const resolveEventStreamSerdeConfig = <T extends { eventStreamSerdeProvider: (input: T) => unknown }>(input: T) =>
  Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });
