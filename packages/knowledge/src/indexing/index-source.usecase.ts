import type { GlossaryEntry } from '@hub/ai';
import { replaceSourceEmbeddings, type Db, type EmbeddingRow } from '@hub/db';
import { KnowledgeJobSchema, type KnowledgeJob } from '@hub/queue';
import { loadGlossary } from '../clinic-knowledge';
import { nowOf, providersFor, type KnowledgeDeps } from '../deps';
import { assertNoInternalFields } from '../internal-fields';
import { clinicInfoDocs } from './clinic-info';
import {
  clinicProcedureSelect,
  libraryDocs,
  medicalTermDocs,
  mergeProcedure,
  pricingDocs,
  pricingSelect,
  procedureDocs,
  type KnowledgeDoc,
  type KnowledgeSourceType,
} from './documents';

export interface IndexOutcome {
  sourceType: KnowledgeSourceType | 'procedure';
  sourceId: string;
  /** Rows now stored for the source (0: removed, inactive or gone). */
  rows: number;
  status: 'indexed' | 'removed' | 'tenant_mismatch';
  /** For a textbook procedure: the clinic sources it fanned out to. */
  fannedOut?: IndexOutcome[];
}

async function clinicSettings(db: Db, clinicId: string | null): Promise<unknown> {
  if (!clinicId) return {};
  const c = await db.clinic.findUnique({ where: { id: clinicId }, select: { settings: true } });
  return c?.settings ?? {};
}

/** Embeds and stores one source's documents, replacing its previous rows in one transaction. */
async function store(
  deps: KnowledgeDeps,
  sourceType: KnowledgeSourceType,
  sourceId: string,
  clinicId: string | null,
  docs: KnowledgeDoc[],
): Promise<IndexOutcome> {
  const { embedder } = providersFor(deps, await clinicSettings(deps.db, clinicId));
  const vectors = docs.length ? await embedder.embed(docs.map((d) => d.content)) : [];
  const rows: EmbeddingRow[] = docs.map((d, i) => {
    const metadata = { ...d.metadata, embeddingModel: `${embedder.name}:${embedder.model}` };
    assertNoInternalFields(metadata, `${sourceType}:${sourceId} metadata`);
    return { clinicId: d.clinicId, sourceType: d.sourceType, sourceId: d.sourceId, content: d.content, embedding: vectors[i]!, metadata };
  });
  await replaceSourceEmbeddings(deps.db, sourceType, sourceId, rows);
  return { sourceType, sourceId, rows: rows.length, status: rows.length ? 'indexed' : 'removed' };
}

const mismatch = (job: KnowledgeJob, rowClinicId: string | null) => job.clinicId !== null && rowClinicId !== null && job.clinicId !== rowClinicId;

async function crossSellSlugs(db: Db, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.procedure.findMany({
    where: { OR: [{ id: { in: ids } }, { clinicProcedures: { some: { id: { in: ids } } } }] },
    select: { slug: true },
  });
  return rows.map((r) => r.slug).sort();
}

async function indexClinicProcedure(deps: KnowledgeDeps, job: KnowledgeJob, id: string, glossary?: GlossaryEntry[]): Promise<IndexOutcome> {
  const cp = await deps.db.clinicProcedure.findUnique({ where: { id }, select: clinicProcedureSelect });
  if (cp && mismatch(job, cp.clinicId)) return { sourceType: 'clinic_procedure', sourceId: id, rows: 0, status: 'tenant_mismatch' };
  if (!cp || !cp.isActive || !cp.procedure.isActive) return store(deps, 'clinic_procedure', id, cp?.clinicId ?? null, []);
  const g = glossary ?? (await loadGlossary(deps.db, cp.clinicId));
  const merged = mergeProcedure(cp, g);
  const extras = {
    crossSellSlugs: await crossSellSlugs(deps.db, cp.crossSellProcedureIds),
    upsellSlugs: await crossSellSlugs(deps.db, cp.upsellProcedureIds),
  };
  return store(deps, 'clinic_procedure', id, cp.clinicId, procedureDocs(merged, g, extras));
}

async function indexPricing(deps: KnowledgeDeps, job: KnowledgeJob, id: string, glossary?: GlossaryEntry[]): Promise<IndexOutcome> {
  const row = await deps.db.procedurePricing.findUnique({
    where: { id },
    select: { ...pricingSelect, clinicProcedure: { select: clinicProcedureSelect } },
  });
  if (row && mismatch(job, row.clinicId)) return { sourceType: 'pricing', sourceId: id, rows: 0, status: 'tenant_mismatch' };
  const cp = row?.clinicProcedure;
  if (!row || !row.isActive || !cp || !cp.isActive || !cp.procedure.isActive) return store(deps, 'pricing', id, row?.clinicId ?? null, []);
  const g = glossary ?? (await loadGlossary(deps.db, row.clinicId));
  const merged = mergeProcedure(cp, g);
  return store(deps, 'pricing', id, row.clinicId, pricingDocs(row, { slug: merged.slug, names: merged.names }, g, nowOf(deps)));
}

async function indexLibrary(deps: KnowledgeDeps, job: KnowledgeJob, id: string): Promise<IndexOutcome> {
  const row = await deps.db.responseLibrary.findUnique({
    where: { id },
    select: {
      id: true,
      clinicId: true,
      category: true,
      subcategory: true,
      questionKo: true,
      answerKo: true,
      translations: true,
      keywords: true,
      isActive: true,
    },
  });
  if (row && mismatch(job, row.clinicId)) return { sourceType: 'response_library', sourceId: id, rows: 0, status: 'tenant_mismatch' };
  return store(deps, 'response_library', id, row?.clinicId ?? null, row?.isActive ? libraryDocs(row) : []);
}

async function indexMedicalTerm(deps: KnowledgeDeps, job: KnowledgeJob, id: string): Promise<IndexOutcome> {
  const row = await deps.db.medicalTerm.findUnique({
    where: { id },
    select: { id: true, clinicId: true, termKo: true, termEn: true, termJa: true, termZh: true, termZhTw: true, termVi: true, category: true },
  });
  if (row && mismatch(job, row.clinicId)) return { sourceType: 'medical_term', sourceId: id, rows: 0, status: 'tenant_mismatch' };
  return store(deps, 'medical_term', id, row?.clinicId ?? null, row ? medicalTermDocs(row) : []);
}

async function indexClinicInfo(deps: KnowledgeDeps, job: KnowledgeJob, clinicId: string): Promise<IndexOutcome> {
  if (job.clinicId !== null && job.clinicId !== clinicId) return { sourceType: 'clinic_info', sourceId: clinicId, rows: 0, status: 'tenant_mismatch' };
  const c = await deps.db.clinic.findUnique({
    where: { id: clinicId },
    select: { id: true, name: true, address: true, phone: true, email: true, settings: true, isActive: true },
  });
  return store(deps, 'clinic_info', clinicId, c ? clinicId : null, c?.isActive ? clinicInfoDocs(c) : []);
}

/**
 * Re-indexes exactly one knowledge source (the `knowledge-index` job). A source that is gone or inactive
 * loses its rows, so it disappears from search. A textbook procedure fans out to every clinic's merged
 * procedure rows (the clinic's overrides are merged into them), limited to job.clinicId when given.
 */
export async function indexSource(deps: KnowledgeDeps, input: KnowledgeJob): Promise<IndexOutcome> {
  const job = KnowledgeJobSchema.parse(input);
  switch (job.sourceType) {
    case 'procedure': {
      const cps = await deps.db.clinicProcedure.findMany({
        where: { procedureId: job.sourceId, ...(job.clinicId ? { clinicId: job.clinicId } : {}) },
        select: { id: true },
      });
      const fannedOut: IndexOutcome[] = [];
      for (const cp of cps) fannedOut.push(await indexClinicProcedure(deps, job, cp.id));
      return { sourceType: 'procedure', sourceId: job.sourceId, rows: fannedOut.reduce((s, o) => s + o.rows, 0), status: 'indexed', fannedOut };
    }
    case 'clinic_procedure':
      return indexClinicProcedure(deps, job, job.sourceId);
    case 'pricing':
      return indexPricing(deps, job, job.sourceId);
    case 'response_library':
      return indexLibrary(deps, job, job.sourceId);
    case 'medical_term':
      return indexMedicalTerm(deps, job, job.sourceId);
    case 'clinic_info':
      return indexClinicInfo(deps, job, job.sourceId);
  }
}

export interface ReindexOutcome {
  sources: number;
  rows: number;
  /** Rows removed because their source no longer exists. */
  orphansRemoved: number;
  ms: number;
}

const key = (t: string, id: string) => `${t}:${id}`;

async function removeOrphans(db: Db, clinicId: string | null, keep: string[]): Promise<number> {
  const types = ['procedure', 'clinic_procedure', 'pricing', 'response_library', 'medical_term', 'clinic_info'];
  return clinicId
    ? db.$executeRaw`DELETE FROM embeddings WHERE clinic_id = ${clinicId}::uuid AND source_type = ANY(${types}::text[])
        AND NOT ((source_type || ':' || source_id::text) = ANY(${keep}::text[]))`
    : db.$executeRaw`DELETE FROM embeddings WHERE clinic_id IS NULL AND source_type = ANY(${types}::text[])
        AND NOT ((source_type || ':' || source_id::text) = ANY(${keep}::text[]))`;
}

/**
 * Every knowledge source of one clinic, source by source (each replaced atomically, so search never sees
 * a gap), then rows of sources that no longer exist are removed. Global rows are left alone.
 */
export async function reindexClinic(deps: KnowledgeDeps, clinicId: string): Promise<ReindexOutcome> {
  const started = performance.now();
  const { db } = deps;
  const job = (sourceType: KnowledgeJob['sourceType'], sourceId: string): KnowledgeJob => ({ clinicId, sourceType, sourceId });
  const glossary = await loadGlossary(db, clinicId);
  const [cps, prices, library, terms] = await Promise.all([
    db.clinicProcedure.findMany({ where: { clinicId }, select: { id: true } }),
    db.procedurePricing.findMany({ where: { clinicId }, select: { id: true } }),
    db.responseLibrary.findMany({ where: { clinicId }, select: { id: true } }),
    db.medicalTerm.findMany({ where: { clinicId }, select: { id: true } }),
  ]);
  const outcomes: IndexOutcome[] = [];
  for (const cp of cps) outcomes.push(await indexClinicProcedure(deps, job('clinic_procedure', cp.id), cp.id, glossary));
  for (const p of prices) outcomes.push(await indexPricing(deps, job('pricing', p.id), p.id, glossary));
  for (const l of library) outcomes.push(await indexLibrary(deps, job('response_library', l.id), l.id));
  for (const t of terms) outcomes.push(await indexMedicalTerm(deps, job('medical_term', t.id), t.id));
  outcomes.push(await indexClinicInfo(deps, job('clinic_info', clinicId), clinicId));
  const keep = outcomes.filter((o) => o.rows > 0).map((o) => key(o.sourceType, o.sourceId));
  const orphansRemoved = await removeOrphans(db, clinicId, keep);
  return { sources: outcomes.length, rows: outcomes.reduce((s, o) => s + o.rows, 0), orphansRemoved, ms: Math.round(performance.now() - started) };
}

/** The global rows (clinic NULL): the shared medical glossary. */
export async function reindexGlobal(deps: KnowledgeDeps): Promise<ReindexOutcome> {
  const started = performance.now();
  const terms = await deps.db.medicalTerm.findMany({ where: { clinicId: null }, select: { id: true } });
  const outcomes: IndexOutcome[] = [];
  for (const t of terms) outcomes.push(await indexMedicalTerm(deps, { clinicId: null, sourceType: 'medical_term', sourceId: t.id }, t.id));
  const keep = outcomes.filter((o) => o.rows > 0).map((o) => key(o.sourceType, o.sourceId));
  const orphansRemoved = await removeOrphans(deps.db, null, keep);
  return { sources: outcomes.length, rows: outcomes.reduce((s, o) => s + o.rows, 0), orphansRemoved, ms: Math.round(performance.now() - started) };
}
