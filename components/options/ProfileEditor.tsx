import { useEffect, useRef, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { PayerProfileSchema, RULES, ruleSettingFor, type Localized, type PayerProfile, type RuleSetting } from '../../rules';
import { t, uiLanguage } from '../i18n';
import { noteText, RuleCell, settingLabel } from './ProfileRules';

const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface ProfileEditorProps {
  mode: 'create' | 'edit';
  /** Profiles a new one may start from (create). */
  bases: readonly PayerProfile[];
  /** The base profile (create) or the profile being edited (edit). */
  initial: PayerProfile;
  /** Ids another profile already has. */
  takenIds: ReadonlySet<string>;
  onSave(profile: PayerProfile): Promise<void>;
  onCancel(): void;
}

interface Draft {
  base: PayerProfile;
  id: string;
  nameEn: string;
  nameEs: string;
  rules: Record<string, RuleSetting>;
  notes: Record<string, string | Localized>;
}

function draftFrom(base: PayerProfile, mode: 'create' | 'edit'): Draft {
  return {
    base,
    id: mode === 'edit' ? base.id : '',
    nameEn: mode === 'edit' ? base.name.en : '',
    nameEs: mode === 'edit' ? base.name.es : '',
    rules: { ...base.rules },
    notes: { ...base.notes },
  };
}

/** The profile the draft describes: the base's payer preferences with the draft's id, names, rules and notes. */
function profileOf(draft: Draft, mode: 'create' | 'edit'): PayerProfile {
  const { description: _description, ...base } = draft.base;
  const nameEn = draft.nameEn.trim();
  return {
    ...(mode === 'edit' ? draft.base : base),
    id: draft.id.trim(),
    name: { en: nameEn, es: draft.nameEs.trim() || nameEn },
    rules: { ...draft.rules },
    notes: { ...draft.notes },
  };
}

/** Create or edit a custom profile: base, id, names, and per rule a setting and a note. */
export function ProfileEditor(props: ProfileEditorProps) {
  const language = uiLanguage();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(props.initial, props.mode));
  const [errors, setErrors] = useState<string[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const current = profileOf(draft, props.mode);

  function setRule(id: string, value: RuleSetting, defaultSeverity: RuleSetting) {
    const rules = { ...draft.rules };
    // The rule's default is no override: source-driven severities (e.g. NCCI indicators) stay.
    if (value === defaultSeverity) delete rules[id];
    else rules[id] = value;
    setDraft({ ...draft, rules });
  }

  function setNote(id: string, value: string) {
    const notes = { ...draft.notes };
    if (value.trim()) notes[id] = value;
    else delete notes[id];
    setDraft({ ...draft, notes });
  }

  async function submit(event: Event) {
    event.preventDefault();
    const problems: string[] = [];
    const profile = profileOf(draft, props.mode);
    if (props.mode === 'create') {
      if (!ID_PATTERN.test(profile.id)) problems.push(t('profiles_id_invalid'));
      else if (props.takenIds.has(profile.id)) problems.push(t('profiles_id_taken', [profile.id]));
    }
    if (!profile.name.en) problems.push(t('profiles_name_required'));
    const parsed = z.safeParse(PayerProfileSchema, profile);
    if (!problems.length && !parsed.success) problems.push(t('profiles_id_invalid'));
    setErrors(problems);
    if (problems.length || !parsed.success) return;
    try {
      await props.onSave(parsed.data);
    } catch (error) {
      setErrors([error instanceof Error ? error.message : String(error)]);
    }
  }

  const title = props.mode === 'create' ? t('profiles_new') : t('profiles_edit_title', [props.initial.name[language]]);
  return (
    <form class="cg-profile-editor" aria-labelledby="profile-editor-title" onSubmit={submit} noValidate>
      <h3 id="profile-editor-title" tabIndex={-1} ref={heading}>
        {title}
      </h3>
      <fieldset>
        <legend>{t('profiles_identity')}</legend>
        {props.mode === 'create' ? (
          <p>
            <label for="profile-base">{t('profiles_base')}</label>{' '}
            <select
              id="profile-base"
              value={draft.base.id}
              onChange={(event) => {
                const base = props.bases.find((profile) => profile.id === (event.target as HTMLSelectElement).value);
                if (base) setDraft({ ...draftFrom(base, 'create'), id: draft.id, nameEn: draft.nameEn, nameEs: draft.nameEs });
              }}
            >
              {props.bases.map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {profile.name[language]}
                </option>
              ))}
            </select>
          </p>
        ) : null}
        <p>
          <label for="profile-id">{t('profiles_id')}</label>{' '}
          <input
            id="profile-id"
            value={draft.id}
            readOnly={props.mode === 'edit'}
            required
            maxLength={64}
            autoComplete="off"
            spellcheck={false}
            aria-describedby="profile-id-hint"
            onInput={(event) => setDraft({ ...draft, id: (event.target as HTMLInputElement).value })}
          />{' '}
          <span id="profile-id-hint" class="cg-muted">
            {t('profiles_id_hint')}
          </span>
        </p>
        <p>
          <label for="profile-name-en">{t('profiles_name_en')}</label>{' '}
          <input
            id="profile-name-en"
            lang="en"
            value={draft.nameEn}
            required
            maxLength={200}
            onInput={(event) => setDraft({ ...draft, nameEn: (event.target as HTMLInputElement).value })}
          />
        </p>
        <p>
          <label for="profile-name-es">{t('profiles_name_es')}</label>{' '}
          <input
            id="profile-name-es"
            lang="es"
            value={draft.nameEs}
            maxLength={200}
            onInput={(event) => setDraft({ ...draft, nameEs: (event.target as HTMLInputElement).value })}
          />
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('profiles_rules')}</legend>
        <table class="cg-lines cg-profile-rules">
          <thead>
            <tr>
              <th scope="col">{t('profiles_col_rule')}</th>
              <th scope="col">{t('profiles_col_setting')}</th>
              <th scope="col">{t('profiles_col_note')}</th>
            </tr>
          </thead>
          <tbody>
            {RULES.map((rule, index) => {
              const id = rule.meta.id;
              const inactive = !!rule.meta.enabledBy && !rule.meta.enabledBy(current);
              const setting = ruleSettingFor(rule, current);
              return (
                <tr key={id} data-rule={id} data-setting={setting}>
                  <th scope="row">
                    <RuleCell id={id} />
                  </th>
                  <td>
                    <select
                      id={`profile-rule-${index}`}
                      aria-label={t('profiles_setting_label', [id])}
                      aria-describedby={inactive ? `profile-rule-${index}-inactive` : undefined}
                      value={setting}
                      disabled={inactive}
                      onChange={(event) => setRule(id, (event.target as HTMLSelectElement).value as RuleSetting, rule.meta.defaultSeverity)}
                    >
                      {SETTINGS.map((value) => (
                        <option key={value} value={value}>
                          {settingLabel(value)}
                        </option>
                      ))}
                    </select>
                    {inactive ? (
                      <div id={`profile-rule-${index}-inactive`} class="cg-muted">
                        {t('profiles_rule_inactive')}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <input
                      class="cg-note-input"
                      aria-label={t('profiles_note_label', [id])}
                      value={noteText(draft.notes[id], language)}
                      maxLength={1000}
                      onInput={(event) => setNote(id, (event.target as HTMLInputElement).value)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
      {errors.length ? (
        <ul role="alert" class="cg-problems">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
      <p class="cg-actions">
        <button type="submit" class="cg-primary-inline">
          {t('profiles_save')}
        </button>{' '}
        <button type="button" onClick={props.onCancel}>
          {t('profiles_cancel')}
        </button>
      </p>
    </form>
  );
}
