import { useMemo, useState } from 'react';
import { api } from '../api/api-client';
import type { MedicalTerm } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { ListState, PageHead } from './admin-ui';
import { RecordForm, type FieldSpec } from './record-form';
import { useList } from './use-list';

const LANGS = ['termEn', 'termJa', 'termZh', 'termZhTw', 'termVi'] as const;

export function GlossaryPage({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const { items, error, loading, reload } = useList<MedicalTerm>('/api/medical-terms');
  const [editing, setEditing] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const fields: FieldSpec[] = [
    { name: 'termKo', label: '한국어 (ko)', required: true },
    { name: 'termEn', label: 'English (en)' },
    { name: 'termJa', label: '日本語 (ja)' },
    { name: 'termZh', label: '简体中文 (zh)' },
    { name: 'termZhTw', label: '繁體中文 (zh-TW)' },
    { name: 'termVi', label: 'Tiếng Việt (vi)' },
  ];
  const shown = useMemo(() => {
    const s = q.trim().toLowerCase();
    return s ? items.filter((x) => [x.termKo, ...LANGS.map((l) => x[l])].some((v) => v?.toLowerCase().includes(s))) : items;
  }, [items, q]);
  const editingTerm = items.find((x) => x.id === editing);
  return (
    <div className="pad page">
      <PageHead title={t('glossary.title')}>
        <input type="search" aria-label={t('glossary.search')} placeholder={t('glossary.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        {canManage && (
          <button type="button" className="btn" onClick={() => setEditing('new')}>
            {t('admin.add')}
          </button>
        )}
      </PageHead>
      <ListState loading={loading} error={error} />
      {(editing === 'new' || editingTerm) && (
        <RecordForm
          key={editing}
          title={editingTerm ? editingTerm.termKo : t('admin.add')}
          fields={fields}
          initial={(editingTerm ?? {}) as Record<string, unknown>}
          onCancel={() => setEditing(null)}
          onSubmit={async (v) => {
            if (editingTerm) await api.patch(`/api/medical-terms/${editingTerm.id}`, v);
            else await api.post('/api/medical-terms', v);
            setEditing(null);
            await reload();
          }}
        />
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">ko</th>
              <th scope="col">en</th>
              <th scope="col">ja</th>
              <th scope="col">zh</th>
              <th scope="col">zh-TW</th>
              <th scope="col">vi</th>
              <th scope="col">
                <span className="sr-only">{t('admin.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((x) => (
              <tr key={x.id}>
                <th scope="row">
                  {x.termKo} <span className="chip">{x.scope === 'global' ? t('glossary.scope.global') : t('glossary.scope.clinic')}</span>
                </th>
                {LANGS.map((l) => (
                  <td key={l}>{x[l] ?? ''}</td>
                ))}
                <td>
                  {canManage && x.scope === 'clinic' && (
                    <button type="button" className="btn btn-small" onClick={() => setEditing(x.id)}>
                      {t('admin.edit')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
