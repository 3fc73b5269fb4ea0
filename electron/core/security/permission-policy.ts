// Which web permissions (camera, notifications, clipboard, geolocation, ...) the renderer may
// use. KP Desk needs none today, so the allowlist is empty and every request and every check is
// denied (Electron grants them all by default). To allow one, add it here with the reason, and
// docs/security.md ("Adding a permission") says what else to review.
import { isAppOrigin } from './app-origin';

/** Permission name (as Electron spells it) → why KP Desk needs it. */
export const permissionAllowlist: Readonly<Record<string, string>> = {};

/** True only for an allowlisted permission asked for by the app's own page. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
): boolean {
  return (
    Object.hasOwn(permissionAllowlist, permission) &&
    requestingUrl !== undefined &&
    isAppOrigin(requestingUrl)
  );
}
