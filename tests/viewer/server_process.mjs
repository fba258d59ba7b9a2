// Starts the server the viewer tests talk to and waits for its URL: either
// the mock (mock_server.mjs) or the real `policykg serve` binary, both on
// port 0 with a temporary store and a known token, loopback only, serving
// this checkout's web/viewer/ (--viewer; the binary's default is the
// source tree it was built from).
//
// Interface: startServer({binary, inputs, token, dir, extraArgs}) →
// {url, proc, log(), stop()}. The URL is read from the server's first
// output line that contains http://127.0.0.1:PORT; a server that exits or
// prints none within 120 s is an error carrying its output.
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function startServer({ binary = null, inputs = [], token, dir, extraArgs = [] }) {
  const [cmd, args] = binary
    ? [binary, ['serve', ...inputs, '--port', '0', '--host', '127.0.0.1', '--token', token, '--store', join(dir, 'store.sqlite'),
      '--viewer', join(here, '..', '..', 'web', 'viewer'), ...extraArgs]]
    : [process.execPath, [join(here, 'mock_server.mjs'), '--port', '0', '--token', token, '--store', join(dir, 'store.json'), ...extraArgs]];
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${cmd} printed no URL within 120 s:\n${output}`));
    }, 120000);
    const onData = (chunk) => {
      output += chunk;
      const m = /http:\/\/(127\.0\.0\.1|localhost|\[::1\]):(\d+)/.exec(output);
      if (m && Number(m[2]) > 0) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${m[2]}/`,
          proc,
          log: () => output,
          stop: () => new Promise((done) => {
            if (proc.exitCode !== null) return done();
            proc.once('exit', done);
            proc.kill('SIGTERM');
            setTimeout(() => proc.kill('SIGKILL'), 5000);
          }),
        });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} ${args.join(' ')} exited with ${code} before serving:\n${output}`));
    });
  });
}
