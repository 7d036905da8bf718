/**
 * Cognito's pre token generation trigger (V2 event): before each ID and
 * access token, Kept's staff list says who the person is: the council, the
 * staff id and the role (as the only group). Someone not on the list, or a
 * leaver, is refused: the error stops the sign-in.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { CLAIMS } from '#auth/verify.js';
import { config } from '#platform/config.js';
import { log } from '#platform/log.js';
import { store } from '#services/context.js';
import { SignInRefused, whoSignsIn } from '#services/signInCheck.js';

export async function handler(event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> {
  let who;
  try {
    who = await whoSignsIn(store(), config.councilId, event.request.userAttributes ?? {});
  } catch (error) {
    // No address or name in the log: only that a sign-in was refused, and how it came.
    if (error instanceof SignInRefused) log.warn('sign-in refused', { trigger: event.triggerSource });
    throw error;
  }
  const claims = { [CLAIMS.council]: who.councilId, [CLAIMS.staffId]: who.staffId };
  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: claims, claimsToSuppress: [] },
      groupOverrideDetails: { groupsToOverride: [who.role] },
    },
  };
  return event;
}
