/** Loads one area's strings in one language; each pair is its own small chunk. */
import type { Area, Messages } from './en';
import type { Locale } from './i18n';

export async function loadAreaStrings(locale: Locale, area: Area): Promise<Messages> {
  if (locale === 'es') {
    if (area === 'exchange') return (await import('./exchange.es')).exchangeEs;
    if (area === 'board') return (await import('./board.es')).boardEs;
    if (area === 'sync') return (await import('./sync.es')).syncEs;
    if (area === 'tools') return (await import('./tools.es')).toolsEs;
    if (area === 'labels') return (await import('./labels.es')).labelsEs;
    if (area === 'lock') return (await import('./lock.es')).lockEs;
    if (area === 'defense') return (await import('./defense.es')).defenseEs;
    if (area === 'diagnostics') return (await import('./diagnostics.es')).diagnosticsEs;
    if (area === 'people') return (await import('./people.es')).peopleEs;
    return (await import('./ledger.es')).ledgerEs;
  }
  if (area === 'exchange') return (await import('./exchange.en')).exchangeEn;
  if (area === 'board') return (await import('./board.en')).boardEn;
  if (area === 'sync') return (await import('./sync.en')).syncEn;
  if (area === 'tools') return (await import('./tools.en')).toolsEn;
  if (area === 'labels') return (await import('./labels.en')).labelsEn;
  if (area === 'lock') return (await import('./lock.en')).lockEn;
  if (area === 'defense') return (await import('./defense.en')).defenseEn;
  if (area === 'diagnostics') return (await import('./diagnostics.en')).diagnosticsEn;
  if (area === 'people') return (await import('./people.en')).peopleEn;
  return (await import('./ledger.en')).ledgerEn;
}
