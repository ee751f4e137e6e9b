/**
 * Closing without cutting requests short. `app.close()` stops accepting connections at once, then
 * waits for the requests already in hand (bounded by a grace period) before it resolves, so the
 * database closed after it is never closed under a running handler ("Cannot use a pool after
 * calling end").
 *
 * Fastify's own close waits for open sockets only, which is not the same thing: a handler keeps
 * running after its client went away (the socket is gone, the query is not), and `inject()`
 * requests have no socket at all. So a request counts as in hand from its first hook until its
 * lifecycle has reached the reply (onSend) *and* the response is closed — whichever comes last.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Long enough for a report or an export; shorter than the 10 s a container gets to stop. */
export const CLOSE_GRACE_MS = 8_000;

export function closeGracefully(app: FastifyInstance, graceMs = CLOSE_GRACE_MS): void {
  const inHand = new Map<FastifyReply, { replied: boolean; closed: boolean }>();
  let idle: (() => void) | null = null;
  let closing = false;
  const settle = (reply: FastifyReply) => {
    const r = inHand.get(reply);
    if (!r?.replied || !r.closed) return;
    inHand.delete(reply);
    if (inHand.size === 0) idle?.();
  };

  app.addHook('onRequest', (request, reply, done) => {
    inHand.set(reply, { replied: false, closed: false });
    reply.raw.once('close', () => {
      inHand.get(reply)!.closed = true;
      settle(reply);
    });
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    // A response finished while closing ends its connection: kept alive, the idle socket would
    // hold the server's close open until the keep-alive timeout (72 s).
    if (closing) reply.header('connection', 'close');
    const r = inHand.get(reply);
    if (r) {
      r.replied = true;
      // Already closed when the client went away while the handler ran: done now.
      settle(reply);
    }
    done(null, payload);
  });

  let forceTimer: NodeJS.Timeout | undefined;
  let deadline = 0;
  app.addHook('preClose', (done) => {
    closing = true;
    deadline = Date.now() + graceMs;
    // Bounds the server's wait for its sockets: a connection still open at the deadline is cut.
    forceTimer = setTimeout(() => app.server.closeAllConnections?.(), graceMs);
    forceTimer.unref();
    done();
  });
  // Runs after Fastify's own close hook, i.e. once nothing new is accepted and the sockets are
  // closed; what remains are handlers whose client is gone, and injected requests.
  app.addHook('onClose', async () => {
    if (inHand.size > 0) {
      await new Promise<void>((resolve) => {
        idle = resolve;
        const t = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        t.unref();
      });
    }
    clearTimeout(forceTimer);
    if (inHand.size > 0) app.log.warn(`closing with ${inHand.size} request(s) still running after ${graceMs} ms`);
  });
}
