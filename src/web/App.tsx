import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { FullPageSpinner, RequireAuth, RequirePermission } from './auth/guards.js';
import { SessionProvider } from './auth/SessionProvider.js';
import { QueryProvider } from './data/QueryProvider.js';
import { AntdLocale } from './i18n/AntdLocale.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { AppShell } from './layout/AppShell.js';
import { NotFoundPage } from './pages/StatusPages.js';
import { APP_ROUTES, type AppRoute } from './routes.js';

/** One <Route> per entry of the route table, behind its permission. */
function routeElement(route: AppRoute) {
  if (route.redirect) {
    return <Route key={route.path} path={route.path} element={<Navigate to={route.redirect} replace />} />;
  }
  const Page = route.page;
  if (!Page) {
    return null;
  }
  const element = route.permission ? (
    <RequirePermission permission={route.permission}>
      <Page />
    </RequirePermission>
  ) : (
    <Page />
  );
  return route.path === '/' ? (
    <Route key={route.path} index element={element} />
  ) : (
    <Route key={route.path} path={route.path} element={element} />
  );
}

const inLayout = (layout: AppRoute['layout']) =>
  APP_ROUTES.filter((route) => route.layout === layout).map(routeElement);

export function App() {
  return (
    <I18nProvider>
      <AntdLocale>
        <QueryProvider>
          <SessionProvider>
            <BrowserRouter>
              <Suspense fallback={<FullPageSpinner />}>
                <Routes>
                  {inLayout('public')}
                  <Route element={<RequireAuth />}>
                    {inLayout('bare')}
                    <Route element={<AppShell />}>
                      {inLayout('shell')}
                      <Route path="*" element={<NotFoundPage />} />
                    </Route>
                  </Route>
                </Routes>
              </Suspense>
            </BrowserRouter>
          </SessionProvider>
        </QueryProvider>
      </AntdLocale>
    </I18nProvider>
  );
}
