import type { Db, MessageModel as Message } from '@hub/db';

/**
 * The knowledge an AI reply was grounded in, as staff read it: each source's label (as stored in
 * ai_metadata.knowledge_sources, e.g. "procedure:botox-forehead", "response_library:<uuid>") with its title
 * (the procedure's Korean name, the library question, the clinic-info topic). Titles are looked up in one
 * query per kind for a whole page of messages; a source that no longer exists keeps its label, title null.
 */
export interface KnowledgeSourceView {
  label: string;
  type: string;
  title: string | null;
}

const CLINIC_INFO_KO: Record<string, string> = {
  location: '위치·오시는 길',
  hours: '진료시간',
  parking: '주차',
  contact: '연락처',
  languages: '상담 가능 언어',
  payment: '결제 수단',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored source (a "type:key" label, or an older { sourceType, sourceId } object) as type and key. */
function parse(source: unknown): { label: string; type: string; key: string } | undefined {
  if (typeof source === 'string') {
    const i = source.indexOf(':');
    return i > 0 ? { label: source, type: source.slice(0, i), key: source.slice(i + 1) } : { label: source, type: 'unknown', key: source };
  }
  if (source && typeof source === 'object' && 'sourceType' in source && 'sourceId' in source) {
    const { sourceType, sourceId } = source as { sourceType: unknown; sourceId: unknown };
    return { label: `${String(sourceType)}:${String(sourceId)}`, type: String(sourceType), key: String(sourceId) };
  }
  return undefined;
}

export function storedSources(m: Pick<Message, 'aiMetadata'>): unknown[] {
  const meta = (m.aiMetadata ?? null) as Record<string, unknown> | null;
  const list = meta?.['knowledge_sources'];
  return Array.isArray(list) ? list : [];
}

/** label → title for every source of these messages. */
export async function knowledgeSourceTitles(db: Db, clinicId: string, messages: Pick<Message, 'aiMetadata'>[]): Promise<Map<string, string | null>> {
  const parsed = messages.flatMap((m) => storedSources(m).map(parse)).filter((p): p is NonNullable<typeof p> => !!p);
  const titles = new Map<string, string | null>();
  if (!parsed.length) return titles;
  const slugs = [...new Set(parsed.filter((p) => (p.type === 'procedure' || p.type === 'pricing') && !UUID.test(p.key)).map((p) => p.key))];
  const libraryIds = [...new Set(parsed.filter((p) => p.type === 'response_library' && UUID.test(p.key)).map((p) => p.key))];
  const pricingIds = [...new Set(parsed.filter((p) => p.type === 'pricing' && UUID.test(p.key)).map((p) => p.key))];
  const [procedures, library, pricing] = await Promise.all([
    slugs.length ? db.procedure.findMany({ where: { slug: { in: slugs } }, select: { slug: true, nameKo: true } }) : [],
    libraryIds.length ? db.responseLibrary.findMany({ where: { id: { in: libraryIds }, clinicId }, select: { id: true, questionKo: true } }) : [],
    pricingIds.length
      ? db.procedurePricing.findMany({
          where: { id: { in: pricingIds }, clinicId },
          select: { id: true, label: true, clinicProcedure: { select: { procedure: { select: { nameKo: true } } } } },
        })
      : [],
  ]);
  const procedureName = new Map(procedures.map((p) => [p.slug, p.nameKo]));
  const question = new Map(library.map((l) => [l.id, l.questionKo]));
  const priceLine = new Map(pricing.map((p) => [p.id, p.label ?? p.clinicProcedure.procedure.nameKo]));
  for (const p of parsed) {
    const title =
      p.type === 'procedure'
        ? procedureName.get(p.key)
        : p.type === 'pricing'
          ? (priceLine.get(p.key) ?? (procedureName.has(p.key) ? `${procedureName.get(p.key)} 가격` : undefined))
          : p.type === 'response_library'
            ? question.get(p.key)
            : p.type === 'clinic_info'
              ? CLINIC_INFO_KO[p.key]
              : p.type === 'medical_term'
                ? p.key
                : undefined;
    titles.set(p.label, title ?? null);
  }
  return titles;
}

/** The message's sources with their titles (title null when unknown or not looked up). */
export function sourcesWithTitles(m: Pick<Message, 'aiMetadata'>, titles?: Map<string, string | null>): KnowledgeSourceView[] {
  return storedSources(m)
    .map(parse)
    .filter((p): p is NonNullable<typeof p> => !!p)
    .map((p) => ({ label: p.label, type: p.type, title: titles?.get(p.label) ?? null }));
}
