// One glossary entry: the term, what it means in one sentence, the plain-words explanation, any
// exact text quoted (a warranty statement, a definition), and the public rules it rests on. Links
// open in the user's browser (Electron's window-open handler allows https only).
import type { GlossaryEntry } from './glossary';

type Props = {
  entry: GlossaryEntry;
  /** The glossary page uses h2 under its h1; the panel uses h3 under its h2. */
  level: 2 | 3;
  headingId: string;
};

export function GlossaryEntryView({ entry, level, headingId }: Props) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article className="glossary-entry" aria-labelledby={headingId}>
      <Heading id={headingId} className="glossary-entry__term" tabIndex={-1}>
        {entry.term}
      </Heading>
      <p className="glossary-entry__short">{entry.short}</p>
      {entry.paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
      {entry.quotes?.map((quote) => (
        <figure key={quote.title} className="glossary-entry__quote">
          <figcaption>{quote.title}</figcaption>
          <blockquote>{quote.text}</blockquote>
        </figure>
      ))}
      <p className="glossary-entry__links-title">The rules and where to read them:</p>
      <ul className="glossary-entry__links">
        {entry.links.map((link) => (
          <li key={link.url}>
            <a href={link.url} target="_blank" rel="noreferrer">
              {link.label}
            </a>{' '}
            <span className="glossary-entry__url">({link.url})</span>
          </li>
        ))}
      </ul>
    </article>
  );
}
