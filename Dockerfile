# Production image of Vakmanschap. Untested on the project's own machines (they cannot run Docker).
#
#   docker build -t vakmanschap .
#   docker run -p 3000:3000 -v vakmanschap-data:/data vakmanschap
#   docker run -p 443:3000 -e PUBLIC_URL=https://vakmanschap.example.nl -v vakmanschap-data:/data vakmanschap
#
# Without DATABASE_URL the embedded database lives in the /data volume: run one container per volume.
# PUBLIC_URL is the address people use; links in mails are built from it, and requests for any other
# host are refused (421). The default fits the first line above; set your own for anything else.

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    PUBLIC_URL=http://localhost:3000 \
    DATA_DIR=/data
WORKDIR /app
# The server resolves build/, content/ and db/migrations from the working directory. app/ and scripts/
# are included so that `npm run content:import` works inside the container.
COPY --from=build /app/package.json /app/package-lock.json /app/server.js ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/content ./content
COPY --from=build /app/db ./db
COPY --from=build /app/app ./app
COPY --from=build /app/scripts ./scripts
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
