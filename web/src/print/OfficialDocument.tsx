import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import { DOCUMENT_TEXT, numberAndSymbol, placeAndDate } from './document-text.ts';
import './print.css';

/** What a clerk fills in before printing: the number from the outgoing register, the signer, the recipients. */
export type DocumentDetails = { number: string; signerName: string; recipients: string };

export type DocumentFrame = {
  /** The body above the issuing body ("UBND TỈNH QUẢNG NGÃI"), and the issuing body itself, in capitals (print/document-bodies.ts). */
  parentBody: string; issuingBody: string;
  symbol: string; place: string; isoDay: string;
  /** The kind of document ("BÁO CÁO", "KẾ HOẠCH") and what it is about. */
  kind: string; subject: string;
  /** "KT. GIÁM ĐỐC" above the title when a deputy signs for the head. */
  authority?: string; signerTitle: string;
  /** A line after the body, e.g. the issuing body's former name ("trước đây: Sở Thông tin và Truyền thông tỉnh Kon Tum"). */
  note?: string;
};

type Props = { frame: DocumentFrame; details: DocumentDetails; mapImage: string | null; children: ReactNode; testId: string };

/**
 * A document laid out as a Vietnamese administrative document (Decree 30/2020/NĐ-CP): issuing body and national
 * heading side by side, number and symbol, place and date, the kind and subject, the map as a picture, the body, the
 * signature block and the recipients. On screen it reads as a preview; on A4 it is the document.
 */
export function OfficialDocument({ frame, details, mapImage, children, testId }: Props) {
  const { language } = useLanguage();
  const text = DOCUMENT_TEXT[language];
  const recipients = details.recipients.split('\n').map((line) => line.trim()).filter(Boolean);
  return (
    <article className="official-document" data-testid={testId} lang={language}>
      <header className="document-heading" data-testid="document-heading">
        <div className="document-issuer">
          <div>{frame.parentBody}</div>
          <div className="document-body-name">{frame.issuingBody}</div>
          <div className="document-number" data-testid="document-number">{numberAndSymbol(details.number, frame.symbol, language)}</div>
        </div>
        <div className="document-nation">
          <div className="document-nation-name">{text.nation}</div>
          <div className="document-motto">{text.motto}</div>
          <div className="document-date">{placeAndDate(frame.place, frame.isoDay, language)}</div>
        </div>
      </header>
      <h1 className="document-title" data-testid="document-title">{frame.kind}<span className="document-subject">{frame.subject}</span></h1>
      {mapImage && (
        <figure className="document-map">
          <img src={mapImage} alt={text.mapCaption} data-testid="print-map-image" />
          <figcaption>{text.mapCaption}</figcaption>
        </figure>
      )}
      <div className="document-content">{children}</div>
      {frame.note && <p className="document-note" data-testid="document-note">{frame.note}</p>}
      <footer className="document-closing">
        <div className="document-recipients" data-testid="document-recipients">
          <div className="document-recipients-title">{text.recipients}:</div>
          {recipients.map((line, index) => <div key={index}>{line}</div>)}
        </div>
        <div className="document-signature" data-testid="document-signature">
          {frame.authority && <div className="document-signer-title">{frame.authority}</div>}
          <div className="document-signer-title">{frame.signerTitle}</div>
          <div className="document-signature-space" />
          <div className="document-signer-name" translate="no">{details.signerName}</div>
        </div>
      </footer>
    </article>
  );
}

/** The clerk's fields, on screen only: number, signer's name, recipients (one a line). */
export function DocumentDetailsForm({ details, onChange }: { details: DocumentDetails; onChange: (details: DocumentDetails) => void }) {
  const { language } = useLanguage();
  const vi = language === 'vi';
  return (
    <fieldset className="document-details no-print">
      <legend>{vi ? 'Thông tin văn bản' : 'Document details'}</legend>
      <label>{vi ? 'Số văn bản (theo sổ văn bản đi)' : 'Number (from the outgoing register)'}
        <input data-testid="document-number-input" inputMode="numeric" value={details.number} onChange={(event) => onChange({ ...details, number: event.target.value })} />
      </label>
      <label>{vi ? 'Người ký' : 'Signed by'}
        <input data-testid="document-signer-input" value={details.signerName} onChange={(event) => onChange({ ...details, signerName: event.target.value.normalize('NFC') })} />
      </label>
      <label>{vi ? 'Nơi nhận (mỗi dòng một nơi)' : 'Recipients (one a line)'}
        <textarea rows={4} value={details.recipients} onChange={(event) => onChange({ ...details, recipients: event.target.value })} />
      </label>
    </fieldset>
  );
}
