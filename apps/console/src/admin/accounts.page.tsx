import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/api-client';
import { PLATFORM_CATALOG, PLATFORMS, type MessengerAccount, type Platform } from '../api/api.types';
import { useI18n } from '../i18n/i18n';
import { dateTime } from '../ui/format';
import { PlatformIcon, platformName } from '../ui/platform-icon';
import { ListState, PageHead, Result } from './admin-ui';
import { useList } from './use-list';

/** What each platform asks for (optional fields end with ?), as the API documents it. */
const FIELDS = Object.fromEntries(PLATFORMS.map((p) => [p, PLATFORM_CATALOG[p].adminFields as readonly string[]])) as Record<Platform, readonly string[]>;

interface Setup {
  webhookUrl: string;
  secrets: Record<string, string>;
  pasteInto: { field: string; pasteInto: string }[];
}

export function AccountsPage({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const { items, error, loading, reload } = useList<MessengerAccount>('/api/messenger-accounts');
  const [setup, setSetup] = useState<Setup | null>(null);
  return (
    <div className="pad page">
      <PageHead title={t('accounts.title')} />
      <ListState loading={loading} error={error} />
      {setup && <SetupBox setup={setup} onClose={() => setSetup(null)} />}
      <ul className="cards" data-testid="accounts">
        {items.map((a) => (
          <AccountCard key={a.id} a={a} canManage={canManage} onChanged={reload} />
        ))}
      </ul>
      {canManage && <ConnectForm onCreated={(s) => (setSetup(s), void reload())} />}
    </div>
  );
}

function AccountCard({ a, canManage, onChanged }: { a: MessengerAccount; canManage: boolean; onChanged(): Promise<void> }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const test = async () => {
    setBusy(true);
    setResult(null);
    try {
      const r = await api.post<{ result: { ok: boolean; message?: string; code?: string } }>(`/api/messenger-accounts/${a.id}/test`);
      setResult(
        r.result.ok
          ? { ok: true, text: t('accounts.testOk') }
          : { ok: false, text: t('accounts.testFail', { message: `${r.result.code ?? ''} ${r.result.message ?? ''}` }) },
      );
      await onChanged();
    } catch (err) {
      setResult({ ok: false, text: t('accounts.testFail', { message: (err as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  const toggle = async () => {
    await api.patch(`/api/messenger-accounts/${a.id}`, { isActive: !a.isActive });
    await onChanged();
  };
  return (
    <li className="card account">
      <div className="card-top">
        <PlatformIcon platform={a.messengerType} size={24} />
        <strong>{a.displayName || a.accountName}</strong>
        <span className="muted small">{platformName(a.messengerType)}</span>
        <span className="spacer" />
        <span className={`chip ${a.isConnected ? 'chip-ok' : 'chip-warn'}`}>{a.isConnected ? t('accounts.connected') : t('accounts.disconnected')}</span>
        {!a.isActive && <span className="chip">{t('admin.inactive')}</span>}
      </div>
      {a.connectionError && <p className="small form-error">{a.connectionError}</p>}
      <div className="field-row">
        <span className="small">{t('accounts.webhook')}</span>
        <code className="mono small break">{a.webhookUrl}</code>
        {a.webhookUrl && <CopyButton text={a.webhookUrl} />}
      </div>
      <dl className="facts small">
        {Object.entries(a.credentials).map(([k, v]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd className="mono">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        {a.lastSyncedAt ? dateTime(a.lastSyncedAt, locale) : ''} {a.targetCountries.length ? `· ${a.targetCountries.join(', ')}` : ''}
      </p>
      {canManage && (
        <div className="actions">
          <button type="button" className="btn btn-small" onClick={() => void test()} disabled={busy}>
            {busy ? t('accounts.testing') : t('accounts.test')}
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => void toggle()}>
            {a.isActive ? t('admin.delete') : t('admin.active')}
          </button>
        </div>
      )}
      <Result result={result} />
    </li>
  );
}

function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-small"
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(() => {
          setDone(true);
          setTimeout(() => setDone(false), 1500);
        })
      }
    >
      {done ? t('accounts.copied') : t('accounts.copy')}
    </button>
  );
}

function SetupBox({ setup, onClose }: { setup: Setup; onClose(): void }) {
  const { t } = useI18n();
  return (
    <div className="banner banner-info setup" role="status">
      <p>
        <strong>{t('accounts.secretsOnce')}</strong>
      </p>
      <p>
        {t('accounts.webhook')}: <code className="mono break">{setup.webhookUrl}</code> <CopyButton text={setup.webhookUrl} />
      </p>
      {Object.entries(setup.secrets).map(([k, v]) => (
        <p key={k}>
          {k}: <code className="mono break">{v}</code> <CopyButton text={v} />
          <br />
          <span className="small muted">{setup.pasteInto.find((p) => p.field === k)?.pasteInto}</span>
        </p>
      ))}
      <button type="button" className="btn btn-small" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}

function ConnectForm({ onCreated }: { onCreated(s: Setup): void }) {
  const { t } = useI18n();
  const [platform, setPlatform] = useState<Platform>('line');
  const [name, setName] = useState('');
  const [creds, setCreds] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    const credentials = Object.fromEntries(Object.entries(creds).filter(([k, v]) => v.trim() && FIELDS[platform].some((f) => f.replace('?', '') === k)));
    try {
      const r = await api.post<{ setup: Setup }>('/api/messenger-accounts', { platform, accountName: name, credentials });
      setName('');
      setCreds({});
      onCreated(r.setup);
    } catch (err) {
      setResult({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    }
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2 className="h2">{t('accounts.connect')}</h2>
      <label>
        {t('accounts.platform')}
        <select value={platform} onChange={(e) => setPlatform(e.target.value as Platform)}>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {platformName(p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('accounts.name')}
        <input required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {FIELDS[platform].map((f) => {
        const key = f.replace('?', '');
        return (
          <label key={f}>
            {key}
            {f.endsWith('?') ? '' : ' *'}
            <input required={!f.endsWith('?')} autoComplete="off" value={creds[key] ?? ''} onChange={(e) => setCreds({ ...creds, [key]: e.target.value })} />
          </label>
        );
      })}
      <button type="submit" className="btn btn-primary">
        {t('accounts.connect')}
      </button>
      <Result result={result} />
    </form>
  );
}
