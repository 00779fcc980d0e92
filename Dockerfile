# Lotse in a container: `docker compose up` (compose.yaml) or on its own with the settings of
# docs/operations.md. Nothing is built: tsx runs the TypeScript (a runtime dependency).

# Stage 1: the runtime packages only (no test tools), installed from the lock file.
FROM node:24-bookworm-slim AS packages
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Stage 2: the application, run by the unprivileged `node` user of the base image.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    LOTSE_DEMO=false \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOTSE_DATA_DIR=/var/lib/lotse
WORKDIR /app
COPY --from=packages /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY migrations ./migrations
COPY scripts ./scripts
COPY src ./src
# The data folder (document store, backups, outbox) is a volume; it must belong to `node`.
RUN mkdir -p /var/lib/lotse && chown node:node /var/lib/lotse
USER node
VOLUME ["/var/lib/lotse"]
EXPOSE 3000
# /readyz: 200 while the instance serves (database reachable), 503 while it drains on SIGTERM.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Started without npm in between, so SIGTERM reaches Lotse and it drains (docs/operations.md);
# the base image's Node is the Node 24 that `npm start` would use.
CMD ["node", "--import", "tsx", "src/main.ts"]
