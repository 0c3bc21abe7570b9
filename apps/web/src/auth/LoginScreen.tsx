/** @module Sign-in screen; on a demo install it lists the demo accounts and fills them in with one click. */
import { type FormEvent, useEffect, useId, useState } from "react";
import { type DemoAccount, demoAccounts } from "../api/endpoints.js";
import { useSession } from "./session.js";

export function LoginScreen({ notice }: { notice?: string }) {
  const { signIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoAccount[]>([]);
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();

  useEffect(() => {
    let live = true;
    void demoAccounts().then((result) => {
      if (live && result.ok) setDemo(result.data.accounts);
    });
    return () => {
      live = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(await signIn(email, password));
    setBusy(false);
  };

  return (
    <main id="main" className="login">
      <h1>Sign in to Keel</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form onSubmit={(e) => void submit(e)} aria-describedby={error ? errorId : undefined}>
        <label htmlFor={emailId}>Email</label>
        <input
          id={emailId}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error ? (
          <p id={errorId} className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {demo.length > 0 ? (
        <section aria-labelledby="demo-accounts" className="demo-accounts">
          <h2 id="demo-accounts">Demo accounts</h2>
          <p className="muted">This desk was seeded with demo data. Pick an account to fill in the form.</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Password</th>
                <th scope="col">
                  <span className="visually-hidden">Use</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {demo.map((account) => (
                <tr key={account.email}>
                  <td>{account.role}</td>
                  <td>{account.name}</td>
                  <td>
                    <code>{account.email}</code>
                  </td>
                  <td>
                    <code>{account.password}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => {
                        setEmail(account.email);
                        setPassword(account.password);
                      }}
                    >
                      Use {account.role === "agent" ? account.name.split(" ")[0] : account.role}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </main>
  );
}
