/**
 * Low-level HTTP and table probes for the fuzz and authorization tests:
 * requests that do not follow redirects, may carry cookies, raw bodies and
 * odd paths (sent exactly as given), and may come from another loopback
 * address; and a count of every item in a test's own table.
 */
import { Agent, request } from 'node:http';
import { type ScanCommandInput, paginateScan } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#store/dynamo/client.js';
import { Table, batchWrite } from '#store/dynamo/helpers.js';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  contentType: string;
  location: string | undefined;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: any;
}

export interface ProbeOptions {
  /** Sent as `Authorization: Bearer …`. */
  token?: string;
  /** Sent as the Cookie header, e.g. `kept_session=…`. */
  cookie?: string;
  /** Serialised with JSON.stringify, sent as application/json. */
  json?: unknown;
  /** Sent exactly as given (string or bytes). */
  raw?: string | Buffer;
  contentType?: string;
  /** Connect from this loopback address (127.x.y.z), e.g. to keep per-address rate limits apart. */
  localAddress?: string;
  headers?: Record<string, string>;
  /** A new connection just for this request (for requests the server may cut off). */
  fresh?: boolean;
}

const agents = new Map<string, Agent>();
function agentFor(localAddress: string | undefined): Agent {
  const key = localAddress ?? '';
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 4, ...(localAddress ? { localAddress } : {}) });
    agents.set(key, agent);
  }
  return agent;
}

/** One request; `path` goes on the request line as given (percent-encode it yourself). */
export function probe(baseUrl: string, method: string, path: string, options: ProbeOptions = {}): Promise<Answer> {
  const url = new URL(baseUrl);
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  let payload: Buffer | undefined;
  if (options.raw !== undefined) payload = typeof options.raw === 'string' ? Buffer.from(options.raw, 'utf8') : options.raw;
  else if (options.json !== undefined) {
    payload = Buffer.from(JSON.stringify(options.json), 'utf8');
    headers['content-type'] = 'application/json';
  }
  if (options.contentType !== undefined) {
    if (options.contentType) headers['content-type'] = options.contentType;
    else delete headers['content-type'];
  }
  if (payload) headers['content-length'] = String(payload.length);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers,
        ...(options.fresh ? { agent: false, ...(options.localAddress ? { localAddress: options.localAddress } : {}) } : { agent: agentFor(options.localAddress) }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          const location = res.headers.location;
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            contentType: String(res.headers['content-type'] ?? ''),
            location: typeof location === 'string' ? location : undefined,
            text,
            body,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Closes the keep-alive sockets (call in afterAll, before the stack stops). */
export function closeProbes(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

const scanPages = (tableName: string, input: Omit<ScanCommandInput, 'TableName' | 'ConsistentRead'>) =>
  paginateScan({ client: documentClient() }, { TableName: tableName, ConsistentRead: true, ...input });

/** Every item in the table, counted with a consistent Scan (Select COUNT). */
export async function countItems(tableName: string): Promise<number> {
  let total = 0;
  for await (const page of scanPages(tableName, { Select: 'COUNT' })) total += page.Count ?? 0;
  return total;
}

export interface ItemKey {
  pk: string;
  sk: string;
}

/** The key of every item in the table. */
export async function scanKeys(tableName: string): Promise<ItemKey[]> {
  const keys: ItemKey[] = [];
  for await (const page of scanPages(tableName, { ProjectionExpression: 'pk, sk' })) {
    for (const item of page.Items ?? []) keys.push({ pk: String(item.pk), sk: String(item.sk) });
  }
  return keys;
}

/** Deletes every item whose key is not in `keep` (a set of `pk|sk`); returns how many went. */
export async function deleteAllBut(tableName: string, keep: ReadonlySet<string>): Promise<number> {
  const doomed = (await scanKeys(tableName)).filter((k) => !keep.has(`${k.pk}|${k.sk}`));
  await batchWrite(new Table(tableName, documentClient()), doomed.map((Key) => ({ DeleteRequest: { Key } })));
  return doomed.length;
}
