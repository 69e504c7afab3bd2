import { useState } from 'react';
import { api } from '../api/api-client';
import type { Persona } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { languageName } from '../ui/format';
import { ListState, PageHead } from './admin-ui';
import { RecordForm, type FieldSpec } from './record-form';
import { useList } from './use-list';

export function PersonasPage({ canManage }: { canManage: boolean }) {
  const { t, locale } = useI18n();
  const { items, error, loading, reload } = useList<Persona>('/api/personas');
  const [editing, setEditing] = useState<string | null>(null);
  const fields: FieldSpec[] = [
    { name: 'name', label: t('personas.name'), required: true },
    { name: 'languageCode', label: t('personas.language'), required: true },
    { name: 'tone', label: t('personas.tone') },
    { name: 'personality', label: t('personas.personality'), kind: 'textarea' },
  ];
  return (
    <div className="pad page">
      <PageHead title={t('personas.title')}>
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
            await api.post('/api/personas', v);
            setEditing(null);
            await reload();
          }}
        />
      )}
      <ul className="cards">
        {items.map((p) => (
          <li key={p.id} className="card">
            {editing === p.id ? (
              <RecordForm
                title={p.name}
                fields={fields}
                initial={p as unknown as Record<string, unknown>}
                onCancel={() => setEditing(null)}
                onSubmit={async (v) => {
                  await api.patch(`/api/personas/${p.id}`, v);
                  setEditing(null);
                  await reload();
                }}
              />
            ) : (
              <>
                <div className="card-top">
                  <strong>{p.name}</strong>
                  <span className="chip">{languageName(p.languageCode, locale)}</span>
                  {p.tone && <span className="chip">{p.tone}</span>}
                  {!p.isActive && <span className="chip">{t('admin.inactive')}</span>}
                  <span className="spacer" />
                  {canManage && (
                    <button type="button" className="btn btn-small" onClick={() => setEditing(p.id)}>
                      {t('admin.edit')}
                    </button>
                  )}
                </div>
                {p.personality && <p className="small pre">{p.personality}</p>}
                {p.greetingMorning && <p className="small muted pre">{p.greetingMorning}</p>}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
