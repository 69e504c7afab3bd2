import { IncomingWebhook, IncomingWebhookHTTPError, type FetchFunction } from '@slack/webhook';
import { isOutboundRefused } from '@hub/messengers';
import { alertFetch } from '../url-policy';
import { ChannelError, type AlertMessage, type AlertsConfig } from '../types';

export async function sendSlack(cfg: AlertsConfig, url: string, m: AlertMessage): Promise<{ ref: string }> {
  // The SDK's fetch is replaced by the outbound guard: no private address, no redirect.
  const fetch: FetchFunction = async (u, init) =>
    (await alertFetch(String(u), cfg.outbound, { method: init?.method, headers: init?.headers, body: init?.body as string })) as unknown as Awaited<
      ReturnType<FetchFunction>
    >;
  const hook = new IncomingWebhook(url, { fetch, timeout: cfg.outbound.timeoutMs });
  const prefix = m.step > 0 ? ':rotating_light: [에스컬레이션] ' : m.urgent ? ':rotating_light: ' : '';
  try {
    await hook.send({
      text: `${prefix}${m.title}`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `*${prefix}${m.title}*\n${m.body ?? ''}` } },
        { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: '대화 열기' }, url: m.openUrl }] },
      ],
    });
    return { ref: 'ok' };
  } catch (err) {
    if (isOutboundRefused(err) || isOutboundRefused((err as { original?: unknown }).original)) {
      throw new ChannelError('slack', true, (isOutboundRefused(err) ? err : (err as { original: Error }).original).message);
    }
    if (err instanceof IncomingWebhookHTTPError) {
      // 4xx: a revoked or wrong webhook (invalid_token, no_service, channel_not_found); 429 and 5xx pass.
      const permanent = err.statusCode >= 400 && err.statusCode < 500 && err.statusCode !== 429 && err.statusCode !== 408;
      throw new ChannelError('slack', permanent, `slack answered ${err.statusCode}: ${err.body.slice(0, 200)}`);
    }
    throw new ChannelError('slack', false, `slack unreachable: ${(err as Error).message}`);
  }
}
