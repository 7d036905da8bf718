/**
 * GET /case/{id}: a child's page in the browser, where the morning email's
 * links lead: what is due and what has been recorded, for those allowed to
 * see the case. Sign-in is the session cookie; the handler checks it.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { principalOf } from '#auth/session.js';
import { Unauthenticated } from '#auth/verify.js';
import { answerFor } from '#http/errors.js';
import { store } from '#services/context.js';
import { childFor } from '#services/children.js';
import { routeOf } from '#services/audit.js';
import { withStatus } from '#services/obligations.js';
import { loadCouncil } from '#services/council.js';
import { kindLabel } from '#domain/kinds.js';
import { factDate } from '#domain/facts.js';
import { longDate } from '#domain/dateText.js';
import { renderPage } from '#web/render.js';
import { type HtmlResult, html, nonce, redirect } from '#web/http.js';
import { config, today } from '#platform/config.js';

const STATUS_TAG: Record<string, string> = { overdue: 'govuk-tag--red', 'due-today': 'govuk-tag--yellow', upcoming: 'govuk-tag--grey' };

export const handler = middy<APIGatewayProxyEventV2, HtmlResult>().handler(async (event) => {
  const https = config.appUrl.startsWith('https:');
  const cspNonce = nonce();
  let principal;
  try {
    principal = await principalOf(event);
  } catch (error) {
    if (error instanceof Unauthenticated) return redirect(`/sign-in?next=${encodeURIComponent(event.rawPath)}`, https);
    throw error;
  }
  const s = store();
  const council = await loadCouncil(s, principal.councilId);
  const page = (status: number, view: string, ctx: Record<string, unknown>) =>
    html(status, renderPage(view, { cspNonce, councilName: council.name, signedInAs: `${principal.staffId} (${principal.role})`, ...ctx }), cspNonce, https);
  try {
    const { child } = await childFor(s, principal, event.pathParameters?.id ?? '', 'read', routeOf(event));
    const [history, holder] = await Promise.all([s.getChildHistory(principal.councilId, child.id), s.getStaff(principal.councilId, child.holderId)]);
    const day = today();
    return page(200, 'child.njk', {
      title: `Case ${child.id}`,
      child,
      holderName: holder?.name ?? child.holderId,
      todayText: longDate(day),
      obligations: withStatus(history.obligations, day).map((o) => [
        { text: kindLabel(o.kind, council.titles) },
        { text: longDate(o.dueDate) },
        { html: `<strong class="govuk-tag ${STATUS_TAG[o.status]}">${o.status.replace('-', ' ')}</strong>` },
        { text: o.note ? `${o.rule}. Note: ${o.note}` : o.rule },
      ]),
      facts: [...history.facts].reverse().slice(0, 50).map((f) => [
        { text: longDate(factDate(f.fact)) },
        { text: f.fact.type.replace(/-/g, ' ') },
        { text: f.recordedBy },
      ]),
    });
  } catch (error) {
    const answer = answerFor(error);
    if (answer && (answer.status === 403 || answer.status === 404)) {
      return page(answer.status, 'message.njk', { title: answer.status === 403 ? 'You cannot see this case' : 'Case not found', paragraphs: [answer.message] });
    }
    throw error;
  }
});
