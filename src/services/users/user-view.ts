import type { UserRecord } from '../../store/repositories/user.repository.js';

/** A user as the API and CLI show it: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string;
  teamId: string | null;
  disabled: boolean;
  createdAt: string;
}

export function presentUser(u: UserRecord): UserView {
  return {
    id: String(u.id),
    email: u.email,
    name: u.name,
    role: u.role,
    teamId: u.teamId === null ? null : String(u.teamId),
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt,
  };
}
