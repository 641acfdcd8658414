# Build: compile TypeScript with every dependency installed.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Run: production dependencies and the compiled code only, as a non-root user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    KNOWLEDGE_DIR=/app/knowledge \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The shipped knowledge, owned by the bot (uploads write into it); mount a volume on /app/knowledge to replace it.
COPY --chown=node:node knowledge ./knowledge
RUN install -d -o node -g node /app/data
USER node
VOLUME ["/app/knowledge", "/app/data"]
EXPOSE 8080
# node itself is the main process (PID 1), so SIGTERM and SIGINT reach the bot directly; it handles both in every mode.
# The flags of package.json's start script (see the README's Design section).
CMD ["node", "--heap-growing-percent=20", "--max-semi-space-size=8", "--v8-pool-size=1", "dist/main.js"]
