// The baseline of the cached-page benchmark: a raw Node `http` server that sends one file's bytes, read
// once at start, with only a content type and length; no framework, no logs, no other headers.
import fs from "node:fs";
import http from "node:http";

const [file, port] = [process.argv[2] ?? "", Number(process.argv[3] ?? 0)];
const body = fs.readFileSync(file);
const server = http.createServer((_req, res) => {
  res.writeHead(200, ["Content-Type", "text/html; charset=utf-8", "Content-Length", String(body.length)]);
  res.end(body);
});
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : port}`);
});
