// Who may use the vault: users with a role, each signing in with their own password.
import { z } from 'zod';
import { personText } from './person-text';

export const userRoles = ['operator', 'administrator', 'reviewer'] as const;
export type UserRole = (typeof userRoles)[number];

export const MIN_PASSWORD_LENGTH = 12;

export const NewUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9._-]{3,64}$/,
        'Use 3 to 64 letters, digits, dots, dashes or underscores for the username.',
      ),
    displayName: personText('name', 'name of the person')
      .trim()
      .min(1, 'Enter the name of the person.')
      .max(200),
    role: z.enum(userRoles),
    password: z
      .string()
      .min(
        MIN_PASSWORD_LENGTH,
        `Use a password of at least ${String(MIN_PASSWORD_LENGTH)} characters.`,
      )
      .max(1024),
  })
  .strict();

export const SignInSchema = z
  .object({ username: z.string().max(64), password: z.string().max(1024) })
  .strict();

/** users:update: a new role, or disabling (true) / enabling (false) the account. */
export const UpdateUserSchema = z
  .object({
    id: z.number().int().min(1),
    role: z.enum(userRoles).optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((value) => value.role !== undefined || value.disabled !== undefined, {
    error: 'Give a new role or whether the account is disabled.',
    path: ['role'],
  });

/** The first user of a new vault is always an administrator. */
export const FirstAdministratorSchema = NewUserSchema.omit({ role: true }).strict();
