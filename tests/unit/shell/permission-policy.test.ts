// Every web permission is denied until someone allowlists it with a reason
// (docs/security.md, "Adding a permission").
import { describe, expect, it } from 'vitest';
import {
  isPermissionAllowed,
  permissionAllowlist,
} from '../../../electron/core/security/permission-policy';

// The permission names Electron 45 passes to the request and check handlers.
const electronPermissions = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'hid',
  'idle-detection',
  'local-fonts',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'persistent-storage',
  'pointerLock',
  'serial',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'usb',
  'window-management',
  'unknown',
];

describe('isPermissionAllowed', () => {
  it('has an empty allowlist: KP Desk needs no web permission', () => {
    expect(Object.keys(permissionAllowlist)).toEqual([]);
  });

  it.each(electronPermissions)('denies %s, even to the app itself', (permission) => {
    expect(isPermissionAllowed(permission, 'app://kpdesk/index.html')).toBe(false);
    expect(isPermissionAllowed(permission, 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed(permission, undefined)).toBe(false);
  });

  it('is not fooled by names inherited from Object.prototype', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(isPermissionAllowed(name, 'app://kpdesk/')).toBe(false);
    }
  });
});
