import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { localizeDocument, t } from '../../components/i18n';
import { CorrectionsSection } from '../../components/options/CorrectionsSection';
import { DescriptorPackSection } from '../../components/options/DescriptorPackSection';
import { Logo } from '../../components/Logo';
import { PolicySection } from '../../components/options/PolicySection';
import { ProfilesSection } from '../../components/options/ProfilesSection';
import { SitesSection } from '../../components/options/SitesSection';
import { correctionsItem, importCorrections, policyCorrections, readCorrections, removeCorrection, type Correction } from '../../settings/corrections';
import { descriptorPackItem, readDescriptorPack, type DescriptorPack } from '../../settings/descriptor-pack';
import { readManagedPolicy, type ManagedPolicy } from '../../settings/policy';
import { customProfilesItem, readCustomProfiles, saveCustomProfiles, type CustomProfiles } from '../../settings/profiles';
import { disableSite, enableSite, enabledSites, enabledSitesItem } from '../../settings/sites';

function App() {
  const [sites, setSites] = useState<string[]>([]);
  const [policy, setPolicy] = useState<ManagedPolicy>({});
  const [pack, setPack] = useState<DescriptorPack | null>(null);
  const [custom, setCustom] = useState<CustomProfiles>({ profiles: [], recovered: false });
  const [corrections, setCorrections] = useState<{ value: Correction[]; recovered: boolean }>({ value: [], recovered: false });

  useEffect(() => {
    const refresh = async () => {
      const [nextSites, nextPack] = await Promise.all([enabledSites(), readDescriptorPack()]);
      setSites(nextSites);
      setPack(nextPack);
    };
    void refresh();
    const refreshProfiles = async () => setCustom(await readCustomProfiles());
    void refreshProfiles();
    const refreshCorrections = async () => setCorrections(await readCorrections());
    void refreshCorrections();
    // Managed storage can take seconds to answer: policy arrives on its own, never blocking the page.
    void readManagedPolicy().then(setPolicy);
    const unwatch = [enabledSitesItem.watch(refresh), descriptorPackItem.watch(refresh), customProfilesItem.watch(refreshProfiles), correctionsItem.watch(refreshCorrections)];
    return () => unwatch.forEach((stop) => stop());
  }, []);

  return (
    <main class="cg-options">
      <header class="cg-options__head">
        <Logo />
        <h1>{t('options_title')}</h1>
      </header>
      <p class="cg-muted">{t('options_intro')}</p>
      <SitesSection
        enabled={[...new Set([...sites, ...(policy.sites ?? [])])]}
        locked={policy.sites ?? []}
        onEnable={enableSite}
        onDisable={disableSite}
      />
      <ProfilesSection
        custom={custom.profiles}
        recovered={custom.recovered}
        policy={policy}
        onChange={async (update) => {
          await saveCustomProfiles(update((await readCustomProfiles()).profiles));
          setCustom(await readCustomProfiles());
        }}
      />
      <CorrectionsSection
        corrections={corrections.value}
        recovered={corrections.recovered}
        policy={policyCorrections(policy.corrections)}
        onRemove={removeCorrection}
        onImport={importCorrections}
      />
      <DescriptorPackSection pack={pack} onSave={(next) => descriptorPackItem.setValue(next)} onRemove={() => descriptorPackItem.setValue(null)} />
      <PolicySection policy={policy} custom={custom.profiles} />
    </main>
  );
}

localizeDocument('options_title');
render(<App />, document.getElementById('app')!);
