import { Page } from '../components/Page';
import { useT } from '../shell/context';

/** Placeholder until this screen is built. */
export function NewExchange({ role: _role, listing: _listing }: { readonly role: 'provider' | 'receiver' | null; readonly listing: string | null }) {
  const { t } = useT();
  return <Page title={t('notFound.title')}>{null}</Page>;
}
