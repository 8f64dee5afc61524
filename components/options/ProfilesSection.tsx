import { useRef, useState } from 'preact/hooks';
import { BUILTIN_PROFILES, type PayerProfile } from '../../rules';
import type { ManagedPolicy } from '../../settings/policy';
import {
  effectiveProfiles,
  MAX_CUSTOM_PROFILES,
  MAX_PROFILE_FILE_BYTES,
  parseProfilesJson,
  type ProfileSource,
} from '../../settings/profiles';
import { t, uiLanguage } from '../i18n';
import { ProblemList, type Problem } from './ProblemList';
import { ProfileEditor } from './ProfileEditor';
import { ProfileRules } from './ProfileRules';
import { takeChosenFile } from './chosen-file';

export interface ProfilesSectionProps {
  /** The coder's stored custom profiles. */
  custom: readonly PayerProfile[];
  /** Some stored custom profiles were unreadable and are left out. */
  recovered: boolean;
  /** The organization's managed policy ({} while unknown or when none). */
  policy: ManagedPolicy;
  /**
   * Changes the stored custom profiles: `update` gets the list as stored now (not as last
   * rendered, so another options tab's change is not lost) and may throw to refuse the change.
   */
  onChange(update: (current: readonly PayerProfile[]) => PayerProfile[]): Promise<void>;
}

type Editing = { mode: 'create' | 'edit'; initial: PayerProfile } | null;

/** Downloads a profile as a JSON file through an object URL, in the format imports accept. */
export function downloadProfile(profile: PayerProfile): string {
  const file = `${profile.id}.json`;
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(profile, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file;
}

/** The line of `"id": "<id>"` in an imported text (1 when it cannot be found). */
function idLine(text: string, id: string): number {
  const match = new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(text);
  return match ? text.slice(0, match.index).split('\n').length : 1;
}

/**
 * Payer profiles: the built-ins (read-only), the organization's (locked), and the coder's
 * custom ones (create from any profile, edit, delete, import and export as JSON).
 */
export function ProfilesSection(props: ProfilesSectionProps) {
  const language = uiLanguage();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const newButton = useRef<HTMLButtonElement>(null);

  const effective = effectiveProfiles(props.custom, props.policy);
  const rows: { profile: PayerProfile; source: ProfileSource }[] = [
    ...effective.filter((entry) => entry.source !== 'custom'),
    ...props.custom.map((profile) => ({ profile, source: 'custom' as const })),
  ];
  const takenIds = (except?: string) =>
    new Set([...effective.map((entry) => entry.profile.id), ...props.custom.map((profile) => profile.id)].filter((id) => id !== except));
  const nameOf = (profile: PayerProfile) => profile.name[language] || profile.name.en;

  function toggle(id: string) {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  }

  function closeEditor() {
    setEditing(null);
    // Back to where the coder started, for keyboard users.
    setTimeout(() => newButton.current?.focus(), 0);
  }

  async function save(profile: PayerProfile) {
    const mode = editing?.mode;
    await props.onChange((current) => {
      if (mode === 'edit') return current.map((p) => (p.id === profile.id ? profile : p));
      if (current.some((p) => p.id === profile.id)) throw new Error(t('profiles_id_taken', [profile.id]));
      return [...current, profile];
    });
    setStatus(t('profiles_saved', [nameOf(profile)]));
    closeEditor();
  }

  async function remove(profile: PayerProfile) {
    if (!window.confirm(t('profiles_delete_confirm', [nameOf(profile)]))) return;
    await props.onChange((current) => current.filter((p) => p.id !== profile.id));
    if (editing?.initial.id === profile.id) setEditing(null);
    setStatus(t('profiles_deleted', [nameOf(profile)]));
  }

  function reject(file: string, found: Problem[]) {
    setProblems(found);
    setStatus(t('import_rejected', [file]));
  }

  async function onFile(event: Event) {
    const file = takeChosenFile(event);
    if (!file) return;
    if (file.size > MAX_PROFILE_FILE_BYTES) return reject(file.name, [{ message: t('profiles_import_too_big') }]);
    const text = await file.text();
    const parsed = parseProfilesJson(text);
    if (!parsed.ok) return reject(file.name, parsed.errors);
    const isList = text.trimStart().replace(/^\uFEFF/, '').startsWith('[');
    const taken = takenIds();
    const conflicts: Problem[] = parsed.profiles.flatMap((profile, index) =>
      taken.has(profile.id)
        ? [{ path: isList ? `[${index}].id` : 'id', line: idLine(text, profile.id), message: t('profiles_import_conflict', [profile.id]) }]
        : [],
    );
    if (conflicts.length) return reject(file.name, conflicts);
    try {
      await props.onChange((current) => {
        const clash = parsed.profiles.find((profile) => current.some((p) => p.id === profile.id));
        if (clash) throw new Error(t('profiles_import_conflict', [clash.id]));
        if (current.length + parsed.profiles.length > MAX_CUSTOM_PROFILES) {
          throw new Error(t('profiles_import_too_many', [String(MAX_CUSTOM_PROFILES)]));
        }
        return [...current, ...parsed.profiles];
      });
    } catch (error) {
      return reject(file.name, [{ message: error instanceof Error ? error.message : String(error) }]);
    }
    setProblems([]);
    setStatus(t('profiles_imported', [parsed.profiles.map(nameOf).join(', ')]));
  }

  const sourceLabel = (source: ProfileSource) =>
    source === 'builtin' ? t('profiles_builtin') : source === 'custom' ? t('profiles_custom') : t('profiles_policy_source');

  return (
    <section aria-labelledby="profiles-title" class="cg-profiles-section">
      <h2 id="profiles-title">{t('profiles_title')}</h2>
      <p class="cg-muted">{t('profiles_intro')}</p>
      {props.recovered ? (
        <p role="status" class="cg-notice">
          {t('profiles_recovered')}
        </p>
      ) : null}
      <ul class="cg-rows cg-profile-list">
        {rows.map(({ profile, source }) => {
          const name = nameOf(profile);
          const open = expanded.has(`${source}:${profile.id}`);
          const regionId = `profile-rules-${source}-${profile.id}`;
          const sr = () => <span class="cg-sr"> {name}</span>;
          return (
            <li key={`${source}:${profile.id}`} data-profile={profile.id} data-profile-source={source}>
              <div class="cg-row">
                <span class="cg-row__what">
                  <span class="cg-profile-name">{name}</span>
                  <code>{profile.id}</code>
                </span>
                <span class="cg-row__state">
                  {source === 'policy' ? (
                    <span class="cg-locked">{t('policy_locked')}</span>
                  ) : (
                    <span class={`cg-tag cg-tag--${source}`}>{sourceLabel(source)}</span>
                  )}
                  <span class="cg-profile-actions">
                    <button type="button" aria-expanded={open} aria-controls={regionId} onClick={() => toggle(`${source}:${profile.id}`)}>
                      {open ? t('profiles_hide') : t('profiles_view')}
                      {sr()}
                    </button>
                    {source === 'custom' ? (
                      <>
                        <button type="button" onClick={() => setEditing({ mode: 'edit', initial: profile })}>
                          {t('profiles_edit')}
                          {sr()}
                        </button>
                        <button type="button" onClick={() => void remove(profile)}>
                          {t('profiles_delete')}
                          {sr()}
                        </button>
                      </>
                    ) : null}
                    <button type="button" onClick={() => setStatus(t('profiles_exported', [downloadProfile(profile)]))}>
                      {t('profiles_export')}
                      {sr()}
                    </button>
                  </span>
                </span>
              </div>
              {open ? (
                <div id={regionId} class="cg-profile-detail">
                  {profile.description ? <p class="cg-muted">{profile.description[language]}</p> : null}
                  <ProfileRules profile={profile} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {!props.custom.length ? <p class="cg-muted">{t('profiles_none_custom')}</p> : null}
      <div class="cg-toolbar cg-profile-tools">
        <button type="button" class="cg-button--primary" ref={newButton} onClick={() => setEditing({ mode: 'create', initial: BUILTIN_PROFILES[0]! })}>
          {t('profiles_new')}
        </button>
        <label class="cg-file">
          <span class="cg-file__button">{t('profiles_import')}</span>
          <input type="file" accept=".json,application/json" data-import="profiles" onChange={onFile} />
        </label>
      </div>
      <p role="status">{status}</p>
      <ProblemList problems={problems} />
      {editing ? (
        <ProfileEditor
          key={`${editing.mode}:${editing.initial.id}`}
          mode={editing.mode}
          bases={effective.map((entry) => entry.profile)}
          initial={editing.initial}
          takenIds={takenIds(editing.mode === 'edit' ? editing.initial.id : undefined)}
          onSave={save}
          onCancel={closeEditor}
        />
      ) : null}
    </section>
  );
}
