// Reference-data notes carry research markers for maintainers ("(UNCONFIRMED exact end dates)",
// "UNCONFIRMED: ..."): they say how sure the data's compiler was, not something a licensee can act
// on, and read as an error to one (issue 16). What a screen shows goes through here: each
// parenthesis holding a marker is dropped, then each sentence still holding one.

const MARKER = 'UNCONFIRMED';

export function userFacingNote(text: string): string {
  const withoutAsides = text.replace(/\s*\([^()]*\bUNCONFIRMED\b[^()]*\)/g, '');
  const sentences = withoutAsides.match(/[^.!?]+(?:[.!?]+|$)/g) ?? [];
  return sentences
    .filter((sentence) => !sentence.includes(MARKER))
    .join('')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
