import { useState } from 'preact/hooks';
import { KNOWN_PORTALS, originToPattern } from '../../settings/portals';
import { t } from '../i18n';

export interface SitesSectionProps {
  /** Patterns the coder enabled (and still has permission for). */
  enabled: readonly string[];
  /** Patterns pushed by the organization's policy: shown locked. */
  locked: readonly string[];
  onEnable(pattern: string): Promise<boolean>;
  onDisable(pattern: string): Promise<void>;
}

/** Portals ClaimGuide runs on: the demo portal, well-known portals, and origins the coder adds. */
export function SitesSection(props: SitesSectionProps) {
  const [origin, setOrigin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const custom = props.enabled.filter((pattern) => !KNOWN_PORTALS.some((portal) => portal.pattern === pattern));

  async function add(event: Event) {
    event.preventDefault();
    const pattern = originToPattern(origin);
    if (!pattern) {
      setError(t('sites_invalid_origin'));
      return;
    }
    setError(null);
    if (await props.onEnable(pattern)) setOrigin('');
    else setError(t('sites_permission_declined'));
  }

  const row = (pattern: string, name: string) => {
    const on = props.enabled.includes(pattern);
    const locked = props.locked.includes(pattern);
    return (
      <li key={pattern} data-site={pattern}>
        <span class="cg-site-name">{name}</span> <code>{pattern}</code>{' '}
        {locked ? (
          <span class="cg-locked">{t('policy_locked')}</span>
        ) : on ? (
          <button type="button" onClick={() => void props.onDisable(pattern)}>
            {t('sites_disable')}
          </button>
        ) : (
          <button type="button" onClick={() => void props.onEnable(pattern)}>
            {t('sites_enable')}
          </button>
        )}
      </li>
    );
  };

  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sites_title')}</h2>
      <p class="cg-muted">{t('sites_intro')}</p>
      <ul class="cg-sites">
        <li>
          <span class="cg-site-name">{t('sites_demo')}</span> <code>http://localhost/*</code>, <code>http://127.0.0.1/*</code>
        </li>
        {KNOWN_PORTALS.map((portal) => row(portal.pattern, portal.name))}
        {[...new Set([...custom, ...props.locked])].filter((p) => !KNOWN_PORTALS.some((k) => k.pattern === p)).map((pattern) => row(pattern, ''))}
      </ul>
      <form onSubmit={add} class="cg-add-site" noValidate>
        <label for="add-origin">{t('sites_add_label')}</label>{' '}
        <input
          id="add-origin"
          type="url"
          value={origin}
          placeholder="https://portal.example.com"
          aria-describedby={error ? 'add-origin-error' : undefined}
          onInput={(event) => setOrigin((event.target as HTMLInputElement).value)}
        />{' '}
        <button type="submit">{t('sites_add')}</button>
        {error ? (
          <p id="add-origin-error" role="alert" class="cg-error-text">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
