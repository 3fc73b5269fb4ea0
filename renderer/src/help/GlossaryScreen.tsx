// The glossary page (issue 16, first day): every term of the help on one page, for reading
// through before the first certificate. The contents list moves focus to an entry (buttons, not
// #anchors: the app has no URLs to navigate, navigation.ts).
import { GlossaryEntryView } from './GlossaryEntryView';
import { glossary } from './glossary';

const headingId = (id: string) => `glossary-${id}`;

export function GlossaryScreen() {
  return (
    <section className="screen-page glossary" aria-labelledby="glossary-title">
      <h1 id="glossary-title">Help and glossary</h1>
      <p className="glossary__intro">
        The words you meet when you export rough diamonds from the United States, in plain words,
        each with the public rules it comes from. Press F1 on any page to open this help beside your
        work; on a field of the certificate, F1 opens that field’s explanation.
      </p>
      <nav aria-label="Glossary contents" className="glossary__contents">
        <ul>
          {glossary.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  const heading = document.getElementById(headingId(entry.id));
                  heading?.scrollIntoView({ block: 'start' });
                  heading?.focus();
                }}
              >
                {entry.term}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {glossary.map((entry) => (
        <GlossaryEntryView key={entry.id} entry={entry} level={2} headingId={headingId(entry.id)} />
      ))}
    </section>
  );
}
