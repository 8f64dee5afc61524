import type { PayerProfile } from '../rules';
import { SeverityBadge } from './FindingList';
import { t, uiLanguage } from './i18n';
import { Logo } from './Logo';

export type SiteStatus = 'enabled' | 'paused' | 'not-enabled';

export interface PopupProps {
  profiles: readonly PayerProfile[];
  activeProfileId: string;
  /** Shown when the stored profile setting was unreadable and the default is used. */
  recovered: boolean;
  /** Some stored custom profiles were unreadable and are not listed. */
  profilesRecovered?: boolean;
  /** The organization's policy locks the profile: the choice is shown but cannot change. */
  profileLocked?: boolean;
  site: { origin: string | null; status: SiteStatus };
  counts: { error: number; warning: number };
  onSelectProfile(id: string): void;
  onTogglePause(): void;
  onOpenPanel(): void;
  onOpenOptions(): void;
}

/** The toolbar popup: the active payer profile (one click to switch), this site, and the panel. */
export function Popup(props: PopupProps) {
  const language = uiLanguage();
  return (
    <main class="cg-popup">
      <h1 class="cg-panel__title">
        <Logo />
        {t('extName')}
      </h1>
      {props.recovered ? <p role="status" class="cg-notice">{t('notice_settings_recovered')}</p> : null}
      {props.profilesRecovered ? <p role="status" class="cg-notice">{t('notice_profiles_recovered')}</p> : null}
      <fieldset class="cg-profiles" disabled={props.profileLocked} aria-describedby={props.profileLocked ? 'profile-locked' : undefined}>
        <legend>
          {t('popup_profile')}
          {props.profileLocked ? (
            <>
              {' '}
              <span class="cg-locked">{t('policy_locked')}</span>
            </>
          ) : null}
        </legend>
        {props.profileLocked ? (
          <p id="profile-locked" class="cg-muted">
            {t('popup_profile_locked')}
          </p>
        ) : null}
        {props.profiles.map((profile) => (
          <label key={profile.id} class="cg-radio">
            <input
              type="radio"
              name="profile"
              value={profile.id}
              checked={profile.id === props.activeProfileId}
              disabled={props.profileLocked}
              onChange={() => props.onSelectProfile(profile.id)}
            />
            <span>{profile.name[language]}</span>
          </label>
        ))}
      </fieldset>
      <section class="cg-site" aria-label={t('popup_site')}>
        <h2>{t('popup_site')}</h2>
        <p>
          <span class="cg-origin">{props.site.origin ?? '—'}</span>: <strong data-site-status={props.site.status}>{t(`site_${props.site.status.replace('-', '_')}`)}</strong>
        </p>
        {props.site.status !== 'not-enabled' ? (
          <button type="button" onClick={props.onTogglePause}>
            {props.site.status === 'paused' ? t('action_resume') : t('action_pause')}
          </button>
        ) : null}
        <p class="cg-counts">
          <span class="cg-count">
            <SeverityBadge severity="error" /> {t('count_errors', [String(props.counts.error)])}
          </span>{' '}
          <span class="cg-count">
            <SeverityBadge severity="warning" /> {t('count_warnings', [String(props.counts.warning)])}
          </span>
        </p>
      </section>
      <button type="button" class="cg-primary" onClick={props.onOpenPanel}>
        {t('action_open_panel')}
      </button>
      <p class="cg-popup__links">
        <button type="button" onClick={props.onOpenOptions}>
          {t('action_open_options')}
        </button>
      </p>
    </main>
  );
}
