// The baseline for bench:ingress: an Express 5 endpoint that only answers 200.
import express from 'express';
const app = express();
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.post('/bare', (_req, res) => {
  res.status(200).json({ ok: true });
});
const port = Number(process.env.PORT ?? 0);
const server = app.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`);
});
