/** A local stand-in's HTTP server, listening: where it answers and how to stop it. */
import type { Server } from 'node:http';

export interface LocalEndpoint {
  endpoint: string;
  port: number;
  stop: () => Promise<void>;
}

/** Listens on `port` (0: any free one) and answers once it does. */
export async function listenAt(server: Server, port: number, host: string): Promise<LocalEndpoint> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  return {
    port: actual,
    endpoint: `http://${host}:${actual}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
