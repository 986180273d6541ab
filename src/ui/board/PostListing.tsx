import { Page } from '../components/Page';
import { useT } from '../shell/context';

/** Placeholder until this screen is built. */
export function PostListing({ side: _side }: { readonly side: 'offer' | 'need' | null }) {
  const { t } = useT();
  return <Page title={t('notFound.title')}>{null}</Page>;
}
