import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-client';
import { useI18n } from '../i18n/i18n';
import { Result } from './admin-ui';

export interface FieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'list';
  required?: boolean;
}

/** A small create/edit form over string fields; 'list' fields are comma-separated arrays. */
export function RecordForm({
  title,
  fields,
  initial,
  onSubmit,
  onCancel,
}: {
  title: string;
  fields: FieldSpec[];
  initial: Record<string, unknown>;
  onSubmit(values: Record<string, unknown>): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, Array.isArray(initial[f.name]) ? (initial[f.name] as string[]).join(', ') : String(initial[f.name] ?? '')])),
  );
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const v = values[f.name]?.trim() ?? '';
      if (f.kind === 'list')
        out[f.name] = v
          ? v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : [];
      else out[f.name] = v === '' ? (f.required ? v : null) : v;
    }
    try {
      await onSubmit(out);
      setResult({ ok: true, text: t('admin.saved') });
    } catch (err) {
      setResult({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2 className="h3">{title}</h2>
      {fields.map((f) => (
        <label key={f.name}>
          {f.label}
          {f.required ? ' *' : ''}
          {f.kind === 'textarea' ? (
            <textarea rows={3} required={f.required} value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
          ) : (
            <input required={f.required} value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
          )}
        </label>
      ))}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('admin.save')}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        )}
      </div>
      <Result result={result} />
    </form>
  );
}
