import type { PayerProfile } from '../../rules';
import type { ManagedPolicy } from '../../settings/policy';
import { effectiveProfiles, policyProfiles } from '../../settings/profiles';
import { t, uiLanguage } from '../i18n';
import { ProblemList } from './ProblemList';

export interface PolicySectionProps {
  /** The organization's managed policy ({} while unknown or when none). */
  policy: ManagedPolicy;
  /** The coder's custom profiles, to name the policy's default profile when it is one of them. */
  custom: readonly PayerProfile[];
}

/**
 * What the organization's enterprise policy sets, apart from the coder's own settings: its
 * portals, its default and locked profile, its profiles and why they could not be read.
 */
export function PolicySection(props: PolicySectionProps) {
  const language = uiLanguage();
  const { policy } = props;
  const fromPolicy = policyProfiles(policy);
  const effective = effectiveProfiles(props.custom, policy);
  const policyDefault = policy.defaultProfileId
    ? effective.find((entry) => entry.profile.id === policy.defaultProfileId)?.profile
    : undefined;
  const sites = policy.sites ?? [];
  const hasProfilePolicy = policy.defaultProfileId !== undefined || policy.lockProfile !== undefined || policy.customProfilesJson !== undefined;
  return (
    <section aria-labelledby="policy-title" class="cg-policy" data-policy-profiles>
      <h2 id="policy-title">{t('profiles_policy_title')}</h2>
      <p class="cg-muted">{t('policy_intro')}</p>
      <dl>
        <dt>{t('sites_title')}</dt>
        <dd data-policy-sites>
          {sites.length ? sites.map((site, i) => (
            <span key={site}>
              {i > 0 ? ', ' : ''}
              <code>{site}</code>
            </span>
          )) : t('policy_sites_none')}
        </dd>
        <dt>{t('profiles_title')}</dt>
        <dd>
          {!hasProfilePolicy ? <p>{t('profiles_policy_none')}</p> : null}
          {policy.defaultProfileId ? (
            <p data-policy-default={policy.defaultProfileId}>
              {t('profiles_policy_default', [policyDefault ? policyDefault.name[language] || policyDefault.name.en : policy.defaultProfileId])}{' '}
              <span class="cg-locked">{t('policy_locked')}</span>
            </p>
          ) : null}
          {policy.lockProfile ? (
            <p data-policy-lock>
              {t('profiles_policy_lock')} <span class="cg-locked">{t('policy_locked')}</span>
            </p>
          ) : null}
          {fromPolicy.profiles.length ? <p>{t('profiles_policy_count', [String(fromPolicy.profiles.length)])}</p> : null}
          {fromPolicy.errors.length ? (
            <div data-policy-errors>
              <p class="cg-error-text">{t('profiles_policy_invalid')}</p>
              <ProblemList problems={fromPolicy.errors} />
            </div>
          ) : null}
        </dd>
      </dl>
    </section>
  );
}
