// Said beside what cannot be done while an audit package is read (issue 14, part 3): the reason
// first, in the same words everywhere ("This is a read-only audit package"), then what to do
// instead. A disabled button points here with aria-describedby, so a screen reader says why.
type Props = { id: string; reason: string; instead: string };

export function ReadOnlyPackageNote({ id, reason, instead }: Props) {
  return (
    <p id={id} className="notice" data-testid="read-only-package-note">
      {reason}: {instead}
    </p>
  );
}
