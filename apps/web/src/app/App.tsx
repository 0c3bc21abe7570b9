/** @module The app shell: sign-in gate, top navigation, and the screen the route table picks for the current path. */
import { Suspense, useEffect, useRef } from "react";
import { LoginScreen } from "../auth/LoginScreen.js";
import { useSession } from "../auth/session.js";
import { Link, matchPath, useLocation } from "./router.js";
import { type AppRoute, ROUTES, type RouteRole } from "./routes.js";

const RANK: Record<Exclude<RouteRole, "public">, number> = { agent: 0, supervisor: 1, admin: 2 };

export function findRoute(location: string): { route: AppRoute; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, location);
    if (params) return { route, params };
  }
  return null;
}

function NotFound() {
  return (
    <main id="main" className="page">
      <h1>Not found</h1>
      <p>
        Nothing lives at this address. <Link href="/">Back to the inbox</Link>.
      </p>
    </main>
  );
}

function Loading() {
  return (
    <p className="page muted" role="status">
      Loading…
    </p>
  );
}

export function App() {
  const location = useLocation();
  const { state, signOut } = useSession();
  const found = findRoute(location);

  useEffect(() => {
    document.title = found ? `${found.route.title} · Keel` : "Keel";
  }, [found]);

  // A new screen takes the focus (once it has rendered), so keyboard and screen-reader users start at its top
  // rather than on the link they left. Query changes (filters) keep the focus where it is.
  const pathname = location.split("?")[0] ?? "/";
  const previousPath = useRef(pathname);
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    const timer = window.setTimeout(() => {
      const main = document.querySelector<HTMLElement>("main");
      if (!main || main.contains(document.activeElement)) return;
      if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
      main.focus({ preventScroll: true });
    }, 50);
    return () => window.clearTimeout(timer);
  }, [pathname]);

  if (found?.route.role === "public") {
    const Screen = found.route.screen;
    return (
      <Suspense fallback={<Loading />}>
        <Screen params={found.params} />
      </Suspense>
    );
  }
  if (state.status === "loading") return <Loading />;
  if (state.status === "signed-out")
    return <LoginScreen {...(state.reason ? { notice: state.reason } : {})} />;

  const agent = state.agent;
  const allowed = (role: RouteRole) => role === "public" || RANK[agent.role] >= RANK[role];
  const Screen = found?.route.screen;
  const path = location.split("?")[0];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          Keel
        </Link>
        <nav aria-label="Main">
          <ul>
            {ROUTES.filter((r) => r.nav && allowed(r.role)).map((r) => (
              <li key={r.path}>
                <Link href={r.path} aria-current={path === r.path ? "page" : undefined}>
                  {r.nav}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {agent.name} <span className="muted">({agent.role})</span>
          </span>
          <button type="button" className="button-quiet" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      {!found || !Screen ? (
        <NotFound />
      ) : !allowed(found.route.role) ? (
        <main id="main" className="page">
          <h1>Not allowed</h1>
          <p>This screen needs the {found.route.role} role.</p>
        </main>
      ) : (
        <Suspense fallback={<Loading />}>
          <Screen params={found.params} />
        </Suspense>
      )}
    </div>
  );
}
