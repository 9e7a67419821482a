import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 that the test can cut: every open connection is destroyed and new
 * ones are refused until `restore()`. It stands for the network between the régie and the hub (or
 * between two régies). With `delayMs`, every chunk is held that long each way: a slow network,
 * which widens the window between a commit on one side and its acknowledgement from the other.
 */
export class CutProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private down = false;
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly opts: { delayMs?: number; rewriteHost?: boolean } = {},
  ) {}

  /**
   * With `rewriteHost`, the first request of a connection names the target's port in its Host
   * header, as a reverse proxy would: the régie checks Host (DNS rebinding) against its own port.
   */
  private hostRewritten(chunk: Buffer, first: boolean): Buffer {
    if (!first || !this.opts.rewriteHost) return chunk;
    return Buffer.from(chunk.toString('latin1').replace(`\r\nHost: 127.0.0.1:${this.port}\r\n`, `\r\nHost: 127.0.0.1:${this.targetPort}\r\n`), 'latin1');
  }

  async start(): Promise<number> {
    this.server = createServer((client) => {
      if (this.down) return client.destroy();
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      const delay = this.opts.delayMs ?? 0;
      if (delay > 0 || this.opts.rewriteHost) {
        let first = true;
        // Timers of the same delay fire in the order they were set: the bytes keep their order.
        const later = (fn: () => void) => (delay > 0 ? setTimeout(fn, delay) : fn());
        client.on('data', (chunk: Buffer) => {
          const out = this.hostRewritten(chunk, first);
          first = false;
          later(() => upstream.writable && upstream.write(out));
        });
        upstream.on('data', (chunk: Buffer) => later(() => client.writable && client.write(chunk)));
      } else client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((res) => this.server!.listen(0, '127.0.0.1', res));
    const addr = this.server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : 0;
    return this.port;
  }

  cut(): void {
    this.down = true;
    this.sockets.forEach((s) => s.destroy());
  }

  restore(): void {
    this.down = false;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((res) => (this.server ? this.server.close(() => res()) : res()));
  }
}
