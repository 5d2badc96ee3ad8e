import { createContext, useContext } from 'react';
import type { Role, User } from './types';

export interface Session {
  user: User;
  signOut(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('no session');
  return session;
}
