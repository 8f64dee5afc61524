import { RULES, ruleSettingFor, type Localized, type PayerProfile, type RuleSetting } from '../../rules';
import { t, uiLanguage } from '../i18n';

/** The label of a rule setting in the UI language. */
export function settingLabel(setting: RuleSetting): string {
  if (setting === 'off') return t('profiles_setting_off');
  if (setting === 'error') return t('severity_error');
  if (setting === 'warning') return t('severity_warning');
  return t('severity_info');
}

/** A profile note as shown in the UI language (plain-text notes read the same in both). */
export function noteText(note: string | Localized | undefined, language: 'en' | 'es'): string {
  if (note === undefined) return '';
  return typeof note === 'string' ? note : note[language];
}

/**
 * What a rule checks, in the UI language: the catalogs hold each rule's description
 * (`ruledesc_<id>`; the English one is the rule's own meta.description, kept equal by a test).
 */
export function ruleDescription(id: string): string {
  return t(`ruledesc_${id.replace(/[/-]/g, '_')}`);
}

export function RuleCell({ id }: { id: string }) {
  return (
    <>
      <code>{id}</code>
      <div class="cg-muted">{ruleDescription(id)}</div>
    </>
  );
}

/** Read-only view of a profile: each rule's setting under it, and its note. */
export function ProfileRules({ profile }: { profile: PayerProfile }) {
  const language = uiLanguage();
  return (
    <table class="cg-lines cg-profile-rules" data-profile-rules={profile.id}>
      <caption class="cg-sr">{`${t('profiles_rules')}: ${profile.name[language]}`}</caption>
      <thead>
        <tr>
          <th scope="col">{t('profiles_col_rule')}</th>
          <th scope="col">{t('profiles_col_setting')}</th>
          <th scope="col">{t('profiles_col_note')}</th>
        </tr>
      </thead>
      <tbody>
        {RULES.map((rule) => {
          const setting = ruleSettingFor(rule, profile);
          return (
            <tr key={rule.meta.id} data-rule={rule.meta.id} data-setting={setting}>
              <th scope="row">
                <RuleCell id={rule.meta.id} />
              </th>
              <td>{settingLabel(setting)}</td>
              <td>{noteText(profile.notes?.[rule.meta.id], language)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
