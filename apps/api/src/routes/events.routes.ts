import { z } from 'zod';
import { readLiveEventsSince, type StoredLiveEvent } from '@hub/queue';
import { route, type RouteDef } from '../http/route-table';
import { compareStreamIds, STREAM_ID_RE } from '../live/live-hub';
import type { RouteServices } from './context';

const REPLAY_BATCH = 500;

export function eventsRoutes(s: RouteServices): RouteDef[] {
  const prefix = s.deps.livePrefix ?? 'hub';
  return [
    route({
      method: 'get',
      path: '/api/events',
      tag: 'live',
      summary:
        "Server-Sent Events for the caller's clinic: message.created/updated, conversation.updated/takeover, satisfaction.changed, alert, send.failed, account.disconnected. " +
        'Resumable with Last-Event-ID (header, or ?lastEventId=); token by Bearer header or ?access_token=; a comment heartbeat every 15 s. ' +
        'The stream ends with a `session.ended` event (reason deactivated, sessions_revoked, session_expired or session_changed) when the user is deactivated or signed out ' +
        '(at once, on every replica) or when its token expires or the user changes (re-checked every 30 s); reconnect with a fresh token.',
      action: 'events.subscribe',
      queryToken: true,
      produces: 'text/event-stream',
      query: z.object({ access_token: z.string().optional(), lastEventId: z.string().optional() }),
      response: null,
      handler: async ({ req, res, query, clinicId, auth }) => {
        const headerId = req.headers['last-event-id'];
        const lastEventId = typeof headerId === 'string' && headerId ? headerId : query.lastEventId;
        res.writeHead(200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-cache, no-transform',
          Connection: 'keep-alive',
          'X-Accel-Buffering': 'no',
        });
        res.write('retry: 3000\n\n');

        let lastSent: string | undefined = lastEventId && STREAM_ID_RE.test(lastEventId) ? lastEventId : undefined;
        let replaying = true;
        const buffered: StoredLiveEvent[] = [];
        let closed = false;
        const send = (e: StoredLiveEvent) => {
          if (closed || (lastSent && compareStreamIds(e.id, lastSent) <= 0)) return;
          lastSent = e.id;
          res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ type: e.type, ...e.data })}\n\n`);
        };
        let unsubscribe = () => {};
        let unwatch = () => {};
        let heartbeat: NodeJS.Timeout | undefined;
        let recheck: NodeJS.Timeout | undefined;
        const cleanup = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          clearInterval(recheck);
          unsubscribe();
          unwatch();
        };
        // A stream outlives the request that authorized it: end it when the session ends.
        const endSession = (reason: string) => {
          if (closed) return;
          res.write(`event: session.ended\ndata: ${JSON.stringify({ type: 'session.ended', reason })}\n\n`);
          cleanup();
          res.end();
        };
        // Registered before any await: a client gone while we subscribe must not leave a listener behind.
        req.on('close', cleanup);
        res.on('error', cleanup);
        const stopWatching = await s.hub.watchUser(auth.userId, endSession);
        if (closed) return stopWatching();
        unwatch = stopWatching;
        recheck = setInterval(() => {
          s.authenticator.authenticate(req, true).then(
            (now) => {
              if (!now) endSession('session_expired');
              else if (now.role !== auth.role || now.homeClinicId !== auth.homeClinicId) endSession('session_changed');
            },
            () => undefined, // a database hiccup is not a reason to drop staff; the next check decides
          );
        }, s.deps.settings.sessionRecheckMs);
        // Subscribe first, then replay: an event published in between is buffered, not lost.
        const stopListening = await s.hub.subscribe(clinicId, (e) => (replaying ? buffered.push(e) : send(e)));
        if (closed) return stopListening();
        unsubscribe = stopListening;
        heartbeat = setInterval(() => res.write(': ping\n\n'), s.deps.settings.sseHeartbeatMs);
        try {
          if (lastSent) {
            for (;;) {
              const batch = await readLiveEventsSince(s.deps.redis, clinicId, lastSent, prefix, REPLAY_BATCH);
              batch.forEach(send);
              if (batch.length < REPLAY_BATCH || closed) break;
            }
          }
        } finally {
          replaying = false;
          buffered.splice(0).forEach(send);
        }
        if (!closed) res.write(': connected\n\n');
      },
    }),
  ];
}
