// The centred card that unlock, sign-in and first-run setup share: the app's name, one heading
// that takes the focus when the card appears (so a keyboard or screen-reader user starts there),
// and the card's content.
import { useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';

export function GateLayout({
  title,
  intro,
  wide,
  children,
}: {
  title: string;
  intro?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // In the commit that shows the card, before it is painted: the focus never starts elsewhere.
  useLayoutEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <div className="gate">
      <header className="gate__brand">
        <span className="app__name">KP Desk</span>
        <span className="gate__tagline">US Kimberley Process certificates</span>
      </header>
      <main className={`gate__card${wide ? ' gate__card--wide' : ''}`}>
        <h1 ref={heading} tabIndex={-1} className="gate__title">
          {title}
        </h1>
        {intro === undefined ? null : <div className="gate__intro">{intro}</div>}
        {children}
      </main>
    </div>
  );
}
