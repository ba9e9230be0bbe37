# Build stage: install everything, compile TypeScript to dist/.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY scripts/build.mjs ./scripts/
RUN npm run build

# Runtime stage: production dependencies, compiled code and the knowledge pack only.
FROM node:20-slim
ENV NODE_ENV=production HTTP_PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
RUN mkdir -p /app/data node_modules/.cache/crosscheck && chown node:node /app/data node_modules/.cache/crosscheck \
  && chmod 700 /app/data
# The embedded database (DATA_DIR): a volume, so recreating the container keeps every record.
# Declared after the chown, so a new volume starts out owned by the bot's user.
VOLUME /app/data
USER node
# Validate the pack once at build time, which also fills the parsed-YAML cache for a fast start.
RUN node -e "import('./dist/src/knowledge/load.js').then((k) => k.loadPack('knowledge'))"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/adapters/main.js"]
