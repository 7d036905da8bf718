import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The route as API Gateway names it (`GET /children/{id}`), so audit entries group by route, not by path. */
export function routeOf(event: APIGatewayProxyEventV2): string {
  const key = event.routeKey ?? event.requestContext?.routeKey;
  if (key && key !== '$default') return key;
  return `${event.requestContext?.http?.method ?? 'GET'} ${event.rawPath}`;
}
