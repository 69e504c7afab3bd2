import nodemailer, { type Transporter } from 'nodemailer';
import { ChannelError, type AlertMessage, type AlertsConfig } from '../types';

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    // Pooled: an emergency sends one mail per user at once; a pool reuses a few authenticated connections.
    t = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 5 } as Parameters<typeof nodemailer.createTransport>[0]);
    transports.set(smtpUrl, t);
  }
  return t;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function sendEmail(cfg: AlertsConfig, to: string, m: AlertMessage): Promise<{ ref: string }> {
  if (!cfg.smtpUrl) throw new ChannelError('email', true, 'email is not configured (ALERT_SMTP_URL)');
  const prefix = m.step > 0 ? '[에스컬레이션] ' : m.urgent ? '[긴급] ' : '';
  const lines = [m.body ?? '', '', `열기: ${m.openUrl}`, ...(m.ackUrl ? [`확인(acknowledge): ${m.ackUrl}`] : [])];
  const button = m.ackUrl
    ? `<p><a href="${escape(m.ackUrl)}" style="display:inline-block;padding:10px 18px;background:#1f6feb;color:#fff;border-radius:6px;text-decoration:none">확인 (Acknowledge)</a></p>`
    : '';
  try {
    const info = await transportFor(cfg.smtpUrl).sendMail({
      from: cfg.emailFrom,
      to,
      subject: `${prefix}${m.title}`,
      text: lines.join('\n'),
      html: `<h2>${escape(m.title)}</h2><p>${escape(m.body ?? '')}</p><p><a href="${escape(m.openUrl)}">대화 열기</a></p>${button}`,
      headers: { 'X-Hub-Alert-Id': m.notificationId },
    });
    return { ref: info.messageId };
  } catch (err) {
    const e = err as { responseCode?: number; code?: string; message?: string };
    // A rejected login or a refused sender is a configuration problem; retrying will not fix it.
    const permanent = e.code === 'EAUTH' || (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode !== 552);
    throw new ChannelError('email', permanent, `smtp: ${e.responseCode ?? e.code ?? ''} ${e.message ?? String(err)}`.trim());
  }
}
