// The preview's vault in a temporary folder, said on every start-up screen (issue 16): a new
// user who enters real records there would lose them. The preview host prints the same on its
// console (preview/vault-dir-option.ts).
export function TemporaryVaultNotice() {
  return (
    // A landmark of its own: it sits beside the screen's <main>, not inside it.
    <aside aria-label="About this preview" data-testid="temporary-vault-notice">
      <p className="notice notice--warning">
        This preview keeps its vault in a temporary folder that the system may delete, and the next
        start begins a new vault. To keep your records, start it with{' '}
        <code>npm start -- --vault-dir FOLDER</code> (or set <code>KP_PREVIEW_DATA_DIR</code>).
      </p>
    </aside>
  );
}
