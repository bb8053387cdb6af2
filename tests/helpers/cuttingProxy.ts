/**
 * A plain TCP proxy on 127.0.0.1 in front of a server (the sync server of ./syncServer.ts), that
 * breaks the network on demand: cut every open connection now, refuse new ones while "down", or
 * cut the connection that is carrying data after a random number of bytes, to interrupt a
 * replication in the middle of a transfer (a request or a response half sent).
 */
import { createServer, connect, type Socket } from 'node:net';

export interface CuttingProxy {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Destroys every open connection now (both sides). */
  cut(): void;
  /** While down, every new connection is closed at once (open ones are left alone: cut() them). */
  setDown(down: boolean): void;
  /**
   * From now on, after each random number of bytes in [1, everyBytes] passed through the proxy
   * (both directions, all connections counted together), the connection carrying the byte that
   * reaches the count is cut right there: the bytes before it are forwarded, the rest never are.
   * `random` returns [0, 1) like Math.random (pass a seeded one for a reproducible run);
   * `everyBytes` <= 0 or not finite stops the random cuts.
   */
  cutAtRandom(random: () => number, everyBytes: number): void;
  /** How many connections were cut so far (by cut(), setDown() or the random cuts). */
  readonly cuts: number;
  /** How many connections are open now. */
  readonly open: number;
  /** How many bytes were forwarded so far (both directions). */
  readonly bytes: number;
  stop(): Promise<void>;
}

export async function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const { hostname, port } = new URL(target);
  const targetHost = hostname.replace(/^\[|\]$/g, '');
  const targetPort = Number(port || 80);
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  let down = false;
  let cuts = 0;
  let random: (() => number) | null = null;
  let everyBytes = 0;
  let untilCut = Infinity;
  let bytes = 0;

  const drawNextCut = () => {
    untilCut = random && Number.isFinite(everyBytes) && everyBytes > 0 ? 1 + Math.floor(random() * everyBytes) : Infinity;
  };

  const server = createServer((client) => {
    if (down) {
      cuts++;
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    const pair = { client, upstream };
    pairs.add(pair);
    const close = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    const forward = (from: Socket, to: Socket) => {
      from.on('data', (chunk: Buffer) => {
        if (chunk.length >= untilCut) {
          // This chunk carries the byte that reaches the count: send what comes before it, cut.
          const head = chunk.subarray(0, untilCut - 1);
          bytes += head.length;
          drawNextCut();
          cuts++;
          if (head.length) to.write(head, close);
          else close();
          from.pause();
          return;
        }
        untilCut -= chunk.length;
        bytes += chunk.length;
        if (!to.write(chunk)) {
          from.pause();
          to.once('drain', () => from.resume());
        }
      });
      from.on('end', () => to.end());
    };
    forward(client, upstream);
    forward(upstream, client);
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('The proxy has no port');

  const cutAll = () => {
    for (const pair of [...pairs]) {
      cuts++;
      pair.client.destroy();
      pair.upstream.destroy();
      pairs.delete(pair);
    }
  };

  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: cutAll,
    setDown(value) {
      down = value;
    },
    cutAtRandom(next, every) {
      random = next;
      everyBytes = every;
      drawNextCut();
    },
    get cuts() {
      return cuts;
    },
    get open() {
      return pairs.size;
    },
    get bytes() {
      return bytes;
    },
    async stop() {
      down = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      cutAll();
      await closed;
    },
  };
}
