import { Page } from '../components/Page';
import { useT } from '../shell/context';
import { CodesSection } from './CodesSection';
import { FileSection } from './FileSection';
import { GatheringSection } from './GatheringSection';
import { OnlineSection } from './OnlineSection';
import { LinksSection, StatusSection } from './StatusSection';
import './sync.css';

/** Everything about syncing this circle with other phones, by every carrier. */
export function SyncScreen() {
  const { t } = useT();
  return (
    <Page title={t('sync.title')}>
      <p>{t('sync.lead')}</p>
      <StatusSection />
      <LinksSection />
      <OnlineSection />
      <GatheringSection />
      <CodesSection />
      <FileSection />
    </Page>
  );
}
