/**
 * GET /reports/annex-a/{list}?format=csv|xlsx: an Ofsted Annex A list (the
 * XLSX a sheet named as the template names it), for leads and admins
 * (session cookie or bearer), built within the request, for API clients;
 * the reports page asks for it as a job (POST /reports/annex-a-exports),
 * which runs in its own longer-lived function.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ANNEX_A_LISTS, type AnnexAList } from '#domain/annexA.js';
import { principalOf } from '#auth/session.js';
import { Unauthenticated } from '#auth/verify.js';
import { answerFor } from '#http/errors.js';
import { fileDownload, type HttpResult, json } from '#http/responses.js';
import { annexAFile } from '#http/annexAFile.js';
import { annexAList } from '#services/annexA.js';
import { auditLog, store } from '#services/context.js';
import { today } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().handler(async (event) => {
  const list = event.pathParameters?.list;
  const format = event.queryStringParameters?.format ?? 'csv';
  let principal;
  try {
    principal = await principalOf(event);
  } catch (error) {
    if (error instanceof Unauthenticated) return json(401, { error: error.message }, { 'www-authenticate': 'Bearer' });
    throw error;
  }
  if (!ANNEX_A_LISTS.includes(list as AnnexAList)) return json(404, { error: `no Annex A list ${list}; there are ${ANNEX_A_LISTS.join(' and ')}` });
  if (format !== 'csv' && format !== 'xlsx') return json(400, { error: 'format must be csv or xlsx', problems: [{ field: 'format', message: 'must be csv or xlsx' }] });
  try {
    const day = today();
    const table = await annexAList(store(), auditLog(), principal, list as AnnexAList, day, `GET /reports/annex-a/${list}`);
    const file = await annexAFile(table, list as AnnexAList, format, day);
    return fileDownload(file.name, file.contentType, file.body);
  } catch (error) {
    const answer = answerFor(error);
    if (!answer) throw error;
    return json(answer.status, { error: answer.message }, answer.headers);
  }
});
