// The source of a finding, with its CFR citations linked to the eCFR (cfr-links.ts).
import { sourceParts } from './cfr-links';

export function SourceCitation({ source }: { source: string }) {
  return (
    <span className="source">
      <span className="source__label">Source: </span>
      {sourceParts(source).map((part, index) =>
        part.href === undefined ? (
          <span key={index}>{part.text}</span>
        ) : (
          <a key={index} href={part.href} target="_blank" rel="noreferrer">
            {part.text}
          </a>
        ),
      )}
    </span>
  );
}
