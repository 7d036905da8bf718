/**
 * An in-process stand-in for the few S3 calls the nightly import makes, in
 * S3's own REST protocol (path-style), so the real SDK client and adapter are
 * what the tests run: ListObjectsV2 (prefix, delimiter), GetObject and
 * PutObject. Objects live in a Map; `objects` lets a test look. A listing
 * returns at most `pageSize` keys (1,000, as S3) and a continuation token
 * for the rest.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3StandIn {
  endpoint: string;
  /** `bucket/key` to the object's text. */
  objects: Map<string, string>;
  /** `bucket/key` to the Content-Type it was put with. */
  contentTypes: Map<string, string>;
  stop(): Promise<void>;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function startS3StandIn(options: { pageSize?: number } = {}): Promise<S3StandIn> {
  const pageSize = options.pageSize ?? 1000;
  const objects = new Map<string, string>();
  const contentTypes = new Map<string, string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://s3.local');
      const [bucket = '', ...rest] = url.pathname.slice(1).split('/');
      const key = decodeURIComponent(rest.join('/'));
      if (req.method === 'PUT' && key) {
        objects.set(`${bucket}/${key}`, Buffer.concat(chunks).toString('utf8'));
        contentTypes.set(`${bucket}/${key}`, req.headers['content-type'] ?? '');
        res.writeHead(200, { etag: '"0"' }).end();
        return;
      }
      if (req.method === 'GET' && !key && url.searchParams.get('list-type') === '2') {
        const prefix = url.searchParams.get('prefix') ?? '';
        const delimiter = url.searchParams.get('delimiter') ?? '';
        const keys: string[] = [];
        const prefixes = new Set<string>();
        for (const full of [...objects.keys()].sort()) {
          if (!full.startsWith(`${bucket}/${prefix}`)) continue;
          const k = full.slice(bucket.length + 1);
          const cut = delimiter ? k.indexOf(delimiter, prefix.length) : -1;
          if (cut >= 0) prefixes.add(k.slice(0, cut + 1));
          else keys.push(k);
        }
        // The token is the last key of the page before (S3's own are opaque).
        const after = url.searchParams.get('continuation-token');
        const rest = after === null ? keys : keys.filter((k) => k > after);
        const page = rest.slice(0, pageSize);
        const truncated = rest.length > page.length;
        const body =
          `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
          `<Name>${xml(bucket)}</Name><Prefix>${xml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${pageSize}</MaxKeys><IsTruncated>${truncated}</IsTruncated>` +
          (truncated ? `<NextContinuationToken>${xml(page.at(-1)!)}</NextContinuationToken>` : '') +
          page.map((k) => `<Contents><Key>${xml(k)}</Key><Size>${Buffer.byteLength(objects.get(`${bucket}/${k}`)!)}</Size></Contents>`).join('') +
          (after === null ? [...prefixes] : []).map((p) => `<CommonPrefixes><Prefix>${xml(p)}</Prefix></CommonPrefixes>`).join('') +
          `</ListBucketResult>`;
        res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
        return;
      }
      if (req.method === 'GET' && key) {
        const text = objects.get(`${bucket}/${key}`);
        if (text === undefined) {
          res.writeHead(404, { 'content-type': 'application/xml' }).end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(text) }).end(text);
        return;
      }
      res.writeHead(400, { 'content-type': 'application/xml' }).end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>not in the stand-in</Message></Error>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, objects, contentTypes, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
