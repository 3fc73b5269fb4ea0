// The list of steps: where the user is (aria-current), what is done, and a button for each step
// that can be opened now (any step behind, and up to the first one not yet complete).
import type { StepFacts, StepId } from './wizard-steps';
import { isStepComplete, stepIds, stepTitles } from './wizard-steps';

type StepNavProps = {
  current: StepId;
  facts: StepFacts;
  reachable: (step: StepId) => boolean;
  onGo: (step: StepId) => void;
};

export function StepNav({ current, facts, reachable, onGo }: StepNavProps) {
  return (
    <nav className="wizard-steps" aria-label="Steps of the certificate">
      <ol className="wizard-steps__list">
        {stepIds.map((step, index) => {
          const done = isStepComplete(step, facts);
          const state = step === current ? 'current' : done ? 'done' : 'todo';
          const label = `${String(index + 1)}. ${stepTitles[step]}`;
          const note = state === 'done' ? ' (done)' : state === 'todo' ? ' (to do)' : '';
          return (
            <li key={step} className={`wizard-steps__item wizard-steps__item--${state}`}>
              {step === current || !reachable(step) ? (
                <span
                  className="wizard-steps__label"
                  {...(step === current ? { 'aria-current': 'step' as const } : {})}
                >
                  {label}
                  <span className="visually-hidden">{note}</span>
                </span>
              ) : (
                <button
                  type="button"
                  className="wizard-steps__button"
                  onClick={() => {
                    onGo(step);
                  }}
                >
                  {label}
                  <span className="visually-hidden">{note}</span>
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
