import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { bearerToken, nextId, startFakeServer, type FakeServer, type FakeServerOptions } from './fake-server';

export interface FakePage {
  pageId: string;
  accessToken: string;
  igUserId?: string;
  name?: string;
}

export interface FakeWhatsAppNumber {
  phoneNumberId: string;
  accessToken: string;
  displayPhoneNumber?: string;
  verifiedName?: string;
}

export interface MetaGraphFake extends FakeServer {
  addPage(page: FakePage): void;
  addWhatsAppNumber(number: FakeWhatsAppNumber): void;
  /** Media for `GET /{version}/{mediaId}` → `url` → download (bearer required). */
  addMedia(mediaId: string, bytes: Buffer, mimeType: string): void;
  /** A plain attachment URL served by the fake (Messenger/Instagram CDN stand-in). */
  addAttachment(bytes: Buffer, mimeType: string): string;
  /** Later calls with this token fail with code 190 / subcode 463 (session expired). */
  expireToken(accessToken: string): void;
  /** Sends to this recipient fail with (#551) "This person isn't available right now". */
  markUnavailable(recipientId: string): void;
  /**
   * Enforce the messaging windows for this recipient as Graph would: RESPONSE only within 24 h,
   * HUMAN_AGENT within 7 days; WhatsApp free text within 24 h (else 131047).
   */
  setLastCustomerMessage(recipientId: string, at: Date): void;
}

const LIMITS = { messenger: 2000, instagram: 1000, whatsapp: 4096 } as const;
const DAY = 86_400_000;

export function graphError(code: number, message: string, extra: { type?: string; error_subcode?: number; error_data?: unknown } = {}) {
  return { error: { message, type: extra.type ?? 'OAuthException', code, ...extra, fbtrace_id: randomBytes(8).toString('base64url') } };
}

/** Graph error JSON for injected statuses (Graph answers throttling with code 4/613 bodies). */
export function metaErrorBody(status: number): unknown {
  if (status === 429) return graphError(4, '(#4) Application request limit reached');
  if (status === 401) return graphError(190, 'Invalid OAuth access token - Cannot parse access token');
  if (status === 403) return graphError(10, '(#10) Application does not have permission for this action');
  if (status === 404) return graphError(803, '(#803) Some of the aliases you requested do not exist');
  if (status >= 500) return graphError(2, 'An unexpected error has occurred. Please retry your request later.', { type: 'OAuthException' });
  return graphError(100, '(#100) Invalid parameter');
}

/** Fake Graph API: Messenger and Instagram Send API, WhatsApp Cloud API messages, /me, nodes and media. */
export async function startMetaGraphFake(options: FakeServerOptions = {}): Promise<MetaGraphFake> {
  const pages = new Map<string, FakePage>(); // by token
  const numbers = new Map<string, FakeWhatsAppNumber>(); // by phoneNumberId
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  const attachments = new Map<string, { bytes: Buffer; mimeType: string }>();
  const expired = new Set<string>();
  const unavailable = new Set<string>();
  const lastCustomer = new Map<string, number>();

  const fake = await startFakeServer('meta-graph', options, metaErrorBody, (app, ctx) => {
    const tokenOf = (req: Request) => bearerToken(req) ?? (typeof req.query.access_token === 'string' ? req.query.access_token : undefined);

    /** Answers the Graph token errors; returns the token when usable. */
    const checkToken = (req: Request, res: Response): string | undefined => {
      const token = tokenOf(req);
      if (!token) {
        res.status(400).json(graphError(2500, 'An active access token must be used to query information about the current user.'));
        return undefined;
      }
      if (expired.has(token)) {
        res.status(400).json(graphError(190, 'Error validating access token: Session has expired.', { error_subcode: 463 }));
        return undefined;
      }
      const known = pages.has(token) || [...numbers.values()].some((n) => n.accessToken === token);
      if (!known && !ctx.options.acceptAnyToken) {
        res.status(400).json(graphError(190, 'Invalid OAuth access token - Cannot parse access token'));
        return undefined;
      }
      return token;
    };

    // Before the generic `/:version/:id` route, which would otherwise match it.
    app.get('/whatsapp_business/attachments', (req: Request, res: Response) => {
      if (!checkToken(req, res)) return;
      const m = media.get(String(req.query.mid ?? ''));
      if (!m) return res.status(404).json(graphError(100, 'Media not found'));
      return res.type(m.mimeType).send(m.bytes);
    });
    app.get('/cdn/attachments/:id', (req: Request, res: Response) => {
      const a = attachments.get(String(req.params.id));
      if (!a) return res.status(404).send('Not found');
      return res.type(a.mimeType).send(a.bytes);
    });

    app.get('/:version/me', (req: Request, res: Response) => {
      const token = checkToken(req, res);
      if (!token) return;
      const page = pages.get(token);
      return res.json(page ? { id: page.pageId, name: page.name ?? 'Clinic Page' } : { id: 'fake-page', name: 'Fake Page' });
    });

    app.post('/:version/:id/messages', (req: Request, res: Response) => {
      const token = checkToken(req, res);
      if (!token) return;
      const id = String(req.params.id);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const number = numbers.get(id);
      if (number || body.messaging_product !== undefined) {
        if (number && number.accessToken !== token && !ctx.options.acceptAnyToken) {
          return res
            .status(400)
            .json(graphError(200, '(#200) You do not have the necessary permissions required to send messages on behalf of this WhatsApp Business Account'));
        }
        return sendWhatsApp(req, res, id, body);
      }
      const page = [...pages.values()].find((p) => p.pageId === id || p.igUserId === id) ?? (id === 'me' ? pages.get(token) : undefined);
      if (!page && !ctx.options.acceptAnyToken) {
        return res
          .status(400)
          .json(
            graphError(
              100,
              `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
              { type: 'GraphMethodException', error_subcode: 33 },
            ),
          );
      }
      if (page && page.accessToken !== token && !ctx.options.acceptAnyToken) {
        return res.status(400).json(graphError(190, 'Invalid OAuth access token - token does not belong to this page'));
      }
      const channel = page?.igUserId === id ? 'instagram' : 'messenger';
      return sendPage(req, res, channel, body);
    });

    const sendPage = (req: Request, res: Response, channel: 'messenger' | 'instagram', body: Record<string, unknown>) => {
      const recipient = String((body.recipient as { id?: unknown })?.id ?? '');
      const text = (body.message as { text?: unknown })?.text;
      const type = body.messaging_type;
      const tag = body.tag;
      if (!recipient) return res.status(400).json(graphError(100, '(#100) The parameter recipient is required'));
      if (typeof text !== 'string' || !text)
        return res.status(400).json(graphError(100, '(#100) Message cannot be empty, must provide valid attachment or text', { error_subcode: 2018034 }));
      if (text.length > LIMITS[channel])
        return res.status(400).json(graphError(100, `(#100) Length of param message[text] must be less than or equal to ${LIMITS[channel]}`));
      if (type !== undefined && !['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(String(type)))
        return res.status(400).json(graphError(100, '(#100) Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}'));
      if (type === 'MESSAGE_TAG' && !tag) return res.status(400).json(graphError(100, '(#100) Tag is required for MESSAGE_TAG messaging type'));
      if (unavailable.has(recipient)) return res.status(400).json(graphError(551, "(#551) This person isn't available right now.", { error_subcode: 1545041 }));
      const last = lastCustomer.get(recipient);
      if (last !== undefined) {
        const age = Date.now() - last;
        const humanAgent = type === 'MESSAGE_TAG' && tag === 'HUMAN_AGENT';
        if ((humanAgent && age > 7 * DAY) || (!humanAgent && age > DAY)) {
          return res
            .status(400)
            .json(graphError(10, '(#10) This message is sent outside of allowed window.', { error_subcode: channel === 'instagram' ? 2534022 : 2018278 }));
        }
      }
      const id = `m_${randomBytes(18).toString('base64url')}`;
      ctx.deliver(req, { via: channel, recipient, text, id, meta: { messaging_type: type, tag, pageOrIgId: req.params.id } });
      return res.json({ recipient_id: recipient, message_id: id });
    };

    const sendWhatsApp = (req: Request, res: Response, phoneNumberId: string, body: Record<string, unknown>) => {
      if (body.messaging_product !== 'whatsapp') return res.status(400).json(graphError(100, '(#100) The parameter messaging_product is required.'));
      const to = typeof body.to === 'string' ? body.to.replace(/^\+/, '') : '';
      if (!to) return res.status(400).json(graphError(100, '(#100) The parameter to is required.'));
      if (body.type !== 'text' && body.type !== undefined)
        return res.status(400).json(graphError(100, `(#100) This fake only supports type text, got ${String(body.type)}`));
      const text = (body.text as { body?: unknown })?.body;
      if (typeof text !== 'string' || !text) return res.status(400).json(graphError(100, "(#100) The parameter text['body'] is required."));
      if (text.length > LIMITS.whatsapp)
        return res.status(400).json(graphError(100, `(#100) Param text['body'] must be at most ${LIMITS.whatsapp} characters long.`));
      if (unavailable.has(to)) return res.status(400).json(graphError(131026, 'Message undeliverable', { type: 'OAuthException' }));
      const last = lastCustomer.get(to);
      if (last !== undefined && Date.now() - last > DAY) {
        return res.status(400).json(
          graphError(131047, 'Re-engagement message', {
            error_data: {
              messaging_product: 'whatsapp',
              details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
            },
          }),
        );
      }
      const id = `wamid.${Buffer.from(`${phoneNumberId}:${to}:${nextId()}:${randomBytes(6).toString('hex')}`).toString('base64')}`;
      ctx.deliver(req, {
        via: 'whatsapp',
        recipient: to,
        text,
        id,
        meta: { phoneNumberId, preview_url: (body.text as { preview_url?: unknown }).preview_url },
      });
      return res.json({ messaging_product: 'whatsapp', contacts: [{ input: String(body.to), wa_id: to }], messages: [{ id }] });
    };

    app.get('/:version/:id', (req: Request, res: Response) => {
      const token = checkToken(req, res);
      if (!token) return;
      const id = String(req.params.id);
      const number = numbers.get(id);
      if (number) {
        return res.json({
          id,
          display_phone_number: number.displayPhoneNumber ?? '15550783881',
          verified_name: number.verifiedName ?? 'Clinic',
          quality_rating: 'GREEN',
          code_verification_status: 'VERIFIED',
        });
      }
      const m = media.get(id);
      if (m) {
        return res.json({
          messaging_product: 'whatsapp',
          url: `${ctx.url()}/whatsapp_business/attachments/?mid=${encodeURIComponent(id)}&ext=${Date.now()}`,
          mime_type: m.mimeType,
          sha256: createHash('sha256').update(m.bytes).digest('hex'),
          file_size: m.bytes.length,
          id,
        });
      }
      const page = [...pages.values()].find((p) => p.pageId === id || p.igUserId === id);
      if (page) return res.json({ id, name: page.name ?? 'Clinic Page' });
      return res
        .status(400)
        .json(
          graphError(
            100,
            `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
            { type: 'GraphMethodException', error_subcode: 33 },
          ),
        );
    });
  });

  const baseReset = fake.reset.bind(fake);
  return Object.assign(fake, {
    /** Also forgets expired tokens, unavailable recipients and window times (pages and numbers stay). */
    reset() {
      baseReset();
      expired.clear();
      unavailable.clear();
      lastCustomer.clear();
    },
    addPage(page: FakePage) {
      pages.set(page.accessToken, page);
    },
    addWhatsAppNumber(number: FakeWhatsAppNumber) {
      numbers.set(number.phoneNumberId, number);
    },
    addMedia(mediaId: string, bytes: Buffer, mimeType: string) {
      media.set(mediaId, { bytes, mimeType });
    },
    addAttachment(bytes: Buffer, mimeType: string) {
      const id = String(nextId());
      attachments.set(id, { bytes, mimeType });
      return `${fake.url}/cdn/attachments/${id}`;
    },
    expireToken(accessToken: string) {
      expired.add(accessToken);
    },
    markUnavailable(recipientId: string) {
      unavailable.add(recipientId);
    },
    setLastCustomerMessage(recipientId: string, at: Date) {
      lastCustomer.set(recipientId, at.getTime());
    },
  });
}
