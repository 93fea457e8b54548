/** Overridable so several runs can share a machine. */
export const E2E_PORT = Number(process.env.QUIRE_E2E_PORT ?? 47391);
export const E2E_TOKEN = 'e2e-token-not-secret-0123456789';
export const E2E_URL = `http://127.0.0.1:${E2E_PORT}/?token=${E2E_TOKEN}`;
