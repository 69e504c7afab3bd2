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
        'Resumable with Last-Event-ID (header, or ?lastEventId=); token by Bearer header or ?access_token=; a comment heartbeat every 15 s.',
      action: 'events.subscribe',
      queryToken: true,
      produces: 'text/event-stream',
      query: z.object({ access_token: z.string().optional(), lastEventId: z.string().optional() }),
      handler: async ({ req, res, query, clinicId }) => {
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
        const send = (e: StoredLiveEvent) => {
          if (lastSent && compareStreamIds(e.id, lastSent) <= 0) return;
          lastSent = e.id;
          res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ type: e.type, ...e.data })}\n\n`);
        };
        // Subscribe first, then replay: an event published in between is buffered, not lost.
        const unsubscribe = await s.hub.subscribe(clinicId, (e) => (replaying ? buffered.push(e) : send(e)));
        const heartbeat = setInterval(() => res.write(': ping\n\n'), s.deps.settings.sseHeartbeatMs);
        let closed = false;
        const cleanup = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          unsubscribe();
        };
        req.on('close', cleanup);
        res.on('error', cleanup);
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
        res.write(': connected\n\n');
      },
    }),
  ];
}
