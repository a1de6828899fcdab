# syntax=docker/dockerfile:1
# The production image: build with all dependencies, run the standalone server alone, as a non-root user.
#   docker build -t claims-tracker .                  (the server: node server.js on PORT 3000)
#   docker build --target tools -t claims-tools .     (migrations, db:check, user admin: npm run …)
# The build stage runs scripts/build-standalone.sh, the same script CI runs outside Docker (.ci/run, via
# npm run test:e2e), so what CI tests is what the image serves. See compose.yaml for a full setup.
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN bash scripts/build-standalone.sh

# One-off jobs against DATABASE_URL: npm run db:migrate (the default), db:check, user -- add …
FROM build AS tools
ENV NODE_ENV=production
USER node
CMD ["npm", "run", "db:migrate"]

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# A Japanese font, so that anything the server renders for print has its glyphs (fonts-ipafont-gothic,
# the font the browser tests use).
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-ipafont-gothic \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    NODE_OPTIONS="--max-old-space-size=1024 --require ./trusted-proxy.cjs" \
    IMPORT_TMP_DIR=/tmp
COPY --from=build --chown=node:node /app/.next/standalone ./
# Decides which X-Forwarded-For entry is believed (TRUSTED_PROXY_HOPS) before the server sees a request.
COPY --from=build --chown=node:node /app/scripts/trusted-proxy.cjs ./trusted-proxy.cjs
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
