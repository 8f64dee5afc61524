import { useState } from 'preact/hooks';
import { parseDescriptorPack, type DescriptorPack, type PackProblem } from '../../settings/descriptor-pack';
import { t } from '../i18n';
import { ProblemList } from './ProblemList';
import { takeChosenFile } from './chosen-file';

export interface DescriptorPackSectionProps {
  pack: DescriptorPack | null;
  onSave(pack: DescriptorPack): Promise<void>;
  onRemove(): Promise<void>;
}

/** Import an organization's licensed CPT descriptor file; a bad file is rejected whole. */
export function DescriptorPackSection(props: DescriptorPackSectionProps) {
  const [problems, setProblems] = useState<PackProblem[]>([]);
  const [status, setStatus] = useState('');

  async function onFile(event: Event) {
    const file = takeChosenFile(event);
    if (!file) return;
    const result = parseDescriptorPack(await file.text(), file.name);
    if (!result.ok) {
      setProblems(result.problems);
      setStatus(t('import_rejected', [file.name]));
      return;
    }
    setProblems([]);
    await props.onSave(result.pack);
    setStatus(t('pack_imported', [String(Object.keys(result.pack.descriptors).length)]));
  }

  return (
    <section aria-labelledby="pack-title">
      <h2 id="pack-title">{t('pack_title')}</h2>
      <p class="cg-muted">{t('pack_intro')}</p>
      <p data-pack-state={props.pack ? 'loaded' : 'none'}>
        {props.pack ? t('pack_current', [props.pack.name, String(Object.keys(props.pack.descriptors).length)]) : t('pack_none')}
      </p>
      <div class="cg-toolbar">
        <label class="cg-file">
          <span class="cg-file__button">{t('pack_import')}</span>
          <input type="file" accept=".txt,.tsv,.csv,.json,text/plain,application/json" onChange={onFile} />
        </label>
        {props.pack ? (
          <button type="button" onClick={() => void props.onRemove().then(() => setStatus(t('pack_removed')))}>
            {t('pack_remove')}
          </button>
        ) : null}
      </div>
      <p role="status">{status}</p>
      <ProblemList problems={problems} />
    </section>
  );
}
