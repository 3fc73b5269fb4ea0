// Where the user is in setup: "Step 3 of 6" and the list of steps, the current one marked with
// aria-current="step" so a screen reader says it too.
import { firstRunSteps, stepIndex } from './first-run-steps';
import type { FirstRunStep } from './first-run-steps';

export function StepProgress({ current }: { current: FirstRunStep }) {
  const index = stepIndex(current);
  return (
    <nav aria-label="Setup progress" className="steps">
      <p className="steps__count">
        Step {index + 1} of {firstRunSteps.length}
      </p>
      <ol className="steps__list">
        {firstRunSteps.map((entry, i) => (
          <li
            key={entry.step}
            className={`steps__item${i < index ? ' steps__item--done' : ''}${i === index ? ' steps__item--current' : ''}`}
            aria-current={i === index ? 'step' : undefined}
          >
            {entry.label}
            {i < index ? <span className="visually-hidden"> (done)</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
