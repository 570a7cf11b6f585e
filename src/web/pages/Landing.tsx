import { Navigate } from 'react-router';
import { useMe } from '../auth/SessionProvider.js';
import { WorkbenchPage } from './WorkbenchPage.js';

/** The first page after login: a department's feeds (a bank's loans), a helper's visits, everyone else's workbench. */
export function Landing() {
  const me = useMe();
  if (me.role === 'department') {
    // A bank's users work on their loans; other departments on their feeds.
    return <Navigate to={me.department === '银行' ? '/credit' : '/feeds'} replace />;
  }
  return me.role === 'helper' ? <Navigate to="/visits" replace /> : <WorkbenchPage />;
}
