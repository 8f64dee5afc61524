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
    const label = name || pattern;
    return (
      <li key={pattern} data-site={pattern} data-site-state={locked ? 'locked' : on ? 'on' : 'off'} class="cg-row">
        <span class="cg-row__what">
          <span class="cg-row__name">{label}</span>
          {name ? <code>{pattern}</code> : null}
        </span>
        <span class="cg-row__state">
          {locked ? (
            <span class="cg-locked">{t('policy_locked')}</span>
          ) : (
            <span class={`cg-tag ${on ? 'cg-status--on' : 'cg-status--off'}`} aria-hidden="true">
              {on ? t('sites_state_on') : t('sites_state_off')}
            </span>
          )}
          <label class="cg-switch">
            <input
              type="checkbox"
              role="switch"
              checked={on}
              disabled={locked}
              aria-label={t('sites_toggle', [label])}
              onChange={(event) => {
                const input = event.target as HTMLInputElement;
                // Shown as it is until the permission is granted or removed (the list follows storage).
                input.checked = on;
                void (on ? props.onDisable(pattern) : props.onEnable(pattern));
              }}
            />
            <span class="cg-switch__track" aria-hidden="true" />
          </label>
        </span>
      </li>
    );
  };

  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sites_title')}</h2>
      <p class="cg-muted">{t('sites_intro')}</p>
      <ul class="cg-rows cg-sites">
        <li class="cg-row" data-site="demo" data-site-state="on">
          <span class="cg-row__what">
            <span class="cg-row__name">{t('sites_demo')}</span>
            <span>
              <code>http://localhost/*</code>, <code>http://127.0.0.1/*</code>
            </span>
          </span>
          <span class="cg-row__state">
            <span class="cg-tag cg-status--on">{t('sites_state_always')}</span>
          </span>
        </li>
        {KNOWN_PORTALS.map((portal) => row(portal.pattern, portal.name))}
        {[...new Set([...custom, ...props.locked])].filter((p) => !KNOWN_PORTALS.some((k) => k.pattern === p)).map((pattern) => row(pattern, ''))}
      </ul>
      <form onSubmit={add} class="cg-add-site" noValidate>
        <label for="add-origin">{t('sites_add_label')}</label>
        <input
          id="add-origin"
          type="url"
          value={origin}
          placeholder="https://portal.example.com"
          aria-describedby={error ? 'add-origin-error' : undefined}
          onInput={(event) => setOrigin((event.target as HTMLInputElement).value)}
        />
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
