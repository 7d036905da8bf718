/**
 * What `currentEvents` (#domain/reportEvents) compares, as one string a
 * store keeps beside the packed events, so a list can tell whose events are
 * current without unpacking them. Its own module so the store's adapters
 * need not load the report code to write it.
 */
export function eventsKey(of: { version: number; policy: string; dateOfBirth: string }): string {
  return `${of.version}|${of.policy}|${of.dateOfBirth}`;
}
