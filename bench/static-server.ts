// The baseline of the page benchmark: the same HTML served as a plain file by express.static.
import express from "express";

const [dir, port] = [process.argv[2] ?? ".", Number(process.argv[3] ?? 0)];
const app = express();
app.use(express.static(dir, { extensions: ["html"] }));
const server = app.listen(port, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : port}`);
});
