import { Navigate } from 'react-router';
import { useMe } from '../auth/SessionProvider.js';
import { WorkbenchPage } from './WorkbenchPage.js';

/** The first page after login: a department's feeds, a helper's visits, everyone else's workbench. */
export function Landing() {
  const me = useMe();
  if (me.role === 'department') {
    return <Navigate to="/feeds" replace />;
  }
  return me.role === 'helper' ? <Navigate to="/visits" replace /> : <WorkbenchPage />;
}
