import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isOutboundRefused, mediaFetchers, type Attachment, type Platform, type RefusalReason } from '@hub/messengers';
import type { MediaJob } from '@hub/queue';
import type { PipelineDeps } from './deps';

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'application/pdf': 'pdf',
};

/** Kept on the attachment so staff see why its media is missing; a refusal is permanent (not retried). */
export interface MediaRefusal {
  reason: RefusalReason;
  url: string;
  at: string;
}

/** Fetches a message's platform media into local storage the console can show (/media/...). */
export async function fetchMessageMedia(deps: PipelineDeps, job: MediaJob): Promise<number> {
  const msg = await deps.db.message.findUnique({ where: { id: job.messageId }, include: { conversation: { include: { messengerAccount: true } } } });
  if (!msg) return 0;
  const attachments = (msg.attachments ?? []) as unknown as (Attachment & { storedPath?: string; refused?: MediaRefusal })[];
  const account = msg.conversation.messengerAccount;
  const platform = account.messengerType as Platform;
  const creds = deps.keyring.decrypt(account.credentials, account.id);
  let fetched = 0;
  let refused = 0;
  for (const [i, a] of attachments.entries()) {
    if (a.storedPath || a.refused || a.type === 'location' || a.type === 'sticker') continue;
    const ref = a.mediaId ?? a.url;
    if (!ref) continue;
    let media;
    try {
      media = await mediaFetchers[platform](creds, deps.outbound, ref);
    } catch (err) {
      if (!isOutboundRefused(err)) throw err;
      attachments[i] = { ...a, refused: { reason: err.reason, url: ref, at: new Date().toISOString() } };
      refused++;
      continue;
    }
    const ext = EXT[media.mimeType.split(';')[0]!.trim()] ?? 'bin';
    const rel = path.join(msg.clinicId, msg.id, `${i}.${ext}`);
    const abs = path.join(deps.mediaDir, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, media.bytes);
    attachments[i] = { ...a, mimeType: media.mimeType, storedPath: rel };
    fetched++;
  }
  if (fetched || refused) {
    await deps.db.message.update({ where: { id: msg.id }, data: { attachments: attachments as object[] } });
    await deps.live.publish({
      type: 'message.updated',
      clinicId: msg.clinicId,
      data: { conversationId: msg.conversationId, messageId: msg.id, media: fetched, refused },
    });
  }
  return fetched;
}
