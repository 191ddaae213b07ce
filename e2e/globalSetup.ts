/** Waits until the backend of the portal answers, as `yarn start` brings up the frontend first. */
export default async function globalSetup() {
  const url = process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/.backstage/health/v1/readiness`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The backend at ${url} did not become ready in 5 minutes`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}
