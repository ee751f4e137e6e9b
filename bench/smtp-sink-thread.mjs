// One smtp-server sink in a worker thread (for the reminder bench): accepts every message and
// reports, when asked, how many it accepted and their Message-IDs.
import { parentPort } from 'node:worker_threads';
import { SMTPServer } from 'smtp-server';

const ids = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 500,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (c) => {
      if (head.length < 4096) head += c.toString('latin1');
    });
    stream.on('end', () => {
      const m = /^Message-ID:\s*(.*)$/im.exec(head.slice(0, head.indexOf('\r\n\r\n') >>> 0));
      ids.push(m ? m[1].trim() : '');
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.server.address().port }));
parentPort.on('message', (msg) => {
  if (msg === 'count') parentPort.postMessage({ count: ids.length });
  if (msg === 'report') parentPort.postMessage({ ids });
  if (msg === 'close') server.close(() => process.exit(0));
});
