import path from 'node:path';
import { z } from 'zod';
import { route, type RouteDef } from '../http/route-table';
import { notFound } from '../http/errors';
import type { RouteServices } from './context';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function mediaRoutes(s: RouteServices): RouteDef[] {
  const root = path.resolve(s.deps.settings.mediaDir);
  return [
    route({
      method: 'get',
      path: '/media/*path',
      tag: 'media',
      summary: "Media the worker fetched from the platforms (<clinicId>/<messageId>/<n>.<ext>); only the owning clinic's users may read it",
      action: 'media.read',
      queryToken: true,
      produces: 'application/octet-stream',
      params: z.object({ path: z.preprocess((v) => (Array.isArray(v) ? v.join('/') : v), z.string().min(1).max(500)) }),
      query: z.object({ access_token: z.string().optional() }),
      response: null,
      handler: async ({ clinicId, params, res }) => {
        const segments = params.path.split('/');
        // The first segment is the owning clinic; anything else (or any odd segment) is simply not there.
        if (segments[0] !== clinicId || segments.length < 2 || !segments.every((p) => SEGMENT.test(p))) throw notFound('file');
        const abs = path.resolve(root, ...segments);
        if (!abs.startsWith(root + path.sep)) throw notFound('file');
        await new Promise<void>((resolve, reject) => {
          res.sendFile(
            abs,
            { dotfiles: 'deny', maxAge: '1d', headers: { 'Cache-Control': 'private, max-age=86400', 'X-Content-Type-Options': 'nosniff' } },
            (err) => {
              if (!err) return resolve();
              const code = (err as NodeJS.ErrnoException).code;
              if (code === 'ENOENT' || code === 'EISDIR' || (err as { status?: number }).status === 404) reject(notFound('file'));
              else reject(err);
            },
          );
        });
      },
    }),
  ];
}
