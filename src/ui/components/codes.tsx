/** The QR display and scanner with their labels in the member's language. */
import { QrCode } from './QrCode';
import { Scanner } from './Scanner';
import { useT } from '../shell/context';

export function ShowCode({ text, label }: { readonly text: string; readonly label: string }) {
  const { t } = useT();
  return (
    <QrCode
      text={text}
      labels={{
        image: label,
        copy: t('code.copy'),
        copied: t('code.copied'),
        copyManually: t('code.copyManually'),
        showText: t('code.showText'),
        textBox: t('code.textBox'),
      }}
    />
  );
}

export function ScanCode({ onCode }: { readonly onCode: (text: string) => Promise<string | null> }) {
  const { t } = useT();
  return (
    <Scanner
      onCode={onCode}
      labels={{
        video: t('scan.video'),
        starting: t('scan.starting'),
        scanning: t('scan.scanning'),
        checking: t('scan.checking'),
        accepted: t('scan.accepted'),
        checkFailed: t('scan.checkFailed'),
        denied: t('scan.denied'),
        noCamera: t('scan.noCamera'),
        insecureContext: t('scan.insecureContext'),
        cameraUnavailable: t('scan.cameraUnavailable'),
        pasteLabel: t('scan.pasteLabel'),
        pasteSubmit: t('scan.pasteSubmit'),
      }}
    />
  );
}
