import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export function PageHead({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-head">
      <h1 className="h1">{title}</h1>
      <span className="spacer" />
      {children}
    </div>
  );
}

export function ListState({ loading, error }: { loading: boolean; error: string | null }) {
  const { t } = useI18n();
  if (error)
    return (
      <p className="form-error" role="alert">
        {t('common.error', { message: error })}
      </p>
    );
  return loading ? <p className="muted">{t('common.loading')}</p> : null;
}

export function Result({ result }: { result: { ok: boolean; text: string } | null }) {
  if (!result) return null;
  return (
    <p className={result.ok ? 'form-ok' : 'form-error'} role={result.ok ? 'status' : 'alert'}>
      {result.text}
    </p>
  );
}
