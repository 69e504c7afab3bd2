import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  ACK_VIA,
  ALERT_AUDIENCES,
  ALERT_CHANNELS,
  DEFAULT_RULES,
  acknowledgeAlert,
  decryptChannelConfig,
  isValidTime,
  isValidTimeZone,
  ruleFor,
  vapidKeys,
  verifyAckToken,
  webhookUrlProblem,
  type AlertsConfig,
} from '@hub/alerts';
import { Keyring, maskSecret } from '@hub/db';
import { audiencesFor } from '../auth/permissions';
import { route, type AuthContext, type RouteDef } from '../http/route-table';
import { HttpError, badRequest } from '../http/errors';
import type { RouteServices } from './context';
import { IdParams, found } from './helpers';

const Time = z.string().refine(isValidTime, { message: 'expected HH:MM (24-hour)' });

const SettingsBody = z
  .object({
    channels: z.array(z.enum(['push', 'email'])),
    quietStart: Time.nullable(),
    quietEnd: Time.nullable(),
    timeZone: z.string().refine(isValidTimeZone, { message: 'expected an IANA time zone such as Asia/Seoul' }),
    email: z.email({ message: 'is not a valid email address' }).max(200).nullable().optional(),
  })
  .refine((b) => (b.quietStart === null) === (b.quietEnd === null), { message: 'quietStart and quietEnd are set together', path: ['quietEnd'] });

const RuleBody = z.object({
  kind: z.string().regex(/^[a-z_]{1,40}$/, { message: 'expected a kind such as handoff' }),
  roles: z.array(z.enum(ALERT_AUDIENCES)).min(1),
  channels: z.array(z.enum(ALERT_CHANNELS)).min(1),
  urgent: z.boolean(),
  escalateAfterSec: z.number().int().min(30).max(86_400).nullable(),
  enabled: z.boolean(),
});

const iso = z.iso.datetime({ offset: true });
const AckAnswer = z.union([
  z.strictObject({ status: z.enum(['acknowledged', 'already']), acknowledgedAt: iso, acknowledgedBy: z.string().nullable(), via: z.string().nullable() }),
  z.strictObject({ status: z.literal('not_found') }),
]);
const RuleAnswer = z.strictObject({
  kind: z.string(),
  roles: z.array(z.string()),
  channels: z.array(z.string()),
  urgent: z.boolean(),
  escalateAfterSec: z.number().int().nullable(),
  enabled: z.boolean(),
  custom: z.boolean(),
});
const RotaRow = z.object({ id: z.string(), clinicId: z.string(), userId: z.string(), position: z.number().int(), onDuty: z.boolean() });
const ChannelAnswer = z.strictObject({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  url: z.string(),
  status: z.string(),
  failureReason: z.string().nullable(),
  failedAt: iso.nullable(),
  createdAt: iso,
});

const ChannelBody = z.object({ type: z.enum(['slack', 'webhook']), name: z.string().trim().min(1).max(100), url: z.string().max(2000) });
const PushBody = z.object({ endpoint: z.string().max(2000), keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }) });

export function alertRoutes(s: RouteServices): RouteDef[] {
  const { db, keyring } = s.deps;
  const cfg = (): AlertsConfig => {
    const c = s.deps.settings.alerts;
    if (!c) throw new HttpError(503, 'alerts_not_configured', 'alerts are not configured on this server');
    return c;
  };
  const outbound = () => ({ allowPrivateNetworks: !!s.deps.settings.outbound.OUTBOUND_ALLOW_PRIVATE_NETWORKS, timeoutMs: 10_000 });
  const visible = (clinicId: string, auth: AuthContext) => ({
    clinicId,
    OR: [{ userId: auth.userId }, { userId: null, audience: { in: audiencesFor(auth.role) } }],
  });

  return [
    route({
      method: 'post',
      path: '/api/notifications/:id/acknowledge',
      tag: 'alerts',
      summary: 'Acknowledge an alert (stops its escalation); the first acknowledgement is kept',
      action: 'notifications.read',
      response: AckAnswer,
      params: IdParams,
      body: z.object({ via: z.enum(['console', 'api']).default('api') }).optional(),
      handler: async ({ clinicId, auth, params, body }) => {
        found(await db.notification.findFirst({ where: { AND: [{ id: params.id }, visible(clinicId, auth)] }, select: { id: true } }), 'notification');
        return acknowledgeAlert(db, { clinicId, notificationId: params.id, userId: auth.userId, via: body?.via ?? 'api' });
      },
    }),
    route({
      method: 'post',
      path: '/api/alerts/ack',
      tag: 'alerts',
      summary: 'Acknowledge with the signed link of an email or a push (no sign-in; the token names the alert and the user)',
      action: 'public',
      response: z.intersection(AckAnswer, z.object({ notificationId: z.string(), title: z.string() })),
      body: z.object({ token: z.string().min(10).max(2000), via: z.enum(['email', 'push']).default('email') }),
      example: { token: 'eyJuIjoi….sig', via: 'email' },
      handler: async ({ body }) => {
        const v = verifyAckToken(cfg().keyringSpec, body.token);
        if (!v.ok) throw badRequest(`token_${v.reason}`, v.reason === 'expired' ? 'this acknowledge link has expired' : 'this acknowledge link is not valid');
        const n = found(
          await db.notification.findUnique({ where: { id: v.claims.notificationId }, select: { id: true, clinicId: true, title: true } }),
          'notification',
        );
        const r = await acknowledgeAlert(db, { clinicId: n.clinicId, notificationId: n.id, userId: v.claims.userId, via: body.via });
        return { ...r, notificationId: n.id, title: n.title };
      },
    }),
    route({
      method: 'get',
      path: '/api/alerts/vapid-public-key',
      tag: 'alerts',
      summary: "The hub's VAPID public key, for PushManager.subscribe",
      action: 'notifications.read',
      response: z.strictObject({ publicKey: z.string() }),
      // The keyring of the alerts configuration: the worker encrypts the VAPID key with the same keys.
      handler: async () => ({ publicKey: (await vapidKeys(db, new Keyring(cfg().keyringSpec))).publicKey }),
    }),
    route({
      method: 'post',
      path: '/api/alerts/push-subscriptions',
      tag: 'alerts',
      summary: "Register this browser's push subscription for me (PushSubscription.toJSON())",
      action: 'notifications.read',
      response: z.strictObject({ id: z.string(), endpoint: z.string(), createdAt: iso }),
      body: PushBody,
      status: 201,
      handler: async ({ clinicId, auth, body }) => {
        const problem = await webhookUrlProblem(body.endpoint, outbound());
        if (problem) throw badRequest('invalid_push_endpoint', `endpoint: ${problem}`);
        const row = await db.pushSubscription.upsert({
          where: { endpoint: body.endpoint },
          create: { clinicId, userId: auth.userId, endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth },
          update: { clinicId, userId: auth.userId, p256dh: body.keys.p256dh, auth: body.keys.auth, goneAt: null },
        });
        return { id: row.id, endpoint: row.endpoint, createdAt: row.createdAt };
      },
    }),
    route({
      method: 'delete',
      path: '/api/alerts/push-subscriptions/:id',
      tag: 'alerts',
      summary: 'Remove one of my push subscriptions',
      action: 'notifications.read',
      response: null,
      params: IdParams,
      handler: async ({ clinicId, auth, params }) => {
        const { count } = await db.pushSubscription.deleteMany({ where: { id: params.id, clinicId, userId: auth.userId } });
        if (!count) found(null, 'push subscription');
      },
    }),
    route({
      method: 'get',
      path: '/api/alerts/settings',
      tag: 'alerts',
      summary: 'My alert settings (channels, quiet hours, time zone, email) and my push subscriptions',
      action: 'notifications.read',
      response: z.strictObject({
        channels: z.array(z.string()),
        quietStart: z.string().nullable(),
        quietEnd: z.string().nullable(),
        timeZone: z.string(),
        email: z.string().nullable(),
        loginEmail: z.string(),
        emailConfigured: z.boolean(),
        pushSubscriptions: z.array(z.strictObject({ id: z.string(), endpoint: z.string(), createdAt: iso })),
      }),
      handler: async ({ clinicId, auth }) => {
        const row = await db.userAlertSettings.findUnique({ where: { userId: auth.userId } });
        const subs = await db.pushSubscription.findMany({
          where: { clinicId, userId: auth.userId, goneAt: null },
          select: { id: true, endpoint: true, createdAt: true },
        });
        return {
          channels: row?.channels ?? ['push', 'email'],
          quietStart: row?.quietStart ?? null,
          quietEnd: row?.quietEnd ?? null,
          timeZone: row?.timeZone ?? 'Asia/Seoul',
          email: row?.email ?? null,
          loginEmail: auth.email,
          emailConfigured: !!s.deps.settings.alerts?.smtpUrl,
          pushSubscriptions: subs,
        };
      },
    }),
    route({
      method: 'put',
      path: '/api/alerts/settings',
      tag: 'alerts',
      summary: 'Set my alert channels and quiet hours (urgent alerts ignore quiet hours)',
      action: 'notifications.read',
      response: z.strictObject({
        userId: z.string(),
        clinicId: z.string(),
        channels: z.array(z.string()),
        quietStart: z.string().nullable(),
        quietEnd: z.string().nullable(),
        timeZone: z.string(),
        email: z.string().nullable(),
        updatedAt: iso,
      }),
      body: SettingsBody,
      example: { channels: ['push', 'email'], quietStart: '22:00', quietEnd: '07:00', timeZone: 'Asia/Seoul', email: null },
      handler: async ({ clinicId, auth, body }) => {
        const data = { channels: body.channels, quietStart: body.quietStart, quietEnd: body.quietEnd, timeZone: body.timeZone, email: body.email ?? null };
        return db.userAlertSettings.upsert({ where: { userId: auth.userId }, create: { userId: auth.userId, clinicId, ...data }, update: data });
      },
    }),
    route({
      method: 'post',
      path: '/api/alerts/test',
      tag: 'alerts',
      summary: 'Send a test alert to me on my channels',
      action: 'notifications.read',
      response: z.strictObject({ notificationId: z.string() }),
      status: 201,
      handler: async ({ clinicId, auth }) => {
        const n = await db.notification.create({
          data: {
            clinicId,
            userId: auth.userId,
            audience: 'staff',
            kind: 'alert_test',
            title: '테스트 알림',
            body: `${auth.name}님의 알림 설정 테스트입니다`,
            data: {},
          },
        });
        return { notificationId: n.id };
      },
    }),
    route({
      method: 'get',
      path: '/api/alerts/deliveries',
      tag: 'alerts',
      summary: 'Who each alert reached, when, how, and whether it was read (newest first)',
      action: 'alerts.manage',
      response: z.strictObject({ items: z.array(z.object({ id: z.string(), notificationId: z.string(), channel: z.string(), status: z.string() })) }),
      query: z.object({
        notificationId: z.uuid().optional(),
        status: z.string().max(10).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      handler: async ({ clinicId, query }) => {
        const items = await db.alertDelivery.findMany({
          where: { clinicId, ...(query.notificationId ? { notificationId: query.notificationId } : {}), ...(query.status ? { status: query.status } : {}) },
          orderBy: { createdAt: 'desc' },
          take: query.limit,
          include: { user: { select: { id: true, name: true } }, notification: { select: { kind: true, title: true, acknowledgedAt: true, ackVia: true } } },
        });
        return { items };
      },
    }),
    route({
      method: 'get',
      path: '/api/alerts/rules',
      tag: 'alerts',
      summary: "My clinic's alert rules, one per kind (a kind without a rule shows its default)",
      action: 'alerts.manage',
      response: z.strictObject({ items: z.array(RuleAnswer) }),
      handler: async ({ clinicId }) => {
        const rows = await db.alertRule.findMany({ where: { clinicId } });
        const kinds = [...new Set([...Object.keys(DEFAULT_RULES), ...rows.map((r) => r.kind)])];
        const items = await Promise.all(kinds.map(async (kind) => ({ ...(await ruleFor(db, clinicId, kind)), custom: rows.some((r) => r.kind === kind) })));
        return { items };
      },
    }),
    route({
      method: 'put',
      path: '/api/alerts/rules',
      tag: 'alerts',
      summary: 'Set the rule for one alert kind (roles, channels, urgency, escalation)',
      action: 'alerts.manage',
      response: RuleAnswer,
      body: RuleBody,
      example: { kind: 'handoff', roles: ['on_duty'], channels: ['push', 'email'], urgent: false, escalateAfterSec: 600, enabled: true },
      handler: async ({ clinicId, body }) => {
        const { kind, ...rule } = body;
        const row = await db.alertRule.upsert({ where: { clinicId_kind: { clinicId, kind } }, create: { clinicId, kind, ...rule }, update: rule });
        return {
          kind: row.kind,
          roles: row.roles,
          channels: row.channels,
          urgent: row.urgent,
          escalateAfterSec: row.escalateAfterSec,
          enabled: row.enabled,
          custom: true,
        };
      },
    }),
    route({
      method: 'post',
      path: '/api/alerts/rules/reset',
      tag: 'alerts',
      summary: 'Drop the rule for one kind: it goes back to its default',
      action: 'alerts.manage',
      response: RuleAnswer,
      body: z.object({ kind: z.string().max(40) }),
      example: { kind: 'handoff' },
      handler: async ({ clinicId, body }) => {
        await db.alertRule.deleteMany({ where: { clinicId, kind: body.kind } });
        return { ...(await ruleFor(db, clinicId, body.kind)), custom: false };
      },
    }),
    route({
      method: 'get',
      path: '/api/alerts/rota',
      tag: 'alerts',
      summary: 'The on-call rota, in escalation order',
      action: 'alerts.manage',
      response: z.strictObject({ items: z.array(RotaRow.extend({ user: z.strictObject({ id: z.string(), name: z.string(), role: z.string() }) })) }),
      handler: async ({ clinicId }) => ({
        items: await db.alertRotaEntry.findMany({
          where: { clinicId },
          orderBy: { position: 'asc' },
          include: { user: { select: { id: true, name: true, role: true } } },
        }),
      }),
    }),
    route({
      method: 'put',
      path: '/api/alerts/rota',
      tag: 'alerts',
      summary: 'Replace the rota: people in escalation order, each on duty (gets handoffs) or not',
      action: 'alerts.manage',
      response: z.strictObject({ items: z.array(RotaRow) }),
      body: z.object({ entries: z.array(z.object({ userId: z.uuid(), onDuty: z.boolean() })).max(100) }),
      example: { entries: [{ userId: '00000000-0000-4000-8000-000000000001', onDuty: true }] },
      handler: async ({ clinicId, body }) => {
        const ids = body.entries.map((e) => e.userId);
        if (new Set(ids).size !== ids.length) throw badRequest('duplicate_user', 'a user appears twice in the rota');
        const known = await db.user.count({ where: { clinicId, id: { in: ids }, isActive: true } });
        if (known !== ids.length) throw badRequest('unknown_user', 'every rota entry must name an active user of this clinic');
        await db.$transaction([
          db.alertRotaEntry.deleteMany({ where: { clinicId } }),
          db.alertRotaEntry.createMany({ data: body.entries.map((e, i) => ({ clinicId, userId: e.userId, onDuty: e.onDuty, position: i + 1 })) }),
        ]);
        return { items: await db.alertRotaEntry.findMany({ where: { clinicId }, orderBy: { position: 'asc' } }) };
      },
    }),
    route({
      method: 'get',
      path: '/api/alerts/channels',
      tag: 'alerts',
      summary: "The clinic's Slack and signed-webhook channels (URLs masked), with their health",
      action: 'alerts.manage',
      response: z.strictObject({ items: z.array(ChannelAnswer) }),
      handler: async ({ clinicId }) => {
        const rows = await db.alertChannel.findMany({ where: { clinicId }, orderBy: { createdAt: 'asc' } });
        return {
          items: rows.map((r) => {
            const c = decryptChannelConfig({ keyring }, r);
            return {
              id: r.id,
              type: r.type,
              name: r.name,
              url: maskSecret(c.url),
              status: r.status,
              failureReason: r.failureReason,
              failedAt: r.failedAt,
              createdAt: r.createdAt,
            };
          }),
        };
      },
    }),
    route({
      method: 'post',
      path: '/api/alerts/channels',
      tag: 'alerts',
      summary: 'Add a Slack incoming webhook or a signed JSON webhook (Standard Webhooks); a webhook answers its signing secret once',
      action: 'alerts.manage',
      response: z.strictObject({ id: z.string(), type: z.string(), name: z.string(), status: z.string(), secret: z.string().optional() }),
      body: ChannelBody,
      example: { type: 'slack', name: '#front-desk', url: 'https://hooks.slack.com/services/T000/B000/XXXX' },
      status: 201,
      handler: async ({ clinicId, body }) => {
        const problem = await webhookUrlProblem(body.url, outbound(), { slack: body.type === 'slack' });
        if (problem) throw badRequest('invalid_webhook_url', `url: ${problem}`);
        const id = randomUUID();
        const secret = body.type === 'webhook' ? `whsec_${randomBytes(24).toString('base64')}` : undefined;
        const row = await db.alertChannel.create({
          data: {
            id,
            clinicId,
            type: body.type,
            name: body.name,
            config: keyring.encrypt({ url: body.url, ...(secret ? { secret } : {}) }, id, 'alert_secret') as object,
          },
        });
        return { id: row.id, type: row.type, name: row.name, status: row.status, ...(secret ? { secret } : {}) };
      },
    }),
    route({
      method: 'post',
      path: '/api/alerts/channels/:id/reactivate',
      tag: 'alerts',
      summary: 'Put a channel marked dead back into use (after fixing it)',
      action: 'alerts.manage',
      response: z.strictObject({ id: z.string(), status: z.string() }),
      params: IdParams,
      handler: async ({ clinicId, params }) => {
        found(await db.alertChannel.findFirst({ where: { id: params.id, clinicId }, select: { id: true } }), 'alert channel');
        const r = await db.alertChannel.update({ where: { id: params.id }, data: { status: 'active', failureReason: null, failedAt: null } });
        return { id: r.id, status: r.status };
      },
    }),
    route({
      method: 'delete',
      path: '/api/alerts/channels/:id',
      tag: 'alerts',
      summary: 'Remove a channel',
      action: 'alerts.manage',
      response: null,
      params: IdParams,
      handler: async ({ clinicId, params }) => {
        const { count } = await db.alertChannel.deleteMany({ where: { id: params.id, clinicId } });
        if (!count) found(null, 'alert channel');
      },
    }),
  ];
}

export { ACK_VIA };
