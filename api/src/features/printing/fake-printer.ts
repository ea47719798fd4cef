import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';

/**
 * Stand-ins for a network receipt printer on 127.0.0.1, for tests: one that prints
 * (keeps every byte of each job and closes when the sender has finished), one that
 * drops the connection after the first chunk, one that takes the job but never closes,
 * and an address where nothing listens.
 */

export interface FakePrinter {
  port: number;
  /** Each connection's bytes, in the order connections were accepted. */
  jobs: Uint8Array[];
  /** When each job's connection opened and closed (ms since the epoch), to check jobs never overlap. */
  spans: { start: number; end: number }[];
  close(): Promise<void>;
}

export type FakePrinterBehaviour = 'prints' | 'drops-mid-job' | 'never-closes';

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startFakePrinter(behaviour: FakePrinterBehaviour = 'prints', opts: { delayCloseMs?: number } = {}): Promise<FakePrinter> {
  const jobs: Uint8Array[] = [];
  const spans: { start: number; end: number }[] = [];
  const sockets = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    const span = { start: Date.now(), end: 0 };
    spans.push(span);
    const index = jobs.length;
    jobs.push(new Uint8Array());
    const keep = () => {
      jobs[index] = new Uint8Array(Buffer.concat(chunks));
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      keep();
      // Sends RST with the rest of the job unread: what a printer losing power or
      // resetting does to the sender.
      if (behaviour === 'drops-mid-job') socket.resetAndDestroy();
    });
    socket.on('end', () => {
      keep();
      if (behaviour === 'prints') setTimeout(() => socket.end(), opts.delayCloseMs ?? 0);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      span.end ||= Date.now();
    });
  });
  const port = await listen(server);
  return {
    port,
    jobs,
    spans,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
