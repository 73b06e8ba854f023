// A small static server for dist/: correct MIME types (application/wasm), precompressed .br/.gz
// when the browser accepts them, immutable caching for hashed names, no-cache for the rest, and the
// same security headers as deploy/nginx.conf. Listens on 127.0.0.1:$PORT (default 8080).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'dist');
const port = Number(process.env.PORT || 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};
const csp = fs.readFileSync(path.join(dist, '..', 'deploy', 'csp.txt'), 'utf8').trim() + "; frame-ancestors 'none'";

http.createServer((req, res) => {
  let name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  if (name.includes('..')) { res.writeHead(400).end(); return; }
  let file = path.join(dist, name);
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) { file = path.join(dist, 'index.html'); name = 'index.html'; }
  const ext = path.extname(file);
  const headers = {
    'Content-Type': types[ext] || 'application/octet-stream',
    'Cache-Control': /\.[0-9a-f]{10}\./.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Vary': 'Accept-Encoding',
  };
  if (csp) headers['Content-Security-Policy'] = csp;
  const accept = req.headers['accept-encoding'] || '';
  for (const [enc, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accept.includes(enc) && fs.existsSync(file + suffix)) {
      headers['Content-Encoding'] = enc;
      file += suffix;
      break;
    }
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') { res.end(); return; }
  fs.createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ at http://127.0.0.1:${port}/`));
