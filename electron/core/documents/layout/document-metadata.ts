// The metadata every KP Desk document carries (title, subject, producer, dates), set explicitly
// rather than left to pdf-lib's defaults so a document names what it is and which build made it.
import type { PDFDocument } from 'pdf-lib';
import { version as packageVersion } from '../../../../package.json';

export type DocumentMetadata = {
  title: string;
  subject: string;
  keywords: string[];
  /** e.g. "KP Desk 1.2.0"; defaults to this build's version. */
  producer?: string;
  /** Creation date; defaults to the current time. */
  now?: Date;
};

export function setDocumentMetadata(pdf: PDFDocument, metadata: DocumentMetadata): void {
  const now = metadata.now ?? new Date();
  pdf.setTitle(metadata.title);
  pdf.setSubject(metadata.subject);
  pdf.setKeywords(metadata.keywords);
  pdf.setProducer(metadata.producer ?? `KP Desk ${packageVersion}`);
  pdf.setCreator('KP Desk');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);
  pdf.setLanguage('en-US');
}
