/**
 * The one HTTP server of the bot: Teams' /api/messages, the Slack receiver,
 * /healthz, /readyz, /metrics, and whatever other features mount through
 * `route()` (digest images at GET /media/:token, log forwarders at POST /ingest).
 *
 * No body parser is installed globally: Slack verifies signatures over the raw
 * body, so each route parses its own body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { ServerMetrics } from './metrics.js';

/** A plain request handler; express's req/res extend node's, so features need not import express. */
export type RouteHandler = (
  req: IncomingMessage & { params: Record<string, string>; query: unknown; body?: unknown },
  res: ServerResponse,
) => unknown;

export type RouteMethod = 'get' | 'post' | 'put' | 'delete';

/** A readiness probe: resolves when the dependency answers, throws otherwise. */
export type ReadinessCheck = () => Promise<void>;

export interface HttpServer {
  /** The express app, for adapters that need express semantics (Bolt's ExpressReceiver, CloudAdapter). */
  readonly app: Express;
  readonly metrics: ServerMetrics;
  /** Mounts a feature's handler; errors it throws become a 500 with a logged cause. */
  route(method: RouteMethod, path: string, handler: RouteHandler): void;
  /** Adds a check /readyz runs. */
  addReadinessCheck(name: string, check: ReadinessCheck): void;
  listen(port: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  logger: Logger;
  metrics: ServerMetrics;
  /**
   * A client must send its headers within this time (default 20 s) and its whole request within
   * requestTimeoutMs (default 60 s): a slow or stalled sender cannot hold connections open.
   */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger, metrics } = options;
  const headersTimeout = options.headersTimeoutMs ?? 20_000;
  const requestTimeout = options.requestTimeoutMs ?? 60_000;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const checks = new Map<string, ReadinessCheck>();
  let server: Server | undefined;
  let closing = false;

  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (closing) {
      res.status(503).json({ status: 'closing' });
      return;
    }
    const results: Record<string, string> = {};
    let ready = true;
    await Promise.all(
      [...checks].map(async ([name, check]) => {
        try {
          await withTimeout(check(), 2000);
          results[name] = 'ok';
        } catch (error) {
          ready = false;
          results[name] = error instanceof Error ? error.message : String(error);
        }
      }),
    );
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', checks: results });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });

  const wrap = (handler: RouteHandler) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      await handler(req as Parameters<RouteHandler>[0], res);
    } catch (error) {
      next(error);
    }
  };

  const finalHandlers = () => {
    app.use((req: Request, res: Response) => {
      res.status(404).json({ error: `No route for ${req.method} ${req.path}.` });
    });
    // Four arguments make this express's error handler.
    app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
      logger.error({ err: error, method: req.method, path: req.path }, 'http handler failed');
      if (!res.headersSent) res.status(500).json({ error: 'Internal error; it was logged.' });
    });
  };

  return {
    app,
    metrics,
    route(method, path, handler) {
      if (server) throw new Error(`route ${method.toUpperCase()} ${path} added after the server started listening`);
      app[method](path, wrap(handler));
    },
    addReadinessCheck(name, check) {
      checks.set(name, check);
    },
    async listen(port, host = '0.0.0.0') {
      finalHandlers();
      // Timeouts are checked every connectionsCheckingInterval (Node's default, 30 s, would let a
      // stalled client stay long past them).
      server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(headersTimeout, 5_000) }, app);
      server.listen(port, host);
      await new Promise<void>((resolve, reject) => {
        server!.once('listening', resolve);
        server!.once('error', reject);
      });
      // Slack and Teams keep connections alive (longer than a load balancer's 60 s idle timeout);
      // idle sockets are closed promptly on shutdown.
      server.keepAliveTimeout = 65_000;
      const address = server.address() as AddressInfo;
      logger.info({ port: address.port, host: address.address }, 'http server listening');
      return address;
    },
    async close() {
      closing = true;
      if (!server) return;
      const current = server;
      server = undefined;
      await new Promise<void>((resolve) => {
        current.close(() => resolve());
        current.closeIdleConnections();
      });
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]);
}
