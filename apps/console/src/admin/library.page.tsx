import { useMemo, useState } from 'react';
import { api } from '../api/api-client';
import type { ResponseLibraryEntry } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { ListState, PageHead } from './admin-ui';
import { RecordForm, type FieldSpec } from './record-form';
import { useList } from './use-list';

export function LibraryPage({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const { items, error, loading, reload } = useList<ResponseLibraryEntry>('/api/response-library');
  const [editing, setEditing] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const fields: FieldSpec[] = [
    { name: 'category', label: t('library.category'), required: true },
    { name: 'questionKo', label: t('library.question'), kind: 'textarea', required: true },
    { name: 'answerKo', label: t('library.answer'), kind: 'textarea', required: true },
    { name: 'keywords', label: t('library.keywords'), kind: 'list' },
  ];
  const shown = useMemo(() => {
    const s = q.trim().toLowerCase();
    return s ? items.filter((x) => `${x.category} ${x.questionKo} ${x.answerKo} ${x.keywords.join(' ')}`.toLowerCase().includes(s)) : items;
  }, [items, q]);
  return (
    <div className="pad page">
      <PageHead title={t('library.title')}>
        <input type="search" aria-label={t('glossary.search')} placeholder={t('glossary.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        {canManage && (
          <button type="button" className="btn" onClick={() => setEditing('new')}>
            {t('admin.add')}
          </button>
        )}
      </PageHead>
      <ListState loading={loading} error={error} />
      {editing === 'new' && (
        <RecordForm
          title={t('admin.add')}
          fields={fields}
          initial={{}}
          onCancel={() => setEditing(null)}
          onSubmit={async (v) => {
            await api.post('/api/response-library', v);
            setEditing(null);
            await reload();
          }}
        />
      )}
      <ul className="cards">
        {shown.map((x) => (
          <li key={x.id} className="card">
            {editing === x.id ? (
              <RecordForm
                title={x.questionKo}
                fields={fields}
                initial={x as unknown as Record<string, unknown>}
                onCancel={() => setEditing(null)}
                onSubmit={async (v) => {
                  await api.patch(`/api/response-library/${x.id}`, v);
                  setEditing(null);
                  await reload();
                }}
              />
            ) : (
              <>
                <div className="card-top">
                  <span className="chip">{x.category}</span>
                  <strong>{x.questionKo}</strong>
                  {!x.isActive && <span className="chip">{t('admin.inactive')}</span>}
                  <span className="spacer" />
                  {canManage && (
                    <button type="button" className="btn btn-small" onClick={() => setEditing(x.id)}>
                      {t('admin.edit')}
                    </button>
                  )}
                </div>
                <p className="small pre">{x.answerKo}</p>
                {x.keywords.length > 0 && <p className="muted small">{x.keywords.join(' · ')}</p>}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
