import { Navigate } from 'react-router';
import { useMe } from '../auth/SessionProvider.js';
import { WorkbenchPage } from './WorkbenchPage.js';

/** The first page after login: a department's feeds, everyone else's workbench. */
export function Landing() {
  const me = useMe();
  return me.role === 'department' ? <Navigate to="/feeds" replace /> : <WorkbenchPage />;
}
