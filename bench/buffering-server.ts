// The baseline of the limits benchmark: a plain Node server that reads every form body whole before
// it answers, as a page action's `request.formData()` does when nothing bounds the body.
import http from "node:http";

const port = Number(process.argv[2] ?? 0);
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    res.writeHead(req.url === "/readyz" ? 200 : 400, { "Content-Type": "text/plain" });
    res.end(`${size}\n`);
  });
});
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : port}`);
});
